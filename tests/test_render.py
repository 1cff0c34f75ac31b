"""Tests of dimples.render (shading, contrast, skin colour) and of the frames notebooks 03-04 draw."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgb

from dimples import frames, model, render, thickness
from dimples.references import REFERENCES
from dimples.style import TISSUE_COLOURS, new_figure


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
    s = model.surface(2.0)
    lum, free = render.surface_luminance(s, free=True)
    # finite differences of the height field agree with the exact slopes
    assert np.allclose(render.luminance(s.height_mm, s.grid.spacing_mm)[1:-1, 1:-1], lum[1:-1, 1:-1], atol=0.01)
    g = s.grid
    i = int(np.argmin(np.abs(g.x_mm - 50.0)))
    above = int(np.argmin(np.abs(g.y_mm - 8.0)))
    below = int(np.argmin(np.abs(g.y_mm + 8.0)))
    assert lum[above, i] < free[above, i] and lum[below, i] > free[below, i]


def test_threshold_is_sourced():
    assert render.VISIBILITY_THRESHOLD == 0.02
    assert render.WEBER_FRACTION_RANGE == (0.01, 0.02)
    assert render.VISIBILITY_SOURCE in REFERENCES
    assert render.is_visible(0.03) and not render.is_visible(0.015)


@settings(max_examples=30, deadline=None)
@given(f=st.floats(0.0, 40.0), df=st.floats(1.0, 10.0), sex=st.sampled_from(("female", "male")))
def test_contrast_falls_with_body_fat(f, df, sex):
    a, b = model.surface(f), model.surface(f + df)
    assert render.weber_contrast(b) < render.weber_contrast(a)


def test_contrast_falls_along_the_chain_for_both_sexes():
    for sex in ("female", "male"):
        c = frames.contrast_curve(sex, [12, 20, 28, 36])
        assert np.all(np.diff(c) < 0)


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
    assert frames.nb04_percent("female", "fitness") == 22.0
    assert frames.nb04_percent("male", "obese") == 28.0
    md = frames.assumptions_table().data
    n_rows = len(thickness.ASSUMPTIONS) + len(model.ASSUMPTIONS) + len(render.ASSUMPTIONS)
    assert md.count("\n") == n_rows + 1 and "assumed" in md and "[Wandell1995]" in md
    assert "obese" in frames.claim_table().data
    assert frames.chain_table("male", [20]).data.count("\n") == 2


NAN = float("nan")
BAD = [
    (render.luminance, (np.zeros(5), 1.0), {}, "height_mm"),
    (render.luminance, (np.full((4, 4), NAN), 1.0), {}, "height_mm"),
    (render.luminance, (np.zeros((4, 4)), -1.0), {}, "spacing_mm"),
    (render.luminance, (np.zeros((4, 4)), 1.0), {"light_angle_deg": 95.0}, "light_angle_deg"),
    (render.weber_contrast, (np.zeros((4, 4)),), {}, "surf"),
    (render.surface_luminance, ("surface",), {}, "surf"),
    (render.surface_luminance, (model.surface(1.0),), {"light_angle_deg": -5.0}, "light_angle_deg"),
    (render.weber_contrast, (model.surface(1.0),), {"light_angle_deg": NAN}, "light_angle_deg"),
    (render.is_visible, (-0.1,), {}, "contrast"),
    (render.is_visible, (NAN,), {}, "contrast"),
    (render.skin_rgb, (np.full((2, 2), -1.0),), {}, "lum"),
    (render.skin_rgb, (np.ones((2, 2)),), {"skin": "not-a-colour"}, "skin"),
    (render.skin_rgb, (np.ones((2, 2)),), {"exposure": 0.0}, "exposure"),
    (render.draw_shaded, (None, "surface"), {}, "surf"),
    (render.draw_profile, (None, 3.0), {}, "surf"),
    (render.draw_contrast_bar, (None, 2.0), {}, "contrast"),
    (frames.nb04_percent, ("female", "lean"), {}, "column"),
    (frames.nb04_percent, ("woman", "fitness"), {}, "sex"),
    (frames.chain_table, ("x", [20]), {}, "sex"),
    (frames.contrast_curve, ("female", [NAN]), {}, "percent_fat"),
    (frames.surfaces_figure, ((-1.0,),), {}, "fat_mm"),
    (frames.visibility_frame, ("female", "skinny"), {}, "column"),
    (frames.formation_frame, (NAN,), {}, "fat_mm"),
    (frames.anchor_muscle_frame, ("yes", 10.0), {}, "anchored"),
]


@pytest.mark.parametrize("func, args, kwargs, name", BAD, ids=lambda v: getattr(v, "__name__", None))
def test_bad_input_raises_value_error_naming_the_parameter(func, args, kwargs, name):
    with pytest.raises(ValueError) as err:
        func(*args, **kwargs)
    assert name in str(err.value) and "expected" in str(err.value)


def test_every_public_render_function_is_in_the_bad_input_table():
    funcs = {f for f, *_ in BAD}
    public = {getattr(render, n) for n in render.__all__ if callable(getattr(render, n)) and n[0].islower()}
    assert not sorted(f.__name__ for f in public - funcs)
