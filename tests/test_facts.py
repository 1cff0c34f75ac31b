"""Sourced figures live once, in dimples.facts, and the prose agrees with them.

Two kinds of check:

(a) the registry itself: every :class:`dimples.facts.Fact` has a source key
    in dimples.references, a unit from :data:`dimples.facts.UNITS`, finite
    values, a known firmness; figures that live in another module are that
    module's constant, not a copy.

(b) THE CONSISTENCY CHECK. The teaching text is the Markdown of every course
    notebook, the glossary and the instructor guide, plus the string
    constants of the notebooks' code cells, the quiz text of every view module
    (:mod:`dimples.views`, questions, choices and feedback) and the labelling markers,
    plus the claim and verdict texts of :mod:`dimples.claims` (checked
    against each claim's own ``sources``).
    The text is cut into blocks (lines, i.e. paragraphs and list items;
    table cells), the blocks into sentences. In every sentence that cites
    ``[Key2000]``, each number that carries a unit is extracted (see
    :func:`quantities`) and must equal a value of a fact whose
    ``source_key`` is one of the sentence's cited keys (and whose unit
    matches, when the prose gives one). A sentence without a citation in a
    paragraph that has one (a figure quoted in the sentence after its
    citation) is checked against the paragraph's keys; text with no
    citation in its paragraph is not checked.

What counts as a number with a unit (:func:`quantities`):

* a number or a range / mean +/- sd followed by ``%``, ``cm``, ``mm``,
  ``degrees``/``deg``/``°``, ``years``, ``finger widths``
  (``"81 %"``, ``"7-8 cm"``, ``"5.7 +/- 1.2 cm"``, ``"1-2 %"``);
* ``kappa 0.27``; ``n = 370``; ``aged 20-50``; a count of people or items
  (``"370 people"``, ``"100 CT scans"``, ``"48 patients"``);
* the two numbers of a density equation ``%BF = 495 / D - 450``;
* any other number with a decimal point (``"3.05"``, ``"6.5"``), unit-less.

Ignored: whole numbers without a unit (years such as 2015, notebook numbers
such as 02, "Figure 3", "Exercise 1", "TA2 273"), vertebral levels (S2, L4,
L5-S1: the digit follows a letter), numbers in link targets and inline code,
and numbers the sentence itself marks as the kit's own assumption
("0.30, assumed").

Numbers that are not literature figures but sit in a cited sentence (the
arithmetic of a worked answer, the model's grid) are listed in
:data:`ALLOWED`, each with its reason; an entry nothing uses fails too, so
the list cannot go stale.
"""

from __future__ import annotations

import ast
import importlib
import json
import math
import pkgutil
import re
from pathlib import Path

import pytest

import dimples.views
from dimples import bodyfat, render, thickness
from dimples.anatomy import landmarks
from dimples.claims import CLAIMS
from dimples.facts import FACTS, KINDS, UNITS, fact, facts_for, format_fact
from dimples.references import CITATION_PATTERN, FIRMNESS, REFERENCES
from dimples.views import nb07_review

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_NOTEBOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
TEXT_FILES = [NOTEBOOKS / "glossary.md", NOTEBOOKS / "instructor_guide.md"]

# --------------------------------------------------------------------------- (a) the registry


@pytest.mark.parametrize("name", sorted(FACTS))
def test_fact_is_well_formed(name):
    f = FACTS[name]
    assert f.name == name
    assert f.source_key in REFERENCES, f"{name}: source {f.source_key!r} not in dimples.references"
    assert f.unit in UNITS, f"{name}: unit {f.unit!r} not in {UNITS}"
    assert f.firmness in FIRMNESS
    assert f.kind in KINDS
    assert all(math.isfinite(v) for v in f.values), f"{name}: {f.value!r}"
    assert f.statement.strip(), f"{name}: empty statement"
    if f.kind == "range":
        assert f.values[0] < f.values[1], f"{name}: range {f.value!r} not increasing"
    if f.kind == "mean_sd":
        assert f.values[1] > 0, f"{name}: sd must be positive"


