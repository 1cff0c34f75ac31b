"""The sacroiliac joints and their ligaments: posterior, anterior and transverse-section views.

The ligaments drawn (FACTS A10, [Vleeming2012], [Radiopaedia2023], [Kenhub2023]):

* posterior view - iliolumbar; short (deep) and long posterior sacroiliac;
  sacrotuberous (subject's left) and, with it removed, sacrospinous
  (subject's right), as textbook dissections show them;
* anterior view - anterior sacroiliac, iliolumbar, sacrospinous and sacrotuberous;
* section view - a transverse section through one joint at S2: the
  synovial (auricular) part in front, the interosseous ligament filling the
  gap behind it, and the posterior and anterior sacroiliac ligaments.

Bones come from :mod:`dimples.anatomy.bones`, positions from the landmark
table; ligament paths are schematic.

References
----------
.. [Vleeming2012] Vleeming A, Schuenke MD, Masi AT, Carreiro JE, Danneels L, Willard FH. The sacroiliac
   joint: an overview of its anatomy, function and potential clinical implications. *Journal of Anatomy*
   221(6): 537-567, 2012. https://doi.org/10.1111/j.1469-7580.2012.01564.x
.. [Radiopaedia2023] Radiopaedia contributors. Sacroiliac joint. *Radiopaedia.org*, 2023.
   https://radiopaedia.org/articles/sacroiliac-joint
.. [Kenhub2023] Kenhub editorial team. Posterior superior iliac spine; Sacroiliac joint. *Kenhub anatomy
   atlas*, 2023. https://www.kenhub.com/en/library/anatomy/posterior-superior-iliac-spine
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Ellipse, Polygon

from dimples.anatomy import bones
from dimples.anatomy.cross_section import _ilium_polygon, _sacrum_polygon
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels
from dimples.anatomy.landmarks import position
from dimples.style import PALETTE, TISSUE_COLOURS, check_axes

__all__ = ["draw_sacroiliac_joint", "VIEWS", "LIGAMENT_COLOURS"]

#: Views accepted by :func:`draw_sacroiliac_joint`.
VIEWS: tuple[str, ...] = ("posterior", "anterior", "section")

#: Ligament colours: one family (bluish green) for ligaments, a second hue for
#: the ones that resist nutation, so both read apart from bone and from each other.
LIGAMENT_COLOURS: dict[str, str] = {
    "ligament": TISSUE_COLOURS["ligament"],
    "sacrotuberous": PALETTE["blue"],
    "sacrospinous": PALETTE["sky_blue"],
}


def _band(ax, start, end, width, colour, z, n=5, alpha=0.85):
    """A ligament as a band of ``n`` parallel fibres from ``start`` to ``end`` (cm)."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    d = end - start
    normal = np.array([-d[1], d[0]]) / (np.hypot(*d) or 1.0)
    for k in np.linspace(-0.5, 0.5, n):
        off = normal * width * k
        ax.plot(*zip(start + off, end + off, strict=True), color=colour, lw=1.6, alpha=alpha, zorder=z,
                solid_capstyle="round")


def _sheet(ax, origin, insertion, colour, z, n=9, alpha=0.9):
    """A fan-shaped ligament: fibres from points along ``origin`` to points along ``insertion``."""
    o = np.asarray(origin, float)
    i = np.asarray(insertion, float)
    poly = np.vstack([o, i[::-1]])
    ax.add_patch(Polygon(poly, closed=True, fc=colour, ec="none", alpha=0.35, zorder=z))
    for t in np.linspace(0, 1, n):
        a = o[0] + (o[-1] - o[0]) * t
        b = i[0] + (i[-1] - i[0]) * t
        ax.plot([a[0], b[0]], [a[1], b[1]], color=colour, lw=1.3, alpha=alpha, zorder=z + 0.05)


