"""Tests of dimples.views.nb06_landmarks: the needle levels, the provocation tests and the procedures of notebook 06."""

from __future__ import annotations

import re

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch

from dimples import facts
from dimples.anatomy.landmarks import position
from dimples.views import nb06_landmarks as v


def _gids(fig: Figure, gid: str) -> list:
    return [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


@pytest.mark.parametrize("label", list(v.NEEDLE_SITES))
def test_needle_frame_names_the_interspace_the_needle_is_in(label):
    site = v.NEEDLE_SITES[label]
    # the landmark geometry puts the entry point in the space the frame names...
    assert v.interspace_at(site.y_cm) == site.interspace
    fig = v.needle_frame(label)
    assert isinstance(fig, Figure)
    # ...and the title says so
    assert site.interspace in fig.get_suptitle()
    # a needle is drawn on both panels
    assert len(_gids(fig, v.NEEDLE_GID)) >= 2


def test_needle_sites_run_from_top_to_bottom_and_end_at_the_hiatus():
    ys = [s.y_cm for s in v.NEEDLE_SITES.values()]
    assert ys == sorted(ys, reverse=True)
    assert [s.interspace for s in v.NEEDLE_SITES.values()] == ["L3-L4", "L4-L5", "L5-S1", "sacral hiatus"]
    # every lumbar site lies below L3 and above the line through the PSIS (S2)
    for s in list(v.NEEDLE_SITES.values())[:3]:
        assert position("psis_left")[1] < s.y_cm < position("l3_spinous")[1]


@pytest.mark.parametrize("name, expected", [
    ("l4_spinous", "L4 spinous process"),
    ("l5_spinous", "L5 spinous process"),
    ("s3_spinous", "sacrum (fused: no gap between its spines)"),
    ("sacral_hiatus", "sacral hiatus"),
    ("coccyx_tip", "coccyx"),
])
def test_interspace_at_names_the_bone_in_the_way(name, expected):
    assert v.interspace_at(position(name)[1]) == expected


def test_interspace_above_the_drawn_l3_is_l2_l3():
    assert v.interspace_at(15.0) == "L2-L3"


@pytest.mark.parametrize("bad", [float("nan"), 40.0, -25.0, "L4", None, True])
def test_interspace_at_refuses_bad_heights(bad):
    with pytest.raises(ValueError, match="y_cm="):
        v.interspace_at(bad)


@pytest.mark.parametrize("test", list(v.PROVOCATION_TESTS))
def test_each_provocation_frame_has_a_force_arrow(test):
    fig = v.provocation_frame(test)
    arrows = [a for a in _gids(fig, v.FORCE_GID) if isinstance(a, FancyArrowPatch)]
    assert arrows, f"{test}: no force arrow"
    assert v.PROVOCATION_TESTS[test].name in fig.get_suptitle()
    assert len(fig.axes) == 2


def test_distraction_pushes_both_sides_and_compression_one():
    def count(test):
        return len(_gids(v.provocation_frame(test), v.FORCE_GID)) - 1  # minus the arrow of the pictogram

    assert count("distraction") == 2
    assert count("compression") == 1
    assert count("sacral thrust") == 1


def test_the_five_tests_of_the_cluster():
    assert set(v.PROVOCATION_TESTS) == {"distraction", "thigh thrust", "compression", "sacral thrust", "Gaenslen"}
    assert {t.view for t in v.PROVOCATION_TESTS.values()} == {"section", "anterior"}


def test_procedures_figure_draws_the_cluneal_cutoff_circle():
    fig = v.procedures_figure()
    radii = [c.get_radius() for c in fig.findobj(Circle)]
    assert any(r == pytest.approx(facts.value("cluneal_cutoff_cm")) for r in radii)


def test_cluster_outcomes_adds_up_and_uses_the_facts():
    text = v.cluster_outcomes(13).data
    assert "sensitivity 94 %" in text and "specificity 78 %" in text
    # 13 of 100 with joint pain: 12.2 true positives and 19.1 false positives, so about 39 % of positives
    assert "| cluster positive (3+ of 6) | 12.2 | 19.1 | 31.4 |" in text
    assert re.search(r"\*\*39 %\*\*", text)
    assert "| total | 13.0 | 87.0 | 100 |" in text


@pytest.mark.parametrize("kwargs", [dict(prevalence_percent=0.0), dict(prevalence_percent=100.0),
                                    dict(prevalence_percent=float("nan")), dict(prevalence_percent=13, patients=5),
                                    dict(prevalence_percent=13, patients=50.5),
                                    dict(prevalence_percent=13, patients=True)])
def test_cluster_outcomes_refuses_bad_input(kwargs):
    with pytest.raises(ValueError, match="prevalence_percent=|patients="):
        v.cluster_outcomes(**kwargs)


@pytest.mark.parametrize("key", list(v.QUIZZES))
def test_quizzes_build(key):
    q = v.quiz(key)
    assert q.choices[q.correct] == v.QUIZZES[key]["choices"][v.QUIZZES[key]["correct"]]


def test_nerve_crossing_lies_on_the_drawn_crest_at_its_distance():
    """The cluneal nerves cross the crest as drawn (the hip bone's outline), at the stated distance from the PSIS."""
    import numpy as np

    from dimples.anatomy import bones
    from dimples.anatomy.landmarks import position
    from dimples.views.nb06_landmarks import _point_along_crest

    outline, psis = bones.hip_bone(), np.array(position("psis_left"))
    for d in (4.0, 5.7, 7.5):
        p = np.array(_point_along_crest(d))
        assert np.hypot(*(outline - p).T).min() < 1e-9, d
        assert abs(np.hypot(*(p - psis)) - d) < 0.2, d
        assert p[1] > psis[1], "on the crest above the PSIS, not below it"
