"""A transverse section of the lower back at the level of S2 and the PSIS.

Drawn with the back at the top (the skin of the back is the upper edge) and
the subject's left on the viewer's left, as in the posterior view: that is
the section seen from below, looking up from the feet. It runs from the
midline to just beyond the left and right PSIS: skin, subcutaneous fat, the
deep fascia, the fibrous anchoring of the skin over each PSIS, the sacrum
and ilia with the sacroiliac joints, and the muscles beside the PSIS
(multifidus medially, gluteus maximus laterally).

The bone shapes are schematic; the PSIS spacing comes from the landmark
table. The deep fascia beside the PSIS is the model's own deep relief
(:func:`dimples.model.deep_relief`: the muscle's top, the muscle-free window
round the PSIS and its knob), and the skin is the one skin of the kit: the
surface that :func:`dimples.model.surface` computes along the line through
both PSIS, plus the dermis. The drawing adds no skin model of its own; it
adds only what the model leaves out, the median sacral crest (where the
fascia attaches) and the buttock turning forwards lateral to the PSIS. The point of the drawing is where muscle is and is not: multifidus
arises from the medial surface of the PSIS and the dorsal sacrum (FACTS M6),
gluteus maximus from the ilium behind the posterior gluteal line (M5), and
the layers of the thoracolumbar fascia fuse onto the PSIS (M7), so no muscle
belly crosses its tip (an inference, M8).

References
----------
.. [Gray2020] Standring S (editor). *Gray's Anatomy: The Anatomical Basis of Clinical Practice, 42nd
   edition*. Elsevier, 2020. ISBN 978-0-7020-7705-0
.. [Willard2012] Willard FH, Vleeming A, Schuenke MD, Danneels L, Schleip R.
   The thoracolumbar fascia: anatomy, function and clinical considerations.
   *Journal of Anatomy* 221(6): 507-536, 2012. https://doi.org/10.1111/j.1469-7580.2012.01511.x
.. [Nash2004] Nash LG, Phillips MN, Nicholson H, Barnett R, Zhang M. Skin
   ligaments: regional distribution and variation in morphology. *Clinical
   Anatomy* 17(4): 287-293, 2004. https://doi.org/10.1002/ca.10203
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Polygon

from dimples import model
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels
from dimples.anatomy.landmarks import position
from dimples.style import TISSUE_COLOURS, check_axes
from dimples.thickness import DERMIS_MM

__all__ = ["draw_cross_section", "skin_surface"]

_X_EXTENT = 10.5  # cm each side of the midline drawn
_BONE_LEVEL = -1.2  # cm: dorsal surface of the sacrum / gluteal surface of the ilium beside the PSIS
_GRID = np.linspace(-_X_EXTENT, _X_EXTENT, 841)  # cm: where the surfaces are computed


def _psis_x() -> float:
    return abs(position("psis_left")[0])


def _bone_top(x: np.ndarray) -> np.ndarray:
    """Height (cm) of the bone's dorsal surface: median crest, sacral groove, PSIS, ilium."""
    px = _psis_x()
    x = np.abs(x)
    crest = 0.0 - 2.2 * np.clip(x / 1.0, 0, 1) ** 1.5  # median sacral crest falls to the groove
    groove = np.full_like(x, _BONE_LEVEL)
    psis = _PSIS_TIP - 1.4 * ((x - px) / 0.8) ** 2  # rounded PSIS tip
    gluteal = _BONE_LEVEL - 0.35 * np.clip(x - px - 0.8, 0, None)  # gluteal surface slopes away laterally
    top = np.maximum.reduce([np.where(x < 1.0, crest, -9), groove * (x < px + 0.8) + (-9) * (x >= px + 0.8),
                             psis, np.where(x > px, gluteal, -9)])
    return top


#: Height (cm) of the PSIS tip in the drawing (the top of :func:`_ilium_polygon`).
_PSIS_TIP = -0.28
#: Thickness (cm) of the deep fascia drawn over bone.
_FASCIA_CM = 0.05
#: Height (cm) of the model's zero, the fascia on the bone around the PSIS inside its muscle-free window: the
#: fascia over the PSIS tip stands the model's knob (:data:`dimples.model.KNOB_MM`) above it.
_FLOOR = _PSIS_TIP + _FASCIA_CM - model.KNOB_MM / 10.0
#: Schematic: how steeply the fascia falls from the muscle's top to its attachment on the median sacral
#: crest (cm per cm), and how far lateral to the PSIS the gluteal surface starts to turn forwards (cm).
_MIDLINE_SLOPE = 1.4
_GLUTEAL_TURN_CM = 2.0


