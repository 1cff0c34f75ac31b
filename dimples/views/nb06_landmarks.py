"""Notebook 06, the landmarks at work: which level a needle is at, the sacroiliac provocation tests, the PSIS in procedures.

Three kinds of picture, all drawn from the landmark table of
:mod:`dimples.anatomy.landmarks`, at :data:`dimples.style.DIAGRAM_WIDTH_IN`
wide and 90 dpi:

* :func:`needle_frame` - the kit's posterior view (bone layer of
  :func:`dimples.anatomy.posterior.draw_posterior_view`) with the line
  through both PSIS, Tuffier's line as the kit draws it (at L4) and a needle
  at one site of :data:`NEEDLE_SITES`, beside a schematic side view of the
  spinal canal showing where the spinal cord and the dural sac end
  ([Saifuddin1998], [Binokay2006]); :func:`needle_slider` steps through them;
* :func:`provocation_frame` - one sacroiliac provocation test of
  :data:`PROVOCATION_TESTS` ([Laslett2005], [Laslett2008]): the patient's
  position as a neutral pictogram and the kit's section at S2 or its front
  view (:func:`dimples.anatomy.sacroiliac.draw_sacroiliac_joint`) with an
  arrow for the force; :func:`provocation_slider` steps through the five;
* :func:`procedures_picture` - the posterior view with the marrow site, the
  superior cluneal nerves and the greater sciatic notch ([Cluneal2013]).

:func:`interspace_at` names the space (or the bone) at a height in the
posterior view, so the needle frames and their titles can be checked
against the landmark table; :func:`cluster_outcomes` works through what
Laslett's cluster means for a group of patients.

Everything drawn here is schematic: positions come from the landmark table
(most of them schematic proportions, see that module), the side view of the
canal is a ladder of levels, not a measured spine.

References
----------
.. [Laslett2005] Laslett M, Aprill CN, McDonald B, Young SB. Diagnosis of sacroiliac joint pain: validity
   of individual provocation tests and composites of tests. *Manual Therapy* 10(3): 207-218, 2005.
.. [Laslett2008] Laslett M. Evidence-based diagnosis and treatment of the painful sacroiliac joint.
   *Journal of Manual and Manipulative Therapy* 16(3): 142-152, 2008. PMC2582421
.. [Saifuddin1998] Saifuddin A, et al. The variation of position of the conus medullaris in an adult
   population: a magnetic resonance imaging study. *Spine* 23(13): 1452-1456, 1998.
.. [Binokay2006] Binokay F, Akgul E, Bicakci K, Soyupak S, Aksungur E, Sertdemir Y. Determining the level
   of the dural sac tip: magnetic resonance imaging in an adult population. *Acta Radiologica* 47(4): 397, 2006.
.. [Cluneal2013] Sittitavornwong S, Falconer DS, Shah R, Brown N, Tubbs RS. Anatomic considerations for
   posterior iliac crest bone procurement. *Journal of Oral and Maxillofacial Surgery* 71(10): 1777-1788,
   2013. https://doi.org/10.1016/j.joms.2013.03.008
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from IPython.display import Markdown
from matplotlib.patches import Circle, FancyArrowPatch, Polygon, Rectangle

from dimples import facts
from dimples.anatomy import bones
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels
from dimples.anatomy.landmarks import position
from dimples.anatomy.posterior import LINE_COLOURS, draw_posterior_view
from dimples.anatomy.sacroiliac import draw_sacroiliac_joint
from dimples.base import check_number, lookup
from dimples.style import DIAGRAM_WIDTH_IN, PALETTE, TISSUE_COLOURS, new_figure, new_mosaic
from dimples.widgets import FrameSlider, Picture, quiz_picker

__all__ = ["NeedleSite", "NEEDLE_SITES", "ProvocationTest", "PROVOCATION_TESTS", "NEEDLE_GID", "FORCE_GID",
           "interspace_at", "needle_frame", "needle_slider", "provocation_frame", "provocation_slider",
           "procedures_figure", "procedures_picture", "cluster_outcomes", "QUIZZES", "quiz"]

#: ``gid`` of the needle drawn on a needle frame, so tests can find it.
NEEDLE_GID = "dimples-needle"
#: ``gid`` of every force arrow drawn on a provocation frame.
FORCE_GID = "dimples-force-arrow"
_DPI = 90
_FORCE_COLOUR = PALETTE["vermillion"]
_HOLD_COLOUR = "#8C8C8C"  # couch, and what holds the pelvis still
_BODY_COLOUR = "#9A9A9A"
_NOTE_COLOUR = "#333333"
_FONT = LABEL_FONTSIZE


# ----------------------------------------------------------------------------------------------- levels


def _spinous_range(name: str) -> tuple[float, float]:
    """Lowest and highest point (cm) of a lumbar spinous process as the kit draws it."""
    ys = bones.vertebra(name)["spinous"][:, 1]
    return float(ys.min()), float(ys.max())


def _midline_bone() -> list[tuple[str, float, float]]:
    """(name, bottom, top) in cm of each bony bump in the midline, top to bottom, as drawn."""
    l3, l4, l5 = (_spinous_range(n) for n in ("l3_spinous", "l4_spinous", "l5_spinous"))
    s1 = position("s1_spinous")[1]
    hiatus_top = position("sacral_hiatus")[1] + 0.5
    return [("L3 spinous process", *l3), ("L4 spinous process", *l4), ("L5 spinous process", *l5),
            ("sacrum (fused: no gap between its spines)", hiatus_top, s1 + 0.55)]


#: Lowest and highest height (cm) :func:`interspace_at` accepts: the coccyx tip to the top of the drawing.
_Y_RANGE = (position("coccyx_tip")[1], 15.5)


def interspace_at(y_cm) -> str:
    """What a needle in the midline meets at a height of the kit's posterior view.

    Parameters
    ----------
    y_cm : float
        Height above the S2 spinous tubercle (cm) in the frame of
        :mod:`dimples.anatomy.landmarks`, between the tip of the coccyx and
        the top of the drawing.

    Returns
    -------
    str
        The interspace (``"L3-L4"``, ``"L4-L5"``, ``"L5-S1"``; ``"L2-L3"``
        above the drawn L3), ``"sacral hiatus"``, or the bone in the way
        (``"L4 spinous process"``, ``"sacrum (...)"``, ``"coccyx"``), as
        the kit draws them.

    Raises
    ------
    ValueError
        If ``y_cm`` is not a finite number inside the drawn spine.
    """
    y = check_number("y_cm", y_cm, *_Y_RANGE, unit="cm")
    bone = _midline_bone()
    levels = ["L2", "L3", "L4", "L5", "S1"]
    hiatus = position("sacral_hiatus")[1]
    if y > bone[0][2]:
        return "L2-L3"
    for i, (name, low, high) in enumerate(bone):
        if low <= y <= high:
            return name
        below = bone[i + 1][2] if i + 1 < len(bone) else None
        if below is not None and below < y < low:
            return f"{levels[i + 1]}-{levels[i + 2]}"
    if hiatus - 0.9 <= y < bone[-1][1]:
        return "sacral hiatus"
    return "coccyx"


@dataclass(frozen=True)
class NeedleSite:
    """One needle position of the slider "which level is this needle at?".

    Attributes
    ----------
    interspace : str
        What the needle enters, as :func:`interspace_at` names it.
    y_cm : float
        Height of the entry point above the S2 tubercle (cm), in the midline.
    procedure : str
        What a needle there is used for.
    note : str
        One line under the title: where the site lies relative to the lines and the cord.
    """

    interspace: str
    y_cm: float
    procedure: str
    note: str


def _gap(upper: str, lower: str) -> float:
    """Middle of the gap (cm) between two drawn spinous processes."""
    return 0.5 * (_spinous_range(upper)[0] + _spinous_range(lower)[1])


#: The slider's needle sites, top to bottom: label -> site.
NEEDLE_SITES: dict[str, NeedleSite] = {
    "needle 1": NeedleSite("L3-L4", _gap("l3_spinous", "l4_spinous"), "lumbar puncture or spinal anaesthesia",
                           "one space above Tuffier's line as the kit draws it (at L4); the highest space usually advised"),
    "needle 2": NeedleSite("L4-L5", _gap("l4_spinous", "l5_spinous"), "lumbar puncture or spinal anaesthesia",
                           "just below Tuffier's line as the kit draws it (at L4)"),
    "needle 3": NeedleSite("L5-S1", position("l5_s1_hollow")[1], "lumbar puncture or spinal anaesthesia",
                           "the last lumbar space, just above the sacrum and the PSIS line"),
    "needle 4": NeedleSite("sacral hiatus", position("sacral_hiatus")[1], "caudal epidural",
                           "below the end of the dural sac: the needle stays outside it"),
}


# ----------------------------------------------------------------------------------------------- drawing helpers


def _arrow(ax, start, end, *, colour=_FORCE_COLOUR, lw=3.0, scale=22.0, rad=0.0, gid=FORCE_GID, z=30):
    """A bold arrow from ``start`` to ``end`` (data coordinates), tagged with ``gid``."""
    style = f"arc3,rad={rad}"
    arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=scale, lw=lw, color=colour,
                            connectionstyle=style, zorder=z, shrinkA=0, shrinkB=0)
    arrow.set_gid(gid)
    ax.add_patch(arrow)
    return arrow


def _note(ax, xy, text, *, ha="center", va="center", size=_FONT, colour=_NOTE_COLOUR, style="normal"):
    ax.text(*xy, text, ha=ha, va=va, fontsize=size, color=colour, style=style, zorder=40, linespacing=1.05)


def _draw_needle(ax, x, y, *, direction=(1.0, -1.0), length=3.2):
    """A needle whose tip is at ``(x, y)``, seen from behind and a little from the side (foreshortened)."""
    d = np.asarray(direction, float)
    d = d / np.hypot(*d)
    hub = np.array([x, y]) + d * length
    (line,) = ax.plot([x, hub[0]], [y, hub[1]], color="#303030", lw=2.2, solid_capstyle="butt", zorder=25)
    line.set_gid(NEEDLE_GID)
    normal = np.array([-d[1], d[0]])
    corners = [hub + normal * 0.45, hub - normal * 0.45, hub - normal * 0.45 + d * 1.1, hub + normal * 0.45 + d * 1.1]
    ax.add_patch(Polygon(corners, closed=True, fc=PALETTE["sky_blue"], ec="#303030", lw=0.9, zorder=26))
    ax.add_patch(Circle((x, y), 0.55, fc="none", ec=_FORCE_COLOUR, lw=2.2, zorder=27))


# Side view of the canal: a ladder of levels (schematic units), anterior on the left, the back on the right.
_LADDER = ["T12", "L1", "L2", "L3", "L4", "L5"]
_STEP = 1.35  # one vertebral body plus its disc
_BODY = 1.0
_SACRUM_LENGTH = 4.75  # S1 to S5 on the side view


def _level_top(i: float) -> float:
    return -i * _STEP


def _ladder_y(level: str, third: str = "middle") -> float:
    """Height on the side view of a third ("upper", "middle", "lower") of a vertebra, or of a disc "A-B"."""
    if "-" in level:
        upper = level.split("-")[0]
        return _ladder_y(upper, "lower") - (_STEP - _BODY) / 2 - _BODY / 6
    order = _LADDER + ["S1", "S2", "S3", "S4", "S5"]
    i = order.index(level)
    frac = {"upper": 1 / 6, "middle": 0.5, "lower": 5 / 6}[third]
    if i < len(_LADDER):
        return _level_top(i) - frac * _BODY
    s_top = _level_top(len(_LADDER))
    return s_top - (i - len(_LADDER) + frac) * _SACRUM_LENGTH / 5


def _sacrum_t(y: float) -> float:
    """How far down the sacrum a height of the side view is: 0 at the top of S1, 1 at its tip."""
    s_top = _level_top(len(_LADDER))
    return min(1.0, max(0.0, (s_top - y) / _SACRUM_LENGTH))


def _sacrum_back(y: float) -> float:
    """x of the back (dorsal) surface of the sacrum: it curves backwards as it goes down (schematic)."""
    return 3.9 + 1.1 * _sacrum_t(y) ** 1.5


def _sacrum_front(y: float) -> float:
    """x of the front (pelvic) surface of the sacrum; the bone tapers towards its tip (schematic)."""
    return _sacrum_back(y) - 3.75 * (1.0 - 0.6 * _sacrum_t(y))


def _canal(y: float) -> tuple[float, float]:
    """Front and back wall (x) of the vertebral canal at a height of the side view."""
    if y >= _level_top(len(_LADDER)):
        return 2.35, 3.35
    t = _sacrum_t(y)
    back = _sacrum_back(y)
    return back - 1.45 + 0.55 * t, back - 0.45


def _draw_side_view(ax, site: NeedleSite) -> None:
    """The schematic side view of the lower spine: bodies, canal, cord, dural sac and the needle."""
    c = TISSUE_COLOURS
    kw = dict(fc=c["bone"], ec=c["bone_edge"], lw=0.8, zorder=3)
    small = _FONT - 0.5
    for i, name in enumerate(_LADDER):
        top = _level_top(i)
        ax.add_patch(Rectangle((0.0, top - _BODY), 2.2, _BODY, **kw))
        # lamina and spinous process behind the canal, slanting down and back
        sp = [(3.4, top - 0.05), (4.0, top - 0.15), (5.4, top - 0.45), (5.4, top - 1.05), (4.0, top - 1.05),
              (3.4, top - 0.9)]
        ax.add_patch(Polygon(sp, closed=True, **kw))
        ax.text(-0.25, top - _BODY / 2, name, ha="right", va="center", fontsize=small, color=_NOTE_COLOUR)
    s_top = _level_top(len(_LADDER))
    ys = np.linspace(s_top, s_top - _SACRUM_LENGTH, 16)
    ax.add_patch(Polygon([(_sacrum_front(y), y) for y in ys] + [(_sacrum_back(y), y) for y in ys[::-1]],
                         closed=True, **kw))
    hiatus = [(y, *_canal(y)) for y in np.linspace(s_top - 0.8 * _SACRUM_LENGTH, s_top - _SACRUM_LENGTH, 5)]
    ax.add_patch(Polygon([(b, y) for y, _f, b in hiatus] + [(_sacrum_back(y) + 0.05, y) for y, _f, _b in hiatus[::-1]],
                         closed=True, fc="white", ec="none", zorder=3.5))
    for k, lvl in enumerate(["S1", "S2", "S3", "S4", "S5"]):
        y = s_top - (k + 0.5) * _SACRUM_LENGTH / 5
        ax.text(_sacrum_front(y) - 0.25, y, lvl, ha="right", va="center", fontsize=small, color=_NOTE_COLOUR)
    y_end = s_top - _SACRUM_LENGTH
    x_end = 0.5 * (_sacrum_front(y_end) + _sacrum_back(y_end))
    ax.add_patch(Polygon([(x_end - 0.6, y_end - 0.1), (x_end + 0.6, y_end - 0.1), (x_end + 0.1, y_end - 1.4)],
                         closed=True, **kw))  # coccyx
    canal_y = np.linspace(s_top, s_top - _SACRUM_LENGTH, 16)
    ax.add_patch(Polygon([(_canal(y)[0], y) for y in canal_y] + [(_canal(y)[1], y) for y in canal_y[::-1]],
                         closed=True, fc="white", ec=c["bone_edge"], lw=0.6, zorder=3.6))
    # dural sac and cord
    y_sac = _ladder_y("S2", "upper")
    y_conus = _ladder_y("L1", "lower")
    ygrid = np.linspace(0.3, y_sac, 60)
    left = [(_canal(y)[0] + 0.06, y) for y in ygrid]
    right = [(_canal(y)[1] - 0.06, y) for y in ygrid]
    tip = ((left[-1][0] + right[-1][0]) / 2, y_sac - 0.25)
    ax.add_patch(Polygon(left + [tip] + right[::-1], closed=True, fc=PALETTE["sky_blue"], ec=PALETTE["blue"],
                         lw=0.8, alpha=0.55, zorder=4))
    cord_y = np.linspace(0.3, y_conus + 0.5, 20)
    outline = [(2.62, y) for y in cord_y] + [(2.85, y_conus)] + [(3.08, y) for y in cord_y[::-1]]
    ax.add_patch(Polygon(outline, closed=True, fc=PALETTE["yellow"], ec="#8A7A00", lw=0.8, zorder=5))
    for k in range(4):  # cauda equina: nerve roots below the cord
        yy = np.linspace(y_conus, y_sac + 0.2, 12)
        xx = [np.interp(y, [y_sac, y_conus], [_canal(y)[0] + 0.22 + 0.17 * k, 2.73 + 0.08 * k]) for y in yy]
        ax.plot(xx, yy, color="#8A7A00", lw=0.6, zorder=5)
    # where the cord ends in adults: a bar from the middle of T12 to the upper third of L3
    ax.plot([2.05, 2.05], [_ladder_y("T12", "middle"), _ladder_y("L3", "upper")], color="#8A7A00", lw=3.5,
            alpha=0.7, solid_capstyle="butt", zorder=6)
    # the skin of the back
    ax.plot([6.3, 6.3, _sacrum_back(y_end) + 1.6], [0.3, s_top, y_end - 0.4], color="#6B4A3A", lw=1.0,
            ls=(0, (4, 2)), zorder=2)
    # the needle: through the interspinous gap into the sac, or up through the hiatus into the sacral canal
    if site.interspace == "sacral hiatus":
        y_tip = s_top - 0.78 * _SACRUM_LENGTH
        x_tip = 0.5 * sum(_canal(y_tip))
        start = (x_tip + 2.9, y_tip - 2.4)
    else:
        y_tip = _ladder_y(site.interspace)
        x_tip = 2.95
        start = (7.3, y_tip - 0.4)
    (line,) = ax.plot([start[0], x_tip], [start[1], y_tip], color="#303030", lw=2.0, zorder=20)
    line.set_gid(NEEDLE_GID)
    ax.add_patch(Circle((x_tip, y_tip), 0.24, fc=_FORCE_COLOUR, ec="none", zorder=21))
    labels = [
        Label("spinal cord", (2.85, _ladder_y("T12", "lower")), "right"),
        Label("cord ends ~L1\n(bar: T12-L3)", (2.85, y_conus), "right"),
        Label("dural sac", (3.1, _ladder_y("L2", "middle")), "right"),
        Label("sac ends ~S2", tip, "right"),
        Label("needle tip", (x_tip, y_tip), "right"),
    ]
    ax.set_xlim(-1.7, 13.2)
    ax.set_ylim(y_end - 1.7, 0.6)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    ax.set_title("side view (schematic)", fontsize=_FONT + 0.5, color=_NOTE_COLOUR)
    place_labels(ax, labels, fontsize=small)


def _draw_back_view(ax, site: NeedleSite) -> None:
    """The posterior view (bone) with the two lines, the needle and a few labels."""
    draw_posterior_view(ax, layers=("bone",), labels=False)
    psis_y = position("psis_left")[1]
    crest_y = position("iliac_crest_top_left")[1]
    ax.plot([-16.5, 16.5], [psis_y, psis_y], color=LINE_COLOURS["s2_line"], lw=1.8, ls=(0, (6, 3)), zorder=8)
    ax.plot([-16.5, 16.5], [crest_y, crest_y], color=LINE_COLOURS["tuffier"], lw=1.8, ls=(0, (2, 2)), zorder=8)
    labels = [
        Label("L3", (0.0, position("l3_spinous")[1]), "right"),
        Label("L4", (0.0, position("l4_spinous")[1]), "right"),
        Label("L5", (0.0, position("l5_spinous")[1]), "right"),
        Label("S1", position("s1_spinous"), "right"),
        Label("S2", (0.0, 0.0), "right", nudge_pt=-6.0),
        Label("Tuffier's line\n(drawn at L4)", (-15.0, crest_y), "right"),
        Label("line through the PSIS\n(at S2)", (-15.0, psis_y), "right"),
        Label("PSIS", position("psis_left"), "left"),
    ]
    if site.interspace == "sacral hiatus":
        tri = np.array([position("psis_left"), position("psis_right"), (0.0, site.y_cm), position("psis_left")])
        ax.plot(tri[:, 0], tri[:, 1], color=LINE_COLOURS["rhombus"], lw=1.8, zorder=9)
        labels.append(Label("triangle: both PSIS\nand the sacral hiatus", (3.0, -2.7), "left"))
        _draw_needle(ax, 0.0, site.y_cm, direction=(1.0, -0.9), length=3.0)
    else:
        _draw_needle(ax, 0.0, site.y_cm, direction=(1.0, -0.55), length=3.6)
    labels.append(Label(f"needle at {site.interspace}", (0.0, site.y_cm), "left", nudge_pt=10.0))
    ax.set_xlim(24.0, -24.0)
    place_labels(ax, labels)


def needle_frame(site: str):
    """The posterior view and the side view with a needle at one site of :data:`NEEDLE_SITES`.

    Parameters
    ----------
    site : str
        A key of :data:`NEEDLE_SITES` (``"needle 1"`` ... ``"needle 4"``).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot; its title names the interspace.

    Raises
    ------
    ValueError
        If ``site`` is not in :data:`NEEDLE_SITES`.
    """
    s = lookup(NEEDLE_SITES, site, "needle site of notebook 06", name="site")
    fig, axes = new_mosaic(DIAGRAM_WIDTH_IN, 4.3, [["back", "side"]], width_ratios=[2.05, 1.2])
    _draw_back_view(axes["back"], s)
    _draw_side_view(axes["side"], s)
    fig.suptitle(f"{site}: {s.interspace} ({s.procedure})", fontsize=12, fontweight="bold")
    fig.supxlabel(s.note, fontsize=_FONT + 0.5, color=_NOTE_COLOUR)
    return fig


def needle_slider() -> FrameSlider:
    """Notebook 06's slider "which level is this needle at?" over :data:`NEEDLE_SITES`."""
    return FrameSlider(list(NEEDLE_SITES), needle_frame, description="Needle",
                       alt="The bony lower back from behind with the line through both PSIS and Tuffier's line, and "
                           "a needle at L3-L4, L4-L5, L5-S1 or the sacral hiatus; beside it a schematic side view "
                           "of the canal shows the needle tip below the end of the spinal cord.", dpi=_DPI)


