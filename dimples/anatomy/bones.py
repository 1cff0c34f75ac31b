"""Outlines of the bones of the lower back and pelvis, built from the landmark table.

Shapes only (arrays of ``(x_cm, y_cm)`` points in the posterior-view frame
of :mod:`dimples.anatomy.landmarks`); no drawing. The named landmarks are
taken from the table; the points between them are schematic curves that
give the bones a recognisable outline.
"""

from __future__ import annotations

import numpy as np

from dimples.anatomy.landmarks import position
from dimples.base import float_array, short_repr

__all__ = ["hip_bone", "pubis", "sacrum", "coccyx", "vertebra", "femur", "smooth", "mirror", "LUMBAR_LEVELS"]

#: Lumbar levels drawn, with the landmark of each spinous process.
LUMBAR_LEVELS = (("L3", "l3_spinous"), ("L4", "l4_spinous"), ("L5", "l5_spinous"))


def smooth(points, n: int = 12, closed: bool = True) -> np.ndarray:
    """A smooth curve through ``points`` (Catmull-Rom spline), ``n`` samples per segment.

    Parameters
    ----------
    points : array_like, shape (k, 2)
        Control points (cm), k >= 2.
    n : int
        Samples per segment, >= 2 (default 12).
    closed : bool
        Whether the curve closes on itself (default True).

    Returns
    -------
    numpy.ndarray, shape (m, 2)
        Points of the curve, ``(x, y)`` in cm.

    Raises
    ------
    ValueError
        If ``points`` is not an array of shape (k >= 2, 2), or ``n`` < 2.
    """
    p = float_array("points", points, "control points in cm, an array of shape (k >= 2, 2)")
    if p.ndim != 2 or p.shape[1] != 2 or len(p) < 2:
        raise ValueError(f"points={short_repr(points)}: expected an array of shape (k >= 2, 2), got {p.shape}")
    if n < 2:
        raise ValueError(f"n={n!r}: expected an integer >= 2")
    if closed:
        ext = np.vstack([p[-1], p, p[0], p[1]])
    else:
        ext = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    t = np.linspace(0, 1, n, endpoint=False)[:, None]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3))
    if not closed:
        out.append(p[-1][None, :])
    return np.vstack(out)


def mirror(points) -> np.ndarray:
    """The same outline on the other side (x -> -x).

    Parameters
    ----------
    points : array_like, shape (n, 2)
        Outline vertices (x, y) in cm.

    Returns
    -------
    numpy.ndarray, shape (n, 2)
        A new array, ``(-x, y)`` in cm.

    Raises
    ------
    ValueError
        If ``points`` is not an (n, 2) array of finite numbers.
    """
    try:
        p = np.asarray(points, dtype=float).copy()
    except (TypeError, ValueError):
        p = np.empty(0)
    if p.ndim != 2 or p.shape[1] != 2 or not np.isfinite(p).all():
        raise ValueError(f"points={points!r}: expected an (n, 2) array of finite x, y positions in cm")
    p[:, 0] *= -1
    return p


def _p(name):
    return np.array(position(name))


def hip_bone() -> np.ndarray:
    """Left hip bone (ilium + ischium) seen from behind: closed smooth outline (cm)."""
    psis = _p("psis_left")
    tub = _p("iliac_tubercle_left")
    top = _p("iliac_crest_top_left")
    lat = _p("iliac_wing_lateral_left")
    piis = _p("piis_left")
    notch = _p("greater_sciatic_notch_left")
    spine = _p("ischial_spine_left")
    tuber = _p("ischial_tuberosity_left")
    hip = _p("hip_joint_left")
    pts = [
        psis + (0.0, 0.25),
        psis + (0.35, 2.3),
        tub,
        (top[0] - 1.8, top[1] - 0.6),
        top,
        (top[0] + 2.2, top[1] - 0.6),
        (lat[0] - 0.45, lat[1] + 1.9),
        lat,
        (lat[0] - 0.7, lat[1] - 2.3),
        (lat[0] - 2.2, lat[1] - 4.6),
        (hip[0] + 1.9, hip[1] + 5.2),
        (hip[0] + 1.8, hip[1] + 2.4),
        (hip[0] + 1.8, hip[1] - 0.6),
        (hip[0] + 0.8, hip[1] - 2.6),
        (tuber[0] + 1.6, tuber[1] - 0.2),
        tuber + (0.1, -0.8),
        (tuber[0] - 1.2, tuber[1] + 0.3),
        (spine[0] + 0.9, spine[1] - 1.5),
        spine,
        (notch[0] + 0.3, notch[1] - 1.3),
        (notch[0] + 0.6, notch[1]),
        (piis[0] + 0.6, piis[1] - 1.0),
        piis,
        (psis[0] + 0.2, psis[1] - 1.6),
        psis + (-0.15, -0.2),
    ]
    return smooth(pts, n=10)


def pubis() -> tuple[np.ndarray, np.ndarray]:
    """Left pubis and ischiopubic ramus seen from behind, and the obturator foramen (cm).

    Returns the closed outline of the bone and the outline of the foramen.
    """
    hip = _p("hip_joint_left")
    tuber = _p("ischial_tuberosity_left")
    pts = [(hip[0] - 0.5, hip[1] + 0.6), (4.0, hip[1] - 1.0), (0.45, hip[1] - 1.6), (0.45, tuber[1] - 0.2),
           (2.6, tuber[1] - 0.4), (tuber[0] - 0.6, tuber[1]), (tuber[0] + 1.6, tuber[1] + 1.6),
           (hip[0] + 0.4, hip[1] - 1.0)]
    outline = smooth(pts, n=8)
    c = np.array([tuber[0] - 1.6, 0.5 * (hip[1] + tuber[1]) - 0.9])
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    ang = np.deg2rad(-25)
    ex, ey = 1.9 * np.cos(t), 1.15 * np.sin(t)
    foramen = np.column_stack([c[0] + ex * np.cos(ang) - ey * np.sin(ang), c[1] + ex * np.sin(ang) + ey * np.cos(ang)])
    return outline, foramen


