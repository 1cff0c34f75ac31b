"""The labelling exercise of notebook 06: numbered markers on the posterior view.

The exercise is data plus one drawing function. :data:`MARKERS` says which
structure each numbered marker points at (positions come from
:mod:`dimples.anatomy.landmarks`); :func:`draw_label_diagram` draws the
posterior view of :mod:`dimples.anatomy.posterior` without its labels and
adds the numbered markers; :func:`label_quizzes` makes one
:class:`dimples.widgets.Quiz` per marker, whose choice is linked to its
feedback in the browser, so the exercise works on nbviewer too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .anatomy.landmarks import position
from .anatomy.posterior import draw_posterior_view
from .style import PALETTE, new_figure
from .widgets import Quiz

__all__ = ["Marker", "MARKERS", "ANSWERS", "draw_label_diagram", "label_quizzes", "marker_alt"]


@dataclass(frozen=True)
class Marker:
    """One numbered marker of the labelling exercise.

    Attributes
    ----------
    number : int
        The number drawn on the figure (1, 2, ...).
    answer : str
        The structure it points at; one of :data:`ANSWERS`.
    x_cm, y_cm : float
        Where it is drawn, in the posterior-view frame of
        :mod:`dimples.anatomy.landmarks` (cm; x to the subject's left, y up
        from the S2 spinous process).
    where : str
        Where it sits in words (for the alt text; does not name the answer).
    why : str
        The explanation shown with the right answer.
    """

    number: int
    answer: str
    x_cm: float
    y_cm: float
    where: str
    why: str


def _at(name: str, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    x, y = position(name)
    return x + dx, y + dy


_TUFFIER = _at("iliac_crest_top_right", dx=-1.8)
_S2_LINE = _at("psis_left", dx=6.5)
_CLEFT = _at("gluteal_cleft_top")

#: The markers, in number order.
MARKERS: tuple[Marker, ...] = (
    Marker(1, "posterior superior iliac spine", *_at("psis_left"),
           "on a bony knob at the inner edge of the ilium, beside the sacrum, on the viewer's left",
           "It is the bony knob under the dimple, where the lower dashed line meets a side corner of the diamond."),
    Marker(2, "S2 spinous tubercle", *_at("s2_spinous"),
           "in the midline of the sacrum, where the lower dashed line crosses it",
           "The line through both PSIS crosses the midline here, at the second sacral segment, in most people."),
    Marker(3, "highest point of the iliac crest", *_at("iliac_crest_top_left"),
           "on the top of the rim of the ilium, on the viewer's left, where the upper dotted line touches it",
           "It is the top of the crest; the line joining the two crest tops is Tuffier's line."),
    Marker(4, "L4 spinous process", *_at("l4_spinous"),
           "in the midline on a lumbar vertebra, where the upper dotted line crosses it",
           "Tuffier's line crosses L4 in only about six people in ten; it varies from L1-L2 to L5-S1."),
    Marker(5, "sacroiliac joint", *_at("sacroiliac_joint_upper_right", dy=-0.9),
           "on the dashed curve between the sacrum and the ilium, on the viewer's right",
           "The joint lies deep to the back of the ilium, drawn dashed; it runs about from S1 to S3."),
    Marker(6, "Tuffier's line", *_TUFFIER,
           "on the upper horizontal dotted line, near its right end",
           "The intercristal line joins the tops of the iliac crests, about two vertebral levels above the S2 line."),
    Marker(7, "line through both PSIS (S2 line)", *_S2_LINE,
           "on the lower horizontal dashed line, far out on the viewer's left",
           "It joins the two PSIS (and the two dimples) and crosses S2 in most people."),
    Marker(8, "top of the gluteal cleft", *_CLEFT,
           "in the midline at the lower corner of the diamond",
           "It is the lower corner of the Michaelis rhombus; the two dimples are its side corners."),
)

#: The choices offered for every marker (alphabetical, so the order gives nothing away).
ANSWERS: tuple[str, ...] = tuple(sorted({m.answer for m in MARKERS}, key=str.lower))

#: Where each structure is, for the feedback on a wrong choice.
_WHERE: dict[str, str] = {
    "posterior superior iliac spine": "The PSIS is the bony knob under each dimple, where the lower dashed line meets the side corners of the diamond.",
    "S2 spinous tubercle": "The S2 spinous tubercle is in the midline, where the lower dashed line crosses the sacrum.",
    "highest point of the iliac crest": "The crest tops are on the rim of the ilium, where the upper dotted line touches each crest.",
    "L4 spinous process": "The L4 spinous process is in the midline, where the upper dotted line usually crosses the spine.",
    "sacroiliac joint": "The sacroiliac joint is the dashed curve between the sacrum and each ilium, deep to the bone's surface.",
    "Tuffier's line": "Tuffier's line is the upper dotted line, joining the two crest tops.",
    "line through both PSIS (S2 line)": "The line through both PSIS is the lower dashed line.",
    "top of the gluteal cleft": "The top of the gluteal cleft is the midline point at the lower corner of the diamond.",
}


def marker_alt() -> str:
    """Alt text for the diagram: what is drawn and where each marker sits, without naming the answers."""
    parts = [f"marker {m.number} {m.where}" for m in MARKERS]
    return ("The lower back and pelvis from behind (bones under translucent skin) with two horizontal reference "
            "lines and a diamond, and eight numbered markers: " + "; ".join(parts) + ".")


def draw_label_diagram(width_in: float = 6.4, height_in: float = 4.4):
    """The posterior view without labels, with the numbered markers.

    Parameters
    ----------
    width_in, height_in : float
        Figure size in inches (both > 0).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a size is not a positive finite number.
    """
    for name, v in (("width_in", width_in), ("height_in", height_in)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not (0 < v < 50):
            raise ValueError(f"{name}={v!r}: expected a figure size in inches in (0, 50)")
    fig, ax = new_figure(width_in, height_in)
    draw_posterior_view(ax, layers=("skin", "bone", "lines"), labels=False)
    for m in MARKERS:
        ax.plot(m.x_cm, m.y_cm, marker="o", ms=13, mfc="white", mec=PALETTE["black"], mew=1.4, zorder=20)
        ax.text(m.x_cm, m.y_cm, str(m.number), ha="center", va="center", fontsize=8.5, fontweight="bold",
                color=PALETTE["black"], zorder=21)
    return fig


def label_quizzes(reread: str = "01 surface anatomy") -> list[Quiz]:
    """One quiz per marker: "What does marker N point at?", with feedback for every choice.

    Parameters
    ----------
    reread : str
        Where to reread after a wrong answer.

    Returns
    -------
    list of Quiz
    """
    if not isinstance(reread, str):
        raise ValueError(f"reread={reread!r}: expected a string")
    quizzes = []
    for m in MARKERS:
        feedback = []
        for choice in ANSWERS:
            if choice == m.answer:
                feedback.append(m.why)
            else:
                feedback.append(f"{_WHERE[choice]} Marker {m.number} is {m.where}.")
        quizzes.append(Quiz(f"Marker {m.number}: what does it point at?", list(ANSWERS), ANSWERS.index(m.answer),
                            feedback, reread=reread, compact=True))
    return quizzes
