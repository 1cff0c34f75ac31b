"""Outlines of the bones of the lower back and pelvis, built from the landmark table.

Shapes only (arrays of ``(x_cm, y_cm)`` points in the posterior-view frame
of :mod:`dimples.anatomy.landmarks`); no drawing. The named landmarks are
taken from the table; the points between them are schematic curves that
give the bones a recognisable outline. Paired bones are given for the
subject's left (``x > 0``); :func:`mirror` gives the right.

From behind, the posterior ilium overlaps the side of the sacrum: the
medial edge of :func:`hip_bone` runs medial to the sacrum's lateral border
from S1 to S3, so the auricular surface (:func:`auricular_surface`) lies
deep to it, and the PSIS is a rounded knob that stands out over the S2
level, with a notch between it and the PIIS below.
"""

from __future__ import annotations

import numpy as np

from dimples.anatomy.landmarks import position
from dimples.base import float_array, short_repr

__all__ = ["hip_bone", "hip_bone_anterior", "pubis", "sacrum", "coccyx", "vertebra", "femur", "femur_parts",
           "auricular_surface", "median_sacral_crest", "sacral_hiatus", "psis_knob", "pelvic_brim", "iliac_fossa",
           "acetabulum", "obturator_foramen_anterior", "pubis_anterior", "smooth", "mirror", "LUMBAR_LEVELS"]

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


def psis_knob() -> np.ndarray:
    """The rounded posterior end of the left iliac crest (the PSIS) as a small closed outline (cm).

    Used to tag the knob for labels; it lies inside :func:`hip_bone`.
    """
    x, y = _p("psis_left")
    t = np.linspace(0, 2 * np.pi, 28, endpoint=False)
    return np.column_stack([x + 0.12 + 0.5 * np.cos(t), y + 0.05 + 0.62 * np.sin(t)])


def hip_bone() -> np.ndarray:
    """Left hip bone (ilium + ischium) seen from behind: closed smooth outline (cm).

    The crest runs from its highest point down and medially to the PSIS, a
    rounded knob; below the knob a shallow notch leads to the PIIS, then the
    deep greater sciatic notch to the ischial spine, the lesser sciatic notch
    to the ischial tuberosity, and up the lateral side past the acetabulum.
    """
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
        # posterior crest coming down to the PSIS knob
        (psis[0] + 0.25, psis[1] + 2.6),
        (psis[0] + 0.15, psis[1] + 1.45),  # a shallow hollow above the knob
        (psis[0] - 0.5, psis[1] + 0.55),
        (psis[0] - 0.62, psis[1] - 0.05),  # most medial point of the knob
        (psis[0] - 0.3, psis[1] - 0.7),
        (psis[0] + 0.25, psis[1] - 1.0),  # under the knob, where the thumb hooks up
        (psis[0] + 0.8, psis[1] - 1.65),  # the notch between PSIS and PIIS
        (piis[0] + 0.15, piis[1] + 0.75),
        (piis[0] - 0.2, piis[1]),  # the PIIS, a smaller knob
        (piis[0] + 0.3, piis[1] - 0.6),
        (notch[0] - 0.2, notch[1] + 0.9),  # greater sciatic notch
        (notch[0], notch[1]),
        (notch[0] - 0.4, notch[1] - 1.2),
        (spine[0] + 0.7, spine[1] + 0.4),
        (spine[0], spine[1]),  # ischial spine points medially
        (spine[0] + 0.8, spine[1] - 0.5),
        (spine[0] + 1.05, spine[1] - 1.6),  # lesser sciatic notch
        (tuber[0] - 0.6, tuber[1] + 1.5),
        (tuber[0] - 0.45, tuber[1] + 0.2),
        (tuber[0] + 0.3, tuber[1] - 0.55),
        (tuber[0] + 1.5, tuber[1] - 0.1),
        (hip[0] + 0.8, hip[1] - 2.6),
        (hip[0] + 1.85, hip[1] - 0.6),  # posterior rim of the acetabulum
        (hip[0] + 1.8, hip[1] + 2.2),
        (hip[0] + 2.0, hip[1] + 5.0),
        (lat[0] - 2.2, lat[1] - 4.6),
        (lat[0] - 0.7, lat[1] - 2.3),
        lat,
        (lat[0] - 0.45, lat[1] + 1.9),
        (top[0] + 2.2, top[1] - 0.6),
        top,
        (top[0] - 1.8, top[1] - 0.6),
        tub,
        (psis[0] + 0.75, psis[1] + 4.0),
    ]
    return smooth(pts, n=10)


