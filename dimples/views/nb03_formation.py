"""Notebook 03, how a dimple forms: the mechanics model built up layer by layer, drawn as a section and a profile.

Each ``*_figure`` / ``*_frame`` function returns a new matplotlib Figure; each
``*_picture`` / ``*_grid`` function returns what the notebook displays, so a
notebook cell is one short call and ``dimples bench`` times exactly what the
notebook builds. The physics is :mod:`dimples.model`, shaded by
:mod:`dimples.render`; this module only draws it.
"""

from __future__ import annotations

import numpy as np

from dimples import model, render
from dimples.anatomy.cross_section import draw_cross_section
from dimples.style import FRAME_DPI, FRAME_SIZE_IN, PALETTE, TISSUE_COLOURS, new_figure, new_mosaic
from dimples.widgets import FrameGrid, Picture, quiz_picker

__all__ = ["ANCHORING_NAMES", "GRID_FAT_MM", "MUSCLE_VALUES_MM", "LEAN_FAT_MM", "LAYERS_FAT_MM", "PROFILE_YLIM_MM",
           "SECTION_HALF_CM", "QUIZZES", "section_panel", "labelled_section_picture", "layers_figure",
           "layers_picture", "formation_frame", "formation_grid", "depth_contrast_figure", "depth_contrast_picture",
           "anchor_muscle_frame", "anchor_muscle_grid", "formation_alt", "anchor_muscle_alt", "quiz"]

#: The three named anchorings, stiffest first (:data:`dimples.model.ANCHORINGS`).
ANCHORING_NAMES: tuple[str, ...] = ("rigid", "compliant", "none")
#: Fat thicknesses (mm) of the formation grid.
GRID_FAT_MM: tuple[float, ...] = (2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0)
#: Muscle thicknesses (mm) of the anchoring x muscle grid (also shown in notebook 05).
MUSCLE_VALUES_MM: tuple[float, ...] = (0.0, 5.0, 10.0, 20.0, 30.0)
#: Fat thickness (mm) of the anchoring x muscle grid: a lean back.
LEAN_FAT_MM: float = 5.0
#: Fat thickness (mm) of the layer-by-layer figure.
LAYERS_FAT_MM: float = 15.0
#: Height range (mm) of the profile panels, the same in every frame so frames compare.
PROFILE_YLIM_MM: tuple[float, float] = (-2.0, 72.0)
#: Half-width (cm) of the section and profile panels.
SECTION_HALF_CM: float = 10.0
_COLOURS = {"rigid": PALETTE["reddish_purple"], "compliant": PALETTE["blue"], "none": PALETTE["black"]}
_STYLES = {"rigid": "-", "compliant": "--", "none": ":"}


def _check_anchoring_name(anchoring) -> str:
    if anchoring not in ANCHORING_NAMES:
        raise ValueError(f"anchoring={anchoring!r}: expected one of {list(ANCHORING_NAMES)}")
    return anchoring


def section_panel(ax, fat_mm, anchoring, muscle_mm):
    """The anatomy cross-section without labels, cropped to the model's width (cm), on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; axes in cm.
    fat_mm : float
        Fat over the PSIS (mm), in [0.5, 60].
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (Pa/mm).
    muscle_mm : float
        Muscle around the PSIS (mm), in [0, 40].

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, x limits set to +/- :data:`SECTION_HALF_CM` cm.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes, a thickness is out of range or not a number, or the anchoring is unknown.
    """
    draw_cross_section(ax, fat_mm=fat_mm, anchoring=anchoring, muscle_mm=muscle_mm, labels=False)
    ax.set_xlim(SECTION_HALF_CM, -SECTION_HALF_CM)
    return ax


def labelled_section_picture() -> Picture:
    """Notebook 03's Figure 1: the labelled cross-section at S2 with 8 mm of fat and a rigid anchoring."""
    fig, ax = new_figure(6.4, 3.4)
    draw_cross_section(ax, fat_mm=8, anchoring="rigid", muscle_mm=model.DEFAULT_MUSCLE_MM)
    return Picture(fig, alt="Labelled cross-section of the lower back at S2 with 8 mm of fat: skin, fat, deep fascia, "
                            "multifidus and gluteus maximus around each PSIS, and fibrous strands anchoring the skin "
                            "over each PSIS.")


