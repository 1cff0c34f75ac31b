"""The quizzes do not give their answers away by position or by length.

Every view module under :mod:`dimples.views` keeps its quizzes as data in
``QUIZZES`` (the keyword arguments of :class:`dimples.widgets.Quiz`). Across
all of them:

(a) no position (first choice, second choice, ...) holds more than
    :data:`MAX_POSITION_SHARE` of the right answers, so "always pick B" fails;
(b) the right answer is the strictly longest choice in at most
    :data:`MAX_LONGEST_SHARE` of the quizzes, so "pick the longest" fails;
(c) each quiz has at least three choices, no two alike, and one feedback
    text per choice.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

import pytest

import dimples.views

#: Largest share of right answers any one position may hold.
MAX_POSITION_SHARE = 0.35
#: Largest share of quizzes whose right answer may be the strictly longest choice.
MAX_LONGEST_SHARE = 0.30


def _all_quizzes() -> list[tuple[str, dict]]:
    """``(module.key, spec)`` for every ``QUIZZES`` entry of every view module."""
    out = []
    for info in pkgutil.iter_modules(dimples.views.__path__):
        module = importlib.import_module(f"dimples.views.{info.name}")
        for key, spec in getattr(module, "QUIZZES", {}).items():
            out.append((f"{info.name}.{key}", spec))
    return out


QUIZZES = _all_quizzes()


def _right_is_strictly_longest(spec: dict) -> bool:
    lengths = [len(c) for c in spec["choices"]]
    right = lengths[spec["correct"]]
    return all(right > n for i, n in enumerate(lengths) if i != spec["correct"])


def test_the_walk_finds_the_quizzes():
    """Guard against a walk that silently finds nothing."""
    assert len(QUIZZES) >= 20
    assert any(name.startswith("nb07_review.") for name, _ in QUIZZES)


def test_no_position_holds_too_many_right_answers():
    counts = Counter(spec["correct"] for _, spec in QUIZZES)
    limit = MAX_POSITION_SHARE * len(QUIZZES)
    crowded = {pos: n for pos, n in counts.items() if n > limit}
    letters = {pos: "ABCDEFGH"[pos] for pos in counts}
    assert not crowded, (
        f"right answers by position {dict(sorted((letters[p], n) for p, n in counts.items()))}: "
        f"{', '.join(letters[p] for p in crowded)} holds more than {MAX_POSITION_SHARE:.0%} of {len(QUIZZES)} "
        f"(at most {int(limit)}); reorder choices, moving each feedback with its choice"
    )


def test_right_answer_is_rarely_the_longest_choice():
    longest = [name for name, spec in QUIZZES if _right_is_strictly_longest(spec)]
    limit = MAX_LONGEST_SHARE * len(QUIZZES)
    assert len(longest) <= limit, (
        f"the right answer is the strictly longest choice in {len(longest)} of {len(QUIZZES)} quizzes "
        f"(at most {int(limit)} allowed): {longest}; make the distractors as specific as the answer"
    )


@pytest.mark.parametrize("name, spec", QUIZZES, ids=[name for name, _ in QUIZZES])
def test_quiz_is_well_formed(name, spec):
    choices, feedback = spec["choices"], spec["feedback"]
    assert len(choices) >= 3, f"{name}: only {len(choices)} choices"
    assert len(feedback) == len(choices), f"{name}: {len(feedback)} feedback texts for {len(choices)} choices"
    assert len(set(choices)) == len(choices), f"{name}: duplicate choices"
    assert 0 <= spec["correct"] < len(choices), f"{name}: correct={spec['correct']} out of range"
