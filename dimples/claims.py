"""The course's claims about getting the dimples, each with its evidence level.

Notebook 05 asks "can you get them?" and answers claim by claim. Every claim
it weighs lives here once, as data: what is claimed, how firm the evidence
is, which sources (keys of :mod:`dimples.references`) stand behind the
verdict, and what the kit concludes in plain words. The notebook renders the
table with :func:`claims_table` and marks single claims with
:func:`evidence_marker`; a test checks every source key exists.

Evidence levels follow ``shared/science/FACTS.md`` and
:data:`dimples.references.FIRMNESS`:

``"firm"``
    An anatomy reference, a peer-reviewed study of a reasonable size, or a
    regulator says it.
``"weak"``
    A single small study, a case series without a comparison group, a
    secondary page, or an inference from firm anatomy that no study has
    tested directly.
``"unsupported"``
    Found only in popular pages, without a source; shown only as a claim
    being examined.

The level is the level of the *evidence for the claim as worded*, not a
verdict on whether the claim is true: "exercise creates dimples" is
unsupported (no evidence for it), and the kit's answer to it is given in
``verdict``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dimples.base import lookup
from dimples.references import FIRMNESS, REFERENCES

__all__ = ["Claim", "CLAIMS", "LEVEL_WORDS", "TOPICS", "get", "evidence_marker", "claims_table", "claims_by_topic",
           "topic_table"]

#: One plain-language gloss per evidence level (shown under the table).
LEVEL_WORDS: dict[str, str] = {
    "firm": "an anatomy reference, a peer-reviewed study or a regulator says it",
    "weak": "one small study, a case series with no comparison group, or an untested inference from the anatomy",
    "unsupported": "found only in popular pages, with no source behind it",
}

#: Topics in the order notebook 05 takes them.
TOPICS: tuple[str, ...] = ("genetics", "exercise", "fat loss", "procedures")


@dataclass(frozen=True)
class Claim:
    """One claim the course weighs.

    Attributes
    ----------
    key : str
        Short identifier, e.g. ``"exercise_creates"``.
    topic : str
        One of :data:`TOPICS`.
    claim : str
        The claim as people make it (one sentence).
    level : str
        Evidence level for the claim as worded: one of
        :data:`dimples.references.FIRMNESS`.
    sources : tuple of str
        Citation keys behind the verdict (may be empty when no source
        exists, which is itself the point).
    verdict : str
        What the kit concludes, in one or two plain sentences.
    """

    key: str
    topic: str
    claim: str
    level: str
    sources: tuple[str, ...]
    verdict: str


_CLAIMS = [
    # --- genetics -------------------------------------------------------------
    Claim("genes_predetermine", "genetics",
          "Whether you have the dimples is largely predetermined by your genes.",
          "unsupported", ("Wikipedia2024",),
          "Plausible, because the anchoring is part of a person's build, but no study of how the trait is "
          "inherited was found. Say 'thought to be partly inherited', not 'genetic'."),
    Claim("autosomal_dominant", "genetics",
          "The dimples are inherited as an autosomal dominant trait.",
          "unsupported", (),
          "Appears only in popular pages, with no family or twin study behind it."),
    Claim("prevalence_figures", "genetics",
          "Most women and about a quarter of men have them (or '19.4 % vs 41.9 %').",
          "unsupported", (),
          "No source found. How often the anchoring is present has not been well measured."),
    Claim("pelvic_incidence", "genetics",
          "People with the dimples differ in the bones of the lower back.",
          "weak", ("Aytekin2023",),
          "One study of 370 patients who had a lumbar MRI: those with dimples had a higher pelvic incidence "
          "angle and more sagittally oriented L5-S1 facet joints, and no more low back pain. One study; not yet "
          "repeated."),
    Claim("muscle_defect", "genetics",
          "The dimples are pits left where muscle does not cover the PSIS (a 'muscle defect').",
          "weak", ("Aytekin2023",),
          "The reading of that study's authors, beside the anchoring account: the erector spinae medially and "
          "gluteus maximus below and to the side leave the PSIS uncovered. Neither account has been tested "
          "directly; they may both be part of the answer."),
    # --- exercise -------------------------------------------------------------
    Claim("exercise_creates", "exercise",
          "The dimples are muscles: train the lower back or glutes and they will appear.",
          "unsupported", ("Moore2006", "Kenhub2023"),
          "The dimple overlies the PSIS, where no muscle belly covers the bone and skin is anchored to the "
          "deep layers. A tether is not a muscle: training changes muscle, not the anchoring. In the kit's model, "
          "more muscle around the PSIS deepens an existing hollow; no study has tested that."),
    Claim("over_the_psis", "exercise",
          "Each dimple lies over a posterior superior iliac spine.",
          "firm", ("Moore2006", "Kenhub2023"),
          "Anatomy references place the dimple over the PSIS, where no muscle belly covers the bone."),
    Claim("anchor_over_psis", "exercise",
          "Each dimple marks skin anchored to the deep layers over the PSIS.",
          "weak", ("Kenhub2023", "Nash2004", "Aytekin2023"),
          "The usual account, and the one the kit's model assumes. Skin ligaments joining dermis to deep fascia "
          "exist over most of the body but have not been measured at the PSIS, and the mechanism is disputed: "
          "a study's authors read the dimples as a muscle defect instead."),
    Claim("dimple_ligament", "exercise",
          "A short, named ligament runs from the PSIS to the skin.",
          "unsupported", ("Wikipedia2024",),
          "The anchoring is real; a named 'dimple ligament' is not in the anatomy references."),
    # --- fat loss ---------------------------------------------------------------
    Claim("fat_loss_reveals", "fat loss",
          "Losing fat can make existing dimples easier to see.",
          "weak", (),
          "No study has measured it. In the kit's model it holds where the anchoring is weak or absent (less fat "
          "fills less of the hollow) and fails where it is stiff (the skin around the held point sinks with the "
          "fat), and the anchoring's stiffness has not been measured in anyone."),
    Claim("spot_reduction", "fat loss",
          "Exercises for the lower back (hyperextensions, bridges) burn the fat around the dimples.",
          "unsupported", ("Vispute2011", "RamirezCampillo2013", "Katch1984", "Hall2012"),
          "Trials find no spot reduction: exercising one region does not remove the fat over it. Fat is lost "
          "from the whole body when less energy comes in than goes out, by diet, activity or both."),
    Claim("fat_loss_creates", "fat loss",
          "Losing fat will give anyone dimples.",
          "unsupported", (),
          "No study supports it. In the anchoring account there is nothing to reveal where the skin is not "
          "anchored and no muscle-free window over the bone; fat loss changes neither."),
    Claim("threshold_22_32", "fat loss",
          "A body fat percentage of around 22 % in women and 32 % in men may improve their visibility.",
          "unsupported", ("Wikipedia2024", "ACE2009"),
          "No study found. 32 % is in the 'obese' band for men on the American Council on Exercise's own "
          "table, so the figure looks like a misread table."),
    # --- procedures ---------------------------------------------------------------
    Claim("vaser_hd", "procedures",
          "High-definition liposculpture can sculpt the contours of the back.",
          "weak", ("Hoyos2007",),
          "One surgeon-reported series of 306 patients, no comparison group: 84 % 'satisfactory'; 20 seromas, "
          "9 port-site burns and 5 cases of prolonged swelling. Surgery with real risks; not a kit "
          "recommendation."),
    Claim("dimple_positions", "procedures",
          "Surgeons can place 'sacral dimples' where they choose.",
          "weak", ("Abboud2021",),
          "One series of 101 patients describes where the authors mark the sacral diamond and dimples before "
          "liposuction and fat grafting; results are judged by the surgeons themselves."),
    Claim("kybella_approved", "procedures",
          "An injectable fat-dissolving drug (deoxycholic acid, Kybella) is approved for the lower back.",
          "unsupported", ("FDA2015",),
          "It is not. The US label covers only fat under the chin; its safe and effective use elsewhere "
          "'has not been established and is not recommended'. Any use on the back is off-label."),
]

#: Every claim by key, in notebook order.
CLAIMS: dict[str, Claim] = {c.key: c for c in _CLAIMS}
if len(CLAIMS) != len(_CLAIMS):  # pragma: no cover - guards the table itself
    raise RuntimeError("duplicate claim keys in dimples.claims")
for _c in _CLAIMS:  # pragma: no cover - guards the table itself
    if _c.level not in FIRMNESS or _c.topic not in TOPICS:
        raise RuntimeError(f"claim {_c.key!r}: bad level {_c.level!r} or topic {_c.topic!r}")
    for _k in _c.sources:
        if _k not in REFERENCES:
            raise RuntimeError(f"claim {_c.key!r}: source {_k!r} is not in dimples.references")


def get(key: str) -> Claim:
    """Return the claim with this key.

    Parameters
    ----------
    key : str
        A key of :data:`CLAIMS`, e.g. ``"exercise_creates"``.

    Returns
    -------
    Claim
        The claim with its evidence level, sources and verdict.

    Raises
    ------
    ValueError
        If ``key`` is not a claim key.
    """
    return lookup(CLAIMS, key, "claim in dimples.claims")


def evidence_marker(level: str) -> str:
    """The evidence marker for a level, as Markdown: words, never colour alone.

    Parameters
    ----------
    level : str
        One of ``"firm"``, ``"weak"``, ``"unsupported"``.

    Returns
    -------
    str
        e.g. ``"**Evidence: firm**"``.

    Raises
    ------
    ValueError
        If ``level`` is not a known level.
    """
    if level not in FIRMNESS:
        raise ValueError(f"level={level!r}: expected one of {FIRMNESS}")
    return f"**Evidence: {level}**"


def claims_by_topic(topic: str) -> list[Claim]:
    """The claims on one topic, in order.

    Parameters
    ----------
    topic : str
        One of :data:`TOPICS`.

    Returns
    -------
    list of Claim
        The topic's claims, in notebook order.

    Raises
    ------
    ValueError
        If ``topic`` is not one of :data:`TOPICS`.
    """
    if topic not in TOPICS:
        raise ValueError(f"topic={topic!r}: expected one of {TOPICS}")
    return [c for c in _CLAIMS if c.topic == topic]


def claims_table(keys=None, *, legend: bool = True) -> str:
    """The claims as a Markdown table: claim, evidence level, sources, what the kit says.

    Parameters
    ----------
    keys : iterable of str, optional
        Which claims, in this order (default: all, in notebook order).
    legend : bool
        Add one line per evidence level used, saying what it means (default True).

    Returns
    -------
    str
        Markdown text; display it with ``IPython.display.Markdown``.

    Raises
    ------
    ValueError
        If a key is unknown or ``keys`` is empty.
    """
    if keys is None:
        chosen = list(_CLAIMS)
    else:
        if isinstance(keys, str):
            raise ValueError(f"keys={keys!r}: expected a list of claim keys, not one string")
        chosen = [get(k) for k in keys]
        if not chosen:
            raise ValueError("keys=[]: expected at least one claim key")
    rows = ["| claim | evidence | sources | what the kit says |", "|---|---|---|---|"]
    for c in chosen:
        src = ", ".join(f"[{k}]" for k in c.sources) if c.sources else "none found"
        rows.append(f"| {c.claim} | {evidence_marker(c.level)} | {src} | {c.verdict} |")
    text = "\n".join(rows)
    if legend:
        used = [lv for lv in FIRMNESS if any(c.level == lv for c in chosen)]
        text += "\n\n" + "  \n".join(f"*{lv}*: {LEVEL_WORDS[lv]}." for lv in used)
    return text


def topic_table(topic: str, *, legend: bool = False) -> str:
    """The claims on one topic as a Markdown table (see :func:`claims_table`).

    Parameters
    ----------
    topic : str
        One of :data:`TOPICS`.
    legend : bool
        Add the meaning of each evidence level used (default False).

    Returns
    -------
    str
        Markdown text; display it with ``IPython.display.Markdown``.

    Raises
    ------
    ValueError
        If ``topic`` is not one of :data:`TOPICS`.
    """
    return claims_table([c.key for c in claims_by_topic(topic)], legend=legend)
