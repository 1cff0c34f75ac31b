"""Landmark table and drawing functions of dimples.anatomy."""

import math

import numpy as np
import pytest

from dimples.anatomy import landmarks as lm
from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.posterior import LAYERS, draw_posterior_view
from dimples.anatomy.sacroiliac import VIEWS, draw_sacroiliac_joint
from dimples.references import REFERENCES
from dimples.style import new_figure


def test_required_landmarks_and_frame():
    for name in ("psis_left", "psis_right", "dimple_left", "dimple_right", "s2_spinous", "l3_spinous",
                 "l4_spinous", "l5_spinous", "coccyx_tip", "gluteal_cleft_top", "piis_left",
                 "iliac_crest_top_right", "sacroiliac_joint_left", "s4_foramen_right"):
        x, y = lm.position(name)
        assert math.isfinite(x) and math.isfinite(y)
    assert lm.position("s2_spinous") == (0.0, 0.0)
    assert lm.position("dimple_left")[0] > 0 > lm.position("dimple_right")[0]  # x to the subject's left


def test_inter_dimple_distance_is_sourced():
    assert lm.distance_cm("dimple_left", "dimple_right") == pytest.approx(lm.INTER_DIMPLE_CM) == pytest.approx(10.0)
    assert lm.get("dimple_left").source == "Bramhwanshi2023"


def test_anatomical_order():
    y = {n: lm.position(n)[1] for n in lm.names()}
    assert y["l3_spinous"] > y["l4_spinous"] > y["l5_spinous"] > y["s1_spinous"] > y["s2_spinous"] > y["coccyx_tip"]
    assert y["psis_left"] == pytest.approx(y["s2_spinous"])  # PSIS level with S2
    assert y["iliac_crest_top_left"] == pytest.approx(y["l4_spinous"])  # Tuffier's line at L4
    assert lm.position("dimple_left") == lm.position("psis_left")  # dimple over the PSIS
    assert lm.distance_cm("s2_foramen_left", "s2_foramen_right") == pytest.approx(3.0)


def test_sources_resolve_and_fields():
    for land in lm.LANDMARKS.values():
        assert land.source is None or land.source in REFERENCES, land.name
        assert land.latin and land.label


@pytest.mark.parametrize("bad", ["psis", "PSIS_left", "", None, 3])
def test_position_unknown(bad):
    with pytest.raises(ValueError, match="unknown landmark"):
        lm.position(bad)


def test_michaelis_rhombus():
    corners = lm.michaelis_rhombus()
    assert corners[1] == lm.position("dimple_left") and corners[2] == lm.position("gluteal_cleft_top")
    with pytest.raises(ValueError, match="top="):
        lm.michaelis_rhombus("l1_spinous")


@pytest.mark.parametrize("layers", [("skin",), ("bone",), LAYERS, ["bone", "lines"]])
def test_posterior_layers(layers):
    fig, ax = new_figure(8, 5.2)
    assert draw_posterior_view(ax, layers=layers) is ax


@pytest.mark.parametrize("layers", [(), ("muscle",), "nerves", 5])
def test_posterior_bad_layers(layers):
    fig, ax = new_figure()
    with pytest.raises(ValueError, match="layers="):
        draw_posterior_view(ax, layers=layers)


def test_posterior_bad_rhombus_top():
    fig, ax = new_figure()
    with pytest.raises(ValueError, match="rhombus_top="):
        draw_posterior_view(ax, rhombus_top="l1")


@pytest.mark.parametrize("view", VIEWS)
def test_sacroiliac_views(view):
    fig, ax = new_figure(8, 4.6)
    assert draw_sacroiliac_joint(ax, view=view) is ax


def test_sacroiliac_bad_view():
    fig, ax = new_figure()
    with pytest.raises(ValueError, match="view='lateral'"):
        draw_sacroiliac_joint(ax, view="lateral")


@pytest.mark.parametrize("kw", [dict(fat_mm=-1), dict(fat_mm=float("nan")), dict(fat_mm=float("inf")),
                                dict(muscle_mm=-0.1), dict(muscle_mm=100), dict(fat_mm="10"),
                                dict(anchored="yes")])