def _bones(ax, z, anterior: bool):
    c = TISSUE_COLOURS
    kw = dict(fc=c["bone"], ec=c["bone_edge"], lw=0.9)
    pub, obt = bones.pubis()
    for s in (1, -1):
        f = (lambda p: p) if s > 0 else bones.mirror
        ax.add_patch(Polygon(f(pub), closed=True, zorder=z - 0.2, **kw))
        ax.add_patch(Polygon(f(obt), closed=True, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z - 0.1))
    v = bones.vertebra("l5_spinous")
    ax.add_patch(Polygon(v["body"], closed=True, zorder=z, **kw))
    for tp in v["transverse"]:
        ax.add_patch(Polygon(tp, closed=True, zorder=z + 0.1, **kw))
    if not anterior:
        ax.add_patch(Polygon(v["arch"], closed=True, zorder=z + 0.2, **kw))
        ax.add_patch(Polygon(v["spinous"], closed=True, zorder=z + 0.3, **kw))
    ax.add_patch(Polygon(bones.sacrum(), closed=True, zorder=z + 0.1, **kw))
    for seg in bones.coccyx():
        ax.add_patch(Polygon(seg, closed=True, zorder=z + 0.1, **kw))
    for i in (1, 2, 3, 4):
        for side in ("left", "right"):
            x, y = position(f"s{i}_foramen_{side}")
            if anterior:  # anterior foramina lie a little more laterally
                x *= 1.25
            ax.add_patch(Ellipse((x, y), 0.8, 0.62, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.3))
    if anterior:
        for y in (1.0, -0.95, -2.75):  # transverse ridges of the fused sacral bodies
            ax.plot([-1.3, 1.3], [y, y], color=c["bone_edge"], lw=0.8, zorder=z + 0.3)
    else:
        for lvl in ("s1_spinous", "s2_spinous", "s3_spinous", "s4_spinous"):
            x, y = position(lvl)
            ax.add_patch(Ellipse((x, y), 0.9, 1.1, fc=c["bone"], ec=c["bone_edge"], lw=0.8, zorder=z + 0.3))
    hb = bones.hip_bone()
    for poly in (hb, bones.mirror(hb)):
        # from the front the ilium lies beside, not over, the sacrum: draw it behind
        ax.add_patch(Polygon(poly, closed=True, zorder=z + (0.05 if anterior else 0.5), **kw))
    for side in ("left", "right"):
        pts = [position(f"sacroiliac_joint{p}_{side}") for p in ("_upper", "", "_lower")]
        curve = bones.smooth(pts, n=8, closed=False)
        ax.plot(curve[:, 0], curve[:, 1], color=c["bone_edge"], lw=1.3 if anterior else 1.1,
                ls="-" if anterior else (0, (3, 2)), zorder=z + 0.6)
    if anterior:  # pelvic brim from the sacral promontory round to the pubis
        for s in (1, -1):
            brim = bones.smooth([(s * 1.0, 3.4), (s * 4.6, 2.6), (s * 7.6, -2.0), (s * 7.2, -6.4), (s * 3.0, -9.6),
                                 (s * 0.5, -9.8)], n=10, closed=False)
            ax.plot(brim[:, 0], brim[:, 1], color=c["bone_edge"], lw=0.9, zorder=z + 0.6)