def layers_figure():
    """The surface built up in four steps along the line through both PSIS (15 mm of fat, 10 mm of muscle)."""
    h, m = LAYERS_FAT_MM, model.DEFAULT_MUSCLE_MM
    free = model.surface(h, anchoring="none", muscle_mm=m)
    rigid = model.surface(h, anchoring="rigid", muscle_mm=m)
    compliant = model.surface(h, anchoring="compliant", muscle_mm=m)
    x = free.profile_x_mm / 10
    fig, axs = new_figure(7.2, 5.0, nrows=2, ncols=2, sharex=True, sharey=True)
    panels = [
        ("1. deep relief: bone and muscle", [(free.profile_relief_mm, "bone and muscle", "muscle", "-")]),
        ("2. + fat (h = 15 mm)", [(free.profile_relief_mm, "bone and muscle", "muscle", "-"),
                                                        (free.profile_relief_mm + h, "fat surface", "fat_line", "--")]),
        ("3. + skin tension", [(free.profile_relief_mm, "bone and muscle", "muscle", "-"),
                                                         (free.profile_mm, "skin, no anchoring", "none", ":")]),
        ("4. + anchoring", [(free.profile_relief_mm, "bone and muscle", "muscle", "-"),
                                           (free.profile_mm, "none", "none", ":"),
                                           (compliant.profile_mm, "compliant", "compliant", "--"),
                                           (rigid.profile_mm, "rigid", "rigid", "-")]),
    ]
    colours = {"muscle": TISSUE_COLOURS["muscle"], "fat_line": PALETTE["orange"], **_COLOURS}
    for ax, (title, lines) in zip(np.ravel(axs), panels, strict=True):
        for y, label, colour, ls in lines:
            ax.plot(x, y, color=colours[colour], ls=ls, lw=2, label=label)
        for px, _ in model.psis_mm():
            ax.axvline(px / 10, color=PALETTE["grey"], lw=0.8, ls=":")
        ax.set_title(title, fontsize=10, loc="left")
        ax.legend(fontsize=8, frameon=False, loc="lower center", ncols=2)
        ax.set_xlim(SECTION_HALF_CM, -SECTION_HALF_CM)
        ax.set_ylim(-8, 34)
    for ax in axs[1]:
        ax.set_xlabel("across the back at the PSIS level (cm)")
    for ax in axs[:, 0]:
        ax.set_ylabel("height (mm)")
    return fig


def layers_picture() -> Picture:
    """Notebook 03's Figure 2: :func:`layers_figure` with its alt text."""
    return Picture(layers_figure(), alt="Four panels of height across the back through both PSIS, 15 mm of fat and "
                   "10 mm of muscle. 1: the deep relief, a hollow over each PSIS between the muscles. 2: the fat "
                   "surface 15 mm above it. 3: with skin tension the skin bridges part of the hollow. 4: with an "
                   "anchoring over each PSIS the skin is pulled down into the hollow, deepest with the rigid one.")


def formation_frame(anchoring, fat_mm, *, muscle_mm=model.DEFAULT_MUSCLE_MM):
    """Cross-section at the PSIS level (left) beside the model's profile with its numbers (right).

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    fat_mm : float
        Fat over the PSIS (mm), in [0.5, 60].
    muscle_mm : float
        Muscle around the PSIS (mm), in [0, 40] (default 10 mm).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a thickness is out of range or not a number, or the anchoring is not one of the three names.
    """
    anchoring = _check_anchoring_name(anchoring)
    surf = model.surface(fat_mm, anchoring=anchoring, muscle_mm=muscle_mm)
    c = render.weber_contrast(surf)
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["section", "profile"]], width_ratios=[1.25, 1])
    section_panel(axd["section"], surf.fat_mm, anchoring, surf.muscle_mm)
    axd["section"].set_title(f"{model.anchoring_words(anchoring)}, fat {surf.fat_mm:g} mm, muscle {surf.muscle_mm:g} mm",
                             fontsize=9)
    render.draw_profile(axd["profile"], surf, ylim=PROFILE_YLIM_MM)
    axd["profile"].set_xlim(SECTION_HALF_CM, -SECTION_HALF_CM)
    axd["profile"].legend(fontsize=7, frameon=False, loc="upper left")
    axd["profile"].set_title(f"pit {surf.depth_mm:.1f} mm, {surf.width_mm:.0f} mm wide, contrast {100 * c:.0f} %",
                             fontsize=8.5)
    return fig


