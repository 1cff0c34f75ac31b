"""Every course notebook has the shape COURSE.md promises.

Opens with the title, the one-line question, learning objectives,
prerequisites and time; closes with a summary, key terms and references;
every figure is followed by its caption; every exercise has a worked answer
in a <details> block; notebooks 01-06 have at least one quiz; every cell has
slideshow metadata so the notebook is a sensible slide deck.

The per-notebook tests run over the notebooks present in notebooks/;
``test_all_eight_course_notebooks_exist`` fails until all eight (00-07) are written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_NOTEBOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
EXPECTED = ["00", "01", "02", "03", "04", "05", "06", "07"]
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "notes"}  # "skip" would hide content from the deck
#: Output MIME types that mean "a picture is shown" (figure, slider, grid).
PICTURE = "image/png"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell: dict) -> str:
    return "".join(cell["source"])


def _params():
    return pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=lambda p: p.name)


def test_all_eight_course_notebooks_exist():
    present = {p.name[:2] for p in COURSE_NOTEBOOKS}
    missing = [n for n in EXPECTED if n not in present]
    assert not missing, f"course notebooks not written yet: {missing}"


@_params()
def test_opens_with_title_question_objectives_prerequisites_time(path):
    first = _cells(path)[0]
    assert first["cell_type"] == "markdown", f"{path.name}: first cell must be Markdown"
    text = _src(first)
    assert re.match(rf"# {path.name[:2]} \S", text), f"{path.name}: first line must be '# {path.name[:2]} Title'"
    assert re.search(r"^\*{1,2}[^*\n].*\?\*{1,2}\s*$", text, re.M), \
        f"{path.name}: the one-line question (*...?* or **...?** on a line of its own) is missing"
    for part in ("Learning objectives", "Prerequisites", "Time"):
        assert re.search(rf"\*\*{part}\b", text), f"{path.name}: first cell lacks **{part}**"
    assert re.search(r"^\s*[-*] ", text, re.M), f"{path.name}: learning objectives should be a bullet list"
    assert re.search(r"\*\*Time[.:]?\*\*[.:]?\s*(about\s+)?\d+\s*min", text, re.I), \
        f"{path.name}: **Time** should give minutes, e.g. '**Time:** 20 minutes.'"


@_params()
def test_closes_with_summary_key_terms_references(path):
    cells = _cells(path)
    md = "\n".join(_src(c) for c in cells if c["cell_type"] == "markdown")
    positions = []
    for heading in ("## Summary", "## Key terms", "## References"):
        m = re.search(rf"^{heading}\s*$", md, re.M)
        assert m, f"{path.name}: no '{heading}' heading"
        positions.append(m.start())
    assert positions == sorted(positions), f"{path.name}: Summary, Key terms, References must come in that order"
    summary = md[positions[0]:positions[1]]
    bullets = re.findall(r"^\s*[-*] ", summary, re.M)
    assert 3 <= len(bullets) <= 5, f"{path.name}: the summary has {len(bullets)} bullets; expected 3-5"
    key_terms = md[positions[1]:positions[2]]
    assert re.search(r"^\s*[-*] \*\*[^*]+\*\*", key_terms, re.M), f"{path.name}: key terms must be bolded bullets"
    last = cells[-1]
    assert last["cell_type"] == "code" and "notebook_references(" in _src(last), \
        f"{path.name}: the last cell must be the notebook_references(...) code cell"


@_params()
def test_every_figure_is_followed_by_a_caption(path):
    cells = _cells(path)
    numbers = []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        if not any(PICTURE in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        assert nxt is not None and nxt["cell_type"] == "markdown", \
            f"{path.name}: cell {i} shows a picture but is not followed by a Markdown caption"
        m = re.match(r"\*Figure (\d+)\. \S", _src(nxt).lstrip())
        assert m, f"{path.name}: the caption after cell {i} must start '*Figure N. ...'"
        numbers.append(int(m.group(1)))
    assert numbers == list(range(1, len(numbers) + 1)), f"{path.name}: figures numbered {numbers}; expected 1, 2, ..."


@_params()
def test_every_exercise_has_a_worked_answer(path):
    for i, cell in enumerate(_cells(path)):
        if cell["cell_type"] != "markdown":
            continue
        text = _src(cell)
        exercises = re.findall(r"^#+\s+Exercises?\b", text, re.M | re.I)
        if not exercises:
            continue
        answers = re.findall(r"<details>\s*<summary>\s*Worked answer\s*</summary>.+?</details>", text, re.S | re.I)
        assert len(answers) >= len(exercises), \
            f"{path.name}: cell {i} has {len(exercises)} exercise(s) but {len(answers)} worked answer(s) in <details>"


@_params()
def test_has_a_quiz(path):
    quizzes = [c for c in _cells(path) if c["cell_type"] == "code" and re.search(r"\b(quiz|Quiz|show_label_quizzes)\(", _src(c))]
    assert quizzes, f"{path.name}: no Quiz"
    for c in quizzes:
        plain = [o["data"].get("text/plain", "") for o in c.get("outputs", []) if "data" in o]
        assert any("".join(p).startswith("Quiz") or "Quiz" in "".join(p) for p in plain), \
            f"{path.name}: a Quiz cell has no stored output (run dimples execute)"


@_params()
def test_every_cell_has_slideshow_metadata(path):
    for i, cell in enumerate(_cells(path)):
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        assert kind in SLIDE_TYPES, f"{path.name}: cell {i} slide_type={kind!r}; expected one of {sorted(SLIDE_TYPES)}"
        if cell["cell_type"] == "markdown" and re.match(r"## ", _src(cell)):
            assert kind in {"slide", "subslide"}, f"{path.name}: cell {i} starts a ## section but is {kind!r}"
    assert _cells(path)[0]["metadata"]["slideshow"]["slide_type"] == "slide", f"{path.name}: cell 0 must be 'slide'"


@_params()
def test_links_between_notebooks_resolve(path):
    md = "\n".join(_src(c) for c in _cells(path) if c["cell_type"] == "markdown")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", md):
        if re.match(r"[a-z]+:", target):
            continue
        assert (path.parent / target).exists(), f"{path.name}: link to {target} does not resolve"