# ----------------------------------------------------------------------------------------------- provocation tests


@dataclass(frozen=True)
class ProvocationTest:
    """One sacroiliac provocation test as the kit draws it.

    Attributes
    ----------
    name : str
        The test's name.
    position : str
        How the patient lies.
    force : str
        Where the examiner pushes, and which way.
    stresses : str
        What the force does to the joints.
    view : str
        Which kit diagram shows it: ``"section"`` (the section at S2) or ``"anterior"``.
    pose : str
        Which pictogram: ``"supine"``, ``"side"``, ``"hip90"``, ``"prone"`` or ``"gaenslen"``.
    """

    name: str
    position: str
    force: str
    stresses: str
    view: str
    pose: str


#: The five tests of Laslett's cluster ([Laslett2005], described in [Laslett2008]), in the usual order.
PROVOCATION_TESTS: dict[str, ProvocationTest] = {
    "distraction": ProvocationTest(
        "Distraction (gapping)", "lying on the back (supine)",
        "both hands on the front of the pelvis (ASIS), pushing backwards and outwards",
        "pulls the front of both joints apart, stretching the anterior ligaments", "section", "supine"),
    "thigh thrust": ProvocationTest(
        "Thigh thrust (posterior shear; P4)", "supine, hip and knee bent to 90 degrees",
        "down the line of the thigh, pushing that hip bone backwards; the sacrum is held",
        "shears one ilium backwards on the sacrum", "section", "hip90"),
    "compression": ProvocationTest(
        "Compression", "lying on one side (side-lying)",
        "down on the upper iliac crest, towards the couch",
        "squeezes the pelvic ring from side to side", "section", "side"),
    "sacral thrust": ProvocationTest(
        "Sacral thrust", "lying face down (prone)",
        "down on the middle of the sacrum, pushing it forwards",
        "shears the sacrum forwards between both ilia", "section", "prone"),
    "Gaenslen": ProvocationTest(
        "Gaenslen's test", "supine at the edge of the couch",
        "one knee pressed to the chest, the other leg pressed down over the edge",
        "twists the pelvis: one ilium turns backwards, the other forwards", "anterior", "gaenslen"),
}


