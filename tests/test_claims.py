"""Tests of dimples.claims: the evidence table notebook 05 renders."""

from __future__ import annotations

import pytest

from dimples import claims
from dimples.references import FIRMNESS, REFERENCES


def test_every_claim_has_a_known_level_topic_and_sources():
    for c in claims.CLAIMS.values():
        assert c.level in FIRMNESS
        assert c.topic in claims.TOPICS
        assert all(k in REFERENCES for k in c.sources)
        assert c.claim.strip() and c.verdict.strip()


def test_each_topic_has_claims_and_levels_are_all_used():
    for topic in claims.TOPICS:
        assert claims.claims_by_topic(topic)
    assert {c.level for c in claims.CLAIMS.values()} == set(FIRMNESS)


def test_course_claims_carry_the_levels_facts_gives_them():
    # FACTS S1, S2, A15: unsupported; S5 Kybella label: approved only under the chin; A12/A13/A16 as rated there.
    assert claims.get("threshold_22_32").level == "unsupported"
    assert claims.get("dimple_ligament").level == "unsupported"
    assert claims.get("autosomal_dominant").level == "unsupported"
    assert claims.get("over_the_psis").level == "firm"  # where the dimple is: anatomy references (A1, A2)
    assert claims.get("anchor_over_psis").level == "weak"  # what makes it: disputed (A12, A16)
    assert claims.get("pelvic_incidence").level == "weak"  # one study (A13)
    assert "may improve their visibility" in claims.get("threshold_22_32").claim  # the seed's own words (S1)
    assert not claims.get("fat_loss_reveals").sources  # no source says so: an inference
    assert "FDA2015" in claims.get("kybella_approved").sources


def test_marker_uses_words_not_colour():
    for level in FIRMNESS:
        assert level in claims.evidence_marker(level)


def test_table_has_one_row_per_claim_and_a_legend():
    text = claims.claims_table()
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(claims.CLAIMS) + 1  # header
    for level in FIRMNESS:
        assert f"*{level}*:" in text
    sub = claims.claims_table(["vaser_hd", "kybella_approved"], legend=False)
    assert "[Hoyos2007]" in sub and "[FDA2015]" in sub and "*weak*:" not in sub


@pytest.mark.parametrize("bad", ["nope", 3, None])
def test_unknown_claim_raises(bad):
    with pytest.raises(ValueError, match="key="):
        claims.get(bad)


@pytest.mark.parametrize("call", [
    lambda: claims.evidence_marker("strong"),
    lambda: claims.claims_by_topic("diet"),
    lambda: claims.claims_table([]),
    lambda: claims.claims_table("vaser_hd"),
    lambda: claims.claims_table(["vaser_hd", "nope"]),
])
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_topic_table_holds_only_that_topic():
    text = claims.topic_table("procedures")
    assert "[Hoyos2007]" in text and "[Aytekin2023]" not in text
    with pytest.raises(ValueError, match="topic="):
        claims.topic_table("diet")
