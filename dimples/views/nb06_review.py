"""Notebook 06, review: the self-check quizzes and the labelling exercise.

The self-check is :data:`QUIZZES` (one :class:`dimples.widgets.Quiz` each,
by :func:`quiz`). The labelling exercise is data plus one drawing function. :data:`MARKERS` says which
structure each numbered marker points at (positions come from
:mod:`dimples.anatomy.landmarks`); :func:`draw_label_diagram` draws the
posterior view of :mod:`dimples.anatomy.posterior` without its labels and
adds the numbered markers (:func:`label_picture` with its alt text);
:func:`label_quizzes` makes one
:class:`dimples.widgets.Quiz` per marker, whose choice is linked to its
feedback in the browser, so the exercise works on nbviewer too.
"""

from __future__ import annotations

from dataclasses import dataclass

from IPython.display import display

from dimples.anatomy.landmarks import position
from dimples.anatomy.posterior import draw_posterior_view
from dimples.style import PALETTE, new_figure
from dimples.widgets import Picture, Quiz, quiz_from

__all__ = ["Marker", "MARKERS", "ANSWERS", "QUIZZES", "draw_label_diagram", "label_picture", "label_quizzes",
           "show_label_quizzes", "marker_alt", "quiz"]


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
        Figure size in inches, each in (0, 50) (default 6.4 x 4.4 inches).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        If a size is not a number in (0, 50) inches.
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
        Where to reread after a wrong answer (default ``"01 surface anatomy"``).

    Returns
    -------
    list of Quiz
        One :class:`dimples.widgets.Quiz` per marker, in marker order.

    Raises
    ------
    ValueError
        If ``reread`` is not a string.
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


def label_picture() -> Picture:
    """The labelling diagram with its alt text (which does not give the answers away)."""
    return Picture(draw_label_diagram(), alt=marker_alt())


