"""Notebook 07, review: the self-check quizzes and the labelling exercise.

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
from dimples.widgets import Picture, Quiz, quiz_picker

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
           "The intercristal line joins the tops of the iliac crests, nominally at L4: about three vertebral levels "
           "above the S2 line (L4 -> L5 -> S1 -> S2)."),
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
                            feedback, reread=reread, compact=True, label=f"Marker {m.number}"))
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
            'The L5 spinous process, at the bottom of the lumbar spine',
            'A muscle belly of gluteus maximus, whose edge forms the hollow',
            'The posterior superior iliac spine (PSIS), at the back end of the iliac crest',
            'The anterior superior iliac spine (ASIS), the bony knob at one end of the iliac crest',
        ],
        correct=2,
        feedback=[
            "L5 is in the midline, higher up; the dimples are a hand's width apart, one on each side.",
            "Gluteus maximus arises below and lateral to the PSIS; no muscle belly covers the PSIS's tip.",
            'Each dimple sits over the bony knob at the back end of the iliac crest, where no muscle covers the bone.',
            ('The ASIS is the front end of the iliac crest, at the front of the pelvis; the dimples lie over its back '
             'end, the PSIS.'),
        ],
        reread='01 surface anatomy, the section on what lies under the dimples',
    ),
    "dimple_line_level": dict(
        question=('A line drawn across the back through both dimples crosses the midline at which level in most '
                  'people?'),
        choices=[
            'S2, the second sacral segment, on the back of the sacrum',
            'L4, where the line through the tops of the iliac crests crosses',
            'The top of the gluteal cleft, the lower corner of the Michaelis rhombus',
            'L5-S1, the gap between the last lumbar vertebra and the sacrum',
        ],
        correct=0,
        feedback=[
            'On CT scans the line through both PSIS crossed S2 in about four people in five [McGaugh2007].',
            ("L4 is where Tuffier's line (through the crest tops) is nominally said to cross, about three levels above "
             'the dimple line, and even that varies.'),
            'The top of the gluteal cleft is the lower corner of the Michaelis rhombus, below the dimple line.',
            ('The L5-S1 gap lies above the first sacral segment; the dimple line crosses the sacrum lower down, at the '
             'second.'),
        ],
        reread="01 surface anatomy, the section on the S2 line and Tuffier's line",
    ),
    "tuffier_vs_dimple_line": dict(
        question="How do Tuffier's line (through the tops of the iliac crests) and the dimple line compare?",
        choices=[
            'They are the same line: both run through the two dimples, at about L4',
            "Tuffier's line lies lower, at about S3, below the level of the two dimples",
            "Tuffier's line lies one level higher, at L5, and is the steadier of the two",
            "Tuffier's line lies about three levels higher (L4 against S2) and varies more",
        ],
        correct=3,
        feedback=[
            ("A common mix-up: the crest tops are well above the PSIS, so the two lines differ; Tuffier's line is the "
             'one nominally at L4.'),
            'The iliac crest tops are above the PSIS, not below them.',
            ("Tuffier's line is nominally at L4, three levels above S2 (L4 -> L5 -> S1 -> S2), and it is the less "
             'reliable of the two lines [McGaugh2007].'),
            ("Tuffier's line is nominally at L4, three levels above the PSIS line at S2 (L4 -> L5 -> S1 -> S2). Its "
             'level also varies: on ultrasound it lay anywhere from L1-L2 to L5-S1 [EJIM2021].'),
        ],
        reread="01 surface anatomy, the section on the S2 line and Tuffier's line",
    ),
    "joint_type": dict(
        question='What kind of joint is the sacroiliac joint?',
        choices=[
            'A hinge joint whose ridged surfaces let the pelvis bend forward like a knee',
            'A joint solidly fused in every adult, with no movement between sacrum and ilium',
            'A synovial plane joint, partly fibrous, that allows only small movements',
            'A ball-and-socket joint like the hip, which lets the sacrum swivel freely',
        ],
        correct=2,
        feedback=[
            'It does not bend; its surfaces glide and rotate a little.',
            'It does move, though only a little; it can fuse in some diseases and in old age.',
            ('Its ridged, nearly flat surfaces and strong ligaments allow small glides and the nodding called '
             'nutation.'),
            "The hip joint is the ball and socket; the sacroiliac joint's surfaces are nearly flat.",
        ],
        reread='02 sacroiliac joint, the sections on the joint and its movements',
    ),
    "joint_movement": dict(
        question="How much does a healthy adult's sacroiliac joint move, measured in living people?",
        choices=[
            'About 20 degrees of rotation, about as much as a finger joint bends',
            'A few degrees of rotation at most, and translation under about 2 mm',
            'None at all: once growth ends, the joint is locked and cannot move',
            'Several centimetres of gliding between sacrum and ilium at every step',
        ],
        correct=1,
        feedback=[
            'That is far more than any measurement in living people.',
            ('Radiostereometric studies in living people found rotations of about 2 degrees, never more than a few, '
             'and under 2 mm of translation.'),
            'It does move, a little; the movements are small but measurable.',
            'No measurement comes close; the joint is held tight by very strong ligaments.',
        ],
        reread='02 sacroiliac joint, the section on how much it moves',
    ),
    "what_holds_skin": dict(
        question='What holds the skin down over the PSIS, according to anatomy references?',
        choices=[
            "A short, named 'dimple ligament' that ties the PSIS directly to the skin",
            'The tendon of gluteus maximus, which inserts into the skin over the PSIS',
            'Nothing: the skin there is free, and the pit is a gap in the muscle below',
            'Fibrous connections from the skin to the deep fascia; no named ligament',
        ],
        correct=3,
        feedback=[
            'This appears on popular pages and an uncited Wikipedia sentence, not in the anatomy references.',
            'Gluteus maximus arises below and lateral to the PSIS; it has no tendon into the skin of the dimple.',
            ("The authors of one study read the dimples as a 'muscle defect' [Aytekin2023], a competing explanation; "
             'the anatomy references describe skin adhering over the uncovered bone, and free skin would leave no '
             'pit.'),
            ('Skin ligaments joining the dermis to the deep fascia exist over most of the body; over the PSIS the '
             'skin adheres where no muscle covers the bone.'),
        ],
        reread='02 sacroiliac joint, the section on what anchors the skin',
    ),
    "thicker_fat": dict(
        question=("In the kit's model, the fat over the PSIS gets thicker. What happens to the pit, and what "
                  'decides it?'),
        choices=[
            'It depends on the anchoring: a rigid one deepens it, a weak one lets it fill',
            'It always fills in and fades, because the fat spreads over the bone and hides it',
            "It moves up the back, towards Tuffier's line at about L4, as the fat piles up",
            'Nothing changes at all: the anchoring alone sets how deep the pit is, whatever the fat',
        ],
        correct=0,
        feedback=[
            ('Yes: fat fills the hollow and pushes the skin out around a held point; which wins depends on the '
             "anchoring's stiffness, which nobody has measured (notebook 03, Figure 4)."),
            'That is what the model does with a weak anchoring or none; a rigid one holds the skin while fat rises.',
            'The pit stays over the PSIS at S2 whatever the fat does.',
            'The fat changes the pit: under a rigid anchoring it deepens as the fat thickens (notebook 03).',
        ],
        reread="03 how a dimple forms, the section 'The anchoring: slack to rigid'",
    ),
    "no_anchor_more_muscle": dict(
        question=("In the kit's model, there is no anchoring and the muscle around the PSIS gets thicker. "
                  'What happens?'),
        choices=[
            'Nothing happens at all, because muscle only moves the whole of the back outwards evenly',
            'A hollow appears only once the fat over the muscle is very thin',
            'A hollow forms and deepens, because the muscle stops at the uncovered PSIS',
            'Two dimples appear higher up, at the level of L4',
        ],
        correct=2,
        feedback=[
            'In the model the muscle stops at the PSIS, so more of it raises the rim around the bone.',
            'The hollow is there at every fat thickness; thicker fat fills it a little more.',
            ('Yes, in the model: a window in the muscle over the bone makes a hollow even with no anchoring '
             '(the muscle-defect reading). No study has measured this in people.'),
            'Nothing in the model puts a pit at L4.',
        ],
        reread="03 how a dimple forms, the section 'What muscle does'",
    ),
    "why_illustrative": dict(
        question="Why does the kit call its model 'illustrative'?",
        choices=[
            'Because it was fitted to ultrasound measurements of dimples taken in a small group of people',
            'Because no published dimple model exists; it states its assumptions and assumes some values',
            'Because it is only a drawing of a dimple, with no calculation behind the shapes',
            'Because it is a screening tool that tells who has the anchoring, not a treatment',
        ],
        correct=1,
        feedback=[
            'No study has measured how dimples change with fat; nothing was fitted.',
            ('It shows how an anchor under a soft layer could behave, not what happens in people; notebook 04 lists '
             'every assumption in one table.'),
            'It does calculate: the surface is computed from the anchor and the layer thickness.',
            'It is a teaching aid, not a clinical tool; it cannot tell whether anyone has the anchoring.',
        ],
        reread="03 how a dimple forms, section 'What the model assumes, and cannot tell' (full table in 04)",
    ),
    "claim_22_32": dict(
        question=("A popular page says 'a body fat percentage of around 22 % in women and 32 % in men may improve "
                  "their visibility'. What does the evidence say?"),
        choices=[
            'It comes from a controlled study that measured dimples at set levels of body fat',
            'It follows from the Siri equation, which links body fat to the skin over the PSIS',
            'It comes from a lumbar MRI study that measured back fat in people with dimples',
            "No study was found, and 32 % is 'obese' for men on the table it seems to come from",
        ],
        correct=3,
        feedback=[
            "No such study was found; the sentence traces to an uncited line about an 'American Exercise Council'.",
            'The Siri equation turns body density into body fat; it says nothing about dimples.',
            ('The one study of dimples found, of 370 patients who had a lumbar MRI [Aytekin2023], compared the pelvis '
             'and spine of people with and without dimples; it was not a study of body fat.'),
            ("It looks like a misread body-fat table. In the kit's illustrative model there is no single threshold "
             'either: visibility fades gradually.'),
        ],
        reread='04 body fat and visibility, the section on the 22 % / 32 % claim',
    ),
    "suprailiac_site": dict(
        question="Where is the suprailiac skinfold taken, the one the kit's body-fat chain uses?",
        choices=[
            'On the side of the trunk just above the iliac crest, forward of the PSIS',
            'Directly over the PSIS, in the dimple itself, where the back fat is read',
            'On the back of the upper arm, halfway between the shoulder and the elbow',
            'On the front of the thigh, halfway between the hip and the top of the knee',
        ],
        correct=0,
        feedback=[
            'It is near, but not at, the dimple; the notebook says so and treats the regional difference as assumed.',
            'No standard skinfold site is over the PSIS; that is why using the suprailiac site is an assumption.',
            'That is the triceps site.',
            'That is the thigh site.',
        ],
        reread='04 body fat and visibility, the section on skinfolds',
    ),
    "when_visible": dict(
        question="When does the kit's model call a dimple 'visible'?",
        choices=[
            'When the pit is deeper than 1 cm, measured from the skin around it to its floor',
            'When its shading contrast with nearby skin exceeds about 1-2 % (the Weber fraction)',
            'When body fat is below 22 % in women or 32 % in men, the figures on popular pages',
            'Always, as long as the anchor is present, whatever the thickness of fat over it',
        ],
        correct=1,
        feedback=[
            'Depth alone does not decide it: a wide, shallow pit can be hard to see.',
            ('The eye notices a brightness difference of about 1-2 % on a large even field; the model compares the '
             "dimple's contrast with that."),
            ("The model has no body-fat threshold; the popular line says only that those figures 'may improve their "
             "visibility', and no study stands behind it."),
            'With a thick fat layer an anchored dimple can be too faint to see.',
        ],
        reread='04 body fat and visibility, the section on contrast and the eye',
    ),
    "no_anchor_fat_loss": dict(
        question="Someone with no anchoring over the PSIS loses a lot of body fat. What does the kit's model say?",
        choices=[
            'Dimples appear once body fat is low enough, whatever does or does not hold the skin',
            'Dimples appear, but on one side only, where the skin is thinnest',
            'Dimples appear higher up, at L4, where the crests are nearest the skin',
            'No new anchoring: losing fat may reveal a hollow, it cannot create the anchor',
        ],
        correct=3,
        feedback=[
            'Fat loss cannot create an anchoring; in the model what it can do is deepen a hollow the muscle leaves.',
            'The model is symmetric: both sides change alike.',
            'Nothing in the model or the anatomy puts a dimple at L4.',
            ('Fat loss cannot create an anchoring; in the model it may deepen a hollow the muscle leaves, which is '
             'not a new dimple, and nobody has measured any of it.'),
        ],
        reread='05 can you get them, the section on fat loss',
    ),
    "everyone_has_them": dict(
        question='Does everyone have the dimples, hidden under the fat?',
        choices=[
            'Yes: everyone has the anchoring, so they show once body fat is low enough',
            'No: about a quarter of men and most women have them, as surveys have shown',
            'No: whether the anchoring is present varies, and how often is not well measured',
            'No: only people who train the lower back build the muscle that forms them',
        ],
        correct=2,
        feedback=[
            'Some people with very little fat have no dimples, so the anchoring is not universal.',
            'These figures appear only on popular pages, without a source; no survey behind them was found.',
            ('The prevalence figures on popular pages have no source. The one study of dimples found, of 370 patients '
             'who had a lumbar MRI [Aytekin2023], compared people with and without them; patients sent for an MRI '
             'are not a sample of everyone.'),
            "Exercise changes muscle, not the skin's anchoring; a tether is not a muscle you can train.",
        ],
        reread='05 can you get them, the section on genetics',
    ),
    "kybella_approval": dict(
        question='What is the injectable fat-dissolving drug deoxycholic acid (Kybella) approved for in the USA?',
        choices=[
            'Fat on the lower back and flanks, in small doses given by a clinician',
            'Fat under the chin only; use anywhere else is off-label',
            'Any area of unwanted fat, as long as the dose is kept low',
            'Shaping the sacral diamond and creating back dimples',
        ],
        correct=1,
        feedback=[
            'It is not approved for the back; using it there would be off-label.',
            ('Its label covers only submental fat and says safe and effective use elsewhere has not been established '
             'and is not recommended.'),
            'Its approval covers one area: under the chin.',
            'No drug is approved to create dimples.',
        ],
        reread='05 can you get them, the section on cosmetic procedures',
    ),
    "counting_levels": dict(
        question="Before a lumbar puncture, why is counting from the line through both PSIS often firmer than "
                 "trusting Tuffier's line alone?",
        choices=[
            "The PSIS line matched S2 in 81 % of CT scans, while Tuffier's line matched L4 in only 59 %",
            "Tuffier's line is drawn through the PSIS themselves, so both lines give exactly the same level",
            "The PSIS line lies on the lowest rib, which can be felt clearly through fat in everyone",
            "Tuffier's line is always one space lower than taught, so it must be corrected by one level",
        ],
        correct=0,
        feedback=[
            "On 100 CT scans the PSIS line matched S2 more often than Tuffier's line matched L4 [McGaugh2007]; "
            "both are estimates, and palpation adds its own error.",
            "Tuffier's line joins the tops of the iliac crests, well above the PSIS; the two lines are about "
            "three levels apart.",
            "The PSIS are on the pelvis, at the back ends of the iliac crests; the ribs are far higher.",
            "Its error is not a fixed one-level shift: it varies from person to person, in both directions.",
        ],
        reread="06 the landmarks at work, the section on why Tuffier's line matters",
    ),
    "laslett_cluster": dict(
        question="Three or more of six sacroiliac provocation tests are positive. What does Laslett's study let "
                 "you say?",
        choices=[
            "The cluster is best at ruling the joint out when it is negative; a positive result only raises "
            "the likelihood",
            "The joint is certainly the source of the pain, because the cluster never gives a false positive",
            "The tests show that the sacroiliac joint has slipped out of place and must be manipulated back into position",
            "Nothing at all, because provocation tests have never been compared with an anaesthetic injection",
        ],
        correct=0,
        feedback=[
            "In 48 patients checked by anaesthetic injection, sensitivity was 94 % and specificity 78 % "
            "[Laslett2005]: few with joint pain are missed, but some positives have pain from elsewhere.",
            "Specificity below 100 % means some positive clusters come from pain elsewhere.",
            "Living joints move only a degree or two; the tests provoke pain, they do not find a displaced joint.",
            "They were: Laslett's study checked the tests against anaesthetic injection into the joint.",
        ],
        reread="06 the landmarks at work, the section on sacroiliac provocation tests",
    ),
    "graft_harvest": dict(
        question="A surgeon takes bone graft from the posterior iliac crest. Which nerves make a long incision "
                 "lateral to the PSIS risky?",
        choices=[
            "The superior cluneal nerves, which crossed the crest about 5.7 cm from the PSIS in a cadaver study",
            "The sciatic nerve, which runs along the top of the iliac crest just under the skin of the lower back on each side",
            "The femoral nerve, which crosses the back of the pelvis between the two dimples at the S2 level",
            "No nerves cross the crest there, so the only risk of a long incision is a larger scar",
        ],
        correct=0,
        feedback=[
            "They crossed at 5.7 +/- 1.2 cm and under 5 cm in 23 % of sides [Cluneal2013], closer than the "
            "textbook 7-8 cm.",
            "The sciatic nerve leaves the pelvis through the greater sciatic notch, deep and lower down, not along "
            "the crest.",
            "The femoral nerve runs in front of the hip, not across the back of the pelvis.",
            "The superior cluneal nerves cross the crest lateral to the PSIS; cutting them can leave numbness or "
            "pain over the buttock.",
        ],
        reread="06 the landmarks at work, the section on procedures at the PSIS",
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "07", __name__)