def _tilt(x: np.ndarray) -> np.ndarray:
    """The drawing's large-scale shape the model leaves out (cm): lateral to the PSIS the buttock turns forwards."""
    t = np.clip(np.abs(x) - (_psis_x() + _GLUTEAL_TURN_CM), 0, None)
    return -0.35 * (np.sqrt(t * t + 0.25) - 0.5)


def _deep_surface(x: np.ndarray, muscle_mm: float, relief_mm: np.ndarray | None = None) -> np.ndarray:
    """The deep fascia (cm): the model's own deep relief along the line through both PSIS, set on the bone.

    Beside the PSIS it is :func:`dimples.model.deep_relief` (the muscle's top, the muscle-free window and
    the PSIS knob) above :data:`_FLOOR`, plus :func:`_tilt`; at the midline the fascia falls to its
    attachment on the median sacral crest, so multifidus fills the grooves either side of the crest and
    not over it; it never passes below the drawn bone.
    """
    x = np.asarray(x, dtype=float)
    if relief_mm is None:
        relief_mm = model.surface(10.0, anchoring="none", muscle_mm=muscle_mm).profile_relief_mm
    grid = model.DEFAULT_GRID.x_mm
    deep = _FLOOR + np.interp(10.0 * _GRID, grid, relief_mm) / 10.0 + _tilt(_GRID)
    deep = np.minimum(deep, _MIDLINE_SLOPE * np.abs(_GRID) + _FASCIA_CM)  # down to the crest tip (at 0)
    deep = np.maximum(deep, _bone_top(_GRID) + _FASCIA_CM)
    return np.interp(x, _GRID, deep)


def skin_surface(x_cm, fat_mm: float = 10.0, anchoring="rigid", muscle_mm: float = model.DEFAULT_MUSCLE_MM
                 ) -> np.ndarray:
    """Height of the skin surface of the section (cm): the model's skin along the line through both PSIS.

    The skin is :func:`dimples.model.surface`'s own profile through both PSIS
    (``Surface.profile_mm``, the top of the fat) plus the dermis, on the same
    base as the drawn deep fascia (:data:`_FLOOR` and the buttock's turn,
    :func:`_tilt`), so the pit the section shows is the model's, point for
    point; only where the model's skin would lie below the drawn fascia (over the
    median sacral crest, which the model leaves out) does it rest on the fascia.

    Parameters
    ----------
    x_cm : array_like
        Positions across the back, cm from the midline (positive = subject's left).
    fat_mm : float
        Subcutaneous fat thickness away from the anchoring, mm, in the model's range [0.5, 60].
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (Pa/mm, see :func:`dimples.model.tether_stiffness`).
    muscle_mm : float
        How far the muscle around the PSIS stands above the bone beside it, mm, in the model's range [0, 40].

    Returns
    -------
    numpy.ndarray
        Height of the skin surface in cm (same frame as the drawing: the S2
        median crest tip at 0, posterior up).

    Raises
    ------
    ValueError
        From :func:`dimples.model.surface` for a thickness out of range or not
        a number or an unknown anchoring, or if ``x_cm`` holds anything but finite positions.
    """
    surf = model.surface(fat_mm, anchoring=anchoring, muscle_mm=muscle_mm)
    try:
        x = np.asarray(x_cm, dtype=float)
    except (TypeError, ValueError):
        x = np.array(np.nan)
    if not np.isfinite(x).all():
        raise ValueError(f"x_cm={x_cm!r}: expected finite positions across the back in cm")
    top_of_fat = np.interp(10.0 * _GRID, surf.profile_x_mm, surf.profile_mm) / 10.0
    skin = _FLOOR + _tilt(_GRID) + top_of_fat + DERMIS_MM / 10.0
    skin = np.maximum(skin, _deep_surface(_GRID, surf.muscle_mm, surf.profile_relief_mm) + DERMIS_MM / 10.0)
    return np.interp(x, _GRID, skin)