def pubis() -> tuple[np.ndarray, np.ndarray]:
    """Left pubis and ischiopubic ramus seen from behind, and the obturator foramen (cm).

    Returns the closed outline of the bone and the outline of the foramen.
    """
    hip = _p("hip_joint_left")
    tuber = _p("ischial_tuberosity_left")
    sym = _p("pubic_symphysis")
    pts = [(hip[0] - 0.5, hip[1] + 0.6), (4.0, sym[1] + 1.0), (0.3, sym[1] + 1.4), (0.3, sym[1] - 1.4),
           (2.6, tuber[1] - 0.3), (tuber[0] - 0.6, tuber[1]), (tuber[0] + 1.6, tuber[1] + 1.6),
           (hip[0] + 0.4, hip[1] - 1.0)]
    outline = smooth(pts, n=8)
    c = np.array([tuber[0] - 1.6, 0.5 * (hip[1] + tuber[1]) - 0.9])
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    ang = np.deg2rad(-25)
    ex, ey = 1.9 * np.cos(t), 1.15 * np.sin(t)
    foramen = np.column_stack([c[0] + ex * np.cos(ang) - ey * np.sin(ang), c[1] + ex * np.sin(ang) + ey * np.cos(ang)])
    return outline, foramen


def sacrum() -> np.ndarray:
    """Sacrum seen from behind (or in front): an inverted triangle from base (S1) to apex (cm).

    Its lateral border from the ala down to S3 carries the auricular surface;
    from behind the posterior ilium covers it.
    """
    base = _p("sacral_base")
    ala = _p("sacral_ala_left")
    s3 = _p("sacrum_s3_border_left")
    apex = _p("sacral_apex")
    f1 = _p("s1_foramen_left")
    half = [
        (f1[0] - 0.3, base[1] + 0.85),  # superior articular process
        (f1[0] + 0.6, base[1] + 0.25),
        (ala[0] - 1.4, ala[1] + 0.45),
        ala,
        (ala[0] + 0.15, ala[1] - 1.6),
        (ala[0] - 0.05, ala[1] - 3.4),
        (s3[0] + 0.7, s3[1] + 1.2),
        s3,
        (s3[0] - 0.9, s3[1] - 1.4),
        (s3[0] - 1.35, s3[1] - 2.0),  # inferior lateral angle
        (apex[0] + 1.3, apex[1] + 1.1),
        (apex[0] + 0.7, apex[1] + 0.2),
    ]
    right = [(-x, y) for x, y in reversed(half)]
    pts = [(0.0, base[1] + 0.05)] + half + [(apex[0], apex[1])] + right
    return smooth(pts, n=8)


def auricular_surface() -> np.ndarray:
    """Outline of the left ear-shaped (auricular) surface of the sacroiliac joint, S1-S3 (cm).

    Projected onto the posterior view: a broad upper part at S1, a narrower
    lower limb down to S3, the notch of the "ear" facing medially.
    """
    up = _p("sacroiliac_joint_upper_left")
    ctr = _p("sacroiliac_joint_left")
    lo = _p("sacroiliac_joint_lower_left")
    pts = [
        up,
        (up[0] + 0.3, up[1] - 0.9),
        (ctr[0] + 0.3, ctr[1] + 0.6),
        (ctr[0] + 0.2, ctr[1] - 1.2),
        (lo[0] + 0.35, lo[1] + 0.4),
        lo,
        (lo[0] - 0.25, lo[1] + 0.6),
        (ctr[0] - 0.55, ctr[1] - 1.0),
        (ctr[0] - 0.3, ctr[1] + 0.1),  # the notch of the ear
        (ctr[0] - 0.45, ctr[1] + 1.3),
        (up[0] - 0.35, up[1] - 0.3),
    ]
    return smooth(pts, n=10)


