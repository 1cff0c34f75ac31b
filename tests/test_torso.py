"""The whole lower back (dimples.torso) and its drawing (dimples.anatomy.lower_back).

The dimples on the back are the model's own pit, node for node; the assumed shape fills out with fat
and its spinal furrow shallows; the back is symmetric; the subject's left is on the viewer's left; the
light changes the shading and the skin tone changes the colour, not the contrast; a notebook frame is
at least 1200 px wide with text at least 14 px tall; the two figures are PNG-only renders at 2x.
"""

from __future__ import annotations

import dataclasses
import io
import math

import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image

from dimples import chain, model, render, torso
from dimples.anatomy import lower_back as lb
from dimples.style import new_figure, png_bytes
from dimples.tooling import figures

FATS_MM = (2.0, 8.0, 15.0)


@pytest.fixture(scope="module")
def backs():
    """Torsos by (sex, fat) with a rigid anchoring."""
    return {(sex, fat): torso.torso_surface(fat, sex) for sex in ("female", "male") for fat in FATS_MM}


def _node(values: np.ndarray, v: float) -> int:
    i = int(np.argmin(np.abs(values - v)))
    assert math.isclose(values[i], v, abs_tol=1e-9), f"no node at {v} mm"
    return i


@pytest.mark.parametrize("anchoring", ["rigid", "compliant", "none"])
@pytest.mark.parametrize("fat_mm", [3.0, 15.0])
def test_the_dimples_are_the_models_pit(anchoring, fat_mm):
    surf = model.surface(fat_mm, anchoring=anchoring)
    back = torso.torso_surface(fat_mm, "female", anchoring=anchoring, surface=surf)
    pit = surf.height_mm - surf.reference_mm
    g = surf.grid
    for px, py in back.psis_mm:
        tj, ti = _node(back.y_mm, py), _node(back.x_mm, px)
        mj, mi = _node(g.y_mm, py), _node(g.x_mm, px)
        assert back.dimple_mm[tj, ti] == pytest.approx(pit[mj, mi], abs=1e-9)
    # node for node over the whole patch: every torso node inside the model's grid lies on a model node
    inside_x = (back.x_mm >= g.x_mm[0]) & (back.x_mm <= g.x_mm[-1])
    inside_y = (back.y_mm >= g.y_mm[0]) & (back.y_mm <= g.y_mm[-1])
    ix = np.rint((back.x_mm[inside_x] - g.x_mm[0]) / g.spacing_mm).astype(int)
    iy = np.rint((back.y_mm[inside_y] - g.y_mm[0]) / g.spacing_mm).astype(int)
    np.testing.assert_allclose(back.dimple_mm[np.ix_(inside_y, inside_x)], pit[np.ix_(iy, ix)], atol=1e-9)
    assert np.all(back.dimple_mm[:, ~inside_x] == 0.0) and np.all(back.dimple_mm[~inside_y, :] == 0.0)
    # at the model's own spacing every model node is a torso node: the deepest point is the model's
    fine = torso.torso_surface(fat_mm, "female", anchoring=anchoring, surface=surf, spacing_mm=g.spacing_mm)
    assert fine.dimple_mm.min() == pytest.approx(pit.min(), rel=1e-9)
    assert np.abs(fine.dimple_mm).sum() == pytest.approx(np.abs(pit).sum(), rel=1e-6)


def test_the_surface_given_is_used_and_checked():
    surf = model.surface(6.0, anchoring="compliant")
    back = torso.torso_surface(6.0, "male", anchoring="compliant", surface=surf)
    assert back.surface is surf
    with pytest.raises(ValueError, match="surface"):
        torso.torso_surface(7.0, "male", anchoring="compliant", surface=surf)
    with pytest.raises(ValueError, match="surface"):
        torso.torso_surface(6.0, "male", anchoring="rigid", surface=surf)


