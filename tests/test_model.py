"""Tests of dimples.model: the laws of MODEL.md, the closed form, grid convergence, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dimples import model, render
from dimples.anatomy.landmarks import distance_cm, position

FAT = st.floats(0.0, 50.0)
MUSCLE = st.floats(0.0, 60.0)
FAST = settings(max_examples=40, deadline=None)

# Grid-convergence tolerance (relative change of depth, width and contrast from 2.5 mm to 1.25 mm spacing).
CONVERGENCE_TOL = 0.01


# --------------------------------------------------------------------------- law 1: more fat, less visible


@FAST
@given(f1=FAT, df=st.floats(0.5, 10.0))
def test_anchored_dimple_fades_as_fat_rises(f1, df):
    a, b = model.surface(f1), model.surface(f1 + df)
    assert b.depth_mm < a.depth_mm
    assert b.width_mm > a.width_mm
    assert render.weber_contrast(b) < render.weber_contrast(a)


def test_depth_matches_closed_form():
    # the grid adds the small overlap of the other dimple (10 cm away) and its periodic images
    for f in (0.0, 5.0, 10.0, 20.0):
        assert model.surface(f).depth_mm == pytest.approx(model.dimple_depth_mm(f), rel=0.05)
    # no layer at all: the closed form returns the mark depth itself
    assert model.dimple_depth_mm(0.0) < model.MARK_DEPTH_MM
    h = 2.5  # dermis only
    k = np.linspace(0, 5, 200001)
    integrand = k * np.exp(-0.5 * (k * model.MARK_WIDTH_MM) ** 2 - k * h)
    assert model.dimple_depth_mm(0.0) == pytest.approx(
        model.MARK_DEPTH_MM * model.MARK_WIDTH_MM ** 2 * np.trapezoid(integrand, k), rel=1e-6)


def test_volume_of_the_pit_is_kept():
    # exp(-|k| h) leaves k = 0 alone: the pit's volume does not depend on the layer
    vols = [model.surface(f).dip_mm.sum() for f in (0.0, 10.0, 30.0)]
    assert np.allclose(vols, vols[0], rtol=1e-9)


# --------------------------------------------------------------------------- laws 2 and 3: no anchor, no dimple


@FAST
@given(f=FAT, m=MUSCLE)
def test_no_anchor_no_dimple_whatever_fat_and_muscle(f, m):
    s = model.surface(f, anchored=False, muscle_mm=m)
    assert s.depth_mm == 0.0 and s.width_mm == 0.0
    assert np.array_equal(s.height_mm, s.free_mm)
    assert render.weber_contrast(s) == 0.0
    # and the surface itself has no pit near either PSIS: along the PSIS line it only falls away from the midline
    prof = s.profile_mm
    x = s.profile_x_mm
    near = np.abs(np.abs(x) - 50.0) <= 30.0
    slope = np.gradient(prof, x)
    assert np.all(slope[near & (x > 0)] <= 1e-12) and np.all(slope[near & (x < 0)] >= -1e-12)


@FAST
@given(f=FAT, m1=MUSCLE, m2=MUSCLE)
def test_muscle_does_not_change_the_dimple(f, m1, m2):
    a = model.surface(f, muscle_mm=m1)
    b = model.surface(f, muscle_mm=m2)
    assert a.depth_mm == pytest.approx(b.depth_mm, abs=1e-9)
    assert a.width_mm == pytest.approx(b.width_mm, abs=1e-9)
    assert np.allclose(a.dip_mm, b.dip_mm, atol=1e-12)


def test_muscle_moves_the_surface_out():
    a = model.surface(5.0, muscle_mm=0.0)
    b = model.surface(5.0, muscle_mm=30.0)
    assert np.all(b.height_mm > a.height_mm)


# --------------------------------------------------------------------------- law 4: position and symmetry


@FAST
@given(f=st.floats(0.0, 30.0))
def test_dimples_sit_at_the_psis_level_with_s2_and_symmetric(f):
    s = model.surface(f)
    g = s.grid
    dip = s.dip_mm
    for name in ("psis_left", "psis_right"):
        x0, y0 = (10 * v for v in position(name))
        half = g.x_mm * np.sign(x0) > 0
        j, i = np.unravel_index(np.argmax(np.where(half[None, :], dip, -np.inf)), dip.shape)
        assert abs(g.x_mm[i] - x0) <= g.spacing_mm and abs(g.y_mm[j] - y0) <= g.spacing_mm
    assert position("psis_left")[1] == 0.0  # level with S2 (origin of the frame)
    assert distance_cm("psis_left", "psis_right") == pytest.approx(10.0)
    # mirror symmetry about the midline (grid node 0 is at x = 0; node -nx/2 has no mirror partner)
    nx = g.x_mm.size
    mirror = dip[:, [(nx - i) % nx for i in range(nx)]]
    assert np.allclose(dip[:, 1:], mirror[:, 1:], atol=1e-9)


# --------------------------------------------------------------------------- law 5: grid convergence


@pytest.mark.parametrize("fat", [0.0, 5.0, 20.0])
def test_grid_convergence(fat):
    coarse = model.surface(fat, grid=model.make_grid(spacing_mm=2.5))
    fine = model.surface(fat, grid=model.make_grid(spacing_mm=1.25))
    assert fine.depth_mm == pytest.approx(coarse.depth_mm, rel=CONVERGENCE_TOL)
    assert fine.width_mm == pytest.approx(coarse.width_mm, rel=CONVERGENCE_TOL)
    assert render.weber_contrast(fine) == pytest.approx(render.weber_contrast(coarse), rel=CONVERGENCE_TOL)


def test_grid_geometry():
    g = model.DEFAULT_GRID
    assert g.shape == (80, 120)
    assert 0.0 in g.x_mm and 0.0 in g.y_mm and 50.0 in g.x_mm
    assert g.x_mm[-1] - g.x_mm[0] + g.spacing_mm == pytest.approx(300.0)


def test_smooth_1d_blurs_and_keeps_the_mean():
    x = np.arange(-100.0, 100.0, 0.5)
    deep = -np.exp(-0.5 * (x / 8.0) ** 2)
    out0 = model.smooth_1d(x, deep, 0.0)
    out = model.smooth_1d(x, deep, 10.0)
    assert np.allclose(out0, deep, atol=1e-12)
    assert out.mean() == pytest.approx(deep.mean(), abs=1e-12)
    assert out.min() > deep.min()