def median_sacral_crest() -> np.ndarray:
    """The median sacral crest from behind: a narrow midline ridge with a rounded tubercle at S1-S4 (cm)."""
    levels = [position(f"s{i}_spinous")[1] for i in (1, 2, 3, 4)]
    top, bottom = levels[0] + 1.0, position("sacral_hiatus")[1] + 0.55
    ys = np.linspace(top, bottom, 160)
    half = 0.18 + sum(0.42 * np.exp(-((ys - y) / 0.42) ** 2) for y in levels)
    half *= np.clip((top - ys) / 0.35, 0, 1) ** 0.5 * np.clip((ys - bottom) / 0.35, 0, 1) ** 0.5
    half = np.maximum(half, 0.02)
    return np.vstack([np.column_stack([half, ys]), np.column_stack([-half[::-1], ys[::-1]])])


def sacral_hiatus() -> tuple[np.ndarray, list[np.ndarray]]:
    """The sacral hiatus as an inverted U opening between the two sacral cornua (cm).

    Returns
    -------
    (opening, cornua)
        ``opening``: closed outline of the inverted U, apex at the top;
        ``cornua``: the two cornua (left then right), small rounded
        projections at the foot of each limb of the U.
    """
    apex_y = position("sacral_hiatus")[1] + 0.5
    cx, cy = _p("sacral_cornu_left")
    t = np.linspace(0, np.pi, 30)
    w = cx - 0.2
    arch = np.column_stack([w * np.cos(t), apex_y - w + w * np.sin(t) * 1.0])  # rounded top of the U
    arch[:, 1] = np.maximum(arch[:, 1], apex_y - 2.0)
    legs_bottom = cy - 0.45
    opening = np.vstack([[w, legs_bottom], arch, [-w, legs_bottom]])
    tt = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    cornua = [np.column_stack([s * cx + 0.28 * np.cos(tt), cy + 0.5 * np.sin(tt)]) for s in (1, -1)]
    return opening, cornua


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
    """One lumbar vertebra from behind (cm): body, laminae, spinous, articular and transverse processes.

    Parameters
    ----------
    level_name : str
        Landmark name of its spinous process: ``"l3_spinous"``, ``"l4_spinous"``
        or ``"l5_spinous"``.

    Returns
    -------
    dict
        Outlines (arrays of shape (m, 2), cm): ``"body"`` (mostly hidden behind
        the arch, its sides show), ``"arch"`` (the two laminae with the pars
        between the articular processes), ``"spinous"`` (the spinous process,
        a hatchet with a broad rounded tip); lists of two: ``"transverse"``
        (left, right), ``"superior_articular"``, ``"inferior_articular"``;
        ``"facets"``: four points (cm) of the articular facets.

    Raises
    ------
    ValueError
        If ``level_name`` is not one of the lumbar levels drawn.
    """
    if level_name not in _REACH_CM:
        raise ValueError(f"level_name={level_name!r}: expected one of {tuple(_REACH_CM)}")
    y = position(level_name)[1]
    reach = _REACH_CM[level_name]
    l5 = level_name == "l5_spinous"
    yb = y + 1.3  # body centre lies above the spinous tip
    body = smooth([(-2.4, yb - 1.1), (2.4, yb - 1.1), (2.55, yb + 1.1), (-2.55, yb + 1.1)], n=6)
    # laminae: a butterfly plate, notched above (interlaminar gap) and waisted at the pars
    arch = smooth([(-0.6, yb + 1.05), (0.0, yb + 0.8), (0.6, yb + 1.05), (1.45, yb + 1.3), (1.75, yb + 0.7),
                   (1.55, yb - 0.1), (1.35, yb - 0.75), (0.6, yb - 1.25), (-0.6, yb - 1.25), (-1.35, yb - 0.75),
                   (-1.55, yb - 0.1), (-1.75, yb + 0.7), (-1.45, yb + 1.3)], n=6)
    spinous = smooth([(-0.42, yb + 0.35), (0.42, yb + 0.35), (0.5, y - 0.2), (0.62, y - 0.75), (0.0, y - 0.95),
                      (-0.62, y - 0.75), (-0.5, y - 0.2)], n=6)
    tps, sup, inf = [], [], []
    for s in (1, -1):
        if l5:  # L5: short, thick, angled up towards the iliac crest
            tp = [(s * 1.6, yb + 0.05), (s * (reach - 0.3), yb + 0.55), (s * reach, yb + 1.05),
                  (s * (reach - 0.4), yb + 1.45), (s * 1.6, yb + 1.1)]
        else:  # L3, L4: long, slender, nearly horizontal
            tp = [(s * 1.6, yb + 0.25), (s * (reach - 0.2), yb + 0.35), (s * reach, yb + 0.6),
                  (s * (reach - 0.2), yb + 0.85), (s * 1.6, yb + 0.95)]
        tps.append(smooth(tp, n=5))
        sup.append(smooth([(s * 1.25, yb + 0.9), (s * 1.5, yb + 1.75), (s * 2.1, yb + 1.7), (s * 2.0, yb + 0.8)],
                          n=5))
        inf.append(smooth([(s * 0.55, yb - 0.9), (s * 1.3, yb - 0.9), (s * 1.2, yb - 1.85), (s * 0.75, yb - 1.85)],
                          n=5))
    facets = [np.array([s * 1.5, yb + dy]) for s in (1, -1) for dy in (1.5, -1.4)]
    return {"body": body, "arch": arch, "spinous": spinous, "transverse": tps, "superior_articular": sup,
            "inferior_articular": inf, "facets": facets}


