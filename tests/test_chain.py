"""Tests of dimples.chain: the public chain from a body-fat percentage to the dimple's contrast."""

from __future__ import annotations

import numpy as np
import pytest

from dimples import chain, model, render, thickness


@pytest.mark.parametrize("sex", ["female", "male"])
def test_the_chain_is_its_steps(sex):
    r = chain.chain(20.0, sex)
    fat = thickness.fat_thickness_mm(20.0, sex)
    assert r.fat_mm == pytest.approx(fat, rel=1e-12)
    surf = model.surface(fat)
    assert r.surface.depth_mm == pytest.approx(surf.depth_mm, rel=1e-12)
    assert r.contrast == pytest.approx(render.weber_contrast(surf), rel=1e-12)
    assert r.visible == render.is_visible(r.contrast)
    assert (r.percent_fat, r.sex, r.age) == (20.0, sex, thickness.DEFAULT_AGE)


def test_no_anchor_no_contrast_and_options_reach_the_steps():
    none = chain.chain(15.0, "female", anchoring="none")
    assert none.surface.tether_pa_per_mm == 0.0
    assert none.contrast == pytest.approx(render.weber_contrast(model.surface(none.fat_mm, anchoring="none")))
    upper = chain.chain(30.0, "male", estimate="uncompressed")
    assert upper.fat_mm == pytest.approx(thickness.fat_thickness_uncompressed_mm(30.0, "male"), rel=1e-12)
    raking = chain.chain(15.0, "female", light="raking")
    assert raking.contrast == pytest.approx(render.weber_contrast(raking.surface, light="raking"), rel=1e-12)
    a = chain.chain(15.0, "female", regional_factor=2.0)
    assert a.fat_mm == pytest.approx(2.0 * chain.chain(15.0, "female").fat_mm, rel=1e-12)
    assert chain.chain(15.0, "male", muscle_mm=30.0).surface.muscle_mm == 30.0


def test_contrast_curve_is_the_chain_point_by_point():
    ps = [12.0, 20.0, 28.0]
    curve = chain.contrast_curve("male", ps)
    assert np.allclose(curve, [chain.chain(p, "male").contrast for p in ps], rtol=1e-12)


def test_contrast_curves_shade_each_surface_under_every_light():
    ps = [12.0, 28.0]
    curves = chain.contrast_curves("female", ps, anchoring="compliant", estimate="uncompressed")
    assert list(curves) == list(render.LIGHTS)
    for light, curve in curves.items():
        expected = [chain.chain(p, "female", anchoring="compliant", estimate="uncompressed", light=light).contrast
                    for p in ps]
        assert np.allclose(curve, expected, rtol=1e-12), light
    assert not np.allclose(curves["raking"], curves["frontal"]), "the lights must differ"


def test_assumptions_cover_every_step_in_order():
    names = [a.name for a in chain.ASSUMPTIONS]
    steps = [thickness.ASSUMPTIONS, model.ASSUMPTIONS, render.ASSUMPTIONS]
    assert names == [a.name for step in steps for a in step]