def _couch(ax, xy, w, h):
    ax.add_patch(Rectangle(xy, w, h, fc="#D9D9D9", ec=_HOLD_COLOUR, lw=0.8, zorder=1))


def _limb(ax, pts, lw=7.0):
    p = np.asarray(pts, float)
    ax.plot(p[:, 0], p[:, 1], color=_BODY_COLOUR, lw=lw, solid_capstyle="round", solid_joinstyle="round", zorder=5)


def _draw_pose(ax, pose: str) -> None:
    """A neutral pictogram of the patient on the couch, seen from the side, with the force arrow."""
    couch_end = 5.9 if pose == "gaenslen" else 10.3
    _couch(ax, (-0.3, -0.35), couch_end + 0.3, 0.55)
    head = (0.75, 0.95)
    ax.add_patch(Circle(head, 0.5, fc=_BODY_COLOUR, ec="none", zorder=5))
    hip = (5.0, 0.85)
    _limb(ax, [(1.35, 0.85), hip], lw=12.0)  # trunk
    if pose in ("supine", "prone"):
        _limb(ax, [hip, (7.3, 0.75), (9.6, 0.75)])
        x = 5.0 if pose == "supine" else 4.4
        _arrow(ax, (x, 3.4), (x, 1.45))
        _note(ax, (x + 0.3, 3.8), "hands on the front of the pelvis" if pose == "supine" else "hand on the sacrum",
              ha="left", size=_FONT - 0.5)
    elif pose == "side":
        _limb(ax, [hip, (7.0, 1.6), (9.0, 0.75)])
        ax.add_patch(Circle(hip, 0.85, fc=_BODY_COLOUR, ec="none", zorder=5))
        _arrow(ax, (5.0, 3.7), (5.0, 1.85))
        _note(ax, (5.3, 4.1), "hands on the upper iliac crest", ha="left", size=_FONT - 0.5)
    elif pose == "hip90":
        _limb(ax, [hip, (7.3, 0.75), (9.6, 0.75)], lw=5.0)  # the other leg, straight
        _limb(ax, [hip, (5.0, 3.2), (7.1, 3.2)])  # tested leg: hip and knee at 90 degrees
        _arrow(ax, (5.0, 5.0), (5.0, 3.75))
        _note(ax, (5.3, 5.3), "push down the thigh", ha="left", size=_FONT - 0.5)
    elif pose == "gaenslen":
        _limb(ax, [hip, (3.5, 2.6), (5.1, 3.5)])  # knee drawn to the chest
        _limb(ax, [hip, (7.0, -0.4), (7.2, -2.6)])  # the other leg over the edge
        _arrow(ax, (1.9, 4.0), (3.0, 3.05))
        _arrow(ax, (8.5, 1.0), (7.75, -0.5))
        _note(ax, (1.0, 4.6), "knee to chest", ha="left", size=_FONT - 0.5)
        _note(ax, (8.1, 1.6), "leg over\nthe edge", ha="left", size=_FONT - 0.5)
    _note(ax, (5.0, -1.0) if pose != "gaenslen" else (2.6, -1.0), "couch", size=_FONT - 0.5, colour="#555555",
          style="italic")
    ax.set_xlim(-0.8, 11.2)
    ax.set_ylim(-3.0, 6.0)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()


