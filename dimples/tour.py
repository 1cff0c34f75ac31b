"""Pictures for the start-here notebook: one card per notebook of the course."""

from __future__ import annotations

import textwrap

from .course import Lesson
from .style import PALETTE, new_figure


def draw_course_card(lesson: Lesson):
    """Draw a card showing one notebook's number, title, question and time.

    Parameters
    ----------
    lesson : dimples.course.Lesson
        The notebook to show.

    Returns
    -------
    matplotlib.figure.Figure
        A 6.4 x 2.4 inch figure.
    """
    if not isinstance(lesson, Lesson):
        raise ValueError(f"lesson={lesson!r}: expected a dimples.course.Lesson from dimples.course.COURSE")
    fig, ax = new_figure(6.4, 2.4)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_patch(_card_patch())
    ax.text(0.06, 0.5, lesson.notebook[:2], fontsize=44, fontweight="bold", color=PALETTE["blue"],
            va="center", ha="left")
    ax.text(0.27, 0.80, lesson.title, fontsize=16, fontweight="bold", va="center")
    ax.text(0.27, 0.58, textwrap.fill(lesson.question, 48), fontsize=11.5, va="center", style="italic")
    ax.text(0.27, 0.25, textwrap.fill("You leave able to " + lesson.objectives + ".", 64), fontsize=8.5,
            va="center", color="#333333")
    ax.text(0.965, 0.80, f"{lesson.minutes} min", fontsize=11, ha="right", va="center", color=PALETTE["vermillion"])
    return fig


def _card_patch():
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((0.01, 0.03), 0.98, 0.94, boxstyle="round,pad=0,rounding_size=0.04",
                          facecolor="#F4F1EA", edgecolor=PALETTE["grey"], linewidth=1)
