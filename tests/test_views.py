"""Rules every view module keeps: one per notebook, notebooks call them in short cells, quizzes are well formed."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re

import pytest
from conftest import course_notebook_paths
from matplotlib.figure import Figure

import dimples.views
from dimples.style import FRAME_SIZE_IN
from dimples.views import nb00_start, nb01_surface, nb02_sacroiliac, nb03_formation, nb04_visibility
from dimples.widgets import Quiz

NOTEBOOKS = course_notebook_paths()
VIEWS = sorted(info.name for info in pkgutil.iter_modules(dimples.views.__path__))
#: The longest code cell a notebook may hold (lines); the cells call their view.
MAX_CELL_LINES = 8


def _code_cells(path):
    return [("".join(c["source"]), i) for i, c in enumerate(json.loads(path.read_text())["cells"])
            if c["cell_type"] == "code"]


def test_one_view_module_per_notebook_in_the_same_order():
    assert [v[:4] for v in VIEWS] == [f"nb{p.name[:2]}" for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_are_short_calls_into_their_view(path):
    view = next(v for v in VIEWS if v.startswith(f"nb{path.name[:2]}"))
    for src, i in _code_cells(path):
        assert len(src.strip().splitlines()) <= MAX_CELL_LINES, f"{path.name} cell {i}: {len(src.splitlines())} lines"
        assert not re.search(r"^\s*def |^\s*class ", src, re.M), f"{path.name} cell {i} defines code: move it to a view"
        for mod in re.findall(r"from (dimples\.views\.\w+) import", src):
            assert mod == f"dimples.views.{view}", f"{path.name} cell {i} imports {mod}, not its own view {view}"


@pytest.mark.parametrize("view", VIEWS)
def test_quiz_data_is_well_formed_and_every_key_builds(view):
    module = importlib.import_module(f"dimples.views.{view}")
    assert module.QUIZZES, f"{view}: no quiz"
    for key, spec in module.QUIZZES.items():
        n = len(spec["choices"])
        assert n >= 3 and len(spec["feedback"]) == n, key
        assert 0 <= spec["correct"] < n and len(set(spec["choices"])) == n, key
        assert spec.get("reread"), f"{view}.{key}: no reread pointer"
        assert isinstance(module.quiz(key), Quiz)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_quiz_key_a_notebook_calls_exists(path):
    view = importlib.import_module("dimples.views." + next(v for v in VIEWS if v.startswith(f"nb{path.name[:2]}")))
    used = [k for src, _ in _code_cells(path) for k in re.findall(r"\bquiz\(\"([^\"]+)\"\)", src)]
    assert set(used) <= set(view.QUIZZES)
    assert len(used) == len(set(used)), f"{path.name} shows a quiz twice"


def test_course_map_lists_the_notebooks_that_exist():
    assert [lesson.notebook for lesson in nb00_start.COURSE] == [p.name for p in NOTEBOOKS]
    assert nb00_start.total_minutes() == sum(lesson.minutes for lesson in nb00_start.COURSE)
    assert nb00_start.course_table().count("\n") == len(NOTEBOOKS) + 1


def test_diagram_frames_cover_every_slider_position():
    for step in nb01_surface.PEEL:
        assert isinstance(nb01_surface.peel_frame(step), Figure)
    for top in nb01_surface.TOPS:
        assert isinstance(nb01_surface.rhombus_frame(top), Figure)
    for view in ("posterior", "anterior", "section"):
        assert isinstance(nb02_sacroiliac.view_frame(view), Figure)


def test_model_frames_share_the_frame_size():
    fig = nb03_formation.formation_frame("rigid", 10.0)
    assert tuple(fig.get_size_inches()) == FRAME_SIZE_IN


def test_lower_back_frames_are_projector_wide_and_all_one_size():
    from PIL import Image

    pics = [nb04_visibility.back_image(s, a, p) for s, a, p in
            (("female", "rigid", 10.0), ("male", "none", 42.0), ("female", "compliant", 30.0))]
    assert {im.size for im in pics} == {pics[0].size} and pics[0].width >= 1200
    note = nb04_visibility.back_frame("female", "rigid", 6.0)  # below women's bands: a note of the same size
    assert not isinstance(note, Image.Image)
    assert tuple(round(v * 100) for v in note.get_size_inches()) == pics[0].size


def test_lower_back_alt_text_carries_the_models_numbers():
    from dimples import chain

    r = chain.chain(30.0, "male", anchoring="compliant", light="raking")
    alt = nb04_visibility.back_alt("male", "compliant", 30.0, light="raking", tone="V")
    assert f"contrast {100 * r.contrast:.0f} %" in alt and "obese" in alt and "raking" in alt and "tone V" in alt
    assert "below the essential-fat band" in nb04_visibility.back_alt("female", "rigid", 8.0)


@pytest.mark.parametrize("sex", ["female", "male"])
def test_grid_columns_sit_inside_their_ace_band(sex):
    from dimples.bodyfat import ACE_CATEGORIES, ace_category

    for name, _low, _high in ACE_CATEGORIES[sex]:
        assert ace_category(nb04_visibility.column_percent(sex, name), sex) == name
    assert nb04_visibility.column_percent(sex, "obese, higher") > nb04_visibility.column_percent(sex, "obese")
