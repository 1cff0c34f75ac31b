"""The course map: the notebooks in order, the question each answers, what a
student leaves able to do, and how long it takes.

Notebook 00 shows this table and the README repeats it; a test checks that
every notebook listed here exists.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    Lesson("06_review.ipynb", "Review", "Did it stick?",
           "answer the self-check, label the diagram, know where to reread", 15),
)


def course_table() -> str:
    """The course map as a Markdown table with links to each notebook."""
    rows = ["| notebook | question | you leave able to | time |", "|---|---|---|---|"]
    for lesson in COURSE:
        link = f"[{lesson.notebook[:2]} {lesson.title}]({lesson.notebook})"
        rows.append(f"| {link} | {lesson.question} | {lesson.objectives} | {lesson.minutes} min |")
    return "\n".join(rows)


def total_minutes() -> int:
    """Total time of the course in minutes."""
    return sum(lesson.minutes for lesson in COURSE)