@pytest.mark.parametrize("sex", ["female", "male"])
def test_the_outline_fills_out_with_fat(backs, sex):
    for level in (torso.WAIST_Y_MM, torso.HIP_Y_MM, 0.0):
        widths = [backs[sex, f].half_width_at(level) for f in FATS_MM]
        assert widths[0] < widths[1] < widths[2], (level, widths)
    areas = [backs[sex, f].coverage.sum() for f in FATS_MM]
    assert areas[0] < areas[1] < areas[2]


def test_womens_hips_are_wider_relative_to_the_waist(backs):
    def ratio(sex, fat):
        b = backs[sex, fat]
        return b.half_width_at(torso.HIP_Y_MM) / b.half_width_at(torso.WAIST_Y_MM)

    for fat in FATS_MM:
        assert ratio("female", fat) > ratio("male", fat) + 0.1


@pytest.mark.parametrize("sex", ["female", "male"])
def test_the_spinal_furrow_shallows_with_fat(backs, sex):
    depths = [backs[sex, f].furrow_depth_mm for f in FATS_MM]
    assert depths[0] > depths[1] > depths[2] > 0.0, depths


@pytest.mark.parametrize("anchoring", ["rigid", "none"])
def test_left_right_symmetry(anchoring):
    back = torso.torso_surface(8.0, "female", anchoring=anchoring)
    assert np.allclose(back.x_mm, -back.x_mm[::-1])
    np.testing.assert_allclose(back.height_mm, back.height_mm[:, ::-1], atol=1e-5)
    np.testing.assert_allclose(back.coverage, back.coverage[:, ::-1], atol=1e-12)
    rgb = torso.torso_rgb(back, light="overhead")
    np.testing.assert_allclose(rgb, rgb[:, ::-1], atol=1e-5)


def _body_pixels(rgb_png: bytes):
    im = np.asarray(Image.open(io.BytesIO(rgb_png)).convert("RGB"), dtype=float)
    return im


def test_the_subjects_left_is_on_the_viewers_left():
    """The raking lamp shines towards -x, the subject's right: in the drawing that side is on the viewer's right."""
    back = torso.torso_surface(5.0, "female")
    rgb = torso.torso_rgb(back, light="raking")
    j = _node(back.y_mm, 100.0)
    body = back.coverage[j] == 1.0
    left_of_subject = rgb[j, (back.x_mm > 60.0) & body].mean()
    right_of_subject = rgb[j, (back.x_mm < -60.0) & body].mean()
    assert right_of_subject > left_of_subject + 0.1
    fig, ax = new_figure(6.0, 4.0)
    lb.draw_lower_back(ax, 25.0, "female", light="raking")
    assert ax.get_xlim()[0] > ax.get_xlim()[1], "the x axis must run from the subject's left to right"
    # the label of the left dimple points at +x, and the left half of the screen shows the darker flank
    px = _body_pixels(png_bytes(fig, dpi=60, colours=None))
    bbox = ax.get_window_extent()
    h = px.shape[0]
    row = int(h - (bbox.y0 + 0.7 * bbox.height) * 60 / 100)
    mid = int((bbox.x0 + bbox.width / 2) * 60 / 100)
    screen_left = px[row, mid - 60:mid - 20].mean()
    screen_right = px[row, mid + 20:mid + 60].mean()
    assert screen_right > screen_left + 20


def test_light_changes_the_shading():
    back = torso.torso_surface(5.0, "male")
    inside = back.coverage == 1.0
    pics = {light: torso.torso_rgb(back, light=light) for light in render.LIGHTS}
    for a, b in (("overhead", "raking"), ("overhead", "frontal"), ("raking", "frontal")):
        assert np.abs(pics[a] - pics[b])[inside].mean() > 0.01, (a, b)