def test_no_figure_is_registered_twice():
    seen = {}
    for f in FACTS.values():
        key = (f.source_key, f.unit, f.kind, f.values)
        assert key not in seen, f"{f.name} duplicates {seen[key]}"
        seen[key] = f.name


def test_figures_living_elsewhere_are_referenced_not_copied():
    assert fact("inter_dimple_cm").value == landmarks.INTER_DIMPLE_CM
    assert fact("inter_dimple_cm").source_key == landmarks.INTER_DIMPLE_SOURCE
    assert fact("inter_dimple_kenhub_cm").value == landmarks.INTER_DIMPLE_KENHUB_CM
    assert fact("dermis_mm").value == thickness.DERMIS_MM
    assert fact("fold_to_fat_ratio_women").value == thickness.FOLD_TO_FAT_RATIO["female"]
    assert fact("fold_to_fat_ratio_men").value == thickness.FOLD_TO_FAT_RATIO["male"]
    assert fact("claim_s1_women_percent").value == bodyfat.CLAIM_S1_PERCENT["female"]
    assert fact("claim_s1_men_percent").value == bodyfat.CLAIM_S1_PERCENT["male"]
    assert fact("visibility_threshold_percent").value == pytest.approx(100 * render.VISIBILITY_THRESHOLD)
    assert fact("weber_fraction_percent").values == pytest.approx([100 * v for v in render.WEBER_FRACTION_RANGE])
    # The coefficients the prose quotes are the ones the functions use.
    a, b = fact("siri_a").value, fact("siri_b").value
    assert bodyfat.siri_percent_fat(1.05) == pytest.approx(a / 1.05 - b)
    a, b = fact("brozek_a").value, fact("brozek_b").value
    assert bodyfat.brozek_percent_fat(1.05) == pytest.approx(a / 1.05 - b)
    for sex, bands in bodyfat.ACE_CATEGORIES.items():
        for label, low, _high in bands:
            assert fact(f"ace_{sex}_{label.replace(' ', '_')}_percent").values[0] == low


@pytest.mark.parametrize("name, text", [
    ("psis_line_s2_percent", "81 %"),
    ("cluneal_distance_cm", "5.7 +/- 1.2 cm"),
    ("inter_dimple_vaginal_cm", "10.59 +/- 0.55 cm"),
    ("si_rotation_mean_deg", "1.7 degrees"),
    ("psis_asymmetry_kappa", "kappa 0.27"),
    ("aytekin_patients_n", "n = 370"),
    ("cluneal_textbook_cm", "7-8 cm"),
    ("weber_fraction_percent", "1-2 %"),
    ("brozek_b", "414.2"),
])
def test_format_fact(name, text):
    assert format_fact(name) == text


@pytest.mark.parametrize("bad", ["nope", "", None, 81])
def test_unknown_fact_raises(bad):
    with pytest.raises(ValueError, match="name="):
        fact(bad)
    with pytest.raises(ValueError, match="name="):
        format_fact(bad)


def test_facts_for():
    assert {f.name for f in facts_for("Laslett2005")} >= {"laslett_sensitivity_percent", "laslett_patients_n"}
    with pytest.raises(ValueError, match="source_key="):
        facts_for("Nobody1999")


# --------------------------------------------------------------------------- extracting numbers

_NUM = r"\d+(?:\.\d+)?"
_START = r"(?<![A-Za-z0-9.])"   # not the 2 of S2/L4/TA2, not the tail of 1.2.3
_UNIT = r"%|cm\b|mm\b|degrees?\b|deg\b|°|years?\b|finger widths?\b"
_COUNT_NOUN = r"patients|people|women|men|adults|sides|scans|bodies|volunteers|studies|cadavers"
_COUNT_ADJ = r"CT|MRI|pregnant|healthy|consecutive|adult|living"
_UNIT_NAMES = {"degree": "deg", "degrees": "deg", "deg": "deg", "°": "deg", "year": "years", "years": "years",
               "finger width": "finger widths", "finger widths": "finger widths"}

