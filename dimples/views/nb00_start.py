"""Notebook 00, start here: the course map, one card per notebook, and the first quiz.

:data:`COURSE` is the course in order (the README repeats it; a test checks
that every notebook listed exists and that the README agrees).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from IPython.display import Markdown

from dimples.style import PALETTE, new_figure
from dimples.widgets import FrameSlider, quiz_picker

__all__ = ["Lesson", "COURSE", "QUIZZES", "course_table", "course_map", "total_minutes", "draw_course_card",
           "course_cards", "quiz"]


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course.

    Attributes
    ----------
    notebook : str
        File name in ``notebooks/``.
    title : str
        Short title.
    question : str
        The question the notebook answers.
    objectives : str
        What a student leaves able to do.
    minutes : int
        Time to work through it, in minutes.
    """

    notebook: str
    title: str
    question: str
    objectives: str
    minutes: int


COURSE: tuple[Lesson, ...] = (
    Lesson("00_start_here.ipynb", "Start here", "What is this kit and how do I use it?",
           "move a slider, find any notebook, run the kit in JupyterLab or read it on nbviewer", 5),
    Lesson("01_surface_anatomy.ipynb", "Surface anatomy", "What is under the two dimples?",
           "locate the PSIS on a partner or a figure, tell the S2 line from Tuffier's line, name the corners of "
           "the Michaelis rhombus, give two clinical uses of the PSIS", 25),
    Lesson("02_sacroiliac_joint.ipynb", "The sacroiliac joint", "What joint lies beneath, and what holds the skin there?",
           "describe the joint and its ligaments, its small movements, and what anchors the skin over the PSIS "
           "(and what is not known)", 25),
    Lesson("03_how_a_dimple_forms.ipynb", "How a dimple forms", "Why is there a pit at all?",
           "explain the anchoring with a cross-section and a surface profile; predict what more fat, less fat, "
           "more muscle and no anchor do", 25),
    Lesson("04_body_fat_and_visibility.ipynb", "Body fat and visibility", "How lean must you be to see them?",
           "walk the chain body fat -> skinfold -> fat thickness -> surface -> contrast; judge the '22 % / 32 %' "
           "claim against evidence", 30),
    Lesson("05_can_you_get_them.ipynb", "Can you get them?", "Can exercise, diet or surgery give you dimples?",
           "separate revealing from creating; weigh each claim by its evidence; state what cosmetic procedures "
           "do and risk", 20),
    Lesson("06_landmarks_at_work.ipynb", "The landmarks at work", "What do clinicians do with the PSIS and Tuffier's line?",
           "count spinal levels from the PSIS line, palpate the PSIS and say how far to trust it, name the "
           "sacroiliac provocation tests and their accuracy, and place marrow and graft procedures safely", 30),
    Lesson("07_review.ipynb", "Review", "Did it stick?",
           "answer the self-check, label the diagram, know where to reread", 15),
)


def course_table() -> str:
    """The course map as a Markdown table with links to each notebook.

    Returns
    -------
    str
        Markdown: one row per notebook (link, question, objectives, minutes).
    """
    rows = ["| notebook | question | you leave able to | time |", "|---|---|---|---|"]
    for lesson in COURSE:
        link = f"[{lesson.notebook[:2]} {lesson.title}]({lesson.notebook})"
        rows.append(f"| {link} | {lesson.question} | {lesson.objectives} | {lesson.minutes} min |")
    return "\n".join(rows)


def total_minutes() -> int:
    """Total time of the course in minutes."""
    return sum(lesson.minutes for lesson in COURSE)


def course_map() -> Markdown:
    """The course map with the total time, as notebook 00 shows it."""
    return Markdown(course_table() + f"\n\nTotal: about {total_minutes()} minutes.")


def draw_course_card(lesson: Lesson):
    """Draw a card showing one notebook's number, title, question and time.

    Parameters
    ----------
    lesson : Lesson
        The notebook to show, one of :data:`COURSE`.

    Returns
    -------
    matplotlib.figure.Figure
        A 6.4 x 2.4 inch figure.

    Raises
    ------
    ValueError
        If ``lesson`` is not a :class:`Lesson`.
    """
    if not isinstance(lesson, Lesson):
        raise ValueError(f"lesson={lesson!r}: expected a dimples.views.nb00_start.Lesson from COURSE")
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


def course_cards() -> FrameSlider:
    """Notebook 00's slider: one card per notebook of the course."""
    return FrameSlider(
        COURSE,
        draw_course_card,
        labels=[lesson.notebook[:2] for lesson in COURSE],
        description="Notebook",
        alt="A card for the chosen notebook of the course: its number, title, question and time.",
    )


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "sliders_without_python": dict(
        question=('You open a notebook of the kit on nbviewer, where no Python is running. What happens when you move '
                  'a slider?'),
        choices=[
            'Nothing happens: a slider needs a running Python kernel to redraw its picture.',
            'The page stops and asks you to install Python and the kit before it goes on.',
            "The picture changes: each position's picture is already saved in the notebook.",
        ],
        correct=2,
        feedback=[
            ("Many notebooks work that way, but this kit's sliders only swap pictures that were drawn in advance and "
             'saved with the notebook.'),
            'Reading the kit needs no installation; only changing its code does.',
            ("Every slider position's picture is saved with the notebook, and the browser swaps them, with or without "
             'Python.'),
        ],
        reread="00 start here, section 'How the sliders work'",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "00", __name__)