def _draw_pelvis(ax, key: str, test: ProvocationTest) -> None:
    """The kit's section at S2 (or front view) with the force arrow and a few notes."""
    if test.view == "anterior":
        draw_sacroiliac_joint(ax, view="anterior", labels=False)
        ax.set_xlim(-21.0, 21.0)
        ax.set_ylim(-14.5, 12.5)
        # from the front the subject's right is on the viewer's left: the right hip is flexed
        _arrow(ax, (-15.2, -0.6), (-15.2, 5.2), rad=-0.35)
        _arrow(ax, (15.2, 5.2), (15.2, -0.6), rad=-0.35)
        _note(ax, (-13.5, 8.8), "hip bent up: this ilium\nturns backwards", size=_FONT - 0.5)
        _note(ax, (13.5, 8.8), "leg over the edge: this\nilium turns forwards", size=_FONT - 0.5)
        return
    draw_sacroiliac_joint(ax, view="section", labels=False)
    for t in list(ax.texts):  # the view's own orientation notes: the panel title says it instead
        t.remove()
    ax.set_xlim(13.6, -13.6)
    ax.set_ylim(-9.8, 3.4)
    if key == "distraction":
        _couch(ax, (-11.5, 1.7), 23.0, 0.7)
        _note(ax, (0.0, 2.05), "couch", size=_FONT - 0.5, colour="#555555", style="italic")
        for s in (1, -1):
            _arrow(ax, (s * 6.8, -8.9), (s * 9.2, -4.75))
        _note(ax, (0.0, -7.6), "front of both joints\npulled apart", size=_FONT - 0.5)
    elif key == "thigh thrust":
        _couch(ax, (-11.5, 1.7), 23.0, 0.7)
        _arrow(ax, (7.6, -9.2), (7.6, -4.7))
        _note(ax, (0.0, 2.05), "couch and hand hold the sacrum", size=_FONT - 0.5, colour="#555555",
              style="italic")
        _note(ax, (2.6, -8.0), "this ilium\npushed back", size=_FONT - 0.5)
    elif key == "compression":
        _couch(ax, (-11.6, -7.0), 0.7, 7.2)
        _arrow(ax, (13.4, -3.9), (10.4, -3.9))
        _note(ax, (-11.25, 1.2), "couch", size=_FONT - 0.5, colour="#555555", style="italic")
        _note(ax, (0.0, -8.0), "pelvis squeezed\nfrom side to side", size=_FONT - 0.5)
    elif key == "sacral thrust":
        _couch(ax, (-11.5, -9.3), 23.0, 0.7)
        _note(ax, (0.0, -8.2), "couch (in front)", size=_FONT - 0.5, colour="#555555", style="italic")
        _arrow(ax, (0.0, 3.3), (0.2, 0.2))
        _note(ax, (6.0, 2.2), "push on the sacrum", size=_FONT - 0.5)


