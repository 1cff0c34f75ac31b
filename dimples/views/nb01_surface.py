"""Notebook 01, surface anatomy: the lower back peeled from skin to bone, the two lines, the rhombus.

Every frame is :func:`dimples.anatomy.posterior.draw_posterior_view` at
:data:`dimples.style.POSTERIOR_SIZE_IN`, drawn at 90 dpi.
"""

from __future__ import annotations

from dimples.anatomy.posterior import draw_posterior_view
from dimples.base import lookup
from dimples.style import POSTERIOR_SIZE_IN, new_figure
from dimples.widgets import FrameSlider, Picture, quiz_picker

__all__ = ["PEEL", "TOPS", "QUIZZES", "peel_frame", "peel_slider", "lines_picture", "rhombus_frame",
           "rhombus_slider", "quiz"]

#: The layers slider: step -> (layers of the posterior view, label layer shown), from the skin down to the
#: bone. One label layer per step keeps each frame to at most a dozen labels.
PEEL: dict[str, tuple[tuple[str, ...], str]] = {
    "skin": (("skin", "landmarks"), "surface"),
    "skin + lines": (("skin", "lines"), "lines"),
    "skin over bone": (("skin", "bone"), "surface"),
    "pelvis": (("bone", "landmarks"), "pelvis"),
    "spine and sacrum": (("bone",), "spine"),
    "bone + lines": (("bone", "lines", "landmarks"), "lines"),
}
#: The rhombus slider: label -> landmark used as the rhombus's upper corner (the three proposals).
TOPS: dict[str, str] = {"L5 spine": "l5_spinous", "L5-S1 hollow": "l5_s1_hollow", "L3-L4": "l3_l4_interspace"}


def _posterior(**view):
    """The posterior view at :data:`dimples.style.POSTERIOR_SIZE_IN`; ``view`` goes to ``draw_posterior_view``."""
    fig, ax = new_figure(*POSTERIOR_SIZE_IN)
    draw_posterior_view(ax, **view)
    return fig


def peel_frame(step: str):
    """The posterior view with the layers of one step of :data:`PEEL`.

    Parameters
    ----------
    step : str
        A key of :data:`PEEL`.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``step`` is not in :data:`PEEL`.
    """
    layers, label_layer = lookup(PEEL, step, "step of the layers slider", name="step")
    return _posterior(layers=layers, labels=label_layer)


def peel_slider() -> FrameSlider:
    """Notebook 01's layers slider: skin, skin + lines, skin over bone, pelvis, spine and sacrum, bone + lines."""
    return FrameSlider(list(PEEL), peel_frame, description="Layers",
                       alt="The lower back from behind, from skin alone to the bones beneath: the dimples, the PSIS "
                           "as the rounded end of each iliac crest, the hip bones, the spine and sacrum, and the line "
                           "through the PSIS, Tuffier's line and the Michaelis rhombus.", dpi=90)


def lines_picture() -> Picture:
    """The bony pelvis with the line through both PSIS and Tuffier's line."""
    return Picture(_posterior(layers=("bone", "lines", "landmarks"), labels="lines"),
                   alt="The bony pelvis from behind with two horizontal lines: the line through both PSIS at "
                       "the S2 tubercle and Tuffier's line through the tops of the iliac crests at L4, three levels "
                       "higher (L4, L5, S1, S2).")


def rhombus_frame(top: str):
    """The Michaelis rhombus on the skin with one of the proposed upper corners.

    Parameters
    ----------
    top : str
        A key of :data:`TOPS`.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If ``top`` is not in :data:`TOPS`.
    """
    return _posterior(layers=("skin", "lines"), labels="lines",
                      rhombus_top=lookup(TOPS, top, "upper corner of the rhombus", name="top"))


def rhombus_slider() -> FrameSlider:
    """Notebook 01's slider over the three proposed upper corners of the Michaelis rhombus."""
    return FrameSlider(list(TOPS), rhombus_frame, description="Upper corner",
                       alt="The Michaelis rhombus on the skin of the lower back, drawn with each of the three "
                           "upper corners that sources propose.", dpi=90)


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "which_line": dict(
        question='On a CT scan, which line most often matches its textbook vertebral level?',
        choices=[
            "Tuffier's line, through the tops of the iliac crests, at L4",
            'Both match equally often, about four times in five',
            'Neither: both are right less than half the time',
            'The line through both PSIS (the dimple line) at S2',
        ],
        correct=3,
        feedback=[
            "Tuffier's line matched L4 in only 59 % of 100 CT scans [McGaugh2007].",
            "81 % for the PSIS line against 59 % for Tuffier's line is a clear difference [McGaugh2007].",
            'Both match more than half the time (81 % and 59 %), but the PSIS line is the more reliable.',
            "The PSIS line matched S2 in 81 % of scans, against 59 % for Tuffier's line at L4 [McGaugh2007].",
        ],
        reread="01 surface anatomy, section 'Two lines, two levels'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "01", __name__)