def _surface_alt(surf, anchoring: str, lead: str) -> str:
    # One frame's alt text: what it shows and the model's numbers for it (overhead light).
    c = render.weber_contrast(surf)
    seen = "visible" if render.is_visible(c) else "too faint to see"
    word = "bump" if surf.depth_mm < 0 else "pit"
    return (f"{lead}: {model.anchoring_words(anchoring)}, fat {surf.fat_mm:g} mm, muscle {surf.muscle_mm:g} mm. "
            f"The {word} over each PSIS is {abs(surf.depth_mm):.1f} mm deep and {surf.width_mm:.0f} mm wide; "
            f"contrast {100 * c:.0f} % under overhead light: {seen}.")


def formation_alt(anchoring, fat_mm) -> str:
    """The alt text of one frame of :func:`formation_grid` (what :func:`formation_frame` shows, with its numbers).

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    fat_mm : float
        Fat over the PSIS (mm), in [0.5, 60].

    Returns
    -------
    str
        The frame's alt text: anchoring, fat, muscle, pit depth and width, contrast and whether it is visible.
    """
    anchoring = _check_anchoring_name(anchoring)
    surf = model.surface(fat_mm, anchoring=anchoring)
    return _surface_alt(surf, anchoring, "Cross-section of the lower back at S2 beside the skin's height across "
                        "both PSIS")


def anchor_muscle_alt(anchoring, muscle_mm) -> str:
    """The alt text of one frame of :func:`anchor_muscle_grid`, with its numbers.

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    muscle_mm : float
        Muscle around the PSIS (mm), in [0, 40]; the fat is :data:`LEAN_FAT_MM`.

    Returns
    -------
    str
        The frame's alt text.
    """
    anchoring = _check_anchoring_name(anchoring)
    surf = model.surface(LEAN_FAT_MM, anchoring=anchoring, muscle_mm=muscle_mm)
    return _surface_alt(surf, anchoring, "Cross-section and shaded lean lower back")


def formation_grid() -> FrameGrid:
    """Notebook 03's grid: anchoring (rigid, compliant, none) x fat thickness."""
    return FrameGrid(list(ANCHORING_NAMES), list(GRID_FAT_MM), formation_frame,
                     row_labels=list(ANCHORING_NAMES), col_labels=[f"{f:g}" for f in GRID_FAT_MM],
                     row_description="Anchoring", col_description="Fat over the PSIS (mm)", initial=(0, 1),
                     alts=formation_alt, dpi=FRAME_DPI,
                     alt="Left: a cross-section of the lower back at S2; right: the skin's height across the back "
                         "from the model. With the rigid anchoring the pit deepens as the fat thickens; with the "
                         "compliant one it first fills a little, then deepens slowly; with none it fills as fat is "
                         "added.")


def depth_contrast_figure():
    """Pit depth and contrast against fat thickness for the three anchorings (muscle 10 mm, overhead light)."""
    fats = np.linspace(1.0, 40.0, 27)
    fig, (a1, a2) = new_figure(7.2, 3.0, ncols=2)
    for name in ANCHORING_NAMES:
        surfs = [model.surface(float(f), anchoring=name) for f in fats]
        a1.plot(fats, [s.depth_mm for s in surfs], color=_COLOURS[name], ls=_STYLES[name], lw=2, label=name)
        a2.plot(fats, [100 * render.weber_contrast(s) for s in surfs], color=_COLOURS[name], ls=_STYLES[name], lw=2,
                label=name)
    a1.set_xlabel("fat over the PSIS (mm)")
    a1.set_ylabel("pit depth (mm)")
    a2.set_xlabel("fat over the PSIS (mm)")
    a2.set_ylabel("contrast, overhead light (%)")
    a2.axhline(100 * render.VISIBILITY_THRESHOLD, color=PALETTE["grey"], lw=1)
    a1.legend(title="anchoring", fontsize=8, frameon=False)
    a1.set_ylim(0, None)
    a2.set_ylim(0, None)
    return fig