def provocation_frame(test: str):
    """One sacroiliac provocation test: the patient's position and where the force goes.

    Parameters
    ----------
    test : str
        A key of :data:`PROVOCATION_TESTS` (``"distraction"``, ``"thigh thrust"``,
        ``"compression"``, ``"sacral thrust"``, ``"Gaenslen"``).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot, with at least one force arrow (gid :data:`FORCE_GID`).

    Raises
    ------
    ValueError
        If ``test`` is not in :data:`PROVOCATION_TESTS`.
    """
    t = lookup(PROVOCATION_TESTS, test, "provocation test of notebook 06", name="test")
    fig, axes = new_mosaic(DIAGRAM_WIDTH_IN, 3.5, [["pose", "pelvis"]], width_ratios=[1.0, 1.3])
    _draw_pose(axes["pose"], t.pose)
    _draw_pelvis(axes["pelvis"], test, t)
    axes["pose"].set_title(f"patient:\n{t.position}", fontsize=_FONT + 0.5, color=_NOTE_COLOUR)
    where = ("section at S2 from below,\nback of the body at the top" if t.view == "section"
             else "pelvis from the front\n(subject's right on your left)")
    axes["pelvis"].set_title(where, fontsize=_FONT + 0.5, color=_NOTE_COLOUR)
    fig.suptitle(t.name, fontsize=12, fontweight="bold")
    fig.supxlabel(f"Force: {t.force}.\nEffect: {t.stresses}.", fontsize=_FONT + 0.5, color=_NOTE_COLOUR)
    return fig


