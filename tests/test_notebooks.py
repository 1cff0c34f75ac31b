"""Notebook hygiene: each committed notebook is built, complete, small and linked.

nbval (run over notebooks/ by the same pytest call) replays every notebook
and compares its text outputs; the kit's widgets print a fingerprint of their
frames in their text output, so stale frames fail there too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT, course_notebook_paths

from dimples.tooling.build import WIDGET_STATE_KEY
from dimples.views.nb00_start import COURSE

SIZE_BUDGET = 2_000_000  # bytes, DESIGN.md
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
FORBIDDEN = re.compile(r"\b(interactive_output|interact|Output)\s*\(|@interact\b|widgets\.Output\b")

NOTEBOOK_PATHS = course_notebook_paths()
ids = [p.stem for p in NOTEBOOK_PATHS]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_course_notebook_exists_and_nothing_else():
    assert [p.name for p in NOTEBOOK_PATHS] == [lesson.notebook for lesson in COURSE]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_valid_nbformat_and_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_executed_in_order_from_one_fresh_kernel(path):
    counts = [c.get("execution_count") for c in load(path)["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run `make notebooks` (counts {counts})"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_no_error_stderr_or_volatile_metadata(path):
    for i, cell in enumerate(load(path)["cells"]):
        assert "execution" not in cell["metadata"], f"{path.name} cell {i}: timing metadata left in"
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name} cell {i}: error output"
            assert out.get("name") != "stderr", f"{path.name} cell {i}: stderr output {out.get('text')!r}"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_no_output_capture_widgets(path):
    nb = load(path)
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert not FORBIDDEN.search("".join(cell["source"])), f"{path.name} cell {i}: Output/interact used"
    state = nb["metadata"].get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})
    assert not [k for k, m in state.items() if m["model_name"] == "OutputModel"], f"{path.name}: Output widget"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_widget_state_present_and_complete(path):
    nb = load(path)
    views = [out["data"][WIDGET_VIEW]["model_id"] for c in nb["cells"] for out in c.get("outputs", [])
             if WIDGET_VIEW in out.get("data", {})]
    if not views:
        pytest.skip(f"{path.name} shows no widgets")
    widgets = nb["metadata"].get("widgets", {}).get(WIDGET_STATE_KEY)
    assert widgets and "state" in widgets, f"{path.name}: no saved widget state with a 'state' key"
    state = widgets["state"]
    # Every view, and every model it refers to (children, links, layouts), must be saved.
    todo, seen = list(views), set()
    while todo:
        mid = todo.pop()
        if mid in seen:
            continue
        seen.add(mid)
        assert mid in state, f"{path.name}: widget model {mid} is referenced but not saved"
        todo.extend(MODEL_REF.findall(json.dumps(state[mid]["state"])))
    for mid, model in state.items():
        if model["model_name"] == "ImageModel":
            buffers = {tuple(b["path"]) for b in model.get("buffers", [])}
            assert ("value",) in buffers, f"{path.name}: image {mid} saved without its picture"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_widget_views_carry_a_fallback(path):
    for i, cell in enumerate(load(path)["cells"]):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                assert "image/png" in data or "text/html" in data, f"{path.name} cell {i}: widget with no fallback"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_size_budget(path):
    assert path.stat().st_size < SIZE_BUDGET, f"{path.name}: {path.stat().st_size / 1e6:.2f} MB"


LINKED_DOCS = NOTEBOOK_PATHS + sorted(NOTEBOOKS.glob("*.md")) + [ROOT / "README.md"]


@pytest.mark.parametrize("path", [p for p in LINKED_DOCS if p.exists()], ids=lambda p: p.name)
def test_relative_links_resolve(path):
    if path.suffix == ".ipynb":
        text = "\n".join("".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    for target in MD_LINK.findall(text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue  # web addresses and in-page anchors
        file_part = target.split("#")[0]
        assert (path.parent / file_part).exists(), f"{path.name}: link to {target} does not resolve"
