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
                                dict(anchoring="yes")])
def test_cross_section_bad_input(kw):
    fig, ax = new_figure()
    with pytest.raises(ValueError, match=next(iter(kw))):
        draw_cross_section(ax, **kw)


def test_cross_section_pit_deepens_with_the_anchoring():
    from dimples.anatomy.cross_section import skin_surface

    x = np.linspace(-9, 9, 721)
    px = lm.position("psis_left")[0]
    near = np.abs(x - px) < 1.5
    for fat in (5.0, 20.0):
        rigid, compliant, none = (skin_surface(x, fat, a) for a in ("rigid", "compliant", "none"))
        assert rigid[near].sum() < compliant[near].sum() <= none[near].sum() + 1e-9  # stiffer pulls further down
    for fat, muscle in ((0.5, 0), (60, 40)):
        fig, ax = new_figure(8, 3.3)
        draw_cross_section(ax, fat_mm=fat, muscle_mm=muscle, anchoring="none")


def test_cross_section_draws_the_models_skin():
    """One skin model: between two anchorings the drawn skin differs by exactly the model's difference."""
    from dimples import model
    from dimples.anatomy.cross_section import _deep_surface, skin_surface
    from dimples.model import DERMIS_MM

    x = np.linspace(-9, 9, 721)
    for fat, muscle in ((5.0, 10.0), (12.0, 20.0), (30.0, 5.0)):
        floor = _deep_surface(x, muscle) + DERMIS_MM / 10 + 1e-6
        a = model.surface(fat, anchoring="none", muscle_mm=muscle)
        b = model.surface(fat, anchoring="rigid", muscle_mm=muscle)
        model_cm = np.interp(10 * x, a.profile_x_mm, a.profile_mm - b.profile_mm) / 10
        drawn = skin_surface(x, fat, "none", muscle) - skin_surface(x, fat, "rigid", muscle)
        free = (skin_surface(x, fat, "none", muscle) > floor) & (skin_surface(x, fat, "rigid", muscle) > floor)
        # wherever neither skin rests on the drawn fascia (it cannot pass through it), they differ as the model's
        assert free.mean() > 0.5, (fat, muscle)
        assert np.allclose(drawn[free], model_cm[free], atol=2e-3), (fat, muscle)
        assert model_cm.max() > 0.1


def test_cross_section_midline_is_a_shallow_wide_groove():
    """Over the median sacral crest the skin lies close with at most a shallow groove, no V-notch."""
    from dimples.anatomy.cross_section import skin_surface

    x = np.linspace(-3, 3, 241)
    for fat, muscle in ((5.0, 15.0), (10.0, 15.0), (12.0, 20.0), (30.0, 15.0)):
        for anchored in ("rigid", "none"):
            s = skin_surface(x, fat, anchored, muscle)
            mid = s[np.abs(x) < 2.0]
            assert mid.max() - mid.min() < 0.8, (fat, muscle, anchored)  # cm: shallow
            curvature = np.diff(s, 2) / (x[1] - x[0]) ** 2
            assert np.abs(curvature[np.abs(x[1:-1]) < 2.0]).max() < 6.0, (fat, muscle, anchored)  # 1/cm (old V-notch: ~25)


def test_posterior_labels_point_where_they_say():
    """The sciatic-notch label ends on the notch's edge; "neck of femur" on the neck, off the hip bone and the shaft."""
    from matplotlib.path import Path

    from dimples.anatomy import bones
    from dimples.anatomy.posterior import LABEL_LAYERS, _labels

    hb = bones.hip_bone()
    hip_r = Path(bones.mirror(hb))
    neck_r = Path(bones.mirror(bones.femur_parts()["neck"]))
    labs = {lab.text: lab for lab in _labels(("bone", "landmarks"), "pelvis")}
    notch = np.array(labs["greater sciatic notch"].xy)
    assert np.min(np.hypot(*(hb - notch).T)) < 1e-9  # on the bony edge of the notch
    px, py = lm.position("piis_left")
    sx, sy = lm.position("ischial_spine_left")
    assert sy < notch[1] < py and notch[0] > max(px, sx)  # the deepest part of the concavity below the PIIS
    neck = labs["neck of femur"].xy
    assert neck_r.contains_point(neck) and not hip_r.contains_point(neck)
    for layer in LABEL_LAYERS:
        layers = {"surface": ("skin", "bone", "landmarks"), "lines": LAYERS}.get(layer, ("bone", "landmarks"))
        for lab in _labels(layers, layer):  # paired structures on their own side
            assert lab.structure, lab.text
            if lab.side == "left":
                assert lab.xy[0] >= 0, lab.text
            if lab.side == "right":
                assert lab.xy[0] <= 0, lab.text


def test_label_layers():
    from dimples.anatomy.posterior import LABEL_LAYERS, MAX_LABELS, _labels, default_label_layer

    assert default_label_layer(LAYERS) == "lines"
    assert default_label_layer(("bone",)) == "pelvis"
    assert default_label_layer(("skin", "bone")) == "surface"
    for layer in LABEL_LAYERS:
        assert 3 <= len(_labels(LAYERS, layer)) <= MAX_LABELS, layer
    fig, ax = new_figure(8, 5.2)
    with pytest.raises(ValueError, match="labels="):
        draw_posterior_view(ax, layers=("skin",), labels="pelvis")  # bone labels without the bone
    with pytest.raises(ValueError, match="labels="):
        draw_posterior_view(ax, labels="bones")