def provocation_slider() -> FrameSlider:
    """Notebook 06's slider over the five provocation tests of :data:`PROVOCATION_TESTS`."""
    return FrameSlider(list(PROVOCATION_TESTS), provocation_frame, description="Test",
                       alt="Five sacroiliac provocation tests, each as a pictogram of the patient on a couch and a "
                           "schematic pelvis with a red arrow showing where the examiner's force goes.", dpi=_DPI)


# ----------------------------------------------------------------------------------------------- procedures


def _point_along_crest(distance_cm: float) -> tuple[float, float]:
    """The point of the drawn posterior iliac crest (left) at a straight-line distance from the PSIS (cm).

    The crest is the hip bone's own outline (:func:`dimples.anatomy.bones.hip_bone`) from above the
    PSIS knob up to the crest's highest point, so the point lies on the bone as drawn.
    """
    psis, top = np.array(position("psis_left")), np.array(position("iliac_crest_top_left"))
    outline = bones.hip_bone()
    crest = outline[(outline[:, 1] >= psis[1] + 1.0) & (outline[:, 0] <= top[0])]
    d = np.hypot(*(crest - psis).T)
    i = int(np.argmin(np.where(d >= distance_cm, d, np.inf)))
    return float(crest[i, 0]), float(crest[i, 1])


