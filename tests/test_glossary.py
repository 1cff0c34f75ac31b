"""The glossary and the notebooks agree.

Rules (checkable and, we think, sensible):

* Every glossary entry (its term or one of its other names, matched without
  regard to case, with an optional plural "s"/"es", and with hyphens and
  spaces treated alike) appears in the Markdown of at least one course
  notebook.
* Every term a notebook bolds at the start of a bullet in its
  ``## Key terms`` section is a glossary term or one of its other names
  (same matching; a parenthesis in the bolded text is ignored, and
  "A / B" passes if either A or B is known).
* Each entry names the notebook that introduces it with a relative link
  that resolves, and has a one-line definition.
* Where a glossary entry gives an FMA id, it matches the id in
  ``dimples.anatomy.landmarks`` for a landmark of the same Latin/English name.

Notebooks are the ones present in notebooks/; the glossary-term check runs
over all of them together, so it fails only while a term's notebook is
missing or when no notebook uses the term.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
GLOSSARY = NOTEBOOKS / "glossary.md"
COURSE_NOTEBOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _norm(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _entries() -> list[dict]:
    """Rows of the glossary tables: term, aliases, definition, ids, introduced-in link."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*\*\*(.+?)\*\*\s*\|(.*?)\|(.*?)\|(.*?)\|(.*?)\|\s*$", line)
        if not m:
            continue
        term, aliases, definition, ids, intro = (g.strip() for g in m.groups())
        names = [term] + [a.strip() for a in aliases.split(",") if a.strip()]
        rows.append({"term": term, "names": names, "definition": definition, "ids": ids, "intro": intro})
    return rows


def _notebook_markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _occurs(name: str, text: str) -> bool:
    pattern = r"(?<![a-z0-9])" + re.escape(_norm(name)) + r"(?:s|es)?(?![a-z0-9])"
    return re.search(pattern, text) is not None


def _key_terms(md: str) -> list[str]:
    m = re.search(r"^## Key terms\s*$(.*?)(?=^## |\Z)", md, re.M | re.S)
    if not m:
        return []
    return re.findall(r"^\s*[-*]\s+\*\*(.+?)\*\*", m.group(1), re.M)


ENTRIES = _entries() if GLOSSARY.is_file() else []


def test_glossary_exists_and_parses():
    assert GLOSSARY.is_file(), "notebooks/glossary.md is missing"
    assert len(ENTRIES) >= 40, f"only {len(ENTRIES)} glossary rows parsed; expected the kit's terms"
    terms = [_norm(e["term"]) for e in ENTRIES]
    assert len(terms) == len(set(terms)), "duplicate glossary terms"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["term"])
def test_entry_is_complete(entry):
    assert entry["definition"].endswith("."), f"{entry['term']}: definition should be one sentence ending in '.'"
    link = re.fullmatch(r"\[(\d\d) [^\]]+\]\((\d\d_[a-z0-9_]+\.ipynb)\)", entry["intro"])
    assert link, f"{entry['term']}: 'introduced in' must be a link like [01 surface anatomy](01_surface_anatomy.ipynb)"
    assert link.group(1) == link.group(2)[:2]


def test_every_introducing_notebook_exists():
    missing = sorted({re.search(r"\((.+?)\)", e["intro"]).group(1) for e in ENTRIES
                      if not (NOTEBOOKS / re.search(r"\((.+?)\)", e["intro"]).group(1)).is_file()})
    assert not missing, f"glossary points to notebooks not written yet: {missing}"


def test_every_glossary_term_appears_in_some_notebook():
    text = _norm("\n".join(_notebook_markdown(p) for p in COURSE_NOTEBOOKS))
    unused = [e["term"] for e in ENTRIES if not any(_occurs(n, text) for n in e["names"])]
    assert not unused, f"glossary terms no notebook uses (add them to a notebook or drop them): {unused}"


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=lambda p: p.name)
def test_every_key_term_is_in_the_glossary(path):
    known = {_norm(n) for e in ENTRIES for n in e["names"]}
    known |= {k + "s" for k in known} | {k + "es" for k in known}
    terms = _key_terms(_notebook_markdown(path))
    assert terms, f"{path.name}: no bolded terms in its '## Key terms' section"
    def ok(term: str) -> bool:
        parts = [_norm(re.sub(r"\([^)]*\)", " ", p)) for p in term.split("/")]
        return any(p in known or p.rstrip("s") in known for p in parts if p)

    missing = [t for t in terms if not ok(t)]
    assert not missing, f"{path.name}: key terms missing from notebooks/glossary.md: {missing}"


def _singular(name: str) -> str:
    """``name`` normalised with each word's plural -s dropped ("dimples of Venus" ~ "dimple of Venus")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _norm(name).split())


def test_fma_ids_agree_with_landmark_data():
    from dimples.anatomy import landmarks

    by_name = {}
    for lm in landmarks.LANDMARKS.values():
        if lm.fma is not None:
            for n in (lm.label.split(" (")[0], lm.latin):
                by_name[_singular(n)] = lm.fma
    compared = 0
    for e in ENTRIES:
        m = re.search(r"FMA (\d+)", e["ids"])
        if not m:
            continue
        for n in e["names"]:
            if _singular(n) in by_name:
                compared += 1
                assert by_name[_singular(n)] == int(m.group(1)), \
                    f"{e['term']}: FMA {m.group(1)} but landmarks say {by_name[_singular(n)]}"
    # Every landmark FMA id must meet its glossary entry: a test that compares nothing proves nothing.
    assert compared >= len(set(by_name.values())) > 0, f"only {compared} glossary names matched a landmark with an FMA id"