#: (pattern, unit) in priority order; later patterns skip text an earlier one took.
_PATTERNS = [
    (re.compile(rf"=\s*(?P<a>{_NUM})\s*/\s*D\s*[-\u2212\u2013]\s*(?P<b>{_NUM})"), "coefficient"),
    (re.compile(rf"\bkappa\s+(?:of\s+)?(?P<a>{_NUM})"), "kappa"),
    (re.compile(rf"\bn\s*=\s*(?P<a>{_NUM})"), "n"),
    (re.compile(rf"\baged\s+(?P<a>{_NUM})(?:\s*(?:-|\u2013|to)\s*(?P<b>{_NUM}))?"), "years"),
    (re.compile(rf"{_START}(?P<a>{_NUM})(?:\s*(?:-|\u2013|to|\+/-|±)\s*(?P<b>{_NUM}))?\s*(?P<unit>{_UNIT})"), None),
    (re.compile(rf"{_START}(?P<a>\d+)\s+(?:(?:{_COUNT_ADJ})\s+)?(?:{_COUNT_NOUN})\b"), "n"),
    (re.compile(rf"{_START}(?P<a>\d+\.\d+)(?![\d.])"), ""),   # bare decimal: any unit
]
_ASSUMED = re.compile(r"[\s,;(]*assumed")


def quantities(sentence: str) -> list[tuple[str, float, str]]:
    """Numbers with a unit in one sentence: ``(matched text, value, unit)``.

    ``unit`` is one of :data:`dimples.facts.UNITS` (or ``"finger widths"``),
    or ``""`` for a bare decimal, which may match a fact of any unit. A range
    or mean +/- sd gives one entry per number, both with the matched text.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, float, str]] = []
    for pattern, unit in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            if _ASSUMED.match(sentence, m.end()):
                continue
            u = unit if unit is not None else _UNIT_NAMES.get(m.group("unit"), m.group("unit"))
            for g in ("a", "b"):
                if m.groupdict().get(g) is not None:
                    found.append((m.start(), m.group(0).strip(), float(m.group(g)), u))
    return [(t, v, u) for _, t, v, u in sorted(found, key=lambda x: x[0])]


_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "cf.", "p.", "pp.", "ed.", "Fig.", "approx.", "No.")


def sentences(block: str) -> list[str]:
    """Split one block of prose into sentences (abbreviations and decimals kept whole)."""
    text = block
    for abbr in _ABBREVIATIONS:
        text = re.sub(rf"(?<![A-Za-z]){re.escape(abbr)}", abbr.replace(".", "\x00"), text)
    parts = re.split(r"(?<=[.!?])[*_\"')\]]*\s+(?=[^a-z\s])", text)
    return [p.replace("\x00", ".").strip() for p in parts if p.strip()]


def _clean(text: str) -> str:
    text = re.sub(r"`[^`]*`", " ", text)                 # inline code
    text = re.sub(r"\]\([^)]*\)", "]", text)             # link targets
    text = re.sub(r"<https?://[^>]*>|https?://\S+", " ", text)
    return re.sub(r"<[^>]+>", " ", text)                 # HTML tags (details, summary)


def _blocks(markdown: str) -> list[str]:
    """Lines of Markdown; table rows cut into cells."""
    out = []
    for line in _clean(markdown).split("\n"):
        out.extend(line.split("|") if line.lstrip().startswith("|") else [line])
    return [b for b in out if b.strip()]


def _code_strings(source: str) -> list[str]:
    """String constants of a code cell (adjacent literals are already joined by the parser)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # pragma: no cover - notebooks are valid Python
        return []
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _teaching_blocks() -> list[tuple[str, str]]:
    """(where, block) for every block of teaching text."""
    out = []
    for path in COURSE_NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            src = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                out += [(f"{path.name} cell {i}", b) for b in _blocks(src)]
            elif cell["cell_type"] == "code":
                out += [(f"{path.name} cell {i} (code string)", b) for s in _code_strings(src) for b in _blocks(s)]
    for path in TEXT_FILES:
        out += [(path.name, b) for b in _blocks(path.read_text(encoding="utf-8"))]
    # Quiz text lives in each notebook's view module, as data.
    for info in pkgutil.iter_modules(dimples.views.__path__):
        module = importlib.import_module(f"dimples.views.{info.name}")
        for key, spec in module.QUIZZES.items():
            texts = [spec["question"], *spec["choices"], *spec["feedback"], spec.get("reread", "")]
            out += [(f"dimples.views.{info.name} quiz {key}", b) for t in texts for b in _blocks(t)]
    for m in nb07_review.MARKERS:
        out += [(f"dimples.views.nb07_review marker {m.number}", b) for t in (m.where, m.why) for b in _blocks(t)]
    return out