def procedures_figure():
    """The bony pelvis from behind with the PSIS as a landmark for marrow sampling and graft harvest.

    Marks the marrow sampling site at the PSIS, a 5 cm circle round the
    left PSIS, the superior cluneal nerves crossing the crest at their mean
    distance from the PSIS and the greater sciatic notch, where the superior
    gluteal vessels leave the pelvis ([Cluneal2013]).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.
    """
    fig, ax = new_figure(DIAGRAM_WIDTH_IN, 4.7)
    draw_posterior_view(ax, layers=("bone",), labels=False)
    psis = np.array(position("psis_left"))
    cutoff = facts.value("cluneal_cutoff_cm")
    ax.add_patch(Circle(psis, cutoff, fc="none", ec="#555555", lw=1.3, ls=(0, (4, 3)), zorder=9))
    mean_cm = facts.value("cluneal_distance_cm")[0]
    cx, cy = _point_along_crest(mean_cm)
    for k, dx in enumerate((-0.9, 0.0, 0.9)):  # three nerve branches over the crest, down onto the buttock
        xs = np.array([cx + dx + 0.6, cx + dx, cx + dx - 0.3 + 0.5 * k])
        ys = np.array([cy + 2.2, cy, cy - 4.0])
        curve = bones.smooth(np.column_stack([xs, ys]), n=10, closed=False)
        ax.plot(curve[:, 0], curve[:, 1], color=PALETTE["blue"], lw=1.8, zorder=10)
    notch = position("greater_sciatic_notch_left")
    ax.add_patch(Circle(notch, 0.55, fc=_FORCE_COLOUR, ec="white", lw=0.8, zorder=11))
    _draw_needle(ax, psis[0] + 0.3, psis[1] + 0.1, direction=(0.5, -1.0), length=2.6)
    labels = [
        Label("PSIS: marrow sampling\nsite (posterior iliac crest)", (psis[0] + 0.3, psis[1] + 0.1), "left",
              nudge_pt=-10.0),
        Label(f"superior cluneal nerves\ncross the crest (mean\n{mean_cm:g} cm from the PSIS)", (cx, cy), "left",
              nudge_pt=12.0),
        Label(f"dashed circle: {cutoff:g} cm\nfrom the PSIS", (psis[0] + cutoff * math.cos(3.75),
                                                              psis[1] + cutoff * math.sin(3.75)), "right"),
        Label("greater sciatic notch:\nsuperior gluteal vessels", notch, "left"),
        Label("sacroiliac joint\n(deep, dashed)", position("sacroiliac_joint_right"), "right"),
        Label("S2 spinous tubercle", (0.0, 0.0), "right", nudge_pt=-20.0),
        Label("iliac crest (highest point)", position("iliac_crest_top_right"), "right"),
    ]
    place_labels(ax, labels)
    return fig


def procedures_picture() -> Picture:
    """:func:`procedures_figure` with its alt text."""
    return Picture(procedures_figure(),
                   alt="The bony pelvis from behind. On the subject's left, a needle at the PSIS marks the usual "
                       "site for marrow sampling; a dashed circle 5 cm round the PSIS; blue superior cluneal "
                       "nerves crossing the iliac crest about 6 cm from the PSIS; a red dot at the greater sciatic "
                       "notch, where the superior gluteal vessels run.", dpi=_DPI)


# ----------------------------------------------------------------------------------------------- the cluster in numbers


def cluster_outcomes(prevalence_percent, patients=100) -> Markdown:
    """What Laslett's cluster (3 or more of 6 tests positive) does in a group of patients.

    Uses the cluster's sensitivity and specificity from :mod:`dimples.facts`
    ([Laslett2005]) and the share of patients whose pain really comes from
    the joint (the prevalence), which differs from clinic to clinic.

    Parameters
    ----------
    prevalence_percent : float
        Share of the patients whose pain comes from the sacroiliac joint (%), in (0, 100).
    patients : int
        Size of the group (number of patients), in [10, 100000] (default 100).

    Returns
    -------
    IPython.display.Markdown
        A table: with and without sacroiliac pain, cluster positive and
        negative, and the share of positives whose pain is from the joint.

    Raises
    ------
    ValueError
        If ``prevalence_percent`` is not in (0, 100) % or ``patients`` is not a whole number in [10, 100000].

    References
    ----------
    .. [Laslett2005] Laslett M, Aprill CN, McDonald B, Young SB. Diagnosis of sacroiliac joint pain:
       validity of individual provocation tests and composites of tests. *Manual Therapy* 10(3): 207-218, 2005.
    """
    prev = check_number("prevalence_percent", prevalence_percent, 0.0, 100.0, unit="%", low_open=True)
    if prev >= 100.0:
        raise ValueError(f"prevalence_percent={prevalence_percent!r}: out of range; expected a value in (0, 100) %")
    n = check_number("patients", patients, 10, 100000, unit="patients")
    if n != int(n):
        raise ValueError(f"patients={patients!r}: expected a whole number of patients in [10, 100000]")
    sens = facts.value("laslett_sensitivity_percent") / 100.0
    spec = facts.value("laslett_specificity_percent") / 100.0
    with_pain = n * prev / 100.0
    without = n - with_pain
    tp, fn = with_pain * sens, with_pain * (1.0 - sens)
    fp, tn = without * (1.0 - spec), without * spec
    ppv = 100.0 * tp / (tp + fp)
    npv = 100.0 * tn / (tn + fn)
    lines = [f"Of **{n:g} patients**, {prev:g} % with pain from the sacroiliac joint "
             f"(cluster: sensitivity {100 * sens:g} %, specificity {100 * spec:g} %):", "",
             "| | pain from the joint | pain from elsewhere | total |", "|---|---|---|---|",
             f"| cluster positive (3+ of 6) | {tp:.1f} | {fp:.1f} | {tp + fp:.1f} |",
             f"| cluster negative | {fn:.1f} | {tn:.1f} | {fn + tn:.1f} |",
             f"| total | {with_pain:.1f} | {without:.1f} | {n:g} |", "",
             f"Of the positives, **{ppv:.0f} %** have pain from the joint; of the negatives, {npv:.0f} % do not."]
    return Markdown("\n".join(lines))


