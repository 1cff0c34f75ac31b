"""Tests of dimples.views.nb07_review: the self-check and labelling exercise of notebook 07."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from dimples.views import nb07_review as review


def test_markers_are_numbered_in_order_and_answers_distinct():
    assert [m.number for m in review.MARKERS] == list(range(1, len(review.MARKERS) + 1))
    assert len({m.answer for m in review.MARKERS}) == len(review.MARKERS)
    assert list(review.ANSWERS) == sorted(review.ANSWERS, key=str.lower)


def test_alt_text_describes_every_marker_without_naming_answers():
    alt = review.marker_alt()
    for m in review.MARKERS:
        assert f"marker {m.number} " in alt
    for name in ("posterior superior iliac spine", "S2 spinous tubercle", "Tuffier"):
        assert name not in alt


def test_one_quiz_per_marker_with_the_right_answer():
    quizzes = review.label_quizzes()
    assert len(quizzes) == len(review.MARKERS)
    for q, m in zip(quizzes, review.MARKERS, strict=True):
        assert q.choices[q.correct] == m.answer
        assert len(q.feedback) == len(review.ANSWERS)
        assert q.reread


def test_diagram_is_a_new_figure():
    fig = review.draw_label_diagram()
    assert isinstance(fig, Figure)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {str(m.number) for m in review.MARKERS} <= texts


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "6", True])
def test_bad_size_raises(bad):
    with pytest.raises(ValueError, match="width_in"):
        review.draw_label_diagram(width_in=bad)


def test_bad_reread_raises():
    with pytest.raises(ValueError, match="reread"):
        review.label_quizzes(reread=3)
