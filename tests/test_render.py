"""Tests of dimples.render (shading, contrast, skin colour) and of the tables notebook 04 shows."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.colors import to_rgb

from dimples import chain, model, render, thickness
from dimples.references import REFERENCES
from dimples.style import TISSUE_COLOURS, new_figure
from dimples.views import nb04_visibility


def test_flat_skin_has_luminance_one():
    assert np.allclose(render.luminance(np.zeros((5, 6)), 2.5), 1.0)


def test_tilted_plane_hand_value():
    # z = 0.1 y: the surface faces slightly down. Light 45 degrees up from the line of sight:
    # diffuse = (cos45 - 0.1 sin45) / (sqrt(1.01) cos45) = 0.9 / sqrt(1.01); L = 0.25 + 0.75 * diffuse
    y = np.arange(6.0)[:, None] * np.ones((1, 5))
    lum = render.luminance(0.1 * y, 1.0)
    assert np.allclose(lum, 0.25 + 0.75 * 0.9 / math.sqrt(1.01), atol=1e-12)
    assert np.allclose(lum, 0.9216498, atol=1e-7)


def test_light_from_above_darkens_the_upper_wall():
    s = model.surface(5.0, anchoring="compliant")
    lum, ref = render.surface_luminance(s, reference=True)
    # finite differences of the height field agree with the spectral slopes (a smooth pit)
    assert np.allclose(render.luminance(s.height_mm, s.grid.spacing_mm)[1:-1, 1:-1], lum[1:-1, 1:-1], atol=0.03)
    g = s.grid
    i = int(np.argmin(np.abs(g.x_mm - 50.0)))
    above = int(np.argmin(np.abs(g.y_mm - 10.0)))
    below = int(np.argmin(np.abs(g.y_mm + 10.0)))
    assert lum[above, i] < ref[above, i] and lum[below, i] > ref[below, i]


def test_frontal_light_sees_less_than_overhead_and_raking_more():
    for fat in (5.0, 20.0):
        s = model.surface(fat, anchoring="compliant")
        c = {light: render.weber_contrast(s, light=light) for light in render.LIGHTS}
        assert c["frontal"] < c["overhead"] < c["raking"]


def test_contrast_does_not_depend_on_skin_tone():
    # Weber contrast is a ratio of luminances: in linear light every tone scales pit and background alike
    s = model.surface(10.0, anchoring="compliant")
    lum, ref = render.surface_luminance(s, reference=True)
    ratios = []
    for tone in render.SKIN_TONES.values():
        a = render._srgb_to_linear(render.skin_rgb(lum, skin=tone, exposure=0.5))
        b = render._srgb_to_linear(render.skin_rgb(ref, skin=tone, exposure=0.5))
        ratios.append(float(np.max(np.abs(a - b) / b)))
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-6)


def test_flat_back_has_no_contrast():
    s = model.surface(10.0, anchoring="none", muscle_mm=0.0)
    assert render.weber_contrast(s) > 0  # the bony knob shows
    flat = model.equilibrium(np.zeros(s.grid.shape), 10.0)
    assert np.allclose(flat.height_mm, 10.0)


def test_threshold_is_sourced():
    assert render.VISIBILITY_THRESHOLD == 0.02
    assert render.WEBER_FRACTION_RANGE == (0.01, 0.02)
    assert render.VISIBILITY_SOURCE in REFERENCES
    assert render.is_visible(0.03) and not render.is_visible(0.015)


def test_contrast_curve_follows_the_chain_for_both_sexes():
    for sex in ("female", "male"):
        c = chain.contrast_curve(sex, [12, 20, 28], anchoring="none")
        assert np.allclose(c, [chain.chain(p, sex, anchoring="none").contrast for p in (12, 20, 28)])


def test_skin_colour_not_a_colormap():
    rgb = render.skin_rgb(np.ones((3, 3)), exposure=1.0)
    assert np.allclose(rgb, np.array(to_rgb(TISSUE_COLOURS["skin"]))[None, None, :], atol=1e-9)
    dark = render.skin_rgb(np.full((2, 2), 0.5))
    r, g, b = dark[0, 0]
    assert r > g > b  # still a skin hue when darker


def test_draw_functions_return_axes():
    s = model.surface(4.0)
    fig, (a, b, c) = new_figure(6, 2, ncols=3)
    assert render.draw_shaded(a, s, mark_psis=True) is a
    assert render.draw_profile(b, s, ylim=(0, 40)) is b
    assert render.draw_contrast_bar(c, render.weber_contrast(s)) is c


def test_frames_and_tables():
    assert nb04_visibility.column_percent("female", "fitness") == 22.0
    assert nb04_visibility.column_percent("male", "obese") == 28.0
    md = nb04_visibility.assumptions_table().data
    n_rows = len(thickness.ASSUMPTIONS) + len(model.ASSUMPTIONS) + len(render.ASSUMPTIONS)
    assert md.count("\n") == n_rows + 1 and "assumed" in md and "[Wandell1995]" in md
    assert "obese" in nb04_visibility.claim_table().data
    assert nb04_visibility.chain_table("male", [20]).data.count("\n") == 2