def _linear(rgb):
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def test_tone_changes_the_colour_not_the_contrast():
    back = torso.torso_surface(6.0, "female")
    flat = dataclasses.replace(back, height_mm=back.base_mm)  # the same back without the dimples
    near = np.zeros_like(back.coverage, dtype=bool)
    for px, py in back.psis_mm:
        near |= np.hypot(*np.meshgrid(back.x_mm - px, back.y_mm - py)) < 40.0
    contrasts = {}
    for tone in ("I", "III", "VI"):
        pic, ref = torso.torso_rgb(back, tone=tone), torso.torso_rgb(flat, tone=tone)
        lin, lin_ref = _linear(pic)[near], _linear(ref)[near]
        contrasts[tone] = float(np.max(np.abs(lin - lin_ref) / lin_ref))
        assert np.all(pic < 1.0), f"tone {tone} clips"
    assert np.abs(torso.torso_rgb(back, tone="I") - torso.torso_rgb(back, tone="VI")).mean() > 0.3
    assert contrasts["I"] == pytest.approx(contrasts["VI"], rel=1e-6)
    assert contrasts["III"] == pytest.approx(contrasts["VI"], rel=1e-6)
    assert contrasts["VI"] > render.VISIBILITY_THRESHOLD
    # the frame's stated contrast is the chain's (render.weber_contrast of the model), the same for every tone
    r = chain.chain(25.0, "female")
    for tone in ("I", "VI"):
        fig = lb.lower_back_frame(25.0, "female", "rigid", tone=tone)
        assert any(f"contrast {100 * r.contrast:.0f} %" in t.get_text() for t in fig.findobj(Text))


def test_the_frame_is_projector_sharp():
    fig = lb.lower_back_frame(30.0, "male", "compliant", light="raking", tone="V")
    with Image.open(io.BytesIO(png_bytes(fig, dpi=lb.FRAME_DPI, colours=None))) as im:
        assert im.width >= 1200, im.size
    texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert len(texts) >= 5
    for t in texts:
        assert t.get_fontsize() * lb.FRAME_DPI / 72 >= 14.0 - 1e-9, (t.get_text(), t.get_fontsize())
    words = " ".join(t.get_text() for t in texts)
    r = chain.chain(30.0, "male", anchoring="compliant", light="raking")
    for expected in ("Man, 30 % body fat", "ACE category: obese", f"{r.fat_mm:.1f} mm", "compliant anchoring", "raking",
                     f"contrast {100 * r.contrast:.0f} %", "visible" if r.visible else "too faint"):
        assert expected in words, expected


def test_the_caption_states_the_values():
    text = lb.frame_caption(18.0, "female", "none", light="frontal")
    r = chain.chain(18.0, "female", anchoring="none", light="frontal")
    assert "Woman, 18 % body fat (ACE: athletes)" in text and "no anchoring" in text
    assert f"{100 * r.contrast:.0f} %" in text and ("visible" if r.visible else "too faint") in text


def test_labels_and_guide_line_are_optional():
    fig, ax = new_figure(12.0, 6.2)
    lb.draw_lower_back(ax, 28.0, "female")
    assert not [t for t in fig.findobj(Text) if t.get_text().strip()]
    fig, ax = new_figure(12.0, 6.2)
    lb.draw_lower_back(ax, 28.0, "female", labels=True, crest_line=True)
    words = " ".join(t.get_text() for t in fig.findobj(Text))
    for name in ("dimple of Venus", "PSIS", "spinal furrow", "iliac", "gluteal cleft"):
        assert name in words
    assert any((line.get_gid() or "").endswith("crest_line") for line in ax.lines)


def test_the_plate_shows_three_fats_under_two_lights():
    fig = lb.comparison_plate()
    images = [ax for ax in fig.axes if ax.images]
    assert len(images) == 6
    words = " ".join(t.get_text() for t in fig.findobj(Text))
    for p in lb.PLATE_PERCENTS:
        assert f"{p:g} % body fat" in words
    assert "overhead light" in words and "raking light" in words


