"""The regime map: where, across the unknowns, leaner means a clearer dimple and where a fainter one.

The model (:mod:`dimples.model`) has inputs nobody has measured: above all
the anchoring's stiffness, then the muscle relief around the PSIS and how
much fat lies over it. :func:`sweep` computes the dimple's contrast over a
grid of all three; :func:`regimes` reads off, at every point, the sign of

* "does less fat give more contrast?" (the change of contrast when the fat
  over the PSIS thins by one step), and
* "does more muscle give more contrast?" (one step more muscle),

and :func:`fractions` says what share of the swept space falls in each
regime. The regional fat share (fat over the PSIS / the chain's estimate)
enters the model only through the fat thickness, so the fat axis covers
every share.

Nothing here is a finding about people: it is what the model's physics does
across the stated ranges of its unknowns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dimples import model, render
from dimples.base import check_number, float_array, short_repr

__all__ = ["TETHERS_PA_PER_MM", "FATS_MM", "MUSCLES_MM", "CHANGE_TOL", "Sweep", "sweep", "regimes", "fractions"]

#: Tether stiffnesses swept (Pa/mm): slack, seven steps, rigid.
TETHERS_PA_PER_MM: tuple[float, ...] = (0.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, math.inf)
#: Fat thicknesses over the PSIS swept (mm).
FATS_MM: tuple[float, ...] = tuple(float(v) for v in np.linspace(2.0, 40.0, 12))
#: Muscle thicknesses around the PSIS swept (mm).
MUSCLES_MM: tuple[float, ...] = (0.0, 5.0, 10.0, 20.0, 30.0)
#: Smallest change of contrast (fraction, 1 % of contrast) counted as a change; below it, "no change"
#: (the shading's ceiling near 75 % wobbles by less than that).
CHANGE_TOL: float = 0.01
#: The sweep's grid: 20 x 16 cm at 2.5 mm (coarser than the pictures' grid, for speed; the sign of
#: each change is the same on the finer grid in the tests).
SWEEP_GRID = model.make_grid(200.0, 160.0, 2.5)


@dataclass(frozen=True)
class Sweep:
    """Contrast over the swept unknowns.

    Attributes
    ----------
    tethers, fats_mm, muscles_mm : numpy.ndarray
        The axes (Pa/mm, mm, mm).
    light : str
        The light (a name of :data:`dimples.render.LIGHTS`).
    contrast : numpy.ndarray
        Weber contrast (fraction), shape ``(tethers, muscles, fats)``.
    depth_mm : numpy.ndarray
        Pit depth (mm), same shape.
    """

    tethers: np.ndarray
    fats_mm: np.ndarray
    muscles_mm: np.ndarray
    light: str
    contrast: np.ndarray
    depth_mm: np.ndarray


def _axis(name: str, values, low: float, high: float, unit: str, *, allow_inf=False) -> np.ndarray:
    a = float_array(name, values, f"an increasing sequence in {unit}")
    if a.ndim != 1 or a.size < 2 or np.any(np.diff(a) <= 0):
        raise ValueError(f"{name}={short_repr(values)}: expected at least two increasing values in {unit}")
    for v in a:
        if not (allow_inf and v == math.inf):
            check_number(name, v, low, high, unit=unit)
    return a


def sweep(*, tethers=TETHERS_PA_PER_MM, fats_mm=FATS_MM, muscles_mm=MUSCLES_MM, light=render.DEFAULT_LIGHT) -> Sweep:
    """Compute the contrast over tether stiffness x muscle x fat.

    Parameters
    ----------
    tethers : sequence of float
        Tether stiffnesses (Pa/mm), increasing, in [0, 1e7] or inf.
    fats_mm : sequence of float
        Fat thicknesses (mm), increasing, in [0.5, 60].
    muscles_mm : sequence of float
        Muscle thicknesses (mm), increasing, in [0, 40].
    light : {"overhead", "raking", "frontal"}
        The light.

    Returns
    -------
    Sweep
        The axes, and contrast (fraction) and depth (mm) of shape ``(tethers, muscles, fats)``.

    Raises
    ------
    ValueError
        For an axis that is not increasing, has fewer than two values or leaves its range, or an unknown light.
    """
    k = _axis("tethers", tethers, 0.0, model.TETHER_MAX_PA_PER_MM, "Pa/mm", allow_inf=True)
    h = _axis("fats_mm", fats_mm, *model.FAT_RANGE_MM, "mm")
    m = _axis("muscles_mm", muscles_mm, *model.MUSCLE_RANGE_MM, "mm")
    if not isinstance(light, str) or light not in render.LIGHTS:
        raise ValueError(f"light={light!r}: expected one of {sorted(render.LIGHTS)}")
    contrast = np.zeros((k.size, m.size, h.size))
    depth = np.zeros_like(contrast)
    for a, kk in enumerate(k):
        for b, mm in enumerate(m):
            for c, hh in enumerate(h):
                s = model.surface(hh, anchoring=kk, muscle_mm=mm, grid=SWEEP_GRID)
                contrast[a, b, c] = render.weber_contrast(s, light=light)
                depth[a, b, c] = s.depth_mm
    return Sweep(k, h, m, light, contrast, depth)


def _check_sweep(result) -> Sweep:
    if not isinstance(result, Sweep):
        raise ValueError(f"result={short_repr(result)}: expected a dimples.regimes.Sweep from sweep()")
    return result


def regimes(result) -> dict[str, np.ndarray]:
    """The sign of each question at every swept point.

    Parameters
    ----------
    result : Sweep
        From :func:`sweep`.

    Returns
    -------
    dict
        ``"leaner"``: shape ``(tethers, muscles, fats - 1)``, +1 where one step
        less fat gives more contrast (leaner is clearer), -1 where it gives less
        (leaner is fainter), 0 where the change is below :data:`CHANGE_TOL`.
        ``"muscle"``: shape ``(tethers, muscles - 1, fats)``, +1 where one step
        more muscle gives more contrast, -1 less, 0 no change.

    Raises
    ------
    ValueError
        If ``result`` is not a Sweep.
    """
    r = _check_sweep(result)
    lean = r.contrast[:, :, :-1] - r.contrast[:, :, 1:]  # contrast at the thinner fat minus at the thicker
    more = r.contrast[:, 1:, :] - r.contrast[:, :-1, :]
    sign = lambda d: np.where(d > CHANGE_TOL, 1, np.where(d < -CHANGE_TOL, -1, 0))  # noqa: E731
    return {"leaner": sign(lean), "muscle": sign(more)}


def fractions(result) -> dict[str, dict[str, float]]:
    """Share of the swept space in each regime, for both questions.

    Parameters
    ----------
    result : Sweep
        From :func:`sweep`.

    Returns
    -------
    dict
        ``{"leaner": {"clearer": f, "fainter": f, "no change": f}, "muscle": {...}}``,
        each a fraction of the swept points (they add up to 1).

    Raises
    ------
    ValueError
        If ``result`` is not a Sweep.
    """
    signs = regimes(result)
    out = {}
    for question, s in signs.items():
        n = s.size
        out[question] = {"clearer": float(np.sum(s > 0)) / n, "fainter": float(np.sum(s < 0)) / n,
                         "no change": float(np.sum(s == 0)) / n}
    return out
