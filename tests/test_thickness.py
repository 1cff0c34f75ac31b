"""Tests of dimples.thickness: body fat % -> the fat over the PSIS, each step of the chain by its law."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dimples import bodyfat, facts
from dimples import thickness as th


def test_constants_are_the_registrys_figures():
    assert th.DERMIS_MM == facts.value("dermis_mm")
    assert th.FOLD_TO_FAT_RATIO == {"male": facts.value("fold_to_fat_ratio_men"),
                                    "female": facts.value("fold_to_fat_ratio_women")}
    assert th.FOLD_TO_FAT_SOURCE == "Kuroki2005" and th.DERMIS_SOURCE == "Dermis2017"


@pytest.mark.parametrize("sex", bodyfat.SEXES)
def test_each_step_is_the_one_its_assumption_names(sex):
    p, age = 22.0, 30.0
    total = bodyfat.skinfold_sum_from_percent_fat(p, age, sex, equation="dw")
    fold = th.suprailiac_skinfold_mm(p, sex, age)
    assert fold == pytest.approx(th.SUPRAILIAC_SHARE * total, rel=1e-12)
    fat = th.fat_thickness_mm(p, sex, age)
    assert fat == pytest.approx(th.REGIONAL_FACTOR * fold / th.FOLD_TO_FAT_RATIO[sex], rel=1e-12)
    assert th.soft_layer_mm(p, sex, age) == pytest.approx(fat + th.DERMIS_MM, rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(sex=st.sampled_from(bodyfat.SEXES), p=st.floats(5.0, 45.0), k=st.floats(0.2, 4.0))
def test_fat_scales_with_the_regional_factor_and_the_share(sex, p, k):
    base = th.fat_thickness_mm(p, sex)
    assert th.fat_thickness_mm(p, sex, regional_factor=k) == pytest.approx(k * base, rel=1e-9)
    assert th.fat_thickness_mm(p, sex, share=0.15) == pytest.approx(0.5 * base, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(sex=st.sampled_from(bodyfat.SEXES), p=st.floats(5.0, 45.0), dp=st.floats(0.5, 5.0))
def test_more_body_fat_more_fat_over_the_psis(sex, p, dp):
    assert th.fat_thickness_mm(p + dp, sex) > th.fat_thickness_mm(p, sex)


@pytest.mark.parametrize("sex", bodyfat.SEXES)
@pytest.mark.parametrize("p", [6.0, 15.0, 30.0, 45.0])
def test_inverse_returns_the_percentage(sex, p):
    fat = th.fat_thickness_mm(p, sex, regional_factor=1.5)
    assert th.percent_fat_from_thickness(fat, sex, regional_factor=1.5) == pytest.approx(p, abs=1e-8)


def test_assumptions_table_names_the_sources_it_uses():
    sources = {a.source for a in th.ASSUMPTIONS}
    assert {"Siri1961", "DurninWomersley1974", "Kuroki2005", "Dermis2017", "assumed"} <= sources