def cited_quantities() -> list[tuple[str, str, list[str], str, float, str]]:
    """(where, sentence, cited keys, matched text, value, unit) for every number in a cited sentence.

    ``cited keys`` are the sentence's own, or, for a sentence without one,
    those of its paragraph (block); blocks without citations give no rows.
    """
    rows = []
    for where, block in _teaching_blocks():
        block_keys = CITATION_PATTERN.findall(block)
        if not block_keys:
            continue
        for sentence in sentences(block):
            keys = CITATION_PATTERN.findall(sentence) or block_keys
            for text, value, unit in quantities(CITATION_PATTERN.sub(" ", sentence)):
                rows.append((where, sentence, keys, text, value, unit))
    # The claims notebook 05 renders as a table: each claim's text and verdict, against its own sources.
    for c in CLAIMS.values():
        if not c.sources:
            continue
        for sentence in sentences(f"{c.claim} {c.verdict}"):
            for text, value, unit in quantities(sentence):
                rows.append((f"dimples.claims {c.key}", sentence, list(c.sources), text, value, unit))
    return rows


#: Numbers in cited sentences that are not literature figures of the cited
#: sources: (file, matched text, fact it stands for or None, reason).
ALLOWED: list[tuple[str, str, str | None, str]] = [
    ("02_sacroiliac_joint.ipynb", "5 cm", None, "exercise: an assumed radius of rotation, not a measurement"),
    ("02_sacroiliac_joint.ipynb", "50 mm", None, "worked answer: the exercise's assumed 5 cm radius"),
    ("02_sacroiliac_joint.ipynb", "1.7", "si_rotation_mean_deg",
     "worked answer: the mean rotation [JacobKissling1995], cited in the exercise just above"),
    ("02_sacroiliac_joint.ipynb", "0.0297", None, "worked answer: 1.7 degrees in radians"),
    ("02_sacroiliac_joint.ipynb", "1.5 mm", None, "worked answer: arc length for 1.7 degrees"),
    ("02_sacroiliac_joint.ipynb", "3.1 mm", None,
     "worked answer: arc length 50 mm x 3.6 degrees in radians, computed from [Kibsgard2012]"),
    ("02_sacroiliac_joint.ipynb", "1-3 mm", None, "worked answer: the range of the two computed arc lengths"),
    ("instructor_guide.md", "50 mm", None, "worked answer: the exercise's assumed 5 cm radius"),
    ("instructor_guide.md", "1.5 mm", None, "worked answer: arc length for 1.7 degrees"),
    ("instructor_guide.md", "3.1 mm", None, "worked answer: arc length for 3.6 degrees"),
    ("instructor_guide.md", "1-3 mm", None, "worked answer: the range of the two computed arc lengths"),
    ("04_body_fat_and_visibility.ipynb", "22 %", "claim_s1_women_percent",
     "the examined claim's figure [Wikipedia2024] placed on ACE's table in a sentence citing [ACE2009]"),
    ("05_can_you_get_them.ipynb", "22 %", "claim_s1_women_percent",
     "the examined claim's figure [Wikipedia2024] in a paragraph citing [ACE2009]"),
]


def _matches(value: float, unit: str, keys: list[str]) -> bool:
    for f in FACTS.values():
        if f.source_key in keys and (not unit or unit == f.unit):
            if any(math.isclose(value, v, rel_tol=1e-9, abs_tol=1e-9) for v in f.values):
                return True
    return False