def test_posterior_bone_shapes():
    """The ilium overlaps the side of the sacrum; the PSIS knob stands out over S2; the joint spans S1-S3."""
    from matplotlib.path import Path

    from dimples.anatomy import bones

    hb, sac = Path(bones.hip_bone()), Path(bones.sacrum())
    px, py = lm.position("psis_left")
    assert hb.contains_point((px, py)) and sac.contains_point((px, py))  # the PSIS lies over the sacrum
    knob_x = bones.hip_bone()[np.abs(bones.hip_bone()[:, 1] - py) < 0.3][:, 0].min()
    edge_above = bones.hip_bone()[np.abs(bones.hip_bone()[:, 1] - (py + 1.6)) < 0.3][:, 0].min()
    edge_below = bones.hip_bone()[np.abs(bones.hip_bone()[:, 1] - (py - 1.6)) < 0.3][:, 0].min()
    assert knob_x < edge_above - 0.4 and knob_x < edge_below - 0.8  # a knob, with the notch below it
    ear = bones.auricular_surface()
    assert ear[:, 1].max() >= lm.position("s1_spinous")[1] and ear[:, 1].min() <= lm.position("s3_spinous")[1]
    assert np.mean(hb.contains_points(ear)) > 0.5  # half or more hidden by the ilium (drawn dashed there)
    opening, cornua = bones.sacral_hiatus()
    assert opening[0, 1] == opening[-1, 1] < opening[:, 1].max()  # an inverted U, open below
    assert all(c[:, 1].min() < opening[:, 1].min() + 0.6 for c in cornua)
    v = bones.vertebra("l4_spinous")
    assert {"spinous", "arch", "transverse", "superior_articular", "inferior_articular"} <= set(v)


def test_published_checks():
    """The landmark table says where the drawing departs from published distances."""
    checks = {(q, pub): drawn for q, drawn, pub, key, _ in lm.CHECKS}
    assert checks[("inter-PSIS distance", 10.0)] == pytest.approx(10.0)
    assert checks[("inter-PSIS distance", 8.0)] == pytest.approx(10.0)  # wider than Kenhub's ~8 cm
    assert all(key in REFERENCES for *_, key, _ in lm.CHECKS)
    levels = ["l4_spinous", "l5_spinous", "s1_spinous", "s2_spinous"]  # Tuffier's line to the PSIS line
    ys = [lm.position(n)[1] for n in levels]
    assert ys == sorted(ys, reverse=True) and ys[0] == lm.position("iliac_crest_top_left")[1]
    assert ys[-1] == lm.position("psis_left")[1]
    assert lm.position("coccyx_tip")[1] < lm.position("pubic_symphysis")[1] + 1.4  # not above the symphysis


def test_cross_section_skin_is_the_models_profile_with_one_pit_per_psis():
    """The drawn skin is the model's profile (no W of bump and notches); the fascia meets the median crest."""
    from dimples import model
    from dimples.anatomy.cross_section import _deep_surface, _tilt, skin_surface
    from dimples.model import DERMIS_MM

    px = abs(lm.position("psis_left")[0])
    x = np.linspace(px - 3.0, px + 3.0, 481)
    for fat, muscle, anchoring in ((10.0, 10.0, "rigid"), (12.0, 20.0, "rigid"), (20.0, 20.0, "compliant"),
                                   (10.0, 10.0, "none"), (3.0, 40.0, "none")):
        s = skin_surface(x, fat, anchoring, muscle)
        surf = model.surface(fat, anchoring=anchoring, muscle_mm=muscle)
        expected = np.interp(10 * x, surf.profile_x_mm, surf.profile_mm) / 10
        flat = s - _tilt(x)  # less the buttock's turn lateral to the PSIS, which the model leaves out
        assert np.allclose(flat - flat.max(), expected - expected.max(), atol=1e-4), (fat, muscle, anchoring)  # cm
        # One pit: inside the anchoring patch the skin varies by at most the PSIS knob under it (the model's
        # rigid tether holds it on the knob); outside the patch it only rises away from the PSIS, no notch.
        r = np.abs(x - px)
        inside = r <= model.PATCH_RADIUS_MM / 10
        if anchoring != "none":
            assert np.ptp(s[inside]) <= model.KNOB_MM / 10 + 1e-6, (fat, muscle, anchoring)
        for side in (x > px, x < px):
            ring = side & ~inside & (r < 2.0)
            rise = np.diff(s[ring][np.argsort(r[ring])])
            assert (rise >= -1e-6).all(), (fat, muscle, anchoring, "a notch beside the pit")
        assert s[inside].min() < s[~inside & (r < 2.0)].min() + 1e-6, "the pit is at the PSIS"
    for muscle in (0.0, 10.0, 40.0):
        assert abs(_deep_surface(np.array([0.0]), muscle)[0] - 0.05) < 1e-9, "the fascia attaches to the crest tip"
    assert DERMIS_MM > 0
