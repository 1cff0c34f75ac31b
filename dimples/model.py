"""The tethered-skin model: fat thickness -> shape of the lower back (MODEL.md step 2).

An **illustrative** model, not a published one. The lower back is a height
field ``z(x, y)`` (mm, towards the viewer) on a grid of about 30 x 20 cm
centred on the S2 spinous process, in the frame of
:mod:`dimples.anatomy.landmarks` (``x`` towards the subject's left, ``y`` up).

How the surface is made
-----------------------
* Where the skin is **anchored** to the deep fascia over each PSIS, the
  deep surface carries a mark: a Gaussian pit of depth
  :data:`MARK_DEPTH_MM` and width :data:`MARK_WIDTH_MM` (both assumed).
* A soft layer of thickness ``h`` (fat + dermis) lies over the mark. The
  layer smooths it: each spatial frequency ``k`` (rad/mm) of the mark is
  multiplied by ``exp(-|k| h)``. This is the rule for a quantity that is
  harmonic in the layer (the Poisson kernel); in space it is a blur whose
  width grows in proportion to ``h``. The volume of the pit is kept, so a
  thicker layer gives a *wider and shallower* dimple.
* **Muscle** under the fat adds a broad bulk (:data:`MUSCLE_WIDTH_MM`
  wide) that moves the whole surface outwards. It has no edge over the
  PSIS, so it marks nothing there (muscles attach *around* the PSIS,
  FACTS M5-M8); with no anchor there is no dimple however much muscle.
* The back's own gentle curvature (radii :data:`BACK_RADIUS_MM`, assumed)
  is added so the shaded picture reads as a body.

The mark is computed from its exact Fourier transform on a periodic grid,
so results barely depend on the grid spacing (the convergence test in
``tests/test_model.py`` asserts under 1 % change in depth and width from
2.5 mm to 1.25 mm spacing).

References
----------
The smoothing law is standard for a layer over a deformed base (Poisson
kernel of the half-space); no study has applied it to the dimples. Skin
anchors over most of the body: Nash et al. 2004 [Nash2004]. Dimple
spacing and level: :mod:`dimples.anatomy.landmarks` ([Bramhwanshi2023],
[Moore2006]).

.. [Nash2004] Nash LG, Phillips MN, Nicholson H, Barnett R, Zhang M. Skin ligaments: regional
   distribution and variation in morphology. *Clinical Anatomy* 17(4): 287-293, 2004.
   https://doi.org/10.1002/ca.10203
.. [Bramhwanshi2023] Bramhwanshi P, Jain D, Roy PK, Mahadik K. Measurement of Michaelis rhombus, an easy
   clinical method for assessment of pelvis and its relation with course of labour. *Journal of
   Cardiovascular Disease Research* 2023: 732-738 (no DOI or PubMed entry found).
.. [Moore2006] Moore KL, Dalley AF. *Clinically Oriented Anatomy, 5th edition*. Lippincott Williams &
   Wilkins, Philadelphia, 2006 (p. 534). ISBN 978-0-7817-3639-8
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from dimples.anatomy.landmarks import position
from dimples.base import Assumption, check_bool, check_number, float_array, short_repr
from dimples.thickness import DERMIS_MM

__all__ = [
    "Grid",
    "Surface",
    "DEFAULT_GRID",
    "MARK_DEPTH_MM",
    "MARK_WIDTH_MM",
    "MUSCLE_WIDTH_MM",
    "DEFAULT_MUSCLE_MM",
    "BACK_RADIUS_MM",
    "FAT_RANGE_MM",
    "MUSCLE_RANGE_MM",
    "ASSUMPTIONS",
    "make_grid",
    "psis_mm",
    "smooth_1d",
    "surface",
    "dimple_depth_mm",
]

#: Depth of the anchored mark at the deep fascia (mm): assumed.
MARK_DEPTH_MM: float = 6.0
#: Standard deviation of the anchored mark (mm): assumed (a patch about 2 cm across).
MARK_WIDTH_MM: float = 8.0
#: Standard deviation of the broad muscle bulk across the back (mm): assumed.
MUSCLE_WIDTH_MM: float = 120.0
#: Default muscle thickness (mm) beside the PSIS.
DEFAULT_MUSCLE_MM: float = 15.0
#: Radii of the back's curvature (mm): across (transverse) and up-down; assumed.
BACK_RADIUS_MM: tuple[float, float] = (300.0, 500.0)
#: Allowed fat thickness (mm) and muscle thickness (mm).
FAT_RANGE_MM: tuple[float, float] = (0.0, 60.0)
MUSCLE_RANGE_MM: tuple[float, float] = (0.0, 60.0)
#: Allowed grid: size (mm) and spacing (mm).
GRID_SIZE_RANGE_MM: tuple[float, float] = (100.0, 600.0)
GRID_SPACING_RANGE_MM: tuple[float, float] = (0.5, 10.0)

ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("anchor over each PSIS", "at the dimple positions, 10 cm apart, level with S2", "cm", "Bramhwanshi2023",
               "skin distance in 220 women at term, one hospital: a weak basis for everyone; Kenhub gives about 8 cm [Kenhub2023]"),
    Assumption("depth of the anchored mark at the fascia", f"{MARK_DEPTH_MM:g}", "mm", "assumed",
               "what the surface would show with no soft layer at all"),
    Assumption("width of the anchored mark (standard deviation)", f"{MARK_WIDTH_MM:g}", "mm", "assumed",
               "a patch about 2 cm across"),
    Assumption("the soft layer smooths the mark by exp(-|k| h)", "h = fat + dermis", "mm", "assumed",
               "a standard smoothing law (Poisson kernel); treats fat and dermis as one uniform layer"),
    Assumption("muscle", f"broad bulk, {MUSCLE_WIDTH_MM:g} mm standard deviation", "mm", "assumed",
               "no muscle edge over the PSIS (muscles attach around it: an inference from the anatomy)"),
    Assumption("curvature of the back", f"radii {BACK_RADIUS_MM[0]:g} (across), {BACK_RADIUS_MM[1]:g} (up-down)",
               "mm", "assumed", "only so the picture reads as a back; does not change the dimple"),
)


@dataclass(frozen=True)
class Grid:
    """A periodic grid of nodes in the posterior-view frame.

    Attributes
    ----------
    x_mm : numpy.ndarray
        Node positions across the back (mm; positive = subject's left), shape ``(nx,)``.
    y_mm : numpy.ndarray
        Node positions up the back (mm from S2), shape ``(ny,)``.
    spacing_mm : float
        Node spacing (mm).
    """

    x_mm: np.ndarray
    y_mm: np.ndarray
    spacing_mm: float

    @property
    def shape(self) -> tuple[int, int]:
        """``(ny, nx)``: rows are heights, columns positions across."""
        return (self.y_mm.size, self.x_mm.size)


def make_grid(width_mm=300.0, height_mm=200.0, spacing_mm=2.5) -> Grid:
    """A grid centred on S2 with a node on the S2 midline and on the PSIS line.

    Parameters
    ----------
    width_mm : float
        Extent across the back (mm), in [100, 600].
    height_mm : float
        Extent up the back (mm), in [100, 600].
    spacing_mm : float
        Node spacing (mm), in [0.5, 10]; the extents are rounded to whole
        numbers of nodes.

    Returns
    -------
    Grid
        Node positions ``x_mm`` and ``y_mm`` (mm, 0 on the S2 midline and the
        PSIS line) and the spacing (mm).

    Raises
    ------
    ValueError
        If an extent is outside [100, 600] mm or the spacing outside [0.5, 10] mm.
    """
    w = check_number("width_mm", width_mm, *GRID_SIZE_RANGE_MM, unit="mm")
    h = check_number("height_mm", height_mm, *GRID_SIZE_RANGE_MM, unit="mm")
    d = check_number("spacing_mm", spacing_mm, *GRID_SPACING_RANGE_MM, unit="mm")
    nx = 2 * int(round(w / (2 * d)))
    ny = 2 * int(round(h / (2 * d)))
    x = (np.arange(nx) - nx // 2) * d
    y = (np.arange(ny) - ny // 2) * d
    return Grid(x, y, d)


#: The default grid: 30 x 20 cm at 2.5 mm (120 x 80 nodes).
DEFAULT_GRID: Grid = make_grid()


def psis_mm() -> tuple[tuple[float, float], tuple[float, float]]:
    """Positions of the left and right PSIS (mm) from :mod:`dimples.anatomy.landmarks`."""
    (xl, yl), (xr, yr) = position("psis_left"), position("psis_right")
    return (10.0 * xl, 10.0 * yl), (10.0 * xr, 10.0 * yr)


def _check_fat(fat_mm) -> float:
    return check_number("fat_mm", fat_mm, *FAT_RANGE_MM, unit="mm")


def _check_muscle(muscle_mm) -> float:
    return check_number("muscle_mm", muscle_mm, *MUSCLE_RANGE_MM, unit="mm")


def _check_grid(grid) -> Grid:
    if grid is None:
        return DEFAULT_GRID
    if not isinstance(grid, Grid):
        raise ValueError(f"grid={grid!r}: expected a dimples.model.Grid from make_grid()")
    return grid


def smooth_1d(x_mm, deep_mm, layer_mm) -> np.ndarray:
    """Carry a 1-D profile up through a soft layer: multiply each frequency by ``exp(-|k| h)``.

    The teaching version of the model along one line (a long groove rather
    than a point pit). The profile is treated as periodic over its extent
    and its mean is kept.

    Parameters
    ----------
    x_mm : array_like
        Evenly spaced positions (mm), at least 8, increasing.
    deep_mm : array_like
        Height of the deep surface at those positions (mm), same length.
    layer_mm : float
        Thickness of the soft layer (mm), in [0, 60].

    Returns
    -------
    numpy.ndarray
        Shape of the surface (mm, relative: the layer's thickness is not added).

    Raises
    ------
    ValueError
        If ``x_mm`` is not at least 8 finite, evenly spaced, increasing positions,
        ``deep_mm`` does not match it, or ``layer_mm`` is outside [0, 60] mm.
    """
    x = float_array("x_mm", x_mm, "at least 8 evenly spaced positions in mm")
    z = float_array("deep_mm", deep_mm, "one height in mm per position")
    if x.ndim != 1 or x.size < 8 or not np.all(np.isfinite(x)):
        raise ValueError(f"x_mm={short_repr(x_mm)}: expected at least 8 finite positions in mm, got shape {x.shape}")
    dx = np.diff(x)
    if np.any(dx <= 0) or not np.allclose(dx, dx[0], rtol=1e-6):
        raise ValueError(f"x_mm={short_repr(x_mm)}: expected evenly spaced, increasing positions (mm)")
    if z.shape != x.shape or not np.all(np.isfinite(z)):
        raise ValueError(f"deep_mm={short_repr(deep_mm)}: expected {x.size} finite heights in mm, got shape {z.shape}")
    h = check_number("layer_mm", layer_mm, *FAT_RANGE_MM, unit="mm")
    k = 2 * np.pi * np.fft.rfftfreq(x.size, d=dx[0])
    return np.fft.irfft(np.fft.rfft(z) * np.exp(-k * h), n=x.size)


def _mark_spectrum(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """|k| (rad/mm) on the rfft2 grid and the spectrum of the two unit-depth marks (before smoothing)."""
    ny, nx = grid.shape
    d = grid.spacing_mm
    kx = 2 * np.pi * np.fft.rfftfreq(nx, d=d)
    ky = 2 * np.pi * np.fft.fftfreq(ny, d=d)
    kk = np.hypot(kx[None, :], ky[:, None])
    s = MARK_WIDTH_MM
    g_hat = 2 * np.pi * s * s * np.exp(-0.5 * (kk * s) ** 2)  # continuous FT of a unit-peak Gaussian
    phase = np.zeros_like(kk, dtype=complex)
    for px, py in psis_mm():
        phase += np.exp(-1j * (kx[None, :] * (px - grid.x_mm[0]) + ky[:, None] * (py - grid.y_mm[0])))
    area = (nx * d) * (ny * d)
    return kk, g_hat * phase * (nx * ny / area)


_SPECTRUM_CACHE: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}


def _spectrum(grid: Grid):
    key = (grid.shape, grid.spacing_mm, float(grid.x_mm[0]), float(grid.y_mm[0]), psis_mm())
    if key not in _SPECTRUM_CACHE:
        if len(_SPECTRUM_CACHE) > 8:
            _SPECTRUM_CACHE.clear()
        _SPECTRUM_CACHE[key] = _mark_spectrum(grid)
    return _SPECTRUM_CACHE[key]


def _dip(grid: Grid, layer_mm: float) -> np.ndarray:
    """Depth of the smoothed marks below the free surface (mm, >= 0 up to round-off), shape (ny, nx)."""
    kk, spec = _spectrum(grid)
    ny, nx = grid.shape
    return MARK_DEPTH_MM * np.fft.irfft2(spec * np.exp(-kk * layer_mm), s=(ny, nx))


def _dip_gradient(grid: Grid, layer_mm: float) -> tuple[np.ndarray, np.ndarray]:
    """d(dip)/dx and d(dip)/dy (mm/mm) computed spectrally (exact for the periodic marks)."""
    kk, spec = _spectrum(grid)
    ny, nx = grid.shape
    kx = 2 * np.pi * np.fft.rfftfreq(nx, d=grid.spacing_mm)
    ky = 2 * np.pi * np.fft.fftfreq(ny, d=grid.spacing_mm)
    smoothed = MARK_DEPTH_MM * spec * np.exp(-kk * layer_mm)
    if nx % 2 == 0:  # the Nyquist column has no well-defined derivative
        kx = kx.copy()
        kx[-1] = 0.0
    ky = ky.copy()
    if ny % 2 == 0:
        ky[ny // 2] = 0.0
    gx = np.fft.irfft2(1j * kx[None, :] * smoothed, s=(ny, nx))
    gy = np.fft.irfft2(1j * ky[:, None] * smoothed, s=(ny, nx))
    return gx, gy


def _base_gradient(grid: Grid, muscle_mm: float) -> tuple[np.ndarray, np.ndarray]:
    x = grid.x_mm[None, :] * np.ones((grid.shape[0], 1))
    y = grid.y_mm[:, None] * np.ones((1, grid.shape[1]))
    rx, ry = BACK_RADIUS_MM
    gx = -muscle_mm * x / MUSCLE_WIDTH_MM ** 2 * np.exp(-0.5 * (x / MUSCLE_WIDTH_MM) ** 2) - x / rx
    return gx, -y / ry


def _base(grid: Grid, layer_mm: float, muscle_mm: float) -> np.ndarray:
    x = grid.x_mm[None, :]
    y = grid.y_mm[:, None]
    rx, ry = BACK_RADIUS_MM
    return (layer_mm + muscle_mm * np.exp(-0.5 * (x / MUSCLE_WIDTH_MM) ** 2)
            - x * x / (2 * rx) - y * y / (2 * ry))


def dimple_depth_mm(fat_mm, *, anchored=True) -> float:
    """Depth of the dimple at the PSIS (mm) from the closed form, for a single isolated anchor.

    ``depth = A s**2 * integral_0^inf k exp(-k**2 s**2 / 2 - k h) dk``
    with ``A`` = :data:`MARK_DEPTH_MM`, ``s`` = :data:`MARK_WIDTH_MM`,
    ``h`` = fat + dermis. Used by the tests to check the grid computation
    (which adds the small overlap of the other dimple).

    Parameters
    ----------
    fat_mm : float
        Fat thickness (mm), in [0, 60]; the dermis (2.5 mm) is added to it.
    anchored : bool
        Whether the skin is anchored over the PSIS (default True); without the
        anchor the depth is 0.

    Returns
    -------
    float
        Depth of the dimple below the free surface, in mm.

    Raises
    ------
    ValueError
        If ``fat_mm`` is outside [0, 60] mm or ``anchored`` is not a bool.
    """
    f = _check_fat(fat_mm)
    if not check_bool("anchored", anchored):
        return 0.0
    h = f + DERMIS_MM
    s = MARK_WIDTH_MM
    # integral_0^inf k exp(-k^2 s^2/2 - k h) dk in closed form (erfc)
    a = h / (s * math.sqrt(2.0))
    integral = (1.0 - math.sqrt(math.pi) * a * math.exp(a * a) * math.erfc(a)) / (s * s)
    return MARK_DEPTH_MM * s * s * integral


@dataclass
class Surface:
    """The lower back computed for one set of inputs.

    Attributes
    ----------
    grid : Grid
    height_mm : numpy.ndarray
        Surface height (mm, towards the viewer), shape ``(ny, nx)``.
    free_mm : numpy.ndarray
        The same surface with no anchor (what the skin would do if free).
    fat_mm, muscle_mm : float
        Inputs (mm).
    layer_mm : float
        Soft layer the mark is carried through: fat + dermis (mm).
    anchored : bool
    depth_mm : float
        How far the skin over the PSIS lies below the free surface (mm),
        the mean of left and right.
    width_mm : float
        Full width of the dimple at half its depth, across the back (mm):
        twice the distance from the PSIS to the half-depth point on the
        lateral (outer) side. 0 when there is no dimple.
    profile_x_mm, profile_mm : numpy.ndarray
        Surface height along the line through both PSIS (mm) above the deep
        fascia: fat + dermis + muscle - dimple, leaving out the back's
        overall curvature (which is only there for the picture).
    profile_free_mm : numpy.ndarray
        The free surface along that line (mm).
    """

    grid: Grid
    height_mm: np.ndarray
    free_mm: np.ndarray
    fat_mm: float
    muscle_mm: float
    layer_mm: float
    anchored: bool
    depth_mm: float = 0.0
    width_mm: float = 0.0
    profile_x_mm: np.ndarray = field(default_factory=lambda: np.zeros(0))
    profile_mm: np.ndarray = field(default_factory=lambda: np.zeros(0))
    profile_free_mm: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def slopes(self) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """Exact slopes (mm/mm) of the surface and of the free surface.

        Returns
        -------
        ((dz/dx, dz/dy), (dfree/dx, dfree/dy))
            Each an array of shape ``(ny, nx)``; the dimples' part is
            computed spectrally, the broad shapes analytically, so shading
            does not depend on finite differences.
        """
        free = _base_gradient(self.grid, self.muscle_mm)
        if not self.anchored:
            return free, free
        dgx, dgy = _dip_gradient(self.grid, self.layer_mm)
        return (free[0] - dgx, free[1] - dgy), free

    @property
    def dip_mm(self) -> np.ndarray:
        """Free surface minus surface (mm): the dimples alone."""
        return self.free_mm - self.height_mm


def _row_interp(field_: np.ndarray, grid: Grid, y: float) -> np.ndarray:
    """Values along the row at height ``y`` (mm), linear between grid rows."""
    j = (y - grid.y_mm[0]) / grid.spacing_mm
    j0 = int(math.floor(j))
    t = j - j0
    j0 = min(max(j0, 0), grid.shape[0] - 2)
    return (1 - t) * field_[j0] + t * field_[j0 + 1]


def _half_width(x: np.ndarray, dip: np.ndarray, px: float) -> float:
    """Distance (mm) from ``px`` to where ``dip`` falls to half its value at ``px``, on the side away from 0."""
    d0 = float(np.interp(px, x, dip))
    if d0 <= 1e-12:
        return 0.0
    side = (x - px) * (1.0 if px >= 0 else -1.0)
    keep = side > 0
    dist = np.concatenate([[0.0], side[keep]])
    vals = np.concatenate([[d0], dip[keep]])
    order = np.argsort(dist)
    dist, vals = dist[order], vals[order]
    below = np.nonzero(vals <= 0.5 * d0)[0]
    if below.size == 0:
        return float("nan")
    i = below[0]
    da, db = vals[i - 1], vals[i]
    return float(dist[i - 1] + (0.5 * d0 - da) * (dist[i] - dist[i - 1]) / (db - da))


def surface(fat_mm, *, anchored=True, muscle_mm=DEFAULT_MUSCLE_MM, grid=None) -> Surface:
    """Compute the lower back for a fat thickness.

    Parameters
    ----------
    fat_mm : float
        Subcutaneous fat thickness over the PSIS (mm), in [0, 60]; the
        dermis (2.5 mm, [Dermis2017]) is added to it.
    anchored : bool
        Whether the skin is anchored over each PSIS. ``False`` gives no
        dimple at any fat or muscle thickness.
    muscle_mm : float
        Muscle thickness beside the PSIS (mm), in [0, 60]; moves the whole
        surface outwards, makes no dimple.
    grid : Grid, optional
        Node positions in mm, from :func:`make_grid`; default
        :data:`DEFAULT_GRID` (30 x 20 cm at 2.5 mm).

    Returns
    -------
    Surface
        Heights (mm), dimple depth (mm) and width (mm), and the profile
        through both PSIS.

    Raises
    ------
    ValueError
        If ``fat_mm`` or ``muscle_mm`` is outside [0, 60] mm, ``anchored`` is
        not a bool, or ``grid`` is not a :class:`Grid`.
    """
    fat = _check_fat(fat_mm)
    anchored = check_bool("anchored", anchored)
    muscle = _check_muscle(muscle_mm)
    grid = _check_grid(grid)
    layer = fat + DERMIS_MM
    free = _base(grid, layer, muscle)
    height = free - _dip(grid, layer) if anchored else free.copy()
    (pxl, py), (pxr, _) = psis_mm()
    curve = _row_interp(_base(grid, 0.0, 0.0), grid, py)  # the back's overall curvature, left out of the profile
    prof = _row_interp(height, grid, py) - curve
    prof_free = _row_interp(free, grid, py) - curve
    depth = width = 0.0
    if anchored:
        dip_row = prof_free - prof
        depth = 0.5 * (float(np.interp(pxl, grid.x_mm, dip_row)) + float(np.interp(pxr, grid.x_mm, dip_row)))
        width = _half_width(grid.x_mm, dip_row, pxl) + _half_width(grid.x_mm, dip_row, pxr)
    return Surface(grid, height, free, fat, muscle, layer, anchored, depth, width,
                   grid.x_mm.copy(), prof, prof_free)