def sacrum() -> np.ndarray:
    """Sacrum seen from behind: an inverted triangle from base (S1) to apex (cm)."""
    base = _p("sacral_base")
    ala = _p("sacral_ala_left")
    s3 = _p("sacrum_s3_border_left")
    apex = _p("sacral_apex")
    f1 = _p("s1_foramen_left")
    half = [
        (f1[0], base[1] + 0.9),  # superior articular process
        (ala[0] - 1.6, ala[1] + 0.55),
        ala,
        (ala[0] + 0.1, ala[1] - 2.3),
        (s3[0] + 0.9, s3[1] + 1.5),
        s3,
        (s3[0] - 1.0, s3[1] - 2.2),  # inferior lateral angle
        (apex[0] + 1.0, apex[1] + 0.5),
    ]
    right = [(-x, y) for x, y in reversed(half)]
    pts = [(0.0, base[1] + 0.05)] + half + [(apex[0], apex[1])] + right
    # build left then right symmetric (left half has positive x)
    return smooth(pts, n=8)


def coccyx() -> list[np.ndarray]:
    """Four small coccygeal segments below the sacral apex, narrowing to the tip (cm)."""
    apex = _p("sacral_apex")
    tip = _p("coccyx_tip")
    ys = np.linspace(apex[1] - 0.2, tip[1], 5)
    segs = []
    for i in range(4):
        w0 = 1.2 * (1 - i / 4.5)
        w1 = 1.2 * (1 - (i + 0.8) / 4.5)
        y0, y1 = ys[i] - 0.08, ys[i + 1] + 0.08
        segs.append(smooth([(-w0, y0), (w0, y0), (w1, y1), (-w1, y1)], n=4))
    return segs


#: Half-span of the transverse processes (cm) of each lumbar vertebra drawn (schematic).
_REACH_CM = {"l3_spinous": 5.0, "l4_spinous": 4.6, "l5_spinous": 4.4}


def vertebra(level_name: str) -> dict[str, np.ndarray]:
    """One lumbar vertebra from behind (cm): body, lamina, spinous and transverse processes.

    Parameters
    ----------
    level_name : str
        Landmark name of its spinous process: ``"l3_spinous"``, ``"l4_spinous"``
        or ``"l5_spinous"``.

    Returns
    -------
    dict
        ``"body"``, ``"arch"``, ``"spinous"``: outlines (arrays of shape (m, 2), cm);
        ``"transverse"``: the two transverse-process outlines; ``"facets"``:
        four points (cm) of the articular facets.

    Raises
    ------
    ValueError
        If ``level_name`` is not one of the lumbar levels drawn.
    """
    if level_name not in _REACH_CM:
        raise ValueError(f"level_name={level_name!r}: expected one of {tuple(_REACH_CM)}")
    y = position(level_name)[1]
    reach = _REACH_CM[level_name]
    tilt = 0.5 if level_name == "l5_spinous" else 0.0  # L5 transverse processes angle upwards
    yb = y + 1.3  # body centre lies above the spinous tip
    body = smooth([(-2.5, yb - 1.2), (2.5, yb - 1.2), (2.6, yb + 1.2), (-2.6, yb + 1.2)], n=6)
    arch = smooth([(-1.9, yb + 1.4), (1.9, yb + 1.4), (2.0, yb + 0.4), (1.0, yb - 1.4), (-1.0, yb - 1.4),
                   (-2.0, yb + 0.4)], n=6)
    spinous = smooth([(-0.55, y - 0.9), (0.55, y - 0.9), (0.6, y + 1.6), (-0.6, y + 1.6)], n=5)
    tps = []
    for s in (1, -1):
        tps.append(smooth([(s * 1.8, yb + 0.1), (s * reach, yb + 0.3 + tilt), (s * (reach + 0.15), yb + 0.9 + tilt),
                           (s * 1.8, yb + 1.0)], n=5))
    facets = [np.array([s * 1.5, yb + dy]) for s in (1, -1) for dy in (1.5, -1.4)]
    return {"body": body, "arch": arch, "spinous": spinous, "transverse": tps, "facets": facets}


def femur() -> np.ndarray:
    """Upper left femur from behind: head in the acetabulum, neck, greater trochanter, shaft (cm)."""
    hip = _p("hip_joint_left")
    gt = _p("greater_trochanter_left")
    pts = [
        (hip[0] - 2.2, hip[1]),
        (hip[0] - 0.5, hip[1] + 2.2),
        (hip[0] + 1.8, hip[1] + 1.4),
        (gt[0] - 2.6, gt[1] + 1.6),
        (gt[0] - 1.0, gt[1] + 2.2),
        (gt[0] + 0.4, gt[1] + 1.0),
        (gt[0] + 0.3, gt[1] - 2.0),
        (gt[0] - 0.4, gt[1] - 10.5),
        (gt[0] - 3.2, gt[1] - 10.5),
        (gt[0] - 3.3, gt[1] - 4.2),
        (gt[0] - 4.2, gt[1] - 3.0),
        (hip[0] + 1.6, hip[1] - 1.6),
        (hip[0] - 0.5, hip[1] - 2.2),
    ]
    return smooth(pts, n=8)