def _sacrum_polygon() -> np.ndarray:
    """Outline of the S2 segment in section (cm): median crest, canal roof, lateral parts, body."""
    right = [(0.0, 0.0), (0.45, -0.9), (1.0, -1.2), (2.6, -1.25), (3.45, -1.5), (3.6, -2.1),
             (4.2, -3.6), (4.7, -5.2), (4.2, -6.0), (2.5, -6.3), (0.0, -6.4)]
    left = [(-x, y) for x, y in reversed(right[1:-1])]
    return np.array(right + left)


def _ilium_polygon(sign: float) -> np.ndarray:
    """Outline of one ilium in section (cm): PSIS tip, medial face, joint, blade."""
    px = _psis_x()
    pts = [(px - 0.75, -0.7), (px - 0.35, -0.35), (px, _PSIS_TIP), (px + 0.45, -0.4), (px + 0.8, -1.1),
           (px + 1.3, -1.35), (px + 3.0, -1.95), (_X_EXTENT - 0.4, -3.5), (_X_EXTENT - 0.3, -4.3),
           (px + 2.8, -4.5), (px + 1.0, -5.3), (4.95, -5.25), (4.45, -3.6), (3.85, -2.1), (3.95, -1.4),
           (px - 0.9, -0.9)]
    return np.array([(sign * x, y) for x, y in pts])


