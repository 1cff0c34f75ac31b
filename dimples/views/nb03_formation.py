"""Notebook 03, how a dimple forms: the model drawn as a section, a profile and a shaded back.

Each ``*_figure`` function returns a new matplotlib Figure; each
``*_slider`` / ``*_grid`` / ``*_picture`` function returns the widget the
notebook displays, so a notebook cell is one short call and
``dimples bench`` times exactly what the notebook builds. The model is
:mod:`dimples.model`, shaded by :mod:`dimples.render`; this module only draws it.
"""

from __future__ import annotations

import numpy as np

from dimples import model, render
from dimples.anatomy.cross_section import draw_cross_section
from dimples.base import check_number
from dimples.style import FRAME_SIZE_IN, PALETTE, new_figure, new_mosaic
from dimples.widgets import FrameGrid, FrameSlider, Picture, quiz_picker

__all__ = ["SLIDER_FAT_MM", "MUSCLE_VALUES_MM", "LEAN_FAT_MM", "PROFILE_YLIM_MM", "SECTION_HALF_CM", "QUIZZES",
           "section_panel", "labelled_section_picture", "mark_through_layer_figure", "mark_through_layer_picture",
           "surfaces_figure", "surfaces_picture", "depth_width_figure", "depth_width_picture", "formation_frame",
           "formation_slider", "anchor_muscle_frame", "anchor_muscle_grid", "quiz"]

#: Fat thicknesses (mm) of the formation slider.
SLIDER_FAT_MM: tuple[float, ...] = (0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 14.0, 18.0, 24.0, 30.0)
#: Muscle thicknesses (mm) of the anchor x muscle grid (also shown in notebook 05).
MUSCLE_VALUES_MM: tuple[float, ...] = (0.0, 10.0, 20.0, 30.0, 40.0)
#: Fat thickness (mm) of the anchor x muscle grid: a lean back, where a dimple would show best.
LEAN_FAT_MM: float = 2.0
#: Height range (mm) of the profile panels, the same in every frame so frames compare.
PROFILE_YLIM_MM: tuple[float, float] = (0.0, 52.0)
#: Half-width (cm) of the section and profile panels: the model's grid, not the whole section.
SECTION_HALF_CM: float = 10.5


def section_panel(ax, fat_mm, anchored, muscle_mm):
    """The anatomy cross-section without labels, cropped to the model's width (cm), on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; axes in cm.
    fat_mm : float
        Fat over the PSIS (mm), in [0, 60].
    anchored : bool
        Whether the skin is anchored over each PSIS.
    muscle_mm : float
        Muscle beside the PSIS (mm), in [0, 60].

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, x limits set to +/- :data:`SECTION_HALF_CM` cm.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes, a thickness is outside [0, 60] mm or not a
        number, or ``anchored`` is not a bool.
    """
    draw_cross_section(ax, fat_mm=fat_mm, anchored=anchored, muscle_mm=muscle_mm, labels=False)
    ax.set_xlim(SECTION_HALF_CM, -SECTION_HALF_CM)
    return ax


def labelled_section_picture() -> Picture:
    """Notebook 03's Figure 1: the labelled cross-section at S2 with 8 mm of fat."""
    fig, ax = new_figure(6.4, 3.4)
    draw_cross_section(ax, fat_mm=8, anchored=True, muscle_mm=15)
    return Picture(fig, alt="Labelled cross-section of the lower back at S2 with 8 mm of fat: skin, fat, deep fascia, "
                            "multifidus and gluteus maximus beside each PSIS, and fibrous strands anchoring the skin "
                            "over each PSIS.")


