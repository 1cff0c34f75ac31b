"""The lower back and pelvis seen from behind, in switchable layers.

Layers (draw any subset, in this order from back to front):

``"bone"``
    Lower lumbar spine (L3-L5), sacrum with its posterior foramina, coccyx,
    the two hip bones and the upper femora; the sacroiliac joints, which lie
    deep to the posterior ilium, as dashed lines.
``"skin"``
    Outline of the lower back and buttocks with the two dimples, the
    gluteal cleft and folds. Opaque when drawn alone, translucent over bone.
``"lines"``
    The line through both PSIS (at S2, [McGaugh2007]: 81 %), Tuffier's
    intercristal line (at L4 in 59 %; L1-L2 to L5-S1 on ultrasound,
    [EJIM2021]) and the Michaelis rhombus with its disputed upper corner
    (FACTS A8).
``"landmarks"``
    Dots on the named landmarks.

All positions come from :mod:`dimples.anatomy.landmarks`; the curves
between them are schematic.

References
----------
.. [McGaugh2007] McGaugh JM, Brismee JM, Dedrick GS, Jones EA, Sizer PS. Comparing the anatomical
   consistency of the posterior superior iliac spine to the iliac crest as reference landmarks for the
   lumbopelvic spine: a retrospective radiological study. *Clinical Anatomy* 20(7): 819-825, 2007.
   https://researchexperts.utmb.edu/en/publications/comparing-the-anatomical-consistency-of-the-posterior-superior-il
.. [EJIM2021] Brotherston D, Desy J, Ma IWY. Vertebral level identified by the intercristal line:
   confirmation by ultrasound. *European Journal of Internal Medicine* (letter to the editor), May 2021
   issue, 2021. https://doi.org/10.1016/j.ejim.2021.01.015
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Ellipse, Polygon

from dimples.anatomy import bones
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels
from dimples.anatomy.landmarks import MICHAELIS_TOP_CANDIDATES, michaelis_rhombus, position
from dimples.style import PALETTE, TISSUE_COLOURS, check_axes

__all__ = ["draw_posterior_view", "LAYERS", "LINE_COLOURS", "skin_outline"]

#: Layer names accepted by :func:`draw_posterior_view`.
LAYERS: tuple[str, ...] = ("skin", "bone", "lines", "landmarks")
#: Colours of the reference lines (Okabe-Ito).
LINE_COLOURS: dict[str, str] = {
    "s2_line": PALETTE["blue"],
    "tuffier": PALETTE["orange"],
    "rhombus": PALETTE["reddish_purple"],
}

_X_HALF = 18.5  # cm drawn each side of the midline
_Y_TOP = 15.5
_Y_BOTTOM = -19.0


def skin_outline() -> np.ndarray:
    """Closed outline of the lower back, buttocks and upper thighs from behind (cm)."""
    half = [(12.4, _Y_TOP), (12.9, 11.0), (14.6, 6.0), (16.6, 1.0), (17.8, -4.5), (18.2, -9.5),
            (17.6, -14.0), (16.5, _Y_BOTTOM)]
    left = bones.smooth(half, n=10, closed=False)
    crotch = bones.smooth([(16.5, _Y_BOTTOM), (2.2, _Y_BOTTOM), (0.7, -17.6), (0.0, -17.2)], n=8, closed=False)
    left = np.vstack([left, crotch[1:]])
    right = bones.mirror(left)[::-1]
    return np.vstack([left, right[1:]])


def _check_layers(layers) -> tuple[str, ...]:
    if isinstance(layers, str):
        layers = (layers,)
    try:
        layers = tuple(layers)
    except TypeError:
        raise ValueError(f"layers={layers!r}: expected a collection drawn from {LAYERS}") from None
    bad = [ly for ly in layers if ly not in LAYERS]
    if bad or not layers:
        raise ValueError(f"layers={layers!r}: unknown or empty; allowed layers are {LAYERS}")
    return layers


def _draw_bone(ax: Axes, z: float) -> None:
    c = TISSUE_COLOURS
    kw = dict(fc=c["bone"], ec=c["bone_edge"], lw=0.9)
    for s in (1, -1):
        fem = bones.femur()
        ax.add_patch(Polygon(fem if s > 0 else bones.mirror(fem), closed=True, zorder=z, **kw))
    pub, obt = bones.pubis()
    for s in (1, -1):
        ax.add_patch(Polygon(pub if s > 0 else bones.mirror(pub), closed=True, zorder=z - 0.2, **kw))
        ax.add_patch(Polygon(obt if s > 0 else bones.mirror(obt), closed=True, fc="white", ec=c["bone_edge"],
                             lw=0.7, zorder=z - 0.1))
    for _, lvl in bones.LUMBAR_LEVELS:
        v = bones.vertebra(lvl)
        ax.add_patch(Polygon(v["body"], closed=True, zorder=z, **kw))
        for tp in v["transverse"]:
            ax.add_patch(Polygon(tp, closed=True, zorder=z + 0.1, **kw))
        ax.add_patch(Polygon(v["arch"], closed=True, zorder=z + 0.2, **kw))
        ax.add_patch(Polygon(v["spinous"], closed=True, zorder=z + 0.3, **kw))
    sac = bones.sacrum()
    ax.add_patch(Polygon(sac, closed=True, zorder=z + 0.1, **kw))
    for seg in bones.coccyx():
        ax.add_patch(Polygon(seg, closed=True, zorder=z + 0.1, **kw))
    # median sacral crest tubercles and posterior foramina
    for lvl in ("s1_spinous", "s2_spinous", "s3_spinous", "s4_spinous"):
        x, y = position(lvl)
        ax.add_patch(Ellipse((x, y), 0.9, 1.1, fc=c["bone"], ec=c["bone_edge"], lw=0.8, zorder=z + 0.3))
    for i in (1, 2, 3, 4):
        for side in ("left", "right"):
            x, y = position(f"s{i}_foramen_{side}")
            ax.add_patch(Ellipse((x, y), 0.75, 0.6, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.3))
    hx, hy = position("sacral_hiatus")
    ax.add_patch(Ellipse((hx, hy - 0.2), 1.3, 1.4, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.3))
    # hip bones overlap the lateral sacrum (the ilium lies behind the sacroiliac joint)
    hb = bones.hip_bone()
    for poly in (hb, bones.mirror(hb)):
        ax.add_patch(Polygon(poly, closed=True, zorder=z + 0.5, **kw))
    # sacroiliac joints: deep to the posterior ilium, so dashed
    for side in ("left", "right"):
        up, ctr, lo = (position(f"sacroiliac_joint{p}_{side}") for p in ("_upper", "", "_lower"))
        curve = bones.smooth([up, ctr, lo], n=8, closed=False)
        ax.plot(curve[:, 0], curve[:, 1], color=c["bone_edge"], lw=1.2, ls=(0, (3, 2)), zorder=z + 0.6)


def _draw_skin(ax: Axes, z: float, over_bone: bool) -> None:
    c = TISSUE_COLOURS
    outline = skin_outline()
    alpha = 0.35 if over_bone else 1.0
    ax.add_patch(Polygon(outline, closed=True, fc=c["skin"], ec="none", alpha=alpha, zorder=z))
    edge = "#6B4A3A"
    inside = outline[(outline[:, 1] > _Y_BOTTOM + 0.01) & (outline[:, 1] < _Y_TOP - 0.01)]
    for s in (1, -1):
        part = outline[(np.sign(outline[:, 0]) == s) & (outline[:, 1] > _Y_BOTTOM + 0.01)]
        ax.plot(part[:, 0], part[:, 1], color=edge, lw=1.0, zorder=z + 0.1)
    del inside
    # gluteal cleft and folds, the midline furrow over the spine
    cleft_top = position("gluteal_cleft_top")
    ax.plot([0, 0], [cleft_top[1], -15.6], color=edge, lw=1.1, zorder=z + 0.1)
    for s in (1, -1):
        fold = bones.smooth([(s * 0.6, -15.2), (s * 5.0, -16.6), (s * 10.0, -16.4), (s * 13.4, -14.9)],
                            n=8, closed=False)
        ax.plot(fold[:, 0], fold[:, 1], color=edge, lw=1.0, zorder=z + 0.1)
    ax.plot([0, 0], [_Y_TOP, 4.0], color=edge, lw=0.8, alpha=0.6, zorder=z + 0.1)
    # the dimples: soft shaded hollows over the PSIS
    for side in ("left", "right"):
        x, y = position(f"dimple_{side}")
        for k, (w, a) in enumerate(((2.2, 0.08), (1.6, 0.12), (1.0, 0.2))):
            ax.add_patch(Ellipse((x, y), w, w * 0.8, fc="#000000", ec="none", alpha=a, zorder=z + 0.2 + k * 0.01))


def _draw_lines(ax: Axes, z: float, rhombus_top: str) -> None:
    psis_y = position("psis_left")[1]
    ax.plot([-_X_HALF + 2, _X_HALF - 2], [psis_y, psis_y], color=LINE_COLOURS["s2_line"], lw=1.8,
            ls=(0, (6, 3)), zorder=z)
    crest_y = position("iliac_crest_top_left")[1]
    ax.plot([-_X_HALF + 2, _X_HALF - 2], [crest_y, crest_y], color=LINE_COLOURS["tuffier"], lw=1.8,
            ls=(0, (2, 2)), zorder=z)
    corners = np.array(michaelis_rhombus(rhombus_top) + [michaelis_rhombus(rhombus_top)[0]])
    ax.plot(corners[:, 0], corners[:, 1], color=LINE_COLOURS["rhombus"], lw=1.8, zorder=z + 0.1)
    for name in MICHAELIS_TOP_CANDIDATES:
        if name != rhombus_top:
            x, y = position(name)
            ax.plot(x, y, marker="o", ms=5, mfc="white", mec=LINE_COLOURS["rhombus"], mew=1.4, zorder=z + 0.2)


def draw_posterior_view(ax: Axes, layers=LAYERS, labels: bool = True, rhombus_top: str = "l5_spinous",
                        fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw the lower back and pelvis from behind onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; limits and aspect are set, the axis frame is hidden.
    layers : collection of str
        Any non-empty subset of :data:`LAYERS`: ``"skin"``, ``"bone"``,
        ``"lines"``, ``"landmarks"``.
    labels : bool
        Whether to add leader-line labels for what is drawn (default True).
    rhombus_top : str
        Upper corner used for the Michaelis rhombus, one of
        :data:`dimples.anatomy.landmarks.MICHAELIS_TOP_CANDIDATES`; the other
        candidates are shown as open circles (sources disagree, FACTS A8).
    fontsize : float
        Label size in points (pt), in [5, 20] when labels are drawn (default 9).

    Returns
    -------
    Axes
        ``ax``, drawn in cm in the posterior-view frame.

    Raises
    ------
    ValueError
        For an ``ax`` that is not an Axes, an unknown or empty layer set, or
        an unknown ``rhombus_top``.

    Notes
    -----
    The subject's left is on the viewer's left (we look at their back).
    Spacing of the dimples (10 cm) and the levels of the reference lines
    come from the landmark table with their sources; the shapes are schematic.
    """
    check_axes(ax)
    layers = _check_layers(layers)
    if rhombus_top not in MICHAELIS_TOP_CANDIDATES:
        raise ValueError(f"rhombus_top={rhombus_top!r}: expected one of {MICHAELIS_TOP_CANDIDATES}")
    if "bone" in layers:
        _draw_bone(ax, z=2)
    if "skin" in layers:
        _draw_skin(ax, z=5, over_bone="bone" in layers)
    if "lines" in layers:
        _draw_lines(ax, z=8, rhombus_top=rhombus_top)
    if "landmarks" in layers:
        if "bone" in layers:
            pts = ["psis_left", "psis_right", "s2_spinous", "l4_spinous", "l5_spinous", "iliac_crest_top_left",
                   "iliac_crest_top_right"]
        else:  # on the skin: what can be seen or felt; the dimples mark themselves
            pts = ["s2_spinous", "gluteal_cleft_top"]
        for name in pts:
            x, y = position(name)
            ax.plot(x, y, marker="o", ms=5, color=PALETTE["black"], mfc=PALETTE["sky_blue"], mew=1.0, zorder=10)
    margin = 10.5
    ax.set_xlim(_X_HALF + margin, -_X_HALF - margin)  # subject's left on the viewer's left
    ax.set_ylim(_Y_BOTTOM - 1.6, _Y_TOP + 0.3)
    for s, word in ((1, "subject's left"), (-1, "subject's right")):
        ax.text(s * (_X_HALF - 3.0), _Y_BOTTOM - 0.9, word, ha="center", va="center", fontsize=fontsize,
                color="#555555", style="italic")
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if labels:
        place_labels(ax, _labels(layers, rhombus_top), fontsize=fontsize)
    return ax