def _posterior(ax, z) -> list[Label]:
    lc = LIGAMENT_COLOURS
    P = position
    tp_tip = np.array([4.4, P("l5_spinous")[1] + 1.3 + 0.8])
    for s in (1, -1):
        _band(ax, tp_tip * (s, 1), (s * 8.0, 6.3), 0.7, lc["ligament"], z)  # iliolumbar
    # subject's right: short posterior sacroiliac ligaments (deep) and sacrospinous
    for y0 in (2.4, 1.5, 0.6, -0.3):
        _band(ax, (-2.7, y0 - 0.3), (-5.2, y0 + 0.2), 0.35, lc["ligament"], z, n=3)
    _sheet(ax, [(-2.7, -5.2), (-1.0, -8.6)], [(-5.1, -7.9), (-5.3, -8.5)], lc["sacrospinous"], z)
    # subject's left: long posterior sacroiliac and sacrotuberous
    _band(ax, (5.0, -0.3), (3.0, -3.6), 0.8, lc["ligament"], z + 0.2, n=4)
    _sheet(ax, [(5.4, -0.8), (3.6, -3.6), (2.6, -5.4), (1.1, -8.6)],
           [(5.6, -11.6), (5.8, -11.8), (6.0, -12.0), (6.3, -12.2)], lc["sacrotuberous"], z + 0.1)
    return [
        Label("iliolumbar ligament", (6.4, 6.5), "left"),
        Label("long posterior\nsacroiliac ligament", (4.1, -1.9), "left"),
        Label("sacrotuberous ligament", (4.0, -8.0), "left"),
        Label("PSIS", P("psis_left"), "left"),
        Label("ischial tuberosity", P("ischial_tuberosity_left"), "left"),
        Label("short posterior\nsacroiliac ligaments", (-4.0, 1.2), "right"),
        Label("sacroiliac joint\n(deep, dashed)", P("sacroiliac_joint_lower_right"), "right"),
        Label("sacrospinous ligament\n(sacrotuberous removed)", (-3.4, -7.2), "right"),
        Label("ischial spine", P("ischial_spine_right"), "right"),
        Label("L5", (0.0, P("l5_spinous")[1] + 0.3), "right"),
        Label("sacrum", (-1.3, -4.8), "right"),
    ]


def _anterior(ax, z) -> list[Label]:
    lc = LIGAMENT_COLOURS
    P = position
    tp_tip = np.array([4.4, P("l5_spinous")[1] + 1.3 + 0.8])
    for s in (1, -1):
        _band(ax, tp_tip * (s, 1), (s * 8.0, 6.3), 0.7, lc["ligament"], z)
        # anterior sacroiliac ligament: thin sheet across the front of the joint line
        for y0 in np.linspace(2.8, -2.0, 6):
            xj = 4.3 + 0.3 * (y0 - 0.6)
            _band(ax, (s * (xj - 0.9), y0), (s * (xj + 0.9), y0 + 0.25), 0.1, lc["ligament"], z, n=1)
        _sheet(ax, [(s * 3.4, -4.0), (s * 1.6, -9.0)], [(s * 6.3, -12.0), (s * 6.6, -12.3)], lc["sacrotuberous"],
               z - 0.4, n=4, alpha=0.5)
        _sheet(ax, [(s * 2.9, -5.0), (s * 1.1, -8.6)], [(s * 5.0, -7.9), (s * 5.2, -8.5)], lc["sacrospinous"], z)
    return [
        Label("iliolumbar ligament", (-6.3, 6.6), "left"),
        Label("anterior sacroiliac\nligament", (-4.4, 1.2), "left"),
        Label("sacroiliac joint", P("sacroiliac_joint_lower_right"), "left"),
        Label("sacrospinous ligament", (-3.6, -6.9), "left"),
        Label("sacrotuberous ligament\n(behind)", (-5.9, -10.9), "left"),
        Label("L5 vertebral body", (1.2, P("l5_spinous")[1] + 1.5), "right"),
        Label("sacral promontory", (0.0, 3.5), "right"),
        Label("anterior sacral\nforamina", (2.4, 0.0), "right"),
        Label("pelvic brim", (7.45, -3.0), "right"),
        Label("pubic symphysis", (0.0, -10.8), "right"),
    ]