@pytest.mark.parametrize("name", ["lower_back", "lower_back_plate"])
def test_the_renders_are_png_only_at_2x(name, tmp_path):
    spec = figures.FIGURES[name]
    assert spec.formats == ("png",) and spec.dpi == 2 * lb.FRAME_DPI
    written = figures.export(tmp_path, formats=("svg", "png"), names=[name])
    assert [p.name for p in written] == [f"{name}.png", "README.md"]
    with Image.open(tmp_path / f"{name}.png") as im:
        assert im.width >= 2400
    assert f"[{name}.png]({name}.png) |" in figures.readme_text()
    assert f"{name}.svg" not in figures.readme_text()


@pytest.mark.parametrize("call, name", [
    (lambda: torso.torso_surface(0.1, "female"), "fat_mm"),
    (lambda: torso.torso_surface(float("nan"), "female"), "fat_mm"),
    (lambda: torso.torso_surface(5.0, "woman"), "sex"),
    (lambda: torso.torso_surface(5.0, "male", anchoring="glue"), "anchoring"),
    (lambda: torso.torso_surface(5.0, "male", muscle_mm=-1.0), "muscle_mm"),
    (lambda: torso.torso_surface(5.0, "male", spacing_mm=0.5), "spacing_mm"),
    (lambda: torso.torso_surface(5.0, "male", surface="flat"), "surface"),
    (lambda: torso.torso_rgb("torso"), "torso"),
    (lambda: torso.torso_rgb(torso.torso_surface(5.0, "male"), light="candle"), "light"),
    (lambda: torso.torso_rgb(torso.torso_surface(5.0, "male"), tone="VII"), "tone"),
    (lambda: torso.torso_surface(5.0, "male").half_width_at(900.0), "y_mm"),
    (lambda: lb.draw_lower_back("axes", 20.0, "female"), "ax"),
    (lambda: lb.draw_lower_back(new_figure()[1], 90.0, "female"), "percent_fat"),
    (lambda: lb.draw_lower_back(new_figure()[1], 20.0, "female", labels="yes"), "labels"),
    (lambda: lb.lower_back_frame(20.0, "female", "tight"), "anchoring"),
    (lambda: lb.lower_back_frame(20.0, "female", "rigid", tone="pale"), "tone"),
    (lambda: lb.lower_back_frame(20.0, "female", "rigid", estimate="guess"), "estimate"),
    (lambda: lb.comparison_plate(percents=(20.0, 30.0)), "percents"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError) as err:
        call()
    assert f"{name}=" in str(err.value), str(err.value)


# --- pixel baselines (pytest-mpl), as in tests/test_figures.py ---------------------------------
_MPL = dict(baseline_dir="baseline", tolerance=2, style="default", savefig_kwargs={"dpi": 60})


@pytest.mark.mpl_image_compare(filename="test_baseline_lower_back.png", **_MPL)
def test_baseline_lower_back():
    return figures.make("lower_back")


@pytest.mark.mpl_image_compare(filename="test_baseline_lower_back_plate.png", **_MPL)
def test_baseline_lower_back_plate():
    return figures.make("lower_back_plate")


def _relative_luminance(rgb) -> np.ndarray:
    lin = _linear(np.asarray(rgb, dtype=float))
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def _ratio(a, b):
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    return (hi + 0.05) / (lo + 0.05)


def test_key_lines_stand_out_at_3_to_1():
    """The outline against the background; the leaders and the crest line (dark, with a white halo) on any skin."""
    from matplotlib.colors import to_rgb

    bg = _relative_luminance(to_rgb(torso.BACKGROUND))
    assert _ratio(_relative_luminance(to_rgb(lb.OUTLINE_COLOUR)), bg) >= 3.0
    dark, white = _relative_luminance(to_rgb("#222222")), _relative_luminance((1.0, 1.0, 1.0))
    back = torso.torso_surface(8.0, "female")
    for tone in render.SKIN_TONES:
        for light in render.LIGHTS:
            skin = _relative_luminance(torso.torso_rgb(back, light=light, tone=tone))[back.coverage > 0]
            best = np.maximum(_ratio(dark, skin), _ratio(white, skin))
            assert best.min() >= 3.0, (tone, light, best.min())
