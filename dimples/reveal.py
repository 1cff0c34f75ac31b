"""Notebook 05's model figure: fat loss reveals an anchored dimple and creates none.

One frame per (anchor present or absent, fat thickness): the shaded lower
back beside the skin's profile through both PSIS, computed by
:mod:`dimples.model` and drawn by :mod:`dimples.render`. The grid widget
over those frames is :func:`reveal_grid`. The model is illustrative
(its assumptions are listed in notebook 03); this module only draws it.
"""

from __future__ import annotations

from dimples import model, render
from dimples.style import new_figure

__all__ = ["REVEAL_FAT_MM", "FRAME_SIZE_IN", "reveal_frame", "reveal_grid"]

#: Fat thicknesses over the PSIS (mm) for the grid's slider, from thick to thin (the direction of fat loss).
REVEAL_FAT_MM: tuple[float, ...] = (30.0, 20.0, 14.0, 10.0, 6.0, 3.0)
#: Frame size (inches); 6.4 x 3 at 80 dpi keeps the notebook well under 2 MB.
FRAME_SIZE_IN: tuple[float, float] = (6.4, 3.0)
_PROFILE_YLIM = (0.0, 52.0)


def reveal_frame(anchored: bool, fat_mm: float):
    """Shaded back (left) and skin profile through both PSIS (right) for one case.

    Parameters
    ----------
    anchored : bool
        Whether the skin over each PSIS is anchored.
    fat_mm : float
        Fat thickness over the PSIS (mm), in the model's range [0, 60].

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        From :func:`dimples.model.surface` for a fat thickness out of range,
        NaN or not a number, or ``anchored`` not a bool.
    """
    surf = model.surface(fat_mm, anchored=anchored)
    contrast = render.weber_contrast(surf)
    seen = "visible" if render.is_visible(contrast) else "too faint to see"
    fig, (a_shade, a_prof) = new_figure(*FRAME_SIZE_IN, ncols=2, gridspec_kw={"width_ratios": [1.1, 1]})
    render.draw_shaded(a_shade, surf, mark_psis=True)
    a_shade.set_title(f"{'anchored' if anchored else 'no anchor'}, fat {surf.fat_mm:g} mm", fontsize=9)
    render.draw_profile(a_prof, surf, ylim=_PROFILE_YLIM)
    a_prof.legend(fontsize=7, frameon=False, loc="lower left")
    if anchored:
        a_prof.set_title(f"dimple {surf.depth_mm:.1f} mm deep\ncontrast {100 * contrast:.1f} %: {seen}",
                         fontsize=8.5)
    else:
        a_prof.set_title("no anchor:\nno dimple at any fat thickness", fontsize=8.5)
    return fig


def reveal_grid():
    """Notebook 05's grid: anchor present or absent x fat thickness (thick to thin).

    Returns
    -------
    dimples.widgets.FrameGrid
    """
    from dimples.widgets import FrameGrid

    return FrameGrid(
        [True, False], list(REVEAL_FAT_MM), reveal_frame,
        row_labels=["anchor present", "no anchor"], col_labels=[f"{f:g}" for f in REVEAL_FAT_MM],
        row_description="Skin over the PSIS", col_description="Fat over the PSIS (mm)", initial=(0, 0),
        alt="The shaded lower back and the skin's profile across both PSIS as the fat over them thins from 30 to "
            "3 mm. With the anchor, a faint dimple deepens and sharpens as fat is lost; without it the back stays "
            "smooth at every fat thickness.",
    )