def _section(ax, z) -> list[Label]:
    c = TISSUE_COLOURS
    lc = LIGAMENT_COLOURS
    for poly in (_sacrum_polygon(), _ilium_polygon(1.0), _ilium_polygon(-1.0)):
        ax.add_patch(Polygon(poly, closed=True, fc=c["bone"], ec=c["bone_edge"], lw=1.0, zorder=z))
    canal = np.array([(0, -1.55), (1.05, -2.4), (0.9, -2.9), (-0.9, -2.9), (-1.05, -2.4)])
    ax.add_patch(Polygon(canal, closed=True, fc="white", ec=c["bone_edge"], lw=0.8, zorder=z + 0.1))
    px = abs(position("psis_left")[0])
    for s in (1, -1):
        # synovial part: the auricular surfaces with a thin joint space
        ax.plot([s * 3.85, s * 4.2, s * 4.7], [-2.15, -3.6, -5.15], color=PALETTE["black"], lw=2.4, zorder=z + 0.2,
                solid_capstyle="round")
        ax.plot([s * 3.85, s * 4.2, s * 4.7], [-2.15, -3.6, -5.15], color="white", lw=1.0, zorder=z + 0.3)
        iol = np.array([(s * 3.45, -1.45), (s * 3.95, -1.4), (s * 3.85, -2.1), (s * 3.6, -2.1)])
        ax.add_patch(Polygon(iol, closed=True, fc=lc["ligament"], ec=PALETTE["black"], lw=0.5, zorder=z + 0.2))
        for dy in (0.0, 0.2, 0.4):
            ax.plot([s * 2.9, s * (px - 0.85)], [-1.25 + dy, -0.9 + dy], color=lc["ligament"], lw=1.6,
                    zorder=z + 0.2)
        ax.plot([s * 4.45, s * 5.15], [-5.9, -5.3], color=lc["ligament"], lw=3.0, zorder=z + 0.2,
                solid_capstyle="round")
    return [
        Label("PSIS", (px, -0.35), "left"),
        Label("posterior sacroiliac\nligaments", (3.4, -0.85), "left"),
        Label("interosseous ligament\n(fibrous part)", (3.75, -1.75), "left"),
        Label("synovial part\n(auricular surfaces)", (4.2, -3.6), "left"),
        Label("anterior sacroiliac\nligament", (4.8, -5.6), "left"),
        Label("median sacral crest", (0.0, -0.1), "right"),
        Label("sacral canal", (-0.3, -2.5), "right"),
        Label("sacrum (S2)", (-2.4, -4.8), "right"),
        Label("ilium", (-7.5, -2.8), "right"),
    ]


def draw_sacroiliac_joint(ax: Axes, view: str = "posterior", labels: bool = True, fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw the sacroiliac joints and their ligaments onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; limits and aspect are set, the axis frame is hidden.
    view : str
        ``"posterior"`` (from behind; subject's left on the viewer's left),
        ``"anterior"`` (from the front; subject's left on the viewer's
        right) or ``"section"`` (transverse section at S2 with the back at the
        top and the subject's left on the viewer's left: seen from below).
    labels : bool
        Whether to add leader-line labels (default True).
    fontsize : float
        Label size in points (pt), in [5, 20] when labels are drawn (default 9).

    Returns
    -------
    Axes
        ``ax``, drawn in cm.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes or ``view`` is not one of :data:`VIEWS`.
    """
    check_axes(ax)
    if view not in VIEWS:
        raise ValueError(f"view={view!r}: expected one of {VIEWS}")
    if view == "section":
        items = _section(ax, z=2)
        ax.set_xlim(10.8 + 7.0, -10.8 - 7.0)
        ax.set_ylim(-6.9, 1.5)
        ax.text(0, 1.15, "back of the body", ha="center", fontsize=fontsize, color="#555555", style="italic")
        ax.text(0, -6.8, "front (pelvic cavity)", ha="center", fontsize=fontsize, color="#555555",
                style="italic")
    else:
        anterior = view == "anterior"
        _bones(ax, z=2, anterior=anterior)
        items = (_anterior if anterior else _posterior)(ax, z=4)
        half = 16.0 + 9.5
        if anterior:
            ax.set_xlim(-half, half)  # from the front the subject's left is on the viewer's right
        else:
            ax.set_xlim(half, -half)
        ax.set_ylim(-14.0, 11.0)
        for x, w in ((12.0, "subject's left"), (-12.0, "subject's right")):
            ax.text(x, -13.4, w, ha="center", fontsize=fontsize, color="#555555", style="italic")
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if labels:
        place_labels(ax, items, fontsize=fontsize)
    return ax