def femur_parts() -> dict[str, np.ndarray]:
    """Upper left femur from behind, by part (cm): ``"outline"``, ``"head"``, ``"neck"``, ``"crest"``.

    ``"outline"`` is the whole closed outline (head, neck, greater and lesser
    trochanters, shaft); ``"head"`` the femoral head (a circle centred on the
    hip joint, largely hidden by the hip bone from behind); ``"neck"`` the
    closed outline of the neck between the head and the intertrochanteric
    crest; ``"crest"`` the open line of the intertrochanteric crest.
    """
    hip = _p("hip_joint_left")
    gt = _p("greater_trochanter_left")
    r = 2.25
    t = np.linspace(np.deg2rad(35), np.deg2rad(325), 60)
    head = np.column_stack([hip[0] + r * np.cos(t), hip[1] + r * np.sin(t)])
    full = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    head_circle = np.column_stack([hip[0] + r * np.cos(full), hip[1] + r * np.sin(full)])
    # neck: upper border rises gently to the trochanter, lower border longer and sloping
    neck_top = [(hip[0] + 1.85, hip[1] + 1.3), (hip[0] + 3.3, hip[1] + 0.85), (gt[0] - 1.8, gt[1] + 1.55)]
    neck_bottom = [(hip[0] + 1.8, hip[1] - 1.5), (hip[0] + 3.2, hip[1] - 2.1), (gt[0] - 2.7, gt[1] - 1.9)]
    rest = [
        (gt[0] - 1.2, gt[1] + 2.6),  # tip of the greater trochanter, rounded over its lateral side
        (gt[0] - 0.3, gt[1] + 2.45),
        (gt[0] + 0.3, gt[1] + 1.6),
        (gt[0] + 0.45, gt[1] + 0.2),
        (gt[0] + 0.15, gt[1] - 2.2),
        (gt[0] - 0.3, gt[1] - 6.0),
        (gt[0] - 0.8, gt[1] - 10.0),  # shaft, inclined medially downwards (the anatomical axis)
        (gt[0] - 3.4, gt[1] - 10.0),
        (gt[0] - 3.05, gt[1] - 4.4),
        (gt[0] - 3.55, gt[1] - 3.3),  # lesser trochanter
        (gt[0] - 3.0, gt[1] - 2.5),
    ]
    outline = np.vstack([head, smooth(neck_bottom + rest[::-1] + neck_top[::-1], n=8, closed=False)])
    crest = smooth([(gt[0] - 1.3, gt[1] + 2.0), (gt[0] - 2.2, gt[1] + 0.2), (gt[0] - 2.9, gt[1] - 2.3)], n=10,
                   closed=False)
    neck = np.array([neck_top[0], neck_top[1], (gt[0] - 1.75, gt[1] + 1.4), (gt[0] - 2.3, gt[1] - 0.2),
                     (gt[0] - 2.7, gt[1] - 0.9), neck_bottom[1], neck_bottom[0]])
    return {"outline": outline, "head": head_circle, "neck": neck, "crest": crest}


