"""The lower back and pelvis seen from behind, in switchable layers.

Layers (draw any subset, in this order from back to front):

``"bone"``
    Lower lumbar spine (L3-L5) with spinous processes, laminae, articular and
    transverse processes; the sacrum with its median sacral crest (a ridge
    of tubercles), posterior foramina and the sacral hiatus (an inverted U
    between the cornua); coccyx; the two hip bones, whose posterior part
    overlaps the side of the sacrum and ends in the PSIS, a rounded knob
    with a notch below it leading to the PIIS; the upper femora with head,
    neck and greater trochanter. The ear-shaped (auricular) outline of each
    sacroiliac joint, S1-S3, is dashed where the ilium hides it.
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

Labels come in layers (:data:`LABEL_LAYERS`), at most
:data:`MAX_LABELS` at once: ``"surface"`` (what you see and feel on the
skin), ``"pelvis"`` (hip bones, joints, femora), ``"spine"`` (lumbar
vertebrae, sacrum, coccyx) and ``"lines"`` (the two lines, the rhombus and
the points that define them). Every label records the drawn structure it
names, and its leader ends on that structure.

Key lines and markers (the line through the PSIS, Tuffier's line, the
rhombus) are drawn with a black casing (and a thin white halo) under the
coloured line, so each stands at 3:1 contrast or more against skin, bone
and the dark outlines it crosses.

Positions (the PSIS 10 cm apart at S2, the crest tops at L4) come from
:mod:`dimples.anatomy.landmarks` with their sources; the outlines between
them are schematic.

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
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.patches import Ellipse, Polygon
from matplotlib.path import Path

from dimples.anatomy import bones
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels, tag
from dimples.anatomy.landmarks import MICHAELIS_TOP_CANDIDATES, michaelis_rhombus, position
from dimples.style import PALETTE, TISSUE_COLOURS, check_axes

__all__ = ["draw_posterior_view", "LAYERS", "LABEL_LAYERS", "MAX_LABELS", "LINE_COLOURS", "CASING_COLOUR",
           "skin_outline", "default_label_layer", "draw_hidden_outline"]

#: Layer names accepted by :func:`draw_posterior_view`.
LAYERS: tuple[str, ...] = ("skin", "bone", "lines", "landmarks")
#: Colours of the reference lines (Okabe-Ito).
LINE_COLOURS: dict[str, str] = {
    "s2_line": PALETTE["blue"],
    "tuffier": PALETTE["orange"],
    "rhombus": PALETTE["reddish_purple"],
}

#: Label layers accepted by :func:`draw_posterior_view` (``labels=``).
LABEL_LAYERS: tuple[str, ...] = ("surface", "pelvis", "spine", "lines")
#: The most labels one figure shows (a lecturer's slide reads with about a dozen).
MAX_LABELS = 12
#: Colour of the casing drawn under each key line and marker, for contrast against skin and bone.
CASING_COLOUR = PALETTE["black"]

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


def default_label_layer(layers) -> str:
    """The label layer :func:`draw_posterior_view` shows for ``labels=True``.

    Parameters
    ----------
    layers : collection of str
        The drawing layers, a non-empty subset of :data:`LAYERS`.

    Returns
    -------
    str
        ``"lines"`` when the lines are drawn, else ``"pelvis"`` for bone
        without skin, else ``"surface"``.

    Raises
    ------
    ValueError
        For an unknown or empty layer set.
    """
    layers = _check_layers(layers)
    if "lines" in layers:
        return "lines"
    if "bone" in layers and "skin" not in layers:
        return "pelvis"
    return "surface"


def draw_hidden_outline(ax: Axes, outline, cover, colour: str, lw: float = 1.2, z: float = 3.0,
                        structure: str | None = None) -> list:
    """Draw a closed outline solid where it is in view and dashed where ``cover`` hides it.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw.
    outline : array_like, shape (n, 2)
        Closed outline (cm).
    cover : array_like, shape (m, 2) or list of them
        Outline(s) (cm) of what lies in front of it.
    colour : str
        Line colour.
    lw : float
        Line width in points, > 0 (default 1.2).
    z : float
        zorder (default 3).
    structure : str or None
        Key given to every drawn piece with :func:`dimples.anatomy.labels.tag`.

    Returns
    -------
    list of matplotlib.lines.Line2D
        The pieces drawn.

    Raises
    ------
    ValueError
        For an outline or cover that is not an array of (x, y) points in cm, or ``lw`` <= 0.
    """
    check_axes(ax)
    pts = bones.mirror(bones.mirror(outline))  # validates the shape
    covers = [cover] if np.ndim(cover) == 2 else list(cover)
    paths = [Path(bones.mirror(bones.mirror(c))) for c in covers]
    if not (isinstance(lw, (int, float)) and lw > 0):
        raise ValueError(f"lw={lw!r}: expected a line width in points > 0")
    closed = np.vstack([pts, pts[:1]])
    hidden = np.zeros(len(closed), bool)
    for path in paths:
        hidden |= path.contains_points(closed)
    out = []
    start = 0
    for k in range(1, len(closed) + 1):
        if k == len(closed) or hidden[k] != hidden[start]:
            seg = closed[start:min(k + 1, len(closed))]
            if len(seg) >= 2:
                (line,) = ax.plot(seg[:, 0], seg[:, 1], color=colour, lw=lw,
                                  ls=(0, (2.6, 1.8)) if hidden[start] else "-", zorder=z,
                                  solid_capstyle="butt")
                if structure:
                    tag(line, structure)
                out.append(line)
            start = k
    return out


def _side(poly, s):
    return poly if s > 0 else bones.mirror(poly)


def _name(base, s):
    return f"{base}_{'left' if s > 0 else 'right'}"


def _draw_bone(ax: Axes, z: float) -> None:
    c = TISSUE_COLOURS
    kw = dict(fc=c["bone"], ec=c["bone_edge"], lw=0.9)
    parts = bones.femur_parts()
    for s in (1, -1):
        tag(ax.add_patch(Polygon(_side(parts["outline"], s), closed=True, zorder=z, **kw)), _name("femur", s))
        tag(ax.add_patch(Polygon(_side(parts["neck"], s), closed=True, fc=c["bone"], ec="none", zorder=z + 0.01)),
            _name("femoral_neck", s))
        crest = _side(parts["crest"], s)
        ax.plot(crest[:, 0], crest[:, 1], color=c["bone_edge"], lw=0.7, zorder=z + 0.02)
    pub, obt = bones.pubis()
    for s in (1, -1):
        tag(ax.add_patch(Polygon(_side(pub, s), closed=True, zorder=z - 0.2, **kw)), _name("pubis", s))
        tag(ax.add_patch(Polygon(_side(obt, s), closed=True, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z - 0.1)),
            _name("obturator_foramen", s))
    for _, lvl in bones.LUMBAR_LEVELS:
        v = bones.vertebra(lvl)
        key = lvl.split("_")[0]
        tag(ax.add_patch(Polygon(v["body"], closed=True, zorder=z, **kw)), f"{key}_body")
        for s, tp in zip((1, -1), v["transverse"], strict=True):
            tag(ax.add_patch(Polygon(tp, closed=True, zorder=z + 0.1, **kw)), _name(f"{key}_transverse", s))
        for s, sap in zip((1, -1), v["superior_articular"], strict=True):
            tag(ax.add_patch(Polygon(sap, closed=True, zorder=z + 0.15, **kw)), _name(f"{key}_superior_articular", s))
        for s, iap in zip((1, -1), v["inferior_articular"], strict=True):
            tag(ax.add_patch(Polygon(iap, closed=True, zorder=z + 0.15, **kw)), _name(f"{key}_inferior_articular", s))
        tag(ax.add_patch(Polygon(v["arch"], closed=True, zorder=z + 0.2, **kw)), f"{key}_laminae")
        tag(ax.add_patch(Polygon(v["spinous"], closed=True, zorder=z + 0.3, **kw)), f"{key}_spinous")
    sac = bones.sacrum()
    tag(ax.add_patch(Polygon(sac, closed=True, zorder=z + 0.1, **kw)), "sacrum")
    for seg in bones.coccyx():
        tag(ax.add_patch(Polygon(seg, closed=True, zorder=z + 0.1, **kw)), "coccyx")
    # posterior foramina, then the median sacral crest: a ridge of tubercles (bumps, lit from the upper left)
    for i in (1, 2, 3, 4):
        for side in ("left", "right"):
            x, y = position(f"s{i}_foramen_{side}")
            tag(ax.add_patch(Ellipse((x, y), 0.75, 0.6, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.3)),
                f"s{i}_foramen_{side}")
    crest = bones.median_sacral_crest()
    tag(ax.add_patch(Polygon(crest, closed=True, fc=c["bone"], ec=c["bone_edge"], lw=0.8, zorder=z + 0.32)),
        "median_sacral_crest")
    for i in (1, 2, 3, 4):
        _, y = position(f"s{i}_spinous")
        # a bump, not a hole: a raised mound lit from the upper left, its shadow cast to the lower right
        t = np.linspace(-np.pi * 0.55, np.pi * 0.25, 14)
        shadow = np.vstack([np.column_stack([-0.05 - 0.62 * np.cos(t), y - 0.12 + 0.62 * np.sin(t)]),
                            np.column_stack([-0.05 - 0.42 * np.cos(t[::-1]), y + 0.5 * np.sin(t[::-1])])])
        ax.add_patch(Polygon(shadow, closed=True, fc=c["bone_edge"], ec="none", alpha=0.35, zorder=z + 0.31))
        tag(ax.add_patch(Ellipse((0.0, y), 0.9, 1.0, fc=c["bone"], ec=c["bone_edge"], lw=0.8, zorder=z + 0.33)),
            "median_sacral_crest")
        tt = np.linspace(np.pi * 0.55, np.pi * 1.0, 8)
        ax.plot(0.28 * np.cos(tt) + 0.05, y + 0.32 * np.sin(tt) + 0.05, color="white", lw=1.2, alpha=0.9,
                zorder=z + 0.34, solid_capstyle="round")  # highlight on the upper left of the mound
    opening, cornua = bones.sacral_hiatus()
    tag(ax.add_patch(Polygon(opening, closed=False, fc=c["bone_edge"], ec=c["bone_edge"], lw=0.8, alpha=0.45,
                             zorder=z + 0.31)), "sacral_hiatus")
    for s, corn in zip((1, -1), cornua, strict=True):
        tag(ax.add_patch(Polygon(corn, closed=True, zorder=z + 0.34, **kw)), _name("sacral_cornu", s))
    # the hip bones overlap the lateral sacrum from behind: the posterior ilium covers the joint
    hb = bones.hip_bone()
    for s in (1, -1):
        tag(ax.add_patch(Polygon(_side(hb, s), closed=True, zorder=z + 0.5, **kw)), _name("hip_bone", s))
        knob = _side(bones.psis_knob(), s)
        tag(ax.add_patch(Polygon(knob, closed=True, fc="none", ec="none", zorder=z + 0.51)), _name("psis", s))
        # the knob stands out behind the S2 level: a contour round its lateral side and a shadow below
        px, py = position(_name("psis", s))
        t = np.linspace(-np.pi * 0.45, np.pi * 0.5, 14)
        ax.plot(px - 0.1 + 0.55 * np.cos(t) * s, py + 0.15 + 0.7 * np.sin(t), color=c["bone_edge"], lw=0.8,
                alpha=0.75, zorder=z + 0.52)
    # sacroiliac joints: the ear-shaped auricular outline, dashed where the ilium hides it
    covers = [hb, bones.mirror(hb)]
    for s in (1, -1):
        draw_hidden_outline(ax, _side(bones.auricular_surface(), s), covers, c["bone_edge"], lw=1.2, z=z + 0.6,
                            structure=_name("sacroiliac_joint", s))


def _draw_skin(ax: Axes, z: float, over_bone: bool) -> None:
    c = TISSUE_COLOURS
    outline = skin_outline()
    alpha = 0.35 if over_bone else 1.0
    tag(ax.add_patch(Polygon(outline, closed=True, fc=c["skin"], ec="none", alpha=alpha, zorder=z)), "skin")
    edge = "#6B4A3A"
    for s in (1, -1):
        part = outline[(np.sign(outline[:, 0]) == s) & (outline[:, 1] > _Y_BOTTOM + 0.01)]
        ax.plot(part[:, 0], part[:, 1], color=edge, lw=1.0, zorder=z + 0.1)
    # gluteal cleft and folds, the midline furrow over the spine
    cleft_top = position("gluteal_cleft_top")
    tag(ax.plot([0, 0], [cleft_top[1], -15.6], color=edge, lw=1.1, zorder=z + 0.1)[0], "gluteal_cleft")
    for s in (1, -1):
        fold = _fold(s)
        tag(ax.plot(fold[:, 0], fold[:, 1], color=edge, lw=1.0, zorder=z + 0.1)[0], _name("gluteal_fold", s))
    tag(ax.plot([0, 0], [_Y_TOP, 4.0], color=edge, lw=0.8, alpha=0.6, zorder=z + 0.1)[0], "midline_furrow")
    # the dimples: soft shaded hollows over the PSIS
    for side in ("left", "right"):
        x, y = position(f"dimple_{side}")
        for k, (w, a) in enumerate(((2.2, 0.08), (1.6, 0.12), (1.0, 0.2))):
            e = ax.add_patch(Ellipse((x, y), w, w * 0.8, fc="#000000", ec="none", alpha=a, zorder=z + 0.2 + k * 0.01))
            if k == 0:
                tag(e, f"dimple_{side}")


def _fold(s):
    return bones.smooth([(s * 0.6, -15.2), (s * 5.0, -16.6), (s * 10.0, -16.4), (s * 13.4, -14.9)], n=8,
                        closed=False)


def _cased(lw):
    """A thin white halo, then the black casing, then the line itself: it stands out on light and dark alike."""
    return [patheffects.Stroke(linewidth=lw + 3.6, foreground="white"),
            patheffects.Stroke(linewidth=lw + 2.0, foreground=CASING_COLOUR), patheffects.Normal()]


def _draw_lines(ax: Axes, z: float, rhombus_top: str) -> None:
    psis_y = position("psis_left")[1]
    lw = 1.8
    tag(ax.plot([-_X_HALF + 2, _X_HALF - 2], [psis_y, psis_y], color=LINE_COLOURS["s2_line"], lw=lw,
                ls=(0, (6, 3)), zorder=z, path_effects=_cased(lw))[0], "s2_line")
    crest_y = position("iliac_crest_top_left")[1]
    tag(ax.plot([-_X_HALF + 2, _X_HALF - 2], [crest_y, crest_y], color=LINE_COLOURS["tuffier"], lw=lw,
                ls=(0, (2, 2)), zorder=z, path_effects=_cased(lw))[0], "tuffier")
    corners = np.array(michaelis_rhombus(rhombus_top) + [michaelis_rhombus(rhombus_top)[0]])
    tag(ax.plot(corners[:, 0], corners[:, 1], color=LINE_COLOURS["rhombus"], lw=lw, zorder=z + 0.1,
                path_effects=_cased(lw))[0], "rhombus")
    for name in MICHAELIS_TOP_CANDIDATES:
        if name != rhombus_top:
            x, y = position(name)
            tag(ax.plot(x, y, marker="o", ms=5.5, mfc="white", mec=LINE_COLOURS["rhombus"], mew=1.6, zorder=z + 0.2,
                        path_effects=_cased(1.0))[0], f"candidate:{name}")


def _check_label_layer(labels, layers):
    if isinstance(labels, bool):
        return default_label_layer(layers) if labels else None
    if labels not in LABEL_LAYERS:
        raise ValueError(f"labels={labels!r}: expected True, False or one of {LABEL_LAYERS}")
    return labels


def draw_posterior_view(ax: Axes, layers=LAYERS, labels=True, rhombus_top: str = "l5_spinous",
                        fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw the lower back and pelvis from behind onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; limits and aspect are set, the axis frame is hidden.
    layers : collection of str
        Any non-empty subset of :data:`LAYERS`: ``"skin"``, ``"bone"``,
        ``"lines"``, ``"landmarks"``.
    labels : bool or str
        Which label layer to show: one of :data:`LABEL_LAYERS`
        (``"surface"``, ``"pelvis"``, ``"spine"``, ``"lines"``), ``True`` for
        :func:`default_label_layer` of ``layers``, or ``False`` for none. At
        most :data:`MAX_LABELS` labels, none of whose leaders cross.
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
        For an ``ax`` that is not an Axes, an unknown or empty layer set, an
        unknown label layer, a label layer whose structures are not drawn,
        or an unknown ``rhombus_top``.

    Notes
    -----
    The subject's left is on the viewer's left (we look at their back).
    Spacing of the PSIS (10 cm) and the levels of the reference lines come
    from the landmark table with their sources; the shapes are schematic.
    """
    check_axes(ax)
    layers = _check_layers(layers)
    label_layer = _check_label_layer(labels, layers)
    if rhombus_top not in MICHAELIS_TOP_CANDIDATES:
        raise ValueError(f"rhombus_top={rhombus_top!r}: expected one of {MICHAELIS_TOP_CANDIDATES}")
    need = {"surface": "skin", "pelvis": "bone", "spine": "bone", "lines": "lines"}
    if label_layer is not None and need[label_layer] not in layers:
        raise ValueError(f"labels={labels!r}: the {label_layer!r} labels need the {need[label_layer]!r} layer; "
                         f"layers={layers!r}")
    if "bone" in layers:
        _draw_bone(ax, z=2)
    if "skin" in layers:
        _draw_skin(ax, z=5, over_bone="bone" in layers)
    if "lines" in layers:
        _draw_lines(ax, z=8, rhombus_top=rhombus_top)
    if "landmarks" in layers:
        for name in _landmark_dots(layers):
            x, y = position(name)
            tag(ax.plot(x, y, marker="o", ms=5, color=PALETTE["black"], mfc=PALETTE["sky_blue"], mew=1.0,
                        zorder=10)[0], f"landmark:{name}")
    margin = 10.5
    ax.set_xlim(_X_HALF + margin, -_X_HALF - margin)  # subject's left on the viewer's left
    ax.set_ylim(_Y_BOTTOM - 1.6, _Y_TOP + 0.3)
    for s, word in ((1, "subject's left"), (-1, "subject's right")):
        ax.text(s * (_X_HALF - 3.0), _Y_BOTTOM - 0.9, word, ha="center", va="center", fontsize=fontsize,
                color="#555555", style="italic")
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if label_layer is not None:
        place_labels(ax, _labels(layers, label_layer, rhombus_top), fontsize=fontsize)
    return ax


