"""The notebook build: fresh kernel, widget state kept, byte-identical on rebuild."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from dimples.tooling.build import WIDGET_STATE_KEY, clean_notebook, course_notebooks, execute_notebook
from dimples.widgets import FRAME_CLASS

SLIDER_CODE = """from dimples.widgets import FrameSlider
from dimples.style import new_figure

def draw(v):
    fig, ax = new_figure(2, 1.5)
    ax.plot([0, 1], [0, v])
    return fig

FrameSlider([1, 2], draw, description="v")"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tiny notebook with a slider, built twice; returns both versions' bytes."""
    path = tmp_path_factory.mktemp("nb") / "01_tiny.ipynb"
    nb = new_notebook(cells=[new_markdown_cell("# Tiny"), new_code_cell("import os\nprint(os.path.basename(os.getcwd()))"),
                             new_code_cell(SLIDER_CODE)])
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nbformat.write(nb, path)
    execute_notebook(path)
    first = path.read_bytes()
    execute_notebook(path)
    return path, first, path.read_bytes()


def test_rebuild_changes_no_byte(built):
    _, first, second = built
    assert first == second


def test_outputs_widget_state_and_clean_metadata(built):
    path, _, _ = built
    nb = json.loads(path.read_text())
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert [c.get("execution_count") for c in nb["cells"][1:]] == [1, 2]
    assert "".join(nb["cells"][1]["outputs"][0]["text"]) == path.parent.name + "\n", "kernel must run in the notebook's folder"
    assert "execution" not in nb["cells"][1]["metadata"]
    state = nb["metadata"]["widgets"][WIDGET_STATE_KEY]["state"]
    view = nb["cells"][2]["outputs"][0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert view in state and state[view]["model_name"] == "VBoxModel"
    frames = [m for m in state.values() if m["model_name"] == "HTMLModel" and f'class="{FRAME_CLASS}"' in m["state"].get("value", "")]
    assert len(frames) == 2, "one frame (an HTML <img> with alt text) per slider value"
    assert all('alt="' in m["state"]["value"] for m in frames)


def test_clean_notebook_makes_ids_depend_on_name_only():
    def fake(ids):
        nb = new_notebook()
        nb.metadata["widgets"] = {WIDGET_STATE_KEY: {"state": {i: {"model_name": "X", "state": {}} for i in ids},
                                                     "version_major": 2, "version_minor": 0}}
        return nb

    a = clean_notebook(fake(["a" * 32, "b" * 32]), "01_x")
    b = clean_notebook(fake(["c" * 32, "d" * 32]), "01_x")
    c = clean_notebook(fake(["a" * 32, "b" * 32]), "02_y")
    ids = lambda nb: list(nb.metadata.widgets[WIDGET_STATE_KEY]["state"])  # noqa: E731
    assert ids(a) == ids(b) != ids(c)


@pytest.mark.parametrize("bad", ["missing.ipynb", "notes.txt"])
def test_execute_rejects_non_notebooks(tmp_path, bad):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="path="):
        execute_notebook(tmp_path / bad)


def test_execute_rejects_bad_timeout(built):
    with pytest.raises(ValueError, match="timeout="):
        execute_notebook(built[0], timeout=0)


def test_course_notebooks_bad_folder(tmp_path):
    with pytest.raises(ValueError, match="directory="):
        course_notebooks(tmp_path / "nope")
    with pytest.raises(ValueError, match="stem="):
        clean_notebook(new_notebook(), "")