def show_label_quizzes(reread: str = "01 surface anatomy, the sections on landmarks and reference lines") -> None:
    """Display :func:`label_quizzes` one after another (a notebook cell's whole output).

    Parameters
    ----------
    reread : str
        Where to reread after a wrong answer.

    Returns
    -------
    None
        The quizzes are displayed, not returned.

    Raises
    ------
    ValueError
        If ``reread`` is not a string.
    """
    for q in label_quizzes(reread=reread):
        display(q)


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "under_the_dimple": dict(
        question='What lies directly under each dimple of Venus?',
        choices=[
            'The posterior superior iliac spine (PSIS)',
            'The L5 spinous process',
            'A muscle belly of gluteus maximus',
            'The anterior superior iliac spine',
        ],
        correct=0,
        feedback=[
            'Each dimple sits over the bony knob at the back end of the iliac crest, where no muscle covers the bone.',
            "L5 is in the midline, higher up; the dimples are a hand's width apart, one on each side.",
            "Gluteus maximus arises below and lateral to the PSIS; no muscle belly covers the PSIS's tip.",
            "The anterior superior iliac spine is at the front of the pelvis, at the hip bone's front corner.",
        ],
        reread='01 surface anatomy, the section on what lies under the dimples',
    ),
    "dimple_line_level": dict(
        question=('A line drawn across the back through both dimples crosses the midline at which level in most '
                  'people?'),
        choices=[
            'L4',
            'S2, the second sacral segment',
            'The top of the gluteal cleft',
            'L1',
        ],
        correct=1,
        feedback=[
            "L4 is where Tuffier's line (through the crest tops) is usually said to cross, and even that varies.",
            'On CT scans the line through both PSIS crossed S2 in about four people in five [McGaugh2007].',
            'The top of the gluteal cleft is the lower corner of the Michaelis rhombus, below the dimple line.',
            'L1 is far higher, near the bottom of the rib cage.',
        ],
        reread="01 surface anatomy, the section on the S2 line and Tuffier's line",
    ),
    "tuffier_vs_dimple_line": dict(
        question="How do Tuffier's line (through the tops of the iliac crests) and the dimple line compare?",
        choices=[
            'They are the same line',
            "Tuffier's line lies about two vertebral levels higher, and its level varies more",
            "Tuffier's line lies lower, at about S3",
            "Tuffier's line runs vertically",
        ],
        correct=1,
        feedback=[
            'A common mix-up: the crest tops are well above the PSIS, so the two lines are different.',
            "Tuffier's line is nominally at L4 but was found anywhere from L1-L2 to L5-S1; the PSIS line is at S2.",
            'The iliac crest tops are above the PSIS, not below them.',
            'Both are horizontal lines across the back.',
        ],
        reread="01 surface anatomy, the section on the S2 line and Tuffier's line",
    ),
    "joint_type": dict(
        question='What kind of joint is the sacroiliac joint?',
        choices=[
            'A hinge joint that bends like the knee',
            'A synovial plane joint, partly fibrous, that allows only small movements',
            'A completely fused joint with no movement',
            'A ball-and-socket joint like the hip',
        ],
        correct=1,
        feedback=[
            'It does not bend; its surfaces glide and rotate a little.',
            ('Its ridged, nearly flat surfaces and strong ligaments allow small glides and the nodding called '
             'nutation.'),
            'It does move, though only a little; it can fuse in some diseases and in old age.',
            "The hip joint is the ball and socket; the sacroiliac joint's surfaces are nearly flat.",
        ],
        reread='02 sacroiliac joint, the sections on the joint and its movements',
    ),
    "joint_movement": dict(
        question="How much does a healthy adult's sacroiliac joint move, measured in living people?",
        choices=[
            'A few degrees of rotation at most, and translation under about 2 mm',
            'About 20 degrees, like a finger joint',
            'Not at all',
            'Several centimetres when walking',
        ],
        correct=0,
        feedback=[
            ('Radiostereometric studies in living people found rotations of about 2 degrees, never more than a few, '
             'and under 2 mm of translation.'),
            'That is far more than any measurement in living people.',
            'It does move, a little; the movements are small but measurable.',
            'No measurement comes close; the joint is held tight by very strong ligaments.',
        ],
        reread='02 sacroiliac joint, the section on how much it moves',
    ),
    "what_holds_skin": dict(
        question='What holds the skin down over the PSIS, according to anatomy references?',
        choices=[
            "A short, named 'dimple ligament'",
            'Fibrous connections from the skin to the deep fascia over the bone; no named ligament is described',
            'The tendon of gluteus maximus',
            'Nothing: the skin there is free',
        ],
        correct=1,
        feedback=[
            'This appears on popular pages and an uncited Wikipedia sentence, not in the anatomy references.',
            ('Skin ligaments joining the dermis to the deep fascia exist over most of the body; over the PSIS the '
             'skin adheres where no muscle covers the bone.'),
            'Gluteus maximus attaches around the PSIS region, not to the skin of the dimple.',
            'If the skin were free, there would be no pit: the anchoring is what makes the dimple.',
        ],
        reread='02 sacroiliac joint, the section on what anchors the skin',
    ),
    "thicker_fat": dict(
        question='In the model, the fat layer over an anchored PSIS gets thicker. What happens to the dimple?',
        choices=[
            'It gets deeper and narrower',
            'It gets wider and shallower, and fades',
            'It moves up to the level of L4',
            'Nothing changes',
        ],
        correct=1,
        feedback=[
            'That is what happens when the fat gets thinner.',
            ('A thicker soft layer spreads the pull of the anchor over a wider area, so the pit is wider and '
             'shallower.'),
            'The anchor stays over the PSIS at S2 whatever the fat does.',
            'The fat layer changes the shape at the surface; that is the point of the model.',
        ],
        reread='03 how a dimple forms, the section on the fat layer',
    ),
    "no_anchor_more_muscle": dict(
        question='In the model, there is no anchor and the muscle under the fat gets thicker. What happens?',
        choices=[
            'A dimple appears',
            'No dimple appears, at any fat or muscle thickness',
            'A dimple appears only when fat is very thin',
            'Two dimples appear at L4',
        ],
        correct=1,
        feedback=[
            'More muscle pushes the whole surface out evenly; it has no edge over the PSIS to make a pit.',
            'Without the anchor nothing holds the skin down, so there is nothing to show: a tether is not a muscle.',
            'Even with almost no fat, a surface with nothing holding it down has no pit.',
            'Nothing in the model puts a pit at L4.',
        ],
        reread='03 how a dimple forms, the section on the no-anchor case',
    ),
    "why_illustrative": dict(
        question="Why does the kit call its model 'illustrative'?",
        choices=[
            'Because it was fitted to measurements of dimples',
            ('Because no published model of the dimples exists; its assumptions are stated and some parameters are '
             'assumed'),
            'Because it is only a drawing with no calculation',
            'Because it is a medical diagnostic tool',
        ],
        correct=1,
        feedback=[
            'No study has measured how dimples change with fat; nothing was fitted.',
            'It shows how an anchor under a soft layer could behave; notebook 04 lists every assumption in one table.',
            'It does calculate: the surface is computed from the anchor and the layer thickness.',
            'It is a teaching aid, not a clinical tool.',
        ],
        reread="03 how a dimple forms, section 'What the model assumes, and cannot tell' (full table in 04)",
    ),
    "claim_22_32": dict(
        question=('A popular page says the dimples appear at 22 % body fat in women and 32 % in men. What does the '
                  'evidence say?'),
        choices=[
            'It comes from a controlled study of dimples',
            "No study was found, and 32 % is in the 'obese' band for men on the very table it seems to come from",
            'It is the result of the Siri equation',
            'It was measured by MRI',
        ],
        correct=1,
        feedback=[
            "No such study was found; the sentence traces to an uncited line about an 'American Exercise Council'.",
            ('It looks like a misread body-fat table. The model also shows there is no single threshold: visibility '
             'fades gradually.'),
            'The Siri equation turns body density into body fat; it says nothing about dimples.',
            'The one MRI study of dimples looked at the pelvis, not at body fat.',
        ],
        reread='04 body fat and visibility, the section on the 22 % / 32 % claim',
    ),
    "suprailiac_site": dict(
        question="Where is the suprailiac skinfold taken, the one the kit's body-fat chain uses?",
        choices=[
            'Directly over the PSIS',
            'On the side of the trunk just above the iliac crest, forward of the PSIS',
            'On the back of the upper arm',
            'On the front of the thigh',
        ],
        correct=1,
        feedback=[
            'No standard skinfold site is over the PSIS; that is why using the suprailiac site is an assumption.',
            'It is near, but not at, the dimple; the notebook says so and treats the regional difference as assumed.',
            'That is the triceps site.',
            'That is the thigh site.',
        ],
        reread='04 body fat and visibility, the section on skinfolds',
    ),
    "when_visible": dict(
        question="When does the kit's model call a dimple 'visible'?",
        choices=[
            'When its shading contrast with the surrounding skin exceeds the Weber fraction, about 1-2 %',
            'When it is deeper than 1 cm',
            'When body fat is below 22 %',
            'Always, if the anchor is present',
        ],
        correct=0,
        feedback=[
            ('The eye notices a brightness difference of about 1-2 % on a large even field; the model compares the '
             "dimple's contrast with that."),
            'Depth alone does not decide it: a wide, shallow pit can be hard to see.',
            'The model has no fixed body-fat threshold, and the 22 % figure has no source.',
            'With a thick fat layer an anchored dimple can be too faint to see.',
        ],
        reread='04 body fat and visibility, the section on contrast and the eye',
    ),
    "no_anchor_fat_loss": dict(
        question="Someone with no anchoring over the PSIS loses a lot of body fat. What does the kit's model predict?",
        choices=[
            'Dimples appear',
            'No dimples: losing fat can reveal an anchor, it cannot create one',
            'Dimples appear on one side only',
            'Dimples appear higher up, at L4',
        ],
        correct=1,
        feedback=[
            'With no anchor, the model shows no pit at any fat thickness.',
            ('Fat loss makes an existing anchored dimple deeper and sharper; where there is no anchor, there is '
             'nothing to reveal.'),
            'The model is symmetric; and with no anchor, neither side has a pit.',
            'Nothing in the model or the anatomy puts a dimple at L4.',
        ],
        reread='05 can you get them, the section on fat loss',
    ),
    "everyone_has_them": dict(
        question='Does everyone have the dimples, hidden under the fat?',
        choices=[
            'Yes, everyone has them',
            'No: whether the anchoring is present varies between people, and how often has not been well measured',
            'Exactly a quarter of men and most women have them',
            'Only people who exercise have them',
        ],
        correct=1,
        feedback=[
            'Some people with very little fat have no dimples, so the anchoring is not universal.',
            ('The prevalence figures on popular pages have no source; the one MRI study compared people with and '
             'without dimples.'),
            'These figures appear only on popular pages, without a source.',
            "Exercise changes muscle, not the skin's anchoring.",
        ],
        reread='05 can you get them, the section on genetics',
    ),
    "kybella_approval": dict(
        question='What is the injectable fat-dissolving drug deoxycholic acid (Kybella) approved for in the USA?',
        choices=[
            'Fat under the chin only; use anywhere else is off-label',
            'The lower back',
            'Any area of fat',
            'Creating dimples',
        ],
        correct=0,
        feedback=[
            ('Its label covers only submental fat and says safe and effective use elsewhere has not been established '
             'and is not recommended.'),
            'It is not approved for the back; using it there would be off-label.',
            'Its approval covers one area: under the chin.',
            'No drug is approved to create dimples.',
        ],
        reread='05 can you get them, the section on cosmetic procedures',
    ),
}


def quiz(key: str) -> Quiz:
    """The quiz of notebook 06 called ``key``, one of :data:`QUIZZES`.

    Parameters
    ----------
    key : str
        A key of :data:`QUIZZES`.

    Returns
    -------
    dimples.widgets.Quiz
        The multiple-choice widget, with feedback for every choice.

    Raises
    ------
    ValueError
        If ``key`` is not in :data:`QUIZZES`.
    """
    return quiz_from(QUIZZES, key, "quiz of notebook 06")