def mark_through_layer_figure(layers_mm=(0.0, 5.0, 10.0, 20.0)):
    """1-D: the anchored mark at the fascia and the surface above soft layers of several thicknesses.

    Parameters
    ----------
    layers_mm : sequence of float
        Soft-layer thicknesses (mm), each in [0, 60]; 0 draws the mark itself.
        At most five are drawn (one per colour); default 0, 5, 10 and 20 mm.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a thickness is outside [0, 60] mm or not a number.
    """
    x = np.arange(-100.0, 100.0, 0.5)
    deep = -model.MARK_DEPTH_MM * np.exp(-0.5 * (x / model.MARK_WIDTH_MM) ** 2)
    fig, ax = new_figure(6.4, 3.0)
    colours = [PALETTE["black"], PALETTE["blue"], PALETTE["bluish_green"], PALETTE["orange"], PALETTE["vermillion"]]
    for h, col in zip(layers_mm, colours, strict=False):
        surf = model.smooth_1d(x, deep, h)
        ax.plot(x / 10, surf, color=col, lw=2 if h else 1.2, ls="-" if h else "--",
                label="the mark itself (no layer)" if h == 0 else f"surface over {h:g} mm")
    ax.set_xlabel("distance across the mark (cm)")
    ax.set_ylabel("height (mm)")
    ax.set_ylim(-model.MARK_DEPTH_MM * 1.1, 0.8)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title("One mark, carried up through soft layers of growing thickness", fontsize=10)
    return fig


def mark_through_layer_picture() -> Picture:
    """Notebook 03's Figure 2: :func:`mark_through_layer_figure` with its alt text."""
    return Picture(mark_through_layer_figure(), alt="Height of a surface across a pit: the mark itself (dashed, 6 mm "
                   "deep) and the surface above soft layers 5, 10 and 20 mm thick, each shallower and wider than "
                   "the last.")


def surfaces_figure(fats_mm=(2.0, 8.0, 20.0)):
    """Shaded lower back for a few fat thicknesses side by side (same light).

    Parameters
    ----------
    fats_mm : sequence of float
        Fat thicknesses over the PSIS (mm), each in [0, 60]; default 2, 8 and 20 mm.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a thickness is outside [0, 60] mm or not a number.
    """
    fats = [check_number("fat_mm", f, *model.FAT_RANGE_MM, unit="mm") for f in fats_mm]
    fig, axs = new_figure(6.4, 2.0, ncols=len(fats))
    axs = np.atleast_1d(axs)
    for ax, f in zip(axs, fats, strict=True):
        surf = model.surface(f)
        render.draw_shaded(ax, surf)
        ax.set_title(f"fat {f:g} mm: depth {surf.depth_mm:.1f} mm", fontsize=9)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


def surfaces_picture() -> Picture:
    """Notebook 03's Figure 4: :func:`surfaces_figure` with its alt text."""
    return Picture(surfaces_figure(), alt="Three shaded pictures of the lower back lit from above, with 2, 8 and "
                   "20 mm of fat: two clear dimples, two soft ones, and barely any.")


def depth_width_figure():
    """Dimple depth and width against fat thickness (the two halves of 'shallower and wider')."""
    fats = np.linspace(0, 40, 41)
    surfs = [model.surface(float(f)) for f in fats]
    fig, (a1, a2) = new_figure(6.4, 2.6, ncols=2)
    a1.plot(fats, [s.depth_mm for s in surfs], color=PALETTE["blue"], lw=2)
    a1.set_xlabel("fat over the PSIS (mm)")
    a1.set_ylabel("dimple depth (mm)")
    a1.set_ylim(0, None)
    a2.plot(fats, [s.width_mm for s in surfs], color=PALETTE["vermillion"], lw=2)
    a2.set_xlabel("fat over the PSIS (mm)")
    a2.set_ylabel("dimple width at half depth (mm)")
    a2.set_ylim(0, None)
    return fig


def depth_width_picture() -> Picture:
    """Notebook 03's Figure 5: :func:`depth_width_figure` with its alt text."""
    return Picture(depth_width_figure(), alt="Two line plots against fat thickness from 0 to 40 mm: dimple depth "
                   "falls from about 4 mm towards zero; dimple width at half depth grows from about 2 cm to over "
                   "7 cm.")