def _labels(layers: tuple[str, ...], rhombus_top: str) -> list[Label]:
    """Which labels go with which layers; paired structures are labelled once."""
    out: list[Label] = []
    P = position
    if "bone" in layers:
        # Paired structures are labelled on their own side (subject's left -> left column); midline
        # ones go where the column has room. Leaders to structures medial to the ilium must cross it.
        notch_apex = P("greater_sciatic_notch_left")
        out += [
            Label("L4 spinous process", P("l4_spinous"), "right", nudge_pt=14.0),
            Label("L5 spinous process", P("l5_spinous"), "right"),
            Label("iliac crest\n(highest point)", P("iliac_crest_top_left"), "left"),
            Label("PSIS", P("psis_left"), "left"),
            Label("sacroiliac joint\n(deep, dashed)", P("sacroiliac_joint_right"), "right"),
            Label("sacrum", (2.0, -4.3), "left"),
            Label("posterior sacral\nforamina", P("s3_foramen_left"), "left"),
            Label("S2 spinous tubercle", (0.0, -0.45), "right", nudge_pt=-36.0),
            Label("PIIS", P("piis_left"), "left"),
            # into the concavity between the PIIS and the ischial spine, not on its bony rim
            Label("greater sciatic notch", (notch_apex[0] - 0.7, notch_apex[1] - 0.3), "left"),
            Label("coccyx", (0.0, -9.0), "left"),
            # from behind the hip joint is hidden by the hip bone; what shows is the femoral neck
            Label("neck of femur\n(hip joint lies deep)", (-11.8, -8.9), "right"),
            Label("ischial tuberosity", P("ischial_tuberosity_left"), "left"),
            Label("greater trochanter", P("greater_trochanter_right"), "right"),
        ]
    if "skin" in layers:
        out += [Label("dimple of Venus\n(over the PSIS)" if "bone" in layers else "dimple of Venus",
                      # lower rim of the dimple, so the leader runs below the line through the PSIS
                      (P("dimple_right")[0], P("dimple_right")[1] - 0.7), "right", nudge_pt=-14.0)]
        if "bone" not in layers:
            out += [Label("gluteal cleft", (0.0, -11.0), "right"),
                    Label("gluteal fold", (-9.0, -16.5), "right"),
                    Label("midline furrow", (0.0, 13.0), "left")]
            if "landmarks" in layers:
                out += [Label("S2 tubercle\n(felt in the midline)", P("s2_spinous"), "left"),
                        Label("top of gluteal cleft", P("gluteal_cleft_top"), "left")]
    if "lines" in layers:
        top_txt = {"l5_spinous": "L5 spine", "l5_s1_hollow": "L5-S1 hollow", "l3_l4_interspace": "L3-L4"}
        out += [
            Label("line through the PSIS\n(at S2 in 81 %)", (-_X_HALF + 2.2, 0.0), "right", nudge_pt=12.0),
            Label("Tuffier's line\n(at L4 in 59 %)", (-15.5, P("iliac_crest_top_right")[1]), "right"),
            Label(f"Michaelis rhombus\n(top: {top_txt[rhombus_top]})", (2.6, 0.5 * (P(rhombus_top)[1] + 0.0) + 0.1),
                  "left"),
        ]
        others = [n for n in MICHAELIS_TOP_CANDIDATES if n != rhombus_top]
        for n in others:
            out.append(Label(f"other proposed top\n({top_txt[n]})", P(n), "left"))
    return _dedupe(out)


def _dedupe(items: list[Label]) -> list[Label]:
    seen, out = set(), []
    for it in items:
        if it.text not in seen:
            seen.add(it.text)
            out.append(it)
    return out
