"""Notebook 02, the sacroiliac joint: the joint in three views and the section at S2 with and without anchoring.

Frames are :func:`dimples.anatomy.sacroiliac.draw_sacroiliac_joint` and
:func:`dimples.anatomy.cross_section.draw_cross_section`, at
:data:`dimples.style.DIAGRAM_WIDTH_IN` wide, drawn at 90 dpi.
"""

from __future__ import annotations

from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.sacroiliac import VIEWS, draw_sacroiliac_joint
from dimples.base import check_bool
from dimples.style import DIAGRAM_WIDTH_IN, new_figure
from dimples.widgets import FrameGrid, FrameSlider, Picture, quiz_picker

__all__ = ["SECTION_FAT_MM", "SECTION_MUSCLE_MM", "QUIZZES", "section_picture", "view_frame", "views_slider",
           "anchoring_frame", "anchoring_grid", "quiz"]

#: Fat thicknesses (mm) of the anchoring grid's rows.
SECTION_FAT_MM: tuple[float, ...] = (5.0, 15.0, 30.0)
#: Muscle thickness (mm) beside the PSIS in the anchoring grid.
SECTION_MUSCLE_MM: float = 15.0
_HEIGHT_IN = {"posterior": 4.2, "anterior": 4.2, "section": 2.8}


def section_picture() -> Picture:
    """The transverse section through both sacroiliac joints at S2."""
    fig, ax = new_figure(DIAGRAM_WIDTH_IN, _HEIGHT_IN["section"])
    draw_sacroiliac_joint(ax, view="section")
    return Picture(fig, alt="Transverse section through both sacroiliac joints at S2: the synovial part in front, "
                            "the interosseous ligament behind it, posterior ligaments running to the PSIS.", dpi=90)


def view_frame(view: str):
    """The sacroiliac joints in one view.

    Parameters
    ----------
    view : str
        One of :data:`dimples.anatomy.sacroiliac.VIEWS`.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``view`` is not one of the views.
    """
    if view not in VIEWS:
        raise ValueError(f"view={view!r}: expected one of {tuple(VIEWS)}")
    fig, ax = new_figure(DIAGRAM_WIDTH_IN, _HEIGHT_IN[view])
    draw_sacroiliac_joint(ax, view=view)
    return fig


def views_slider() -> FrameSlider:
    """Notebook 02's slider: the joint from behind, from the front and in section."""
    return FrameSlider(["posterior", "anterior", "section"], view_frame,
                       labels=["from behind", "from the front", "section at S2"], description="View",
                       alt="The sacroiliac joints and their ligaments from behind, from the front and in a "
                           "transverse section.", dpi=90)


def anchoring_frame(fat_mm, anchored):
    """The section at the PSIS for one fat thickness, with or without the skin's anchoring.

    Parameters
    ----------
    fat_mm : float
        Subcutaneous fat thickness (mm), in the model's range [0, 60].
    anchored : bool
        Whether fibrous anchoring holds the skin over each PSIS.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``fat_mm`` is outside [0, 60] mm or not a number, or ``anchored`` is not a bool.
    """
    fig, ax = new_figure(DIAGRAM_WIDTH_IN, 3.0)
    anchored = check_bool("anchored", anchored)
    draw_cross_section(ax, fat_mm=fat_mm, anchoring="rigid" if anchored else "none", muscle_mm=SECTION_MUSCLE_MM)
    return fig


def anchoring_grid() -> FrameGrid:
    """Notebook 02's grid: fat thickness x anchored or not."""
    return FrameGrid(list(SECTION_FAT_MM), [True, False], anchoring_frame,
                     row_labels=[f"{f:g} mm" for f in SECTION_FAT_MM], col_labels=["anchored", "not anchored"],
                     row_description="Fat", col_description="Skin",
                     alt="Transverse section of the lower back at the PSIS with 5, 15 or 30 mm of fat, with and "
                         "without fibrous anchoring of the skin over the PSIS.", initial=(1, 0), dpi=90)


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "what_holds_skin": dict(
        question='What holds the skin down over the PSIS, according to the anatomy references?',
        choices=[
            'Fibrous connections (skin ligaments) from the dermis to the deep fascia over the PSIS',
            "A short, named 'dimple ligament' that runs from the tip of the PSIS up to the skin",
            'The gluteus maximus, whose fibres cover the PSIS and pull the skin in as it contracts',
            'The capsule of the sacroiliac joint, which reaches back through the fat to the skin',
        ],
        correct=0,
        feedback=[
            ('The skin adheres to the deep layers over the PSIS through fibrous connections (retinacula cutis); they '
             'have not been measured at the PSIS itself [Nash2004].'),
            'This phrase comes from popular pages; no named dimple ligament appears in the anatomy references.',
            'Gluteus maximus arises below and lateral to the PSIS; no muscle covers its tip.',
            'The joint lies deep, in front of the PSIS; its capsule does not reach the skin.',
        ],
        reread="02 sacroiliac joint, section 'What holds the skin there'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "02", __name__)