def formation_frame(fat_mm, *, anchored=True, muscle_mm=model.DEFAULT_MUSCLE_MM):
    """Cross-section at the PSIS level (left) beside the model's surface profile (right).

    Parameters
    ----------
    fat_mm : float
        Fat over the PSIS (mm), in [0, 60].
    anchored : bool
        Whether the skin is anchored over each PSIS (default True).
    muscle_mm : float
        Muscle beside the PSIS (mm), in [0, 60] (default 15 mm).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a thickness is outside [0, 60] mm or not a number, or ``anchored`` is not a bool.
    """
    surf = model.surface(fat_mm, anchored=anchored, muscle_mm=muscle_mm)
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["section", "profile"]], width_ratios=[1.25, 1])
    section_panel(axd["section"], surf.fat_mm, anchored, muscle_mm)
    axd["section"].set_title(f"cross-section at S2: fat {surf.fat_mm:g} mm", fontsize=9)
    render.draw_profile(axd["profile"], surf, ylim=PROFILE_YLIM_MM)
    axd["profile"].set_xlim(SECTION_HALF_CM, -SECTION_HALF_CM)
    axd["profile"].legend(fontsize=7, frameon=False, loc="upper left")
    axd["profile"].set_title(f"dimple depth {surf.depth_mm:.1f} mm, width {surf.width_mm:.0f} mm"
                             if anchored else "no anchor: no dimple", fontsize=9)
    return fig


def formation_slider() -> FrameSlider:
    """Notebook 03's slider over fat thickness: cross-section and profile."""
    return FrameSlider(list(SLIDER_FAT_MM), formation_frame, labels=[f"{f:g}" for f in SLIDER_FAT_MM],
                       description="Fat over the PSIS (mm)", initial=1,
                       alt="Left: a cross-section of the lower back at the level of S2 with the fat layer; right: "
                           "the skin's height across the back. As the fat thickens the dip over each PSIS becomes "
                           "shallower and wider.")


def anchor_muscle_frame(anchored, muscle_mm):
    """Cross-section and shaded back at lean fat, with or without the anchor, for one muscle thickness.

    Parameters
    ----------
    anchored : bool
        Whether the skin is anchored over each PSIS.
    muscle_mm : float
        Muscle beside the PSIS (mm), in [0, 60]; the fat is :data:`LEAN_FAT_MM` (2 mm).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``muscle_mm`` is outside [0, 60] mm or not a number, or ``anchored`` is not a bool.
    """
    surf = model.surface(LEAN_FAT_MM, anchored=anchored, muscle_mm=muscle_mm)
    c = render.weber_contrast(surf)
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["section", "shaded"]], width_ratios=[1.25, 1])
    section_panel(axd["section"], LEAN_FAT_MM, anchored, muscle_mm)
    axd["section"].set_title(f"{'anchored' if anchored else 'no anchor'}, muscle {muscle_mm:g} mm, "
                             f"fat {LEAN_FAT_MM:g} mm", fontsize=9)
    render.draw_shaded(axd["shaded"], surf, mark_psis=True)
    axd["shaded"].set_title(f"depth {surf.depth_mm:.1f} mm, contrast {100 * c:.1f} %", fontsize=9)
    return fig


def anchor_muscle_grid() -> FrameGrid:
    """The grid of notebooks 03 and 05: anchor present/absent x muscle thickness."""
    return FrameGrid([True, False], list(MUSCLE_VALUES_MM), anchor_muscle_frame,
                     row_labels=["anchor present", "no anchor"], col_labels=[f"{m:g}" for m in MUSCLE_VALUES_MM],
                     row_description="Skin over the PSIS", col_description="Muscle (mm)", initial=(0, 1),
                     alt="A lean lower back (2 mm of fat). With the anchor, a dimple over each PSIS whatever the "
                         "muscle; without it, no dimple at any muscle thickness.")


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "fat_doubles": dict(
        question=("In the kit's illustrative model, what happens to a dimple when the fat over the PSIS doubles in "
                  'thickness?'),
        choices=[
            'It disappears completely once the fat is thick enough to cover the bone.',
            'It becomes deeper, because more fat bulges up around the anchored point.',
            'It becomes shallower and wider, spread over more of the back.',
            'Nothing: fat does not lie over the PSIS, so its thickness cannot matter.',
        ],
        correct=2,
        feedback=[
            ('Not in the model: the layer blurs the mark but keeps its volume, so a shallow, wide hollow remains '
             '(Figure 5).'),
            ('The mark at the fascia stays the same; a thicker layer over it smooths it more, so the skin shows a '
             'shallower pit.'),
            ('The layer blurs the mark more: it spreads the same hollow over a wider area, so it is shallower '
             '(Figures 2, 3 and 5).'),
            'Fat does lie over the PSIS (Figure 1); what the anchor does is hold the skin down through it.',
        ],
        reread="03 how a dimple forms, section 'What a soft layer does to a mark beneath it'",
    ),
}



#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "03", __name__)
