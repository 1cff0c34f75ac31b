"""The bottom of the kit: argument checks, the model-assumption record and registry lookup.

Every public function names the parameter, the value and what is allowed
when it refuses an argument; :func:`check_number`, :func:`check_sex`,
:func:`check_bool` and :func:`lookup` say it the same way everywhere.
:class:`Assumption` is one row of the kit's assumptions table (notebook 04).
This module imports nothing of the kit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["SEXES", "Assumption", "short_repr", "check_number", "check_sex", "check_bool", "float_array", "lookup",
           "one_blas_thread"]

#: The two sexes the body-composition equations were fitted for (they are sex-specific).
SEXES: tuple[str, ...] = ("female", "male")


@dataclass(frozen=True)
class Assumption:
    """One parameter of the illustrative model, as a row of the assumptions table.

    Attributes
    ----------
    name : str
        What the parameter is, in plain words.
    value : str
        Its value as shown in the table (numbers formatted, unit apart).
    unit : str
        Unit, or ``"-"`` for a pure number.
    source : str
        Citation key in :mod:`dimples.references`, or ``"assumed"``.
    note : str
        Why this value, and how firm it is.
    """

    name: str
    value: str
    unit: str
    source: str
    note: str = ""


def short_repr(value, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters, for error messages (arrays can be long).

    Parameters
    ----------
    value : object
        What to show.
    limit : int
        Longest text returned, in characters (default 60).

    Returns
    -------
    str
        ``repr(value)``, ending in ``"..."`` if it was cut.
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_name(name) -> None:
    if not isinstance(name, str):
        raise ValueError(f"name={name!r}: expected the parameter's name (a string)")


def float_array(name: str, value, what: str) -> np.ndarray:
    """``value`` as a float numpy array, or ValueError naming ``name`` and the value.

    Parameters
    ----------
    name : str
        Parameter name used in the message.
    value : array_like
        What was passed.
    what : str
        What is expected, for the message (``"a finite 2-D array of heights in mm"``).

    Returns
    -------
    numpy.ndarray
        ``value`` as floats (shape and finiteness are the caller's to check).

    Raises
    ------
    ValueError
        If ``name`` is not a string, or ``value`` cannot be read as floats;
        the message names ``name`` and the value.
    """
    _check_name(name)
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}={short_repr(value)}: expected {what}") from None


def check_number(name: str, value, low: float | None = None, high: float | None = None, *,
                 unit: str = "", low_open: bool = False) -> float:
    """Return ``value`` as a float, or raise ValueError naming it.

    Parameters
    ----------
    name : str
        Parameter name used in the message.
    value : object
        The value to check; must be a real finite number (``bool`` is refused).
    low, high : float or None
        Allowed closed range, in the unit ``unit`` (``None`` = unbounded).
    unit : str
        Unit of ``value``, ``low`` and ``high`` shown in the message (``"mm"``,
        ``"%"``...; ``""`` for a pure number).
    low_open : bool
        If True the lower bound itself is refused (``value > low``).

    Returns
    -------
    float
        ``value`` as a float.

    Raises
    ------
    ValueError
        If ``value`` is not a finite real number or lies outside the range;
        the message names ``name``, the value and the allowed range.
    """
    _check_name(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise ValueError(f"{name}={value!r}: expected a finite number{_range_text(low, high, unit, low_open)}")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}={value!r}: expected a finite number{_range_text(low, high, unit, low_open)}") from None
    if not math.isfinite(x):
        raise ValueError(f"{name}={value!r}: expected a finite number{_range_text(low, high, unit, low_open)}")
    if low is not None and (x < low or (low_open and x == low)):
        raise ValueError(f"{name}={value!r}: out of range; expected a value{_range_text(low, high, unit, low_open)}")
    if high is not None and x > high:
        raise ValueError(f"{name}={value!r}: out of range; expected a value{_range_text(low, high, unit, low_open)}")
    return x


def _range_text(low, high, unit, low_open=False) -> str:
    u = f" {unit}" if unit else ""
    if low is not None and high is not None:
        return f" in {'(' if low_open else '['}{low:g}, {high:g}]{u}"
    if low is not None:
        return f" {'>' if low_open else '>='} {low:g}{u}"
    if high is not None:
        return f" <= {high:g}{u}"
    return ""


def check_sex(sex) -> str:
    """Return ``sex`` if it is one of :data:`SEXES`, else raise ValueError.

    Parameters
    ----------
    sex : str
        ``"female"`` or ``"male"``.

    Returns
    -------
    str
        ``sex``, unchanged.

    Raises
    ------
    ValueError
        If ``sex`` is not one of :data:`SEXES`.
    """
    if not isinstance(sex, str) or sex not in SEXES:
        raise ValueError(f"sex={sex!r}: expected one of {SEXES}")
    return sex


def check_bool(name: str, value) -> bool:
    """Return ``value`` as a bool if it is True or False (numpy's too), else raise ValueError.

    Parameters
    ----------
    name : str
        Parameter name used in the message.
    value : object
        The value to check.

    Returns
    -------
    bool
        ``value`` as a Python bool.

    Raises
    ------
    ValueError
        If ``value`` is not a bool (``0``/``1`` and strings are refused).
    """
    _check_name(name)
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name}={short_repr(value)}: expected True or False")
    return bool(value)


def lookup(registry: Mapping, key, what: str, *, name: str = "key"):
    """Return ``registry[key]``, or raise ValueError naming the key and a few known ones.

    The one lookup of every registry of the kit (references, facts, claims,
    quizzes), so an unknown key reads the same everywhere.

    Parameters
    ----------
    registry : mapping
        Keys (str) to records.
    key : str
        The key asked for.
    what : str
        What the registry holds, for the message (``"citation key in dimples.references"``).
    name : str
        Parameter name used in the message.

    Returns
    -------
    object
        The record.

    Raises
    ------
    ValueError
        If ``registry`` is not a mapping, ``what`` or ``name`` is not a string,
        or ``key`` is not in ``registry`` (the message names the key and a few known ones).
    """
    if not isinstance(registry, Mapping):
        raise ValueError(f"registry={short_repr(registry)}: expected a mapping of keys to records")
    if not isinstance(what, str):
        raise ValueError(f"what={what!r}: expected a description of the registry (a string)")
    _check_name(name)
    if not isinstance(key, str) or key not in registry:
        known = sorted(registry)
        hint = ", ".join(known[:4]) + (", ..." if len(known) > 4 else "")
        raise ValueError(f"{name}={key!r}: not a {what} (known: {len(known)}, e.g. {hint})")
    return registry[key]


def one_blas_thread():
    """A context in which numpy's BLAS (OpenBLAS) runs on one thread; the caller's setting comes back after.

    The kit builds its frames and figures inside it, for two reasons. OpenBLAS's
    result can differ in its last bits with its number of threads (the model's
    contact solve then takes other nodes), so stored pictures would depend on
    the machine's cores. And the model's small solves gain nothing from more
    threads, whose idle spinning takes the cores the frame encoders need.

    Returns
    -------
    threadpoolctl.threadpool_limits
        Use it in a ``with`` statement.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
