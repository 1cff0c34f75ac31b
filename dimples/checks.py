"""Argument checks shared by the kit's modules: one message style for bad numbers.

Every public function names the parameter, the value and what is allowed
when it refuses an argument; :func:`check_number` says it the same way
everywhere.
"""

from __future__ import annotations

import math


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
        Allowed closed range (``None`` = unbounded).
    unit : str
        Unit shown in the message.
    low_open : bool
        If True the lower bound itself is refused (``value > low``).
    """
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