def femur() -> np.ndarray:
    """Upper left femur from behind: head in the acetabulum, neck, greater trochanter, shaft (cm)."""
    return femur_parts()["outline"]


def hip_bone_anterior() -> np.ndarray:
    """Left ilium and ischium seen from the front: closed outline (cm).

    The wing with its iliac fossa, the ASIS and AIIS, the lateral rim of the
    acetabulum, the ischial tuberosity; medially the sacroiliac joint, the
    greater sciatic notch and the ischial spine, seen through the pelvic
    cavity. The pubis is :func:`pubis_anterior`, drawn in front of it.
    """
    top = _p("iliac_crest_top_left")
    lat = _p("iliac_wing_lateral_left")
    asis = _p("asis_left")
    aiis = _p("aiis_left")
    hip = _p("hip_joint_left")
    tuber = _p("ischial_tuberosity_left")
    spine = _p("ischial_spine_left")
    notch = _p("greater_sciatic_notch_left")
    up = _p("sacroiliac_joint_upper_left")
    lo = _p("sacroiliac_joint_lower_left")
    pts = [
        top, (top[0] + 2.4, top[1] - 0.8), (lat[0] - 0.2, lat[1] + 0.6), (lat[0] - 0.9, lat[1] - 2.4),
        asis, (asis[0] - 0.45, asis[1] - 1.5), aiis, (hip[0] + 2.0, hip[1] + 2.6), (hip[0] + 2.55, hip[1]),
        (hip[0] + 1.9, hip[1] - 2.5), (tuber[0] + 1.8, tuber[1] + 0.3), (tuber[0] + 0.2, tuber[1] - 0.45),
        (tuber[0] - 0.8, tuber[1] + 0.9), (spine[0] + 0.6, spine[1] - 2.0), (spine[0] + 0.1, spine[1] - 0.5), spine,
        (spine[0] + 0.9, spine[1] + 1.0), (notch[0] - 0.1, notch[1] + 0.2), (notch[0] - 0.8, notch[1] + 1.7),
        (lo[0] + 0.35, lo[1]), (up[0] + 0.55, 0.5 * (up[1] + lo[1])), (up[0] + 0.7, up[1] + 0.6),
        (up[0] + 1.6, up[1] + 2.4), (top[0] - 2.2, top[1] - 0.5),
    ]
    return smooth(pts, n=10)