def draw_cross_section(ax: Axes, fat_mm: float = 10.0, anchoring="rigid", muscle_mm: float = model.DEFAULT_MUSCLE_MM,
                       labels: bool = True, fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw the transverse section at S2 / PSIS level onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw (its contents are kept; limits and aspect are set).
    fat_mm : float
        Subcutaneous fat thickness away from the anchoring, in mm, in [0, 60].
    anchoring : {"none", "compliant", "rigid"} or float
        The fibrous anchoring (retinacula cutis) over each PSIS, as a tether
        stiffness (Pa/mm, see :func:`dimples.model.tether_stiffness`); the skin
        is the model's equilibrium for it.
    muscle_mm : float
        How far the muscle beside the PSIS (multifidus medially, gluteus
        maximus laterally) stands above the bone around the PSIS, in mm, in [0, 40]
        (the model's ``muscle_mm``).
    labels : bool
        Whether to add leader-line labels (default True).
    fontsize : float
        Label size in points (pt), in [5, 20] when labels are drawn (default 9).

    Returns
    -------
    Axes
        ``ax``, drawn in cm (the S2 median crest tip at 0, posterior up).

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes, a thickness is negative, not finite or above
        60 mm, or ``anchoring`` is unknown.
    """
    check_axes(ax)
    surf = model.surface(fat_mm, anchoring=anchoring, muscle_mm=muscle_mm)  # checks the input
    anchored = surf.tether_pa_per_mm > 0
    fat_mm, muscle_mm = surf.fat_mm, surf.muscle_mm
    c = TISSUE_COLOURS
    px = _psis_x()
    x = np.linspace(-_X_EXTENT, _X_EXTENT, 841)
    deep = _deep_surface(x, muscle_mm, surf.profile_relief_mm)
    skin_top = skin_surface(x, fat_mm, anchoring, muscle_mm)
    skin_bottom = skin_top - DERMIS_MM / 10.0
    floor = -6.8

    # Muscle: everything between the bone and the deep fascia. In each PSIS's window it fills only the
    # grooves beside the bone, up to the level of the bone round the PSIS (the model's window floor); no
    # muscle crosses the PSIS tip (FACTS M8). Outside the window it stands ``muscle_mm`` higher.
    bone = _bone_top(x)
    ax.fill_between(x, bone - 0.4, deep, where=deep > bone - 0.4, color=c["muscle"], alpha=0.7, lw=0, zorder=1)
    # bone on top of the muscle fill
    for poly in (_sacrum_polygon(), _ilium_polygon(1.0), _ilium_polygon(-1.0)):
        ax.add_patch(Polygon(poly, closed=True, fc=c["bone"], ec=c["bone_edge"], lw=1.0, zorder=3))
    # sacral canal
    canal = np.array([(0, -1.55), (1.05, -2.4), (0.9, -2.9), (-0.9, -2.9), (-1.05, -2.4)])
    ax.add_patch(Polygon(canal, closed=True, fc="white", ec=c["bone_edge"], lw=0.8, zorder=4))
    # sacroiliac joint line (synovial part, anterior) and interosseous ligament (posterior, between bones)
    for s in (1, -1):
        ax.plot([s * 3.85, s * 4.2, s * 4.7], [-2.15, -3.6, -5.15], color=c["bone_edge"], lw=2.2, zorder=5,
                solid_capstyle="round")
        ax.plot([s * 3.85, s * 4.2, s * 4.7], [-2.15, -3.6, -5.15], color="white", lw=0.8, zorder=6)
        iol = np.array([(s * 3.5, -1.45), (s * 3.95, -1.4), (s * 3.85, -2.1), (s * 3.6, -2.1)])
        ax.add_patch(Polygon(iol, closed=True, fc=c["ligament"], ec="none", zorder=5))
        # short posterior sacroiliac ligament: from the lateral sacral crest to the ilium's medial face
        for dy in (0.0, 0.18):
            ax.plot([s * 2.9, s * (px - 0.8)], [-1.28 + dy, -0.85 + dy], color=c["ligament"], lw=1.5, zorder=5)
    # deep fascia (thoracolumbar fascia medially, gluteal fascia laterally)
    ax.plot(x, deep, color=c["fascia"], lw=1.6, zorder=7)
    # fat and skin
    ax.fill_between(x, deep, skin_bottom, where=skin_bottom > deep, color=c["fat"], lw=0, zorder=2)
    ax.fill_between(x, skin_bottom, skin_top, color=c["skin"], lw=0, zorder=8)
    ax.plot(x, skin_top, color=c["bone_edge"], lw=0.9, zorder=9)
    # anchoring strands over each PSIS
    if anchored:
        for s in (1, -1):
            for dx in np.linspace(-0.45, 0.45, 5):
                xx = s * px + dx
                y0 = float(np.interp(xx, x, deep))
                y1 = float(np.interp(xx, x, skin_bottom))
                if y1 - y0 > 0.02:
                    ax.plot([xx, xx + 0.05 * np.sign(dx)], [y0, y1], color=c["anchor"], lw=1.3, zorder=8.5)
                else:
                    ax.plot([xx], [y0], marker="|", color=c["anchor"], ms=3, zorder=8.5)
    top = float(skin_top.max())
    margin = 7.5
    ax.set_xlim(_X_EXTENT + margin, -_X_EXTENT - margin)  # subject's left on the viewer's left
    ax.set_ylim(floor, max(top + 0.6, 3.0))
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if labels:
        # "rigid", "compliant" or "30 Pa/mm": the words of model.anchoring_words less "anchoring".
        how_anchored = model.anchoring_words(surf.tether_pa_per_mm).removesuffix(" anchoring").removeprefix("anchoring ")
        i_skin = int(np.argmin(np.abs(x + 8.5)))
        mid_fat = float((deep[i_skin] + skin_bottom[i_skin]) / 2)
        items = [
            Label("skin", (-8.5, float(skin_top[i_skin]) - 0.1), "right"),
            Label("subcutaneous fat", (-7.3, float(np.interp(-7.3, x, (deep + skin_bottom) / 2))), "right"),
            Label("deep fascia\n(thoracolumbar)", (-2.5, float(np.interp(-2.5, x, deep))), "right"),
            Label("multifidus", (-2.5, _BONE_LEVEL + 0.4 * muscle_mm / 10.0 - 0.1), "right")
            if muscle_mm >= 6 else None,
            Label("gluteus maximus", (-8.8, float(np.interp(-8.8, x, deep)) - 0.5 * max(muscle_mm, 6) / 10.0),
                  "right") if muscle_mm >= 6 else None,
            Label("sacroiliac joint", (-4.3, -3.9), "right"),
            Label("ilium", (-8.6, -3.0), "right"),
            Label("PSIS", (px, 0.0), "left"),
            Label(f"skin anchoring\n({how_anchored})" if anchored else "no anchoring",
                  (px + 0.1, float(np.interp(px, x, (deep + skin_bottom) / 2))), "left"),
            Label("median sacral crest (S2)", (0.0, -0.15), "left", nudge_pt=24.0),
            Label("sacral canal", (0.3, -2.4), "left"),
            Label("sacrum (S2)", (2.2, -4.6), "left"),
            Label("interosseous\nligament", (3.75, -1.75), "left"),
            Label("posterior sacroiliac\nligament", (3.6, -1.0), "left"),
        ]
        del mid_fat
        place_labels(ax, [i for i in items if i is not None], fontsize=fontsize)
    return ax