# ----------------------------------------------------------------------------------------------- quizzes

#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "needle_level": dict(
        question="Why is a lumbar puncture needle put in at L3-L4 or below rather than higher up?",
        choices=[
            "Above L3 the gaps between the spinous processes are too narrow for a needle to pass",
            "The cord usually ends near L1-L2, and the space felt is often one higher than believed",
            "Below L3 the dural sac holds more fluid, so the sample comes out faster",
            "The PSIS line marks L3-L4, so that is the space a clinician can find reliably",
        ],
        correct=1,
        feedback=[
            "Gap width is not the reason given; the risk is the spinal cord, which can reach L2 or lower.",
            ("The cord usually ends near L1-L2 and sometimes lower, and an anaesthetist's marked space was one "
             "higher than believed in 51 % of patients [Broadbent2000]; hence 'not above L3' [Reynolds2001]."),
            "The choice is about the spinal cord, not about how fast fluid flows.",
            "The PSIS line crosses S2, not L3-L4 [McGaugh2007].",
        ],
        reread="06 the landmarks at work, section 'Why Tuffier's line matters'",
    ),
    "gillet": dict(
        question="Why do the sources advise against the Gillet (standing hip flexion) test for judging the joint?",
        choices=[
            "Filmed by radiostereometry the joints barely moved, and examiners' kappa stays near zero",
            "It needs an X-ray to read, so it cannot be done by hand in a clinic",
            "It moves the joint so much that it can sprain the sacroiliac ligaments",
            "It only works in pregnancy, when relaxin has loosened the pelvic joints",
        ],
        correct=0,
        feedback=[
            ("In 22 patients the joints hardly moved during the test [Sturesson2000], and two examiners "
             "agreed little better than chance [GilletTest1999]."),
            "It is done by hand; the problem is that the hand cannot feel what it claims to.",
            "The opposite: the joints barely move during the test [Sturesson2000].",
            "Nothing limits it to pregnancy, and the relaxin story is itself weak [Aldabe2012].",
        ],
        reread="06 the landmarks at work, section 'Palpating the PSIS'",
    ),
    "cluster": dict(
        question="What made Laslett's approach to the sacroiliac joint more useful than any single test?",
        choices=[
            "It replaced the provocation tests with one precise measure of how far the joint moves",
            "It used only Gaenslen's test, done on both sides, as the single most accurate sign",
            "It showed that any one positive test proves the pain comes from the joint",
            "It counted how many of six tests reproduce the pain and checked this against injection",
        ],
        correct=3,
        feedback=[
            "No measure of movement was used; the joint moves too little to feel by hand.",
            "Gaenslen's test was one of the six; no single test was enough.",
            "One positive test proves little; the cluster needs 3 or more of 6.",
            ("3 or more of 6 positive tests had sensitivity 94 % and specificity 78 % against an anaesthetic "
             "injection into the joint in 48 patients [Laslett2005]."),
        ],
        reread="06 the landmarks at work, section 'Sacroiliac provocation tests'",
    ),
    "relaxin": dict(
        question="What does the evidence say about relaxin and pelvic girdle pain in pregnancy?",
        choices=[
            "High relaxin loosens the joints, and this loosening has been shown to cause the pain",
            "Relaxin levels are the best blood test for diagnosing pelvic girdle pain",
            "The evidence for a link is low: most good studies found none with pain",
            "Relaxin is not made in pregnancy, so it cannot play any part at all",
        ],
        correct=2,
        feedback=[
            "That is the popular story; a systematic review rated the evidence for a link as low [Aldabe2012].",
            "No guideline uses relaxin to diagnose it; diagnosis rests on history and tests [Vleeming2008].",
            "Three of the four good-quality studies found no link between relaxin levels and the pain [Aldabe2012].",
            "Relaxin is made in pregnancy; what is not shown is that its level explains who has pain.",
        ],
        reread="06 the landmarks at work, section 'Pregnancy'",
    ),
    "graft": dict(
        question="Planning a posterior iliac crest graft, which structures lie about 5 cm from the PSIS?",
        choices=[
            "The sacral hiatus and the dural sac, where a caudal needle might pierce them",
            "The superior cluneal nerves on the crest and the vessels at the sciatic notch",
            "The conus medullaris and the cauda equina, which the graft could bruise",
            "The pubic symphysis and the obturator foramen, which lie deep to the crest",
        ],
        correct=1,
        feedback=[
            "The hiatus is in the midline far below; it matters for caudal epidurals, not grafts.",
            ("In the cadaver study the nerves crossed the crest 5.7 +/- 1.2 cm from the PSIS, and the notch "
             "and the superior gluteal vessels lay 5.3 and 5.4 cm away on average [Cluneal2013]."),
            "They are inside the spinal canal, far from the iliac crest.",
            "Those are at the front of the pelvis.",
        ],
        reread="06 the landmarks at work, section 'Procedures at the PSIS'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "06", __name__)
