"""Tests of dimples.model: physics laws, not conclusions (MODEL.md "Tests").

* the analytic limit: a point load on a membrane over a Winkler foundation,
  w(r) = F / (2 pi T) K0(r / l), l = sqrt(T / K);
* a flat relief with no tether gives a flat skin; a slack tether exerts no
  force; a rigid tether holds the skin at the fascia over its patch;
* left-right symmetry, the equation's residual, grid convergence, no
  dependence on the grid's extent;
* monotonic laws that follow from the physics alone (hypothesis);
* bad input.
Whether leaner means clearer is NOT tested: it is what the model computes
(see dimples.regimes), and it depends on the anchoring.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dimples import model, render

FAST = settings(max_examples=25, deadline=None)
#: A coarse grid for the property tests (speed); the laws hold on any grid.
COARSE = model.make_grid(200.0, 160.0, 2.5)
#: Relative tolerance of the analytic limit away from the load.
ANALYTIC_TOL = 0.01
#: Grid convergence: relative change of depth, width and contrast when the spacing is halved from the default.
CONVERGENCE_TOL = 0.02
#: The same for the contrast under frontal light (a second-order effect of the slope).
FRONTAL_CONVERGENCE_TOL = 0.04
#: Residual of the discrete equilibrium (fraction of its largest term).
RESIDUAL_TOL = 1e-9


def bessel_k0(x: float) -> float:
    """K0(x) = integral_0^inf exp(-x cosh t) dt, by the trapezoid rule (x > 0.1)."""
    t = np.linspace(0.0, 12.0, 40001)
    return float(np.trapezoid(np.exp(-x * np.cosh(t)), t))


def test_bessel_helper_against_known_values():
    assert bessel_k0(1.0) == pytest.approx(0.42102443824, rel=1e-6)
    assert bessel_k0(0.5) == pytest.approx(0.92441907122, rel=1e-6)


@pytest.mark.parametrize("fat", [10.0, 25.0])
def test_point_load_on_membrane_matches_k0(fat):
    mech = model.Mechanics(dermis_modulus_pa=0.0)  # a pure membrane for the closed form
    grid = model.make_grid(400.0, 400.0, 1.0)
    force_n = 1e-3
    j0, i0 = grid.shape[0] // 2, grid.shape[1] // 2
    load = np.zeros(grid.shape)
    load[j0, i0] = force_n / (grid.spacing_mm * 1e-3) ** 2  # Pa over one node's area
    eq = model.equilibrium(np.zeros(grid.shape), fat, load_pa=load, mechanics=mech, grid=grid)
    lift = eq.height_mm[j0] - fat
    ell = model.decay_length_mm(fat, mech)
    assert ell == pytest.approx(math.sqrt(mech.tension_pa_mm * fat / mech.fat_modulus_pa))
    for r in (8, 12, 20, 30):  # mm, away from the load
        expected_mm = 1e3 * force_n / (2 * math.pi * mech.tension_n_per_m) * bessel_k0(r / ell)
        assert lift[i0 + r] == pytest.approx(expected_mm, rel=ANALYTIC_TOL)


@pytest.mark.parametrize("fat", [0.5, 5.0, 30.0, 60.0])
def test_flat_relief_no_tether_is_flat(fat):
    eq = model.equilibrium(np.full(COARSE.shape, 7.0), fat, grid=COARSE)
    assert np.allclose(eq.height_mm, 7.0 + fat, atol=1e-9)


def test_slack_tether_exerts_no_force():
    relief = model.deep_relief(10.0, COARSE)
    slack = model.equilibrium(relief, 15.0, anchoring="none", grid=COARSE)
    assert not slack.tether_pa.any()
    free = model.equilibrium(relief, 15.0, anchoring=0.0, grid=COARSE)
    assert np.array_equal(slack.height_mm, free.height_mm)


@pytest.mark.parametrize("fat", [3.0, 20.0])
def test_rigid_tether_holds_the_skin_at_the_fascia_over_its_patch(fat):
    grid = COARSE
    s = model.surface(fat, anchoring="rigid", grid=grid)
    X, Y = np.meshgrid(grid.x_mm, grid.y_mm)
    for px, py in model.psis_mm():
        patch = np.hypot(X - px, Y - py) <= model.PATCH_RADIUS_MM
        assert s.tether_force_n > 0
        assert np.allclose(s.height_mm[patch], s.relief_mm[patch], atol=1e-9)


@pytest.mark.parametrize("anchoring", ["none", "compliant", "rigid"])
def test_symmetric_and_residual_small(anchoring):
    s = model.surface(12.0, anchoring=anchoring, grid=COARSE)
    assert s.residual < RESIDUAL_TOL
    x = s.profile_x_mm
    mirror = np.interp(-x, x, s.profile_mm)
    inner = np.abs(x) < 0.8 * x.max()
    assert np.allclose(s.profile_mm[inner], mirror[inner], atol=1e-6)


@pytest.mark.parametrize("anchoring", ["none", "compliant", 300.0, "rigid"])
@pytest.mark.parametrize("fat", [5.0, 25.0])
def test_grid_convergence(anchoring, fat):
    small = dict(width_mm=200.0, height_mm=160.0)
    a = model.surface(fat, anchoring=anchoring, grid=model.make_grid(**small, spacing_mm=1.25))
    b = model.surface(fat, anchoring=anchoring, grid=model.make_grid(**small, spacing_mm=0.625))
    assert a.depth_mm == pytest.approx(b.depth_mm, rel=CONVERGENCE_TOL)
    assert a.width_mm == pytest.approx(b.width_mm, rel=CONVERGENCE_TOL)
    for light in render.LIGHTS:
        # frontal light sees only the square of the slope, which is sharpest at a held patch's rim
        tol = FRONTAL_CONVERGENCE_TOL if light == "frontal" else CONVERGENCE_TOL
        assert render.weber_contrast(a, light=light) == pytest.approx(render.weber_contrast(b, light=light), rel=tol)


def test_results_do_not_depend_on_the_grid_extent():
    a = model.surface(20.0, anchoring="compliant", grid=model.make_grid(200.0, 160.0, 2.5))
    b = model.surface(20.0, anchoring="compliant", grid=model.make_grid(400.0, 300.0, 2.5))
    assert a.depth_mm == pytest.approx(b.depth_mm, rel=1e-3)
    assert a.width_mm == pytest.approx(b.width_mm, rel=1e-3)
    assert render.weber_contrast(a) == pytest.approx(render.weber_contrast(b), rel=1e-3)


STIFF = st.floats(0.0, 5000.0)


@FAST
@given(fat=st.floats(1.0, 40.0), k1=STIFF, k2=STIFF, muscle=st.floats(0.0, 30.0))
def test_stiffer_tether_never_gives_a_smaller_pit(fat, k1, k2, muscle):
    # the pit's volume (mean of reference minus skin): at its very centre the skin may sit a few
    # hundredths of a mm higher on a very stiff spring than where it rests on the fascia
    lo, hi = sorted((k1, k2))
    a = model.surface(fat, anchoring=lo, muscle_mm=muscle, grid=COARSE)
    b = model.surface(fat, anchoring=hi, muscle_mm=muscle, grid=COARSE)
    assert b.dip_mm.mean() >= a.dip_mm.mean() - 1e-12
    c = model.surface(fat, anchoring="rigid", muscle_mm=muscle, grid=COARSE)
    assert c.dip_mm.mean() >= b.dip_mm.mean() - 1e-12
    assert c.depth_mm >= a.depth_mm - 1e-9


@FAST
@given(fat=st.floats(1.0, 40.0), m1=st.floats(0.0, 30.0), m2=st.floats(0.0, 30.0))
def test_no_tether_more_muscle_around_never_shallower(fat, m1, m2):
    lo, hi = sorted((m1, m2))
    a = model.surface(fat, anchoring="none", muscle_mm=lo, grid=COARSE)
    b = model.surface(fat, anchoring="none", muscle_mm=hi, grid=COARSE)
    assert b.depth_mm >= a.depth_mm - 1e-9


@FAST
@given(fat=st.floats(1.0, 40.0), t1=st.floats(3.0, 20.0), t2=st.floats(3.0, 20.0))
def test_more_tension_spreads_a_pull_wider(fat, t1, t2):
    lo, hi = sorted((t1, t2))
    assert model.decay_length_mm(fat, model.Mechanics(tension_n_per_m=hi)) >= \
        model.decay_length_mm(fat, model.Mechanics(tension_n_per_m=lo))


@pytest.mark.parametrize("k", ["compliant", 1000.0, 1e5])
def test_the_skin_never_passes_through_the_fascia(k):
    for muscle in (0.0, 10.0):
        s = model.surface(3.0, anchoring=k, muscle_mm=muscle, grid=COARSE)
        assert np.all(s.height_mm >= s.relief_mm - 1e-9)
        assert s.tether_force_n > 0.0


def test_no_muscle_no_tether_the_knob_shows_as_a_bump():
    # FACTS A16: in some people a bony eminence instead of a hollow
    s = model.surface(5.0, anchoring="none", muscle_mm=0.0, grid=COARSE)
    assert s.depth_mm < 0.0
    assert s.width_mm == 0.0


def test_dimples_sit_at_the_psis():
    s = model.surface(10.0, grid=COARSE)
    dip = s.dip_mm
    j, i = np.unravel_index(int(np.argmax(dip)), dip.shape)
    (pxl, py), (pxr, _) = model.psis_mm()
    # deepest on the held patch (its rim, since the knob lifts its centre)
    assert min(math.hypot(s.grid.x_mm[i] - px, s.grid.y_mm[j] - py) for px in (pxl, pxr)) <= model.PATCH_RADIUS_MM


def test_named_anchorings_and_numbers():
    assert model.tether_stiffness("none") == 0.0
    assert math.isinf(model.tether_stiffness("rigid"))
    assert model.tether_stiffness(12.5) == 12.5
    assert math.isinf(model.tether_stiffness(math.inf))


@pytest.mark.parametrize("kwargs, name", [
    ({"anchoring": "glue"}, "anchoring"), ({"anchoring": -1.0}, "anchoring"), ({"anchoring": float("nan")}, "anchoring"),
    ({"anchoring": True}, "anchoring"), ({"muscle_mm": 41.0}, "muscle_mm"), ({"rest_length_mm": -2.0}, "rest_length_mm"),
    ({"mechanics": {"tension": 5}}, "mechanics"), ({"grid": (120, 80)}, "grid"),
])
def test_bad_surface_input_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        model.surface(10.0, **kwargs)


@pytest.mark.parametrize("field, value", [("tension_n_per_m", 0.5), ("fat_modulus_pa", float("inf")),
                                          ("dermis_modulus_pa", -1.0)])
def test_bad_mechanics_names_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        model.Mechanics(**{field: value})


def test_bad_relief_and_load_shapes():
    with pytest.raises(ValueError, match="relief_mm"):
        model.equilibrium(np.zeros((3, 3)), 10.0, grid=COARSE)
    with pytest.raises(ValueError, match="load_pa"):
        model.equilibrium(np.zeros(COARSE.shape), 10.0, load_pa=np.full(COARSE.shape, np.nan), grid=COARSE)


def test_anchoring_words_name_each_anchoring():
    assert model.anchoring_words("none") == "no anchoring"
    assert model.anchoring_words("rigid") == model.anchoring_words(math.inf) == "rigid anchoring"
    assert model.anchoring_words(model.ANCHORINGS["compliant"]) == "compliant anchoring"
    assert model.anchoring_words(5.0) == "anchoring 5 Pa/mm"