def test_cross_section_bad_input(kw):
    fig, ax = new_figure()
    with pytest.raises(ValueError, match=next(iter(kw))):
        draw_cross_section(ax, **kw)


def test_cross_section_dimple_only_when_anchored():
    from dimples.anatomy.cross_section import skin_surface

    x = np.linspace(-9, 9, 721)
    px = lm.position("psis_left")[0]
    for fat in (5.0, 20.0):
        anchored = skin_surface(x, fat, True)
        free = skin_surface(x, fat, False)
        i = np.argmin(np.abs(x - px))
        assert anchored[i] < free[i]  # the anchoring pulls the skin down over the PSIS
    for fat, muscle in ((0, 0), (60, 60)):
        fig, ax = new_figure(8, 3.3)
        draw_cross_section(ax, fat_mm=fat, muscle_mm=muscle, anchored=False)


def test_cross_section_draws_the_models_skin():
    """One skin model: the section's anchored skin sits below its free skin by exactly the model's dimple."""
    from dimples import model
    from dimples.anatomy.cross_section import skin_surface

    x = np.linspace(-9, 9, 721)
    for fat, muscle in ((5.0, 15.0), (12.0, 20.0), (30.0, 40.0)):
        surf = model.surface(fat, anchored=True, muscle_mm=muscle)
        dip_cm = np.interp(10 * x, surf.profile_x_mm, surf.profile_free_mm - surf.profile_mm) / 10
        drawn = skin_surface(x, fat, False, muscle) - skin_surface(x, fat, True, muscle)
        assert np.allclose(drawn, dip_cm, atol=2e-3), (fat, muscle)  # cm, up to the section's finer grid
        assert dip_cm.max() > 0.01


def test_cross_section_midline_is_a_shallow_wide_groove():
    """Over the median sacral crest the skin lies close with at most a shallow groove, no V-notch."""
    from dimples.anatomy.cross_section import skin_surface

    x = np.linspace(-3, 3, 241)
    for fat, muscle in ((5.0, 15.0), (10.0, 15.0), (12.0, 20.0), (30.0, 15.0)):
        for anchored in (True, False):
            s = skin_surface(x, fat, anchored, muscle)
            mid = s[np.abs(x) < 2.0]
            assert mid.max() - mid.min() < 0.8, (fat, muscle, anchored)  # cm: shallow
            curvature = np.diff(s, 2) / (x[1] - x[0]) ** 2
            assert np.abs(curvature[np.abs(x[1:-1]) < 2.0]).max() < 6.0, (fat, muscle, anchored)  # 1/cm (old V-notch: ~25)


def test_posterior_labels_point_where_they_say():
    """The sciatic-notch label points into the notch; the hip-joint label onto the femoral neck, off the hip bone."""
    from matplotlib.path import Path

    from dimples.anatomy import bones
    from dimples.anatomy.posterior import _labels

    hip = Path(bones.hip_bone())
    hip_r = Path(bones.mirror(bones.hip_bone()))
    femur_r = Path(bones.mirror(bones.femur()))
    labs = {lab.text: lab for lab in _labels(LAYERS, "l5_spinous")}
    notch = labs["greater sciatic notch"].xy
    assert not hip.contains_point(notch) and not Path(bones.sacrum()).contains_point(notch)
    px, py = lm.position("piis_left")
    sx, sy = lm.position("ischial_spine_left")
    assert sy < notch[1] < py and notch[0] > max(px, sx)  # inside the concavity below the PIIS
    neck = next(lab for t, lab in labs.items() if "femur" in t).xy
    assert femur_r.contains_point(neck) and not hip_r.contains_point(neck)
    assert not any(t == "hip joint" for t in labs)
    for lab in labs.values():  # paired structures on their own side
        if lab.side == "left":
            assert lab.xy[0] >= 0, lab.text
        if lab.side == "right":
            assert lab.xy[0] <= 0, lab.text