def _allowed(where: str, text: str, value: float) -> tuple | None:
    for entry in ALLOWED:
        file, allowed_text, name, _reason = entry
        if where.startswith(file) and text == allowed_text:
            if name is not None and not any(math.isclose(value, v) for v in fact(name).values):
                return None
            return entry
    return None


# --------------------------------------------------------------------------- (b) the consistency check

@pytest.mark.parametrize("text, expected", [
    ("matched S2 in 81 % [McGaugh2007]", [("81 %", 81.0, "%")]),
    ("at 5.7 +/- 1.2 cm [Cluneal2013]", [("5.7 +/- 1.2 cm", 5.7, "cm"), ("5.7 +/- 1.2 cm", 1.2, "cm")]),
    ("10.59 +/- 0.55 cm", [("10.59 +/- 0.55 cm", 10.59, "cm"), ("10.59 +/- 0.55 cm", 0.55, "cm")]),
    ("a mean of 1.7 degrees, at most 3.6 deg", [("1.7 degrees", 1.7, "deg"), ("3.6 deg", 3.6, "deg")]),
    ("mean kappa 0.27", [("kappa 0.27", 0.27, "kappa")]),
    ("In 370 people (n = 370)", [("370 people", 370.0, "n"), ("n = 370", 370.0, "n")]),
    ("On 100 CT scans", [("100 CT scans", 100.0, "n")]),
    ("2-3 finger widths lateral", [("2-3 finger widths", 2.0, "finger widths"), ("2-3 finger widths", 3.0,
                                                                                  "finger widths")]),
    ("aged 20-50", [("aged 20-50", 20.0, "years"), ("aged 20-50", 50.0, "years")]),
    ("%BF = 457 / D \u2212 414.2", [("= 457 / D \u2212 414.2", 457.0, "coefficient"),
                                    ("= 457 / D \u2212 414.2", 414.2, "coefficient")]),
    ("odds ratio about 6.5", [("6.5", 6.5, "")]),
    ("share (0.30, assumed) and an age (30 years, assumed)", []),
    ("from L1-L2 to L5-S1, at S2, not L4; notebook 02, Figure 3, Exercise 1, in 2015, TA2 273", []),
])
def test_quantities(text, expected):
    assert quantities(text) == expected


def test_sentences_split_sensibly():
    got = sentences("It is 5.7 cm, e.g. in men [Cluneal2013]. Next one (et al. 2007) is here. *Figure 1. Shows.*")
    assert got == ["It is 5.7 cm, e.g. in men [Cluneal2013].", "Next one (et al. 2007) is here.", "*Figure 1.",
                   "Shows.*"]


CITED = cited_quantities()


def test_the_check_sees_the_prose():
    """Guard against a scanner that silently finds nothing."""
    assert len(CITED) > 40
    assert any(t == "81 %" for _w, _s, _k, t, _v, _u in CITED)


@pytest.mark.parametrize("where, sentence, keys, text, value, unit", CITED,
                         ids=[f"{w}:{t}" for w, _s, _k, t, _v, _u in CITED])
def test_prose_number_is_a_registered_fact(where, sentence, keys, text, value, unit):
    if _matches(value, unit, keys) or _allowed(where, text, value):
        return
    candidates = sorted(f"{f.name}={format_fact(f.name)}" for k in keys for f in facts_for(k))
    pytest.fail(f"{where}: the number {value:g} in {text!r} ({unit or 'no unit'}) is not a fact of the cited "
                f"source(s) {keys} in dimples.facts.\n  sentence: {sentence}\n  facts of those sources: "
                f"{', '.join(candidates) or 'none'}\n  Fix the prose, or register the figure (with its source) "
                f"in dimples/facts.py, or (not a literature figure) add it to ALLOWED with a reason.")


def test_allow_list_is_used():
    used = set()
    for where, _s, keys, text, value, unit in CITED:
        if not _matches(value, unit, keys):
            entry = _allowed(where, text, value)
            if entry:
                used.add(entry)
    stale = [e for e in ALLOWED if e not in used]
    assert not stale, f"ALLOWED entries nothing needs any more (remove them): {stale}"
