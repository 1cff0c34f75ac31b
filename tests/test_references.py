"""Citations: every [Key] the teaching text cites is in dimples.references, and
every registry entry is cited somewhere a student reads it.

"Teaching text" is the Markdown of every course notebook (NN_*.ipynb), the
glossary and the instructor guide. Each notebook's references cell must also
show the list built from its own citations, as it stands now (a stale stored
list, e.g. after an entry was corrected, fails here: nbval cannot see it,
because the cell's text/plain is only ``<IPython.core.display.Markdown object>``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dimples.references import CITATION_PATTERN, FIRMNESS, REFERENCES, notebook_keys, reference_list

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_NOTEBOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
TEXT_FILES = [NOTEBOOKS / "glossary.md", NOTEBOOKS / "instructor_guide.md"]
#: The seven course notebooks the kit must have.
EXPECTED = ["00", "01", "02", "03", "04", "05", "06"]


def _markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _teaching_texts() -> dict[str, str]:
    texts = {p.name: _markdown(p) for p in COURSE_NOTEBOOKS}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in TEXT_FILES if p.is_file()})
    return texts


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS + TEXT_FILES, ids=lambda p: p.name)
def test_every_citation_is_in_the_registry(path):
    if not path.is_file():
        pytest.fail(f"{path.name} is missing")
    text = _markdown(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
    unknown = sorted({k for k in CITATION_PATTERN.findall(text) if k not in REFERENCES})
    assert not unknown, f"{path.name} cites keys missing from dimples.references: {unknown}"


def test_all_course_notebooks_exist():
    present = {p.name[:2] for p in COURSE_NOTEBOOKS}
    missing = [n for n in EXPECTED if n not in present]
    assert not missing, f"course notebooks not written yet: {missing}"


def test_every_registry_entry_is_cited_somewhere():
    cited = set()
    for text in _teaching_texts().values():
        cited.update(CITATION_PATTERN.findall(text))
    uncited = sorted(set(REFERENCES) - cited)
    assert not uncited, (f"registry entries no notebook, glossary or guide cites: {uncited} "
                         f"(cite them where the kit uses them, or remove them)")


def test_registry_entries_are_complete():
    for key, ref in REFERENCES.items():
        assert ref.key == key
        assert ref.authors.strip() and ref.title.strip() and ref.venue.strip() and ref.used_for.strip(), key
        assert not ref.authors.startswith("("), f"{key}: authors must be named, or 'none: why not'"
        assert 1900 <= ref.year <= 2030, key
        assert ref.firmness in FIRMNESS, key
        addr = ref.address
        # A DOI, PubMed/PMC id, ISBN or stable address; or "none: <why>" saying why there is none.
        assert addr.startswith(("doi:10.", "http://", "https://", "PMC", "PMID ", "ISBN ")) or (
            addr.startswith("none: ") and len(addr) > 20), (key, addr)
        assert addr.rstrip("/") not in ("https://researcher.life", "https://www.jstage.jst.go.jp"), \
            f"{key}: a site's home page is not an address for the work"
        assert not addr.startswith("doi:") or " " not in addr, key


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=lambda p: p.name)
def test_references_cell_shows_the_current_list(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    last = nb["cells"][-1]
    assert last["cell_type"] == "code" and "notebook_references" in "".join(last["source"]), \
        f"{path.name}: the last cell must call notebook_references"
    assert f'"{path.name}"' in "".join(last["source"]) or f"'{path.name}'" in "".join(last["source"]), \
        f"{path.name}: notebook_references must be given this notebook's own file name"
    shown = [o for o in last.get("outputs", []) if "text/markdown" in o.get("data", {})]
    assert shown, f"{path.name}: the references cell has no stored Markdown output (run dimples execute)"
    stored = "".join(shown[0]["data"]["text/markdown"])
    fresh = reference_list(notebook_keys(path)).data
    assert stored == fresh, (f"{path.name}: stored references are stale (an entry changed since the notebook "
                             f"was built): run `dimples execute notebooks/{path.name}`")


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS + TEXT_FILES, ids=lambda p: p.name)
def test_one_key_per_bracket(path):
    """"[A2001; B2002]" is not seen by the registry tools: cite as "[A2001] [B2002]"."""
    if not path.is_file():
        pytest.skip(f"{path.name} not written yet")
    text = _markdown(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
    bad = [m.group(0) for m in re.finditer(r"\[([^\]\n]*)\]", text)
           if re.search(r"[A-Z][A-Za-z]+[0-9]{4}", m.group(1)) and not CITATION_PATTERN.fullmatch(m.group(0))
           and not text[m.end():m.end() + 1] == "("]
    assert not bad, f"{path.name}: cite one key per bracket, e.g. [Vleeming2012] [Kenhub2023]; found {bad}"
