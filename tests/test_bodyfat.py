"""Tests of dimples.bodyfat and dimples.thickness: published coefficients, round trips, validity."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dimples import bodyfat as bf
from dimples import thickness as th
from dimples.references import REFERENCES

# --------------------------------------------------------------------------- hand-computed values
# Each expected value is worked out by hand from the coefficients printed in the papers (FACTS B1-B7).


def test_siri_and_brozek_hand_values():
    assert bf.siri_percent_fat(1.05) == pytest.approx(495 / 1.05 - 450, abs=1e-12)
    assert bf.siri_percent_fat(1.05) == pytest.approx(21.4285714286, abs=1e-9)
    assert bf.brozek_percent_fat(1.05) == pytest.approx(21.0380952381, abs=1e-9)
    assert bf.siri_density(20.0) == pytest.approx(495 / 470, abs=1e-15)
    assert bf.brozek_density(20.0) == pytest.approx(457 / 434.2, abs=1e-15)


@pytest.mark.parametrize("s, age, sex, sites, expected", [
    # 1.10938 - 0.0008267*60 + 0.0000016*3600 - 0.0002574*30
    (60.0, 30.0, "male", 3, 1.057816),
    # 1.0994921 - 0.0009929*60 + 0.0000023*3600 - 0.0001392*30
    (60.0, 30.0, "female", 3, 1.0440221),
    # 1.112 - 0.00043499*100 + 0.00000055*10000 - 0.00028826*40
    (100.0, 40.0, "male", 7, 1.0624706),
    # 1.097 - 0.00046971*100 + 0.00000056*10000 - 0.00012828*40
    (100.0, 40.0, "female", 7, 1.0504978),
])
def test_jackson_pollock_hand_values(s, age, sex, sites, expected):
    assert bf.jackson_pollock_density(s, age, sex, sites) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("s, age, sex, expected", [
    (40.0, 25.0, "male", 1.1631 - 0.0632 * math.log10(40.0)),  # 1.06184981
    (50.0, 45.0, "female", 1.1333 - 0.0612 * math.log10(50.0)),  # 1.02932304
    (30.0, 17.0, "male", 1.1620 - 0.0630 * math.log10(30.0)),
    (30.0, 16.0, "female", 1.1549 - 0.0678 * math.log10(30.0)),
    (80.0, 72.0, "female", 1.1339 - 0.0645 * math.log10(80.0)),
])
def test_durnin_womersley_hand_values(s, age, sex, expected):
    assert bf.durnin_womersley_density(s, age, sex) == pytest.approx(expected, abs=1e-12)


def test_durnin_womersley_hand_value_printed():
    assert bf.durnin_womersley_density(40.0, 25.0, "male") == pytest.approx(1.06184981, abs=1e-8)


@pytest.mark.parametrize("age, sex, expected", [
    (19.99, "female", (1.1549, 0.0678)), (20.0, "female", (1.1599, 0.0717)), (39.5, "female", (1.1423, 0.0632)),
    (40.0, "male", (1.1620, 0.0700)), (50.0, "male", (1.1715, 0.0779)), (72.0, "male", (1.1715, 0.0779)),
    (30.0, "male", (1.1422, 0.0544)),
])
def test_durnin_womersley_age_bands(age, sex, expected):
    assert bf.durnin_womersley_coefficients(age, sex) == expected


def test_jp3_women_uses_the_published_intercept_not_the_digit_swap():
    assert bf.JP3_WOMEN.a == 1.0994921


def test_chain_hand_value():
    # woman, 25 % fat, age 30: D = 495/475; DW 30-39: S = 10**((1.1423 - D)/0.0632)
    d = 495 / 475
    s = 10 ** ((1.1423 - d) / 0.0632)
    assert bf.skinfold_sum_from_percent_fat(25.0, 30.0, "female") == pytest.approx(s, rel=1e-12)
    assert th.suprailiac_skinfold_mm(25.0, "female") == pytest.approx(0.30 * s, rel=1e-12)
    assert th.fat_thickness_mm(25.0, "female") == pytest.approx(0.30 * s / 3.38, rel=1e-12)
    assert th.soft_layer_mm(25.0, "female") == pytest.approx(0.30 * s / 3.38 + 2.5, rel=1e-12)


def test_inverse_takes_the_falling_root():
    # both roots of the JP3 men parabola give the same density; the inverse must return the smaller one
    d = bf.jackson_pollock_density(80.0, 30.0, "male", 3)
    s = bf.jackson_pollock_skinfold_sum(d, 30.0, "male", 3)
    assert s == pytest.approx(80.0, abs=1e-9)
    assert s < bf.JP3_MEN.vertex_mm


def test_jp7_men_cannot_reach_high_fat():
    with pytest.raises(ValueError, match="percent_fat=45"):
        bf.skinfold_sum_from_percent_fat(45.0, 30.0, "male", equation="jp7")


def test_ace_categories_and_claim():
    assert bf.ace_category(22.0, "female") == "fitness"
    assert bf.ace_category(32.0, "male") == "obese"  # the claim's figure for men is obese on ACE's own table
    assert bf.ace_category(13.5, "female") == "essential fat"
    assert bf.ace_category(5.0, "female") == "below essential fat"
    assert bf.CLAIM_S1_PERCENT == {"female": 22.0, "male": 32.0}
    assert bf.CLAIM_S1_SOURCE in REFERENCES and bf.ACE_SOURCE in REFERENCES


def test_source_keys_exist():
    keys = set(bf.EQUATION_SOURCES.values()) | {th.FOLD_TO_FAT_SOURCE, th.DERMIS_SOURCE}
    keys |= {a.source for a in th.ASSUMPTIONS if a.source != "assumed"}
    assert keys <= set(REFERENCES)


# --------------------------------------------------------------------------- round trips


@given(st.floats(2.0, 60.0))
def test_siri_brozek_round_trip(p):
    assert bf.siri_percent_fat(bf.siri_density(p)) == pytest.approx(p, abs=1e-9)
    assert bf.brozek_percent_fat(bf.brozek_density(p)) == pytest.approx(p, abs=1e-9)


@settings(max_examples=150)
@given(eq=st.sampled_from(bf.EQUATIONS), sex=st.sampled_from(bf.SEXES), p=st.floats(2.0, 60.0),
       t=st.floats(0.0, 1.0), conversion=st.sampled_from(("siri", "brozek")))
def test_percent_to_skinfolds_round_trip(eq, sex, p, t, conversion):
    lo, hi = bf.AGE_RANGES[(eq, sex)]
    age = lo + t * (hi - lo)
    try:
        s = bf.skinfold_sum_from_percent_fat(p, age, sex, eq, conversion)
    except ValueError:
        assume(False)  # unreachable for this equation and age (documented)
    assert bf.percent_fat_from_skinfolds(s, age, sex, eq, conversion) == pytest.approx(p, abs=1e-9)


@settings(max_examples=100)
@given(sex=st.sampled_from(bf.SEXES), p=st.floats(3.0, 55.0))
def test_thickness_round_trip_and_monotone(sex, p):
    f = th.fat_thickness_mm(p, sex)
    assert th.percent_fat_from_thickness(f, sex) == pytest.approx(p, abs=1e-9)
    assert th.fat_thickness_mm(p + 1.0, sex) > f > 0


@given(sex=st.sampled_from(bf.SEXES), age=st.floats(20.0, 50.0), p=st.floats(6.0, 40.0))
def test_more_fat_more_skinfold(sex, age, p):
    for eq in ("dw", "jp3"):
        assert bf.skinfold_sum_from_percent_fat(p + 0.5, age, sex, eq) > bf.skinfold_sum_from_percent_fat(p, age, sex, eq)