def _landmark_dots(layers):
    if "bone" in layers:
        return ["psis_left", "psis_right", "s2_spinous", "l4_spinous", "l5_spinous", "iliac_crest_top_left",
                "iliac_crest_top_right"]
    return ["s2_spinous", "gluteal_cleft_top"]  # on the skin: what can be seen or felt


def _on_outline(outline, near):
    """The point of ``outline`` nearest to ``near`` (cm): a leader end exactly on a bone's edge."""
    o = np.asarray(outline)
    return tuple(o[np.argmin(np.hypot(*(o - np.asarray(near)).T))])


def _labels(layers: tuple[str, ...], label_layer: str, rhombus_top: str = "l5_spinous") -> list[Label]:
    """The labels of one label layer (paired structures labelled once, on their own side)."""
    P = position
    dots = set(_landmark_dots(layers)) if "landmarks" in layers else set()
    bone = "bone" in layers
    out: list[Label] = []
    if label_layer == "surface":
        fold = _fold(-1)
        out += [
            Label("dimple of Venus" + ("\n(over the PSIS)" if bone else ""),
                  (P("dimple_right")[0], P("dimple_right")[1] - 0.55), "right", structure="dimple_right"),
            Label("midline furrow", (0.0, 13.0), "left", structure="midline_furrow"),
            Label("gluteal cleft", (0.0, -12.0), "right", structure="gluteal_cleft"),
            Label("gluteal fold", tuple(fold[len(fold) * 2 // 3]), "right", structure="gluteal_fold_right"),
        ]
        if "s2_spinous" in dots:
            out.append(Label("S2 tubercle\n(felt in the midline)", P("s2_spinous"), "left",
                             structure="landmark:s2_spinous"))
        if "gluteal_cleft_top" in dots:
            out.append(Label("top of gluteal cleft", P("gluteal_cleft_top"), "left",
                             structure="landmark:gluteal_cleft_top"))
        if bone:
            out += [
                Label("PSIS, under the dimple", P("psis_left"), "left", structure="psis_left"),
                Label("iliac crest\n(felt at the waist)", _on_outline(bones.hip_bone(), (12.5, 8.2)), "left",
                      structure="hip_bone_left"),
                Label("median sacral crest", (0.0, P("s3_spinous")[1]), "left", structure="median_sacral_crest"),
            ]
    elif label_layer == "pelvis":
        hb = bones.hip_bone()
        hbr = bones.mirror(hb)
        out += [
            Label("iliac crest", _on_outline(hb, P("iliac_crest_top_left")), "left", structure="hip_bone_left"),
            Label("PSIS (rounded end\nof the iliac crest)", P("psis_left"), "left", structure="psis_left"),
            Label("PIIS", _on_outline(hb, P("piis_left")), "left", structure="hip_bone_left"),
            Label("greater sciatic notch", _on_outline(hb, P("greater_sciatic_notch_left")), "left",
                  structure="hip_bone_left"),
            Label("ischial tuberosity", _on_outline(hb, (6.6, -13.2)), "left", structure="hip_bone_left"),
            Label("sacroiliac joint (S1-S3,\ndashed where hidden)", _on_outline(
                bones.mirror(bones.auricular_surface()), (-6.0, 1.0)), "right", structure="sacroiliac_joint_right"),
            Label("sacrum", (-2.8, -3.6), "right", structure="sacrum"),
            Label("ischial spine", _on_outline(hbr, P("ischial_spine_right")), "right", structure="hip_bone_right"),
            Label("obturator foramen", (-5.0, -11.0), "right", structure="obturator_foramen_right"),
            Label("neck of femur", P("femoral_neck_right"), "right", structure="femoral_neck_right"),
            Label("greater trochanter", P("greater_trochanter_right"), "right", structure="femur_right"),
        ]
    elif label_layer == "spine":
        out += [
            Label("transverse process (L3)", (-4.2, P("l3_spinous")[1] + 1.9), "right", structure="l3_transverse_right"),
            Label("lamina (L4)", (-1.1, P("l4_spinous")[1] + 1.9), "right", structure="l4_laminae"),
            Label("spinous process (L4)", (0.0, P("l4_spinous")[1] - 0.3), "right", structure="l4_spinous"),
            Label("superior articular\nprocess (L5)", (-1.8, P("l5_spinous")[1] + 2.75), "right",
                  structure="l5_superior_articular_right"),
            Label("L5 transverse process", (3.8, P("l5_spinous")[1] + 1.9), "left", structure="l5_transverse_left"),
            Label("ala of sacrum", (4.4, 3.3), "left", structure="sacrum"),
            Label("median sacral crest\n(tubercles S1-S4)", (0.0, P("s2_spinous")[1]), "right",
                  structure="median_sacral_crest"),
            Label("posterior sacral\nforamina", P("s3_foramen_left"), "left", structure="s3_foramen_left"),
            Label("sacral hiatus", (0.0, P("sacral_hiatus")[1]), "right", structure="sacral_hiatus"),
            Label("sacral cornu", P("sacral_cornu_left"), "left", structure="sacral_cornu_left"),
            Label("coccyx", (0.0, -9.0), "left", structure="coccyx"),
        ]
    elif label_layer == "lines":
        top_txt = {"l5_spinous": "L5 spine", "l5_s1_hollow": "L5-S1 hollow", "l3_l4_interspace": "L3-L4"}
        skin = "skin" in layers
        out += [
            Label("line through the PSIS\n(at S2 in 81 %)", (-_X_HALF + 2.2, 0.0), "right", structure="s2_line"),
            Label("Tuffier's line\n(at L4 in 59 %)", (-15.5, P("iliac_crest_top_right")[1]), "right",
                  structure="tuffier"),
            Label(f"Michaelis rhombus\n(top: {top_txt[rhombus_top]})",
                  tuple(0.5 * (np.array(P(rhombus_top)) + np.array(P("dimple_left")))), "left", structure="rhombus"),
            Label("dimple over the PSIS" if skin else "PSIS", P("psis_left"), "left",
                  structure="dimple_left" if skin else "psis_left"),
            Label("highest point of\niliac crest", P("iliac_crest_top_left"), "left", structure="tuffier"),
            Label("S2 tubercle", (0.0, 0.0), "right", nudge_pt=-14.0, structure="s2_line"),
            Label("top of gluteal cleft", P("gluteal_cleft_top"), "right", structure="rhombus"),
            Label("L4 spine", (0.0, P("l4_spinous")[1]), "right", nudge_pt=12.0, structure="tuffier"),
        ]
        for n in MICHAELIS_TOP_CANDIDATES:
            if n != rhombus_top:
                out.append(Label(f"other proposed top\n({top_txt[n]})", P(n), "left", structure=f"candidate:{n}"))
    return out