def depth_contrast_picture() -> Picture:
    """Notebook 03's Figure 4: :func:`depth_contrast_figure` with its alt text."""
    return Picture(depth_contrast_figure(), alt="Two line plots against fat over the PSIS from 1 to 40 mm, for a "
                   "rigid, a compliant and no anchoring. Depth: rises steeply with fat for the rigid anchoring, "
                   "stays near 7-8 mm for the compliant one, falls slowly for none. Contrast: rises and levels off "
                   "for rigid; falls for none; for compliant it falls a little, then rises.")


def anchor_muscle_frame(anchoring, muscle_mm):
    """Cross-section and shaded back at lean fat for one anchoring and one muscle thickness.

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    muscle_mm : float
        Muscle around the PSIS (mm), in [0, 40]; the fat is :data:`LEAN_FAT_MM` (5 mm).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``muscle_mm`` is out of range or not a number, or the anchoring is not one of the three names.
    """
    anchoring = _check_anchoring_name(anchoring)
    surf = model.surface(LEAN_FAT_MM, anchoring=anchoring, muscle_mm=muscle_mm)
    c = render.weber_contrast(surf)
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["section", "shaded"]], width_ratios=[1.25, 1])
    section_panel(axd["section"], LEAN_FAT_MM, anchoring, surf.muscle_mm)
    axd["section"].set_title(f"{model.anchoring_words(anchoring)}, muscle {surf.muscle_mm:g} mm, fat {LEAN_FAT_MM:g} mm", fontsize=9)
    render.draw_shaded(axd["shaded"], surf, mark_psis=True)
    word = "bump" if surf.depth_mm < 0 else "pit"
    axd["shaded"].set_title(f"{word} {abs(surf.depth_mm):.1f} mm, contrast {100 * c:.0f} %", fontsize=9)
    return fig


def anchor_muscle_grid() -> FrameGrid:
    """The grid of notebooks 03 and 05: anchoring x muscle thickness, on a lean back."""
    return FrameGrid(list(ANCHORING_NAMES), list(MUSCLE_VALUES_MM), anchor_muscle_frame,
                     row_labels=list(ANCHORING_NAMES), col_labels=[f"{m:g}" for m in MUSCLE_VALUES_MM],
                     row_description="Anchoring", col_description="Muscle (mm)", initial=(2, 2),
                     alts=anchor_muscle_alt, dpi=FRAME_DPI,
                     alt="A lean lower back (5 mm of fat). More muscle around the PSIS deepens the hollow with every "
                         "anchoring; with no muscle and no anchoring the PSIS shows as a small bump.")


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "fat_doubles": dict(
        question=("In the kit's model, the fat over the PSIS doubles from 10 to 20 mm and the anchoring is rigid. "
                  "What happens to the pit?"),
        choices=[
            'It fills in and fades, because the thicker fat spreads over the anchored point and hides it.',
            'It deepens, because the held skin stays at the fascia while the fat around it thickens.',
            'Nothing changes, because the anchoring alone sets the depth of the pit.',
            'It becomes a bump, because the fat under the skin pushes the held patch outwards.',
        ],
        correct=1,
        feedback=[
            ('That is what the model does with no anchoring, or a weak one. A rigid anchoring holds the skin, so the '
             'fat rises around it (Figures 3 and 4).'),
            ('Yes: in the model a rigid anchoring holds the skin at the fascia, so the pit is about as deep as the fat '
             'is thick. Whether real anchorings are that stiff has never been measured.'),
            ('The depth is set by the anchoring and by the fat around it: the thicker the fat, the farther the skin '
             'around the held patch stands out (Figure 4).'),
            'A rigid anchoring holds the patch at the fascia: the fat cannot push it out (Figure 3, top row).',
        ],
        reread="03 how a dimple forms, section 'The anchoring: slack to rigid'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "03", __name__)
