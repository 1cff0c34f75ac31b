"""Notebook 05, can you get them: the claims by evidence, and fat loss that reveals but creates nothing.

The evidence tables come from :mod:`dimples.claims`. The model frames show
the shaded lower back beside the skin's profile through both PSIS, computed
by :mod:`dimples.model` and drawn by :mod:`dimples.render`, one per (anchor
present or absent, fat thickness); the anchor x muscle grid is notebook 03's
(:func:`dimples.views.nb03_formation.anchor_muscle_grid`).
"""

from __future__ import annotations

from IPython.display import Markdown

from dimples import claims, model, render
from dimples.style import FRAME_DPI, FRAME_SIZE_IN, new_figure
from dimples.views.nb03_formation import ANCHORING_NAMES, PROFILE_YLIM_MM, anchor_muscle_grid
from dimples.widgets import FrameGrid, quiz_picker

__all__ = ["REVEAL_FAT_MM", "QUIZZES", "evidence_table", "claims_summary", "anchor_muscle_grid", "reveal_frame",
           "reveal_grid", "reveal_alt", "quiz"]

#: Fat thicknesses over the PSIS (mm) for the grid's slider, from thick to thin (the direction of fat loss).
REVEAL_FAT_MM: tuple[float, ...] = (30.0, 20.0, 14.0, 10.0, 6.0, 3.0)


def evidence_table(topic: str, *, legend: bool = False) -> Markdown:
    """The claims on one topic with their evidence, as Markdown.

    Parameters
    ----------
    topic : str
        One of :data:`dimples.claims.TOPICS`.
    legend : bool
        Whether to add the legend of the evidence levels (default False).

    Returns
    -------
    IPython.display.Markdown
        The table of :func:`dimples.claims.topic_table`.

    Raises
    ------
    ValueError
        If ``topic`` is not one of :data:`dimples.claims.TOPICS`.
    """
    return Markdown(claims.topic_table(topic, legend=legend))


def claims_summary() -> Markdown:
    """Every claim the notebook weighs, in one table."""
    return Markdown(claims.claims_table())


def reveal_frame(anchoring: str, fat_mm: float):
    """Shaded back (left) and skin profile through both PSIS (right) for one anchoring and fat thickness.

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    fat_mm : float
        Fat thickness over the PSIS (mm), in the model's range [0.5, 60].

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        For an unknown anchoring, or from :func:`dimples.model.surface` for a fat thickness out of range,
        NaN or not a number.
    """
    if anchoring not in ANCHORING_NAMES:
        raise ValueError(f"anchoring={anchoring!r}: expected one of {list(ANCHORING_NAMES)}")
    surf = model.surface(fat_mm, anchoring=anchoring)
    contrast = render.weber_contrast(surf)
    seen = "visible" if render.is_visible(contrast) else "too faint to see"
    fig, (a_shade, a_prof) = new_figure(*FRAME_SIZE_IN, ncols=2, gridspec_kw={"width_ratios": [1.1, 1]})
    render.draw_shaded(a_shade, surf, mark_psis=True)
    a_shade.set_title(f"{model.anchoring_words(anchoring)}, fat {surf.fat_mm:g} mm", fontsize=9)
    render.draw_profile(a_prof, surf, ylim=PROFILE_YLIM_MM)
    a_prof.legend(fontsize=7, frameon=False, loc="lower left")
    a_prof.set_title(f"pit {surf.depth_mm:.1f} mm deep\ncontrast {100 * contrast:.0f} %: {seen}", fontsize=8.5)
    return fig


def reveal_alt(anchoring, fat_mm) -> str:
    """The alt text of one frame of :func:`reveal_grid`: what :func:`reveal_frame` shows, with its numbers.

    Parameters
    ----------
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    fat_mm : float
        Fat thickness over the PSIS (mm), in the model's range [0.5, 60].

    Returns
    -------
    str
        The frame's alt text: anchoring, fat, pit depth, contrast and whether it is visible.
    """
    if anchoring not in ANCHORING_NAMES:
        raise ValueError(f"anchoring={anchoring!r}: expected one of {list(ANCHORING_NAMES)}")
    surf = model.surface(fat_mm, anchoring=anchoring)
    contrast = render.weber_contrast(surf)
    seen = "visible" if render.is_visible(contrast) else "too faint to see"
    return (f"The shaded lower back and the skin's profile across both PSIS: {model.anchoring_words(anchoring)}, "
            f"{surf.fat_mm:g} mm of fat. The pit is {surf.depth_mm:.1f} mm deep; contrast {100 * contrast:.0f} %: "
            f"{seen}.")


def reveal_grid() -> FrameGrid:
    """Notebook 05's grid: anchoring x fat thickness (thick to thin)."""
    return FrameGrid(
        list(ANCHORING_NAMES), list(REVEAL_FAT_MM), reveal_frame,
        row_labels=list(ANCHORING_NAMES), col_labels=[f"{f:g}" for f in REVEAL_FAT_MM],
        row_description="Anchoring", col_description="Fat over the PSIS (mm)", initial=(0, 0),
        alts=reveal_alt, dpi=FRAME_DPI,
        alt="The shaded lower back and the skin's profile across both PSIS as the fat over them thins from 30 to "
            "3 mm, for a rigid, a compliant and no anchoring. Under the rigid one the pit gets shallower as fat is "
            "lost; under the other two it deepens a little and its contrast rises.",
    )


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "kybella_claim": dict(
        question=("A clinic's website says injections of deoxycholic acid (Kybella) can create back dimples. What "
                  'does the evidence say?'),
        choices=[
            'Approved only for fat under the chin: on the back it is off-label, and no dimple study was found.',
            'It is approved for the lower back, so the claim rests on the clinical trials that led to that approval.',
            'It is approved for small deposits of fat anywhere on the body, the lower back included.',
        ],
        correct=0,
        feedback=[
            ('Its label says use outside the submental region is not established and not recommended; nothing has '
             'tested it for dimples.'),
            'Its US approval covers one area only: fat under the chin.',
            'The approval is for submental fat only; the label advises against use elsewhere.',
        ],
        reread="05 can you get them, section 'Cosmetic procedures: what they do and what they risk'",
    ),
    "what_makes_a_dimple": dict(
        question="In the kit's illustrative model, what does more muscle around the PSIS do to the hollow over it?",
        choices=[
            'Nothing at all, because the muscle moves the whole of the back outwards evenly, pit or no pit',
            'It deepens it, with any anchoring: the muscle raises the rim of the window',
            'It fills the hollow, because the muscle grows over the bone and covers the PSIS',
        ],
        correct=1,
        feedback=[
            'In the model the muscle stops at the PSIS, so more of it raises the rim around the bone (notebook 03).',
            ('Yes, in the model: the PSIS carries no muscle, so thicker muscle around it deepens the hollow. No study '
             'has measured this in people, and training cannot grow an anchoring.'),
            'No muscle attaches over the PSIS tip; muscles attach around it (notebook 02).',
        ],
        reread="05 can you get them, sections 'Does exercise help?' and 'Fat loss: reveal versus create'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "05", __name__)
