"""Tests of dimples.base: the argument checks and the registry lookup every module uses."""

from __future__ import annotations

import numpy as np
import pytest

from dimples import base


@pytest.mark.parametrize("value, expected", [(3, 3.0), (2.5, 2.5), (np.float32(1.5), 1.5), (np.int64(4), 4.0)])
def test_check_number_accepts_real_numbers(value, expected):
    out = base.check_number("x", value, 0.0, 10.0)
    assert out == expected and type(out) is float


@pytest.mark.parametrize("value, low, high, low_open, needle", [
    (True, None, None, False, "expected a finite number"),
    ("3", None, None, False, "expected a finite number"),
    (float("inf"), None, None, False, "expected a finite number"),
    (-0.1, 0.0, 1.0, False, "in [0, 1]"),
    (0.0, 0.0, 1.0, True, "in (0, 1]"),
    (1.5, 0.0, 1.0, False, "out of range"),
    (-1.0, 0.0, None, False, ">= 0"),
    (11.0, None, 10.0, False, "<= 10"),
])
def test_check_number_refuses_and_says_what_is_allowed(value, low, high, low_open, needle):
    with pytest.raises(ValueError) as err:
        base.check_number("fat_mm", value, low, high, unit="mm", low_open=low_open)
    message = str(err.value)
    assert message.startswith(f"fat_mm={value!r}") and needle in message


def test_range_ends_are_inclusive_unless_open():
    assert base.check_number("x", 0.0, 0.0, 1.0) == 0.0
    assert base.check_number("x", 1.0, 0.0, 1.0, low_open=True) == 1.0


def test_check_sex_and_bool():
    assert base.check_sex("female") == "female"
    assert base.check_bool("anchored", np.bool_(True)) is True
    for bad in ("Female", "f", 1, None):
        with pytest.raises(ValueError, match="sex="):
            base.check_sex(bad)
    for bad in (1, 0, "True", None):
        with pytest.raises(ValueError, match="anchored="):
            base.check_bool("anchored", bad)


def test_lookup_names_the_key_and_some_known_ones():
    registry = {k: i for i, k in enumerate("abcdef")}
    assert base.lookup(registry, "c", "letter") == 2
    with pytest.raises(ValueError) as err:
        base.lookup(registry, "z", "letter in the test", name="letter")
    message = str(err.value)
    assert message.startswith("letter='z': not a letter in the test") and "known: 6" in message and "a, b" in message


def test_float_array_and_short_repr():
    assert base.float_array("x_mm", [1, 2], "positions").dtype == float
    with pytest.raises(ValueError, match=r"x_mm='ab': expected positions in mm"):
        base.float_array("x_mm", "ab", "positions in mm")
    assert len(base.short_repr(np.zeros(1000))) <= 60 and base.short_repr(3) == "3"