def pubis_anterior() -> tuple[np.ndarray, np.ndarray]:
    """Left pubis seen from the front (superior and inferior rami, body) and its obturator foramen (cm).

    Returns the closed outline of the bone (from the acetabulum to the
    symphysis, down to the ischial tuberosity) and the foramen's outline.
    """
    hip = _p("hip_joint_left")
    tuber = _p("ischial_tuberosity_left")
    sym = _p("pubic_symphysis")
    tub = _p("pubic_tubercle_left")
    emin = _p("iliopubic_eminence_left")
    pts = [
        (emin[0] + 0.9, emin[1] + 0.1), emin, (0.5 * (emin[0] + tub[0]), 0.5 * (emin[1] + tub[1]) - 0.25),
        (tub[0] + 0.2, tub[1] + 0.15), (1.4, sym[1] + 1.45), (0.3, sym[1] + 1.4), (0.3, sym[1] - 1.4),
        (1.6, sym[1] - 2.0), (tuber[0] - 1.6, tuber[1] + 0.5), (tuber[0] + 0.4, tuber[1] + 0.1),
        (tuber[0] + 1.4, tuber[1] + 1.6), (hip[0] - 0.2, hip[1] - 1.9), (hip[0] - 0.7, hip[1] + 0.6),
    ]
    outline = smooth(pts, n=8)
    c = np.array([tuber[0] - 1.5, sym[1] - 1.6])
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    ang = np.deg2rad(-35)
    ex, ey = 1.8 * np.cos(t), 1.1 * np.sin(t)
    foramen = np.column_stack([c[0] + ex * np.cos(ang) - ey * np.sin(ang), c[1] + ex * np.sin(ang) + ey * np.cos(ang)])
    return outline, foramen


def obturator_foramen_anterior() -> np.ndarray:
    """The left obturator foramen seen from the front (cm): the hole of :func:`pubis_anterior`."""
    return pubis_anterior()[1]


def pelvic_brim() -> np.ndarray:
    """The left half of the pelvic brim seen from the front, promontory to symphysis (open curve, cm).

    It runs along the front edge of the sacral ala, crosses the sacroiliac
    joint, follows the arcuate line of the ilium to the iliopubic eminence,
    then the pecten of the pubis and the pubic crest to the symphysis.
    """
    prom = _p("sacral_promontory")
    ala = _p("sacral_ala_left")
    up = _p("sacroiliac_joint_upper_left")
    emin = _p("iliopubic_eminence_left")
    tub = _p("pubic_tubercle_left")
    sym = _p("pubic_symphysis")
    pts = [prom, (2.6, prom[1] - 0.25), (ala[0] - 1.0, ala[1] - 0.45), (up[0] + 0.6, up[1] - 1.5),
           (up[0] + 1.4, 0.0), (emin[0] - 0.1, -2.6), (emin[0] - 0.05, emin[1] + 0.05),
           (0.5 * (emin[0] + tub[0]), 0.5 * (emin[1] + tub[1]) - 0.1), (tub[0], tub[1] - 0.05), (0.0, sym[1] + 1.3)]
    return smooth(pts, n=10, closed=False)


def iliac_fossa() -> np.ndarray:
    """The left iliac fossa (the smooth hollow inner face of the wing) seen from the front (cm).

    Bounded by the inner lip of the crest above and the arcuate line below.
    """
    top = _p("iliac_crest_top_left")
    lat = _p("iliac_wing_lateral_left")
    asis = _p("asis_left")
    brim = pelvic_brim()
    arcuate = brim[(brim[:, 1] < 1.8) & (brim[:, 1] > -4.2)]
    pts = np.vstack([
        smooth([(arcuate[0][0] - 0.3, 3.2), (top[0] - 2.4, top[1] - 1.2), (top[0], top[1] - 0.7),
                (lat[0] - 1.3, lat[1] + 0.2), (asis[0] - 0.2, asis[1] + 1.6), (asis[0] - 1.5, asis[1] - 0.9)],
               n=8, closed=False),
        arcuate[::-1] + (0.25, 0.0),
    ])
    return pts


def acetabulum() -> tuple[np.ndarray, np.ndarray]:
    """The left acetabulum seen from the front (cm): its rim, and the lunate (articular) surface.

    Seen obliquely from the front it is an upright oval on the lateral side
    of the hip bone, centred on the hip joint.
    """
    cx, cy = _p("hip_joint_left")
    cx += 0.9
    t = np.linspace(0, 2 * np.pi, 50, endpoint=False)
    rim = np.column_stack([cx + 1.35 * np.cos(t), cy + 2.1 * np.sin(t)])
    tl = np.linspace(np.deg2rad(-60), np.deg2rad(240), 40)
    lunate = np.column_stack([cx + 0.95 * np.cos(tl), cy + 1.55 * np.sin(tl)])
    return rim, lunate
