"""Tests of dimples.views.nb05_get_them: notebook 05's reveal-versus-create frames."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from dimples import model
from dimples.views import nb05_get_them as reveal


def test_fat_values_run_from_thick_to_thin_within_the_model_range():
    fats = reveal.REVEAL_FAT_MM
    assert list(fats) == sorted(fats, reverse=True)
    lo, hi = model.FAT_RANGE_MM
    assert all(lo <= f <= hi for f in fats)


def test_frame_is_a_new_figure_and_says_what_it_shows():
    fig = reveal.reveal_frame("none", 3.0)
    assert isinstance(fig, Figure)
    titles = " ".join(ax.get_title() for ax in fig.axes)
    assert "no anchoring" in titles
    titles = " ".join(ax.get_title() for ax in reveal.reveal_frame("rigid", 3.0).axes)
    assert "deep" in titles and "contrast" in titles


@pytest.mark.parametrize("fat", [-1.0, float("nan"), 1e3, "3"])
def test_bad_fat_raises(fat):
    with pytest.raises(ValueError):
        reveal.reveal_frame("rigid", fat)
