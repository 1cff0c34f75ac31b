"""The tissue-mechanics model: skin, fat and an anchoring over the PSIS -> shape of the lower back.

An **illustrative** model, not a published one: no study has modelled the
dimples. What goes in is physics and geometry, each piece with its source
or marked *assumed* in :data:`ASSUMPTIONS`; what fat, muscle and the
anchoring *do* to the dimple comes out of the equilibrium below.

The layers, from the bone out
-----------------------------
* **Deep relief** ``r(x, y)`` (mm): the surface of bone and muscle under
  the fat. Each PSIS is bone with no muscle over it, a small knob of
  :data:`KNOB_MM`; muscle (erector spinae and multifidus medially,
  gluteus maximus inferolaterally, FACTS M5-M8 and A16) rises around it to
  a thickness ``muscle_mm`` outside a window of radius
  :data:`WINDOW_RADIUS_MM`. The model closes the ring of muscle all round
  the window (assumed; above and lateral to the PSIS lie the iliac crest and
  the thoracolumbar fascia instead).
* **Subcutaneous fat** of thickness ``h``: an elastic (Winkler) foundation
  that pushes the skin towards ``r + h`` with a stiffness per area
  ``K = E_fat / h`` (Pa per mm): thin fat is stiff, thick fat is soft.
  ``E_fat = 3 G`` for incompressible tissue, with the shear modulus ``G`` of
  buttock fat measured in vivo by MR elastography [Hatt2023].
* **Skin**: a sheet under tension ``T`` [Flynn2011], with the bending
  stiffness ``D = E_d t**3 / (12 (1 - nu**2))`` of a dermis of thickness
  ``t`` [Dermis2017]. Why both: the tension spreads a pull over the decay
  length ``sqrt(T h / E_fat)`` (about 5-10 mm for 10-30 mm of fat); bending
  only rounds off features smaller than ``sqrt(D / T)`` (about 4 mm with the
  assumed dermis modulus), so the skin is a membrane with a little
  bending that keeps the rim of a pit smooth.
* **Anchoring** over each PSIS: a tether over a disc of radius
  :data:`PATCH_RADIUS_MM` that pulls the skin towards the fascia with a
  stiffness per area ``k`` (Pa per mm), from slack (``k = 0``) to rigid
  (``k`` infinite: the skin is held at the fascia, plus the tether's rest
  length). **Nobody has measured k in anyone**; it is the person-to-person
  unknown. :data:`ANCHORINGS` names three values.

The equilibrium
---------------
The skin height ``w(x, y)`` (mm) minimises the stored energy, so it solves
the linear equation

    -T lap(w) + D lap(lap(w)) + K (w - r - h) + k chi (w - r - L) = p

(``chi`` = 1 on the anchoring patches, ``L`` the rest length, ``p`` an
optional external pressure). The left three terms do not depend on
position, so they are diagonal in Fourier space on the periodic grid (the
discrete Laplacian's own symbol is used, so the residual of the discrete
equation is zero to round-off). The tether acts only on the few hundred
patch nodes, so it is solved exactly as a small dense system for the
patch forces (the capacitance-matrix method): one FFT for the free
surface, one for the kernel, one for the answer. A solve on the default
30 x 20 cm grid at 2.5 mm takes a few milliseconds.

What is reported
----------------
The **reference** is the same back with muscle all over the PSIS (no window,
no knob) and no tether: the back "without a dimple". Depth, width and the
picture's contrast (:mod:`dimples.render`) are measured against it.

References
----------
.. [Hatt2023] Hatt A, Lloyd R, Bolsterlee B, Bilston LE. Strain-dependent shear properties of human
   adipose tissue in vivo. *Journal of the Mechanical Behavior of Biomedical Materials* 2023: 105924.
   https://doi.org/10.1016/j.jmbbm.2023.105924
.. [Flynn2011] Flynn C, Taberner A, Nielsen P. Mechanical characterisation of in vivo human skin using a
   3D force-sensitive micro-robot and finite element analysis. *Biomechanics and Modeling in
   Mechanobiology* 10(1): 27-38, 2011. https://doi.org/10.1007/s10237-010-0216-8
.. [Dermis2017] Burk RS, Schubert CM, Pepperl A, Grap MJ. High-frequency ultrasound: description of
   sacral tissue characteristics in healthy adults. 2017. PubMed 28723853.
.. [Nash2004] Nash LG, Phillips MN, Nicholson H, Barnett R, Zhang M. Skin ligaments: regional
   distribution and variation in morphology. *Clinical Anatomy* 17(4): 287-293, 2004.
   https://doi.org/10.1002/ca.10203
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dimples import facts
from dimples.anatomy.landmarks import position
from dimples.base import Assumption, check_number, float_array, short_repr

__all__ = [
    "Grid",
    "Mechanics",
    "Surface",
    "DEFAULT_GRID",
    "DEFAULT_MECHANICS",
    "ANCHORINGS",
    "anchoring_words",
    "DEFAULT_MUSCLE_MM",
    "FAT_RANGE_MM",
    "MUSCLE_RANGE_MM",
    "TENSION_RANGE_N_PER_M",
    "FAT_MODULUS_RANGE_PA",
    "DERMIS_MODULUS_RANGE_PA",
    "PATCH_RADIUS_MM",
    "WINDOW_RADIUS_MM",
    "KNOB_MM",
    "ASSUMPTIONS",
    "make_grid",
    "psis_mm",
    "tether_stiffness",
    "decay_length_mm",
    "deep_relief",
    "Equilibrium",
    "equilibrium",
    "surface",
]

# --- sourced inputs -----------------------------------------------------------------------
#: Skin tension (N/m): the middle of the in-vivo range measured on the arm [Flynn2011]; no
#: lower-back figure exists, so the range below is wider than the measured one (assumed).
TENSION_N_PER_M: float = float(np.mean(facts.value("skin_tension_n_per_m")))
TENSION_RANGE_N_PER_M: tuple[float, float] = (3.0, 20.0)
#: Young's modulus of subcutaneous fat (Pa): 3 x the in-vivo shear modulus of buttock fat at rest
#: [Hatt2023] (incompressible tissue); fat stiffens when compressed, hence the range (assumed).
FAT_MODULUS_PA: float = 3.0 * facts.value("fat_shear_modulus_pa")
FAT_MODULUS_RANGE_PA: tuple[float, float] = (1000.0, 10000.0)
#: Dermis thickness (mm) [Dermis2017].
DERMIS_MM: float = facts.value("dermis_mm")

# --- assumed inputs -----------------------------------------------------------------------
#: Young's modulus of the dermis in bending (Pa): assumed. Whole-skin moduli span kPa to MPa by
#: method, and the epidermis alone is 1-2 MPa [Geerligs2011]; 0.1 MPa gives a bending length of ~4 mm.
DERMIS_MODULUS_PA: float = 1.0e5
DERMIS_MODULUS_RANGE_PA: tuple[float, float] = (0.0, 2.0e6)
#: Poisson's ratio of skin: incompressible (assumed).
POISSON_SKIN: float = 0.5
#: Radius of each anchoring patch (mm): assumed ("a centimetre or two across").
PATCH_RADIUS_MM: float = 7.5
#: Radius of the muscle-free window around each PSIS (mm) and the width of its edge (mm): assumed.
WINDOW_RADIUS_MM: float = 18.0
WINDOW_EDGE_MM: float = 4.0
#: Height of the PSIS knob above the bone around it (mm) and its radius (standard deviation, mm): assumed.
KNOB_MM: float = 2.0
KNOB_RADIUS_MM: float = 8.0
#: Default muscle thickness around the window (mm): assumed; the kit sweeps 0-30 mm.
DEFAULT_MUSCLE_MM: float = 10.0
#: Allowed fat thickness (mm; above 0, since the fat's stiffness per area is E / h) and muscle (mm).
FAT_RANGE_MM: tuple[float, float] = (0.5, 60.0)
MUSCLE_RANGE_MM: tuple[float, float] = (0.0, 40.0)
#: Tether stiffness per area (Pa per mm of stretch) of the three named anchorings. "compliant" is as
#: stiff as the fat's own foundation at about 75 mm of fat; all three are assumed.
ANCHORINGS: dict[str, float] = {"none": 0.0, "compliant": 30.0, "rigid": math.inf}
#: Largest finite tether stiffness accepted (Pa/mm); beyond it use "rigid".
TETHER_MAX_PA_PER_MM: float = 1.0e7
#: Allowed grid: size (mm) and spacing (mm).
GRID_SIZE_RANGE_MM: tuple[float, float] = (100.0, 600.0)
GRID_SPACING_RANGE_MM: tuple[float, float] = (0.5, 10.0)

ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("skin tension T", f"{TENSION_N_PER_M:.1f} (range {TENSION_RANGE_N_PER_M[0]:g}-"
               f"{TENSION_RANGE_N_PER_M[1]:g})", "N/m", facts.fact("skin_tension_n_per_m").source_key,
               "measured 5.6-11.4 N/m on the arm; no lower-back figure: the range is wider (assumed)"),
    Assumption("fat modulus E_fat = 3 G", f"{FAT_MODULUS_PA:.0f} (range {FAT_MODULUS_RANGE_PA[0]:g}-"
               f"{FAT_MODULUS_RANGE_PA[1]:g})", "Pa", facts.fact("fat_shear_modulus_pa").source_key,
               "buttock fat at rest, 10 women; stiffer when compressed (the range is assumed)"),
    Assumption("fat as an elastic foundation, stiffness per area E_fat / h", "Winkler", "Pa/mm", "assumed",
               "independent springs: a thick incompressible layer also shears, which this leaves out"),
    Assumption("dermis thickness t", f"{DERMIS_MM:g}", "mm", facts.fact("dermis_mm").source_key,
               "sacral skin on ultrasound, 50 adults"),
    Assumption("dermis modulus in bending E_d", f"{DERMIS_MODULUS_PA:g} (range 0-{DERMIS_MODULUS_RANGE_PA[1]:g})",
               "Pa", "assumed", "whole-skin moduli span kPa-MPa by method; epidermis 1-2 MPa [Geerligs2011]"),
    Assumption("muscle-free window around each PSIS (radius)", f"{WINDOW_RADIUS_MM:g}", "mm", "assumed",
               "the PSIS carries no muscle (FACTS M5-M8); the window's size is not measured"),
    Assumption("muscle thickness around the window", f"{DEFAULT_MUSCLE_MM:g} (range {MUSCLE_RANGE_MM[0]:g}-30)",
               "mm", "assumed", "erector spinae / multifidus medially, gluteus maximus inferolaterally; "
               "the ring is closed all round (assumed)"),
    Assumption("PSIS knob above the bone around it", f"{KNOB_MM:g}", "mm", "assumed",
               "some people show a bony eminence instead of a hollow (FACTS A16)"),
    Assumption("anchoring patch radius", f"{PATCH_RADIUS_MM:g}", "mm", "assumed", "a centimetre or two across"),
    Assumption("anchoring stiffness k", "none 0, compliant 30, rigid infinite (swept 3-3000 and rigid)", "Pa/mm",
               "assumed", "NOT MEASURED in anyone: the person-to-person unknown"),
    Assumption("anchoring rest length L", "0", "mm", "assumed", "a rigid tether holds the skin at the fascia"),
    Assumption("anchor positions", "the PSIS of the landmark table, 10 cm apart, level with S2", "cm",
               "Bramhwanshi2023", "Kenhub gives about 8 cm [Kenhub2023]"),
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


#: The default grid: 30 x 20 cm at 1.25 mm (240 x 160 nodes): fine enough that the sharp edge of a
#: rigid patch changes depth, width and contrast by under 2 % when the spacing is halved again.
DEFAULT_GRID: Grid = make_grid(spacing_mm=1.25)


@dataclass(frozen=True)
class Mechanics:
    """The material inputs of the skin and fat (see :data:`ASSUMPTIONS`).

    Attributes
    ----------
    tension_n_per_m : float
        Skin tension (N/m).
    fat_modulus_pa : float
        Young's modulus of the fat (Pa).
    dermis_modulus_pa : float
        Young's modulus of the dermis in bending (Pa); 0 makes the skin a pure membrane.
    """

    tension_n_per_m: float = TENSION_N_PER_M
    fat_modulus_pa: float = FAT_MODULUS_PA
    dermis_modulus_pa: float = DERMIS_MODULUS_PA

    def __post_init__(self):
        check_number("tension_n_per_m", self.tension_n_per_m, *TENSION_RANGE_N_PER_M, unit="N/m")
        check_number("fat_modulus_pa", self.fat_modulus_pa, *FAT_MODULUS_RANGE_PA, unit="Pa")
        check_number("dermis_modulus_pa", self.dermis_modulus_pa, *DERMIS_MODULUS_RANGE_PA, unit="Pa")

    @property
    def bending_pa_mm3(self) -> float:
        """Bending stiffness of the skin D (Pa mm^3, i.e. 1e-9 N m)."""
        t = DERMIS_MM
        return self.dermis_modulus_pa * t ** 3 / (12.0 * (1.0 - POISSON_SKIN ** 2))

    @property
    def tension_pa_mm(self) -> float:
        """Skin tension T in Pa mm (1 N/m = 1000 Pa mm)."""
        return 1000.0 * self.tension_n_per_m


#: The default materials.
DEFAULT_MECHANICS: Mechanics = Mechanics()


def psis_mm() -> tuple[tuple[float, float], tuple[float, float]]:
    """Positions of the left and right PSIS (mm) from :mod:`dimples.anatomy.landmarks`."""
    (xl, yl), (xr, yr) = position("psis_left"), position("psis_right")
    return (10.0 * xl, 10.0 * yl), (10.0 * xr, 10.0 * yr)


def tether_stiffness(anchoring) -> float:
    """The tether stiffness per area (Pa/mm) of a named anchoring or a number.

    Parameters
    ----------
    anchoring : {"none", "compliant", "rigid"} or float
        A name of :data:`ANCHORINGS`, or a stiffness per area in Pa per mm of
        stretch, in [0, 1e7] or ``math.inf`` (rigid).

    Returns
    -------
    float
        Stiffness per area (Pa/mm); ``inf`` for a rigid anchoring.

    Raises
    ------
    ValueError
        For an unknown name, or a number that is negative, NaN or above 1e7 (other than inf).
    """
    if isinstance(anchoring, str):
        if anchoring not in ANCHORINGS:
            raise ValueError(f"anchoring={anchoring!r}: expected one of {sorted(ANCHORINGS)} or a stiffness in Pa/mm")
        return ANCHORINGS[anchoring]
    if isinstance(anchoring, (int, float, np.floating)) and not isinstance(anchoring, bool) and anchoring == math.inf:
        return math.inf
    return check_number("anchoring", anchoring, 0.0, TETHER_MAX_PA_PER_MM, unit="Pa/mm")


def anchoring_words(anchoring) -> str:
    """The anchoring in words, for captions and alt text: "rigid anchoring", "no anchoring", "anchoring 5 Pa/mm".

    Parameters
    ----------
    anchoring : {"none", "compliant", "rigid"} or float
        A name of :data:`ANCHORINGS` or a stiffness per area (Pa/mm); a stiffness
        equal to a named one takes its name.

    Returns
    -------
    str
        The phrase.

    Raises
    ------
    ValueError
        As :func:`tether_stiffness`.
    """
    k = tether_stiffness(anchoring)
    name = next((n for n, v in ANCHORINGS.items() if v == k), None)
    if name is None:
        return f"anchoring {k:g} Pa/mm"
    return "no anchoring" if name == "none" else f"{name} anchoring"


def _check_fat(fat_mm) -> float:
    return check_number("fat_mm", fat_mm, *FAT_RANGE_MM, unit="mm")


def _check_muscle(muscle_mm) -> float:
    return check_number("muscle_mm", muscle_mm, *MUSCLE_RANGE_MM, unit="mm")


def _check_grid(grid) -> Grid:
    if grid is None:
        return DEFAULT_GRID
    if not isinstance(grid, Grid):
        raise ValueError(f"grid={short_repr(grid)}: expected a dimples.model.Grid from make_grid()")
    return grid


def _check_mechanics(mechanics) -> Mechanics:
    if mechanics is None:
        return DEFAULT_MECHANICS
    if not isinstance(mechanics, Mechanics):
        raise ValueError(f"mechanics={short_repr(mechanics)}: expected a dimples.model.Mechanics")
    return mechanics


def decay_length_mm(fat_mm, mechanics=None) -> float:
    """How far a local pull on the skin spreads: ``sqrt(T h / E_fat)`` (mm).

    Parameters
    ----------
    fat_mm : float
        Fat thickness h (mm), in [0.5, 60].
    mechanics : Mechanics, optional
        Skin tension (N/m) and fat modulus (Pa); default :data:`DEFAULT_MECHANICS`.

    Returns
    -------
    float
        The decay length l (mm) of a membrane on the fat's foundation.

    Raises
    ------
    ValueError
        If ``fat_mm`` is outside [0.5, 60] mm or ``mechanics`` is not a Mechanics.
    """
    h = _check_fat(fat_mm)
    m = _check_mechanics(mechanics)
    return math.sqrt(m.tension_pa_mm * h / m.fat_modulus_pa)


def _xy(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    return np.meshgrid(grid.x_mm, grid.y_mm)


def _periodic_distance(grid: Grid, px: float, py: float) -> np.ndarray:
    """Distance (mm) of every node from (px, py) on the periodic grid (nearest image)."""
    X, Y = _xy(grid)
    ny, nx = grid.shape
    Lx, Ly = nx * grid.spacing_mm, ny * grid.spacing_mm
    dx = (X - px + Lx / 2) % Lx - Lx / 2
    dy = (Y - py + Ly / 2) % Ly - Ly / 2
    return np.hypot(dx, dy)


def deep_relief(muscle_mm=DEFAULT_MUSCLE_MM, grid=None, *, window=True) -> np.ndarray:
    """Height of the deep relief, bone and muscle under the fat (mm), on the grid.

    Parameters
    ----------
    muscle_mm : float
        Muscle thickness around each PSIS's window (mm), in [0, 40].
    grid : Grid, optional
        Default :data:`DEFAULT_GRID`.
    window : bool
        True (default): the PSIS stands uncovered in a muscle-free window with
        its knob. False: the reference relief, muscle all over, no knob.

    Returns
    -------
    numpy.ndarray
        Heights (mm above the fascia over the PSIS's surroundings), shape ``(ny, nx)``.

    Raises
    ------
    ValueError
        If ``muscle_mm`` is outside [0, 40] mm, ``grid`` is not a Grid or ``window`` not a bool.
    """
    m = _check_muscle(muscle_mm)
    grid = _check_grid(grid)
    if not isinstance(window, bool):
        raise ValueError(f"window={window!r}: expected True or False")
    if not window:
        return np.full(grid.shape, m)
    hole, knob, _ = _geometry(grid)
    return m * (1.0 - hole) + KNOB_MM * knob


_GEOMETRY_CACHE: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _geometry(grid: Grid) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(window hole 0-1, knob 0-1, patch node indices) of a grid, computed once per grid."""
    key = (grid.shape, grid.spacing_mm, float(grid.x_mm[0]), float(grid.y_mm[0]), psis_mm())
    if key not in _GEOMETRY_CACHE:
        if len(_GEOMETRY_CACHE) > 8:
            _GEOMETRY_CACHE.clear()
        hole = np.zeros(grid.shape)
        knob = np.zeros(grid.shape)
        mask = np.zeros(grid.shape, dtype=bool)
        for px, py in psis_mm():
            r = _periodic_distance(grid, px, py)
            hole = np.maximum(hole, 1.0 / (1.0 + np.exp((r - WINDOW_RADIUS_MM) / WINDOW_EDGE_MM)))
            knob += np.exp(-0.5 * (r / KNOB_RADIUS_MM) ** 2)
            mask |= r <= PATCH_RADIUS_MM
        _GEOMETRY_CACHE[key] = (hole, knob, np.argwhere(mask))
    return _GEOMETRY_CACHE[key]


def _symbol(grid: Grid, fat_mm: float, mech: Mechanics) -> np.ndarray:
    """Fourier symbol of -T lap + D lap^2 + K on the rfft2 grid (Pa per mm of height)."""
    ny, nx = grid.shape
    d = grid.spacing_mm
    kx = 2 * np.pi * np.fft.rfftfreq(nx, d=d)
    ky = 2 * np.pi * np.fft.fftfreq(ny, d=d)
    lam = (4.0 / d ** 2) * (np.sin(kx[None, :] * d / 2) ** 2 + np.sin(ky[:, None] * d / 2) ** 2)
    return mech.tension_pa_mm * lam + mech.bending_pa_mm3 * lam ** 2 + mech.fat_modulus_pa / fat_mm


def _apply(field: np.ndarray, symbol: np.ndarray, shape) -> np.ndarray:
    return np.fft.irfft2(np.fft.rfft2(field) * symbol, s=shape)


def _check_field(name: str, field_, grid: Grid, what: str) -> np.ndarray:
    a = float_array(name, field_, what)
    if a.shape != grid.shape or not np.all(np.isfinite(a)):
        raise ValueError(f"{name}={short_repr(field_)}: expected a finite array of shape {grid.shape} ({what})")
    return a


def _tether_forces(grid: Grid, sym: np.ndarray, free: np.ndarray, target: np.ndarray, relief: np.ndarray,
                   k: float) -> np.ndarray:
    """Pull of the tethers (Pa) on the patch nodes, by the capacitance-matrix method.

    The anchoring binds the skin to the fascia over the patch, like a glued
    spring: it pulls when the skin is farther out than ``target`` and holds it
    back when it is nearer. The skin cannot pass through the fascia: where the
    pull of the skin around would take it deeper, it rests on the fascia
    (contact), found by a short active-set loop.
    """
    shape = grid.shape
    ny, nx = shape
    idx = _geometry(grid)[2]
    impulse = np.zeros(shape)
    impulse[0, 0] = 1.0
    kernel = _apply(impulse, 1.0 / sym, shape)  # height from a unit pressure at node (0, 0)
    g_all = kernel[(idx[:, None, 0] - idx[None, :, 0]) % ny, (idx[:, None, 1] - idx[None, :, 1]) % nx]
    gap = free[idx[:, 0], idx[:, 1]] - target[idx[:, 0], idx[:, 1]]
    floor = gap - (target - relief)[idx[:, 0], idx[:, 1]]  # free skin minus the fascia, on the patch
    spring = 0.0 if math.isinf(k) else 1.0 / k
    contact = np.zeros(len(idx), dtype=bool)
    for _ in range(50):
        # contact nodes are held at the fascia (no compliance, target = fascia); the others hang on the spring
        c = np.where(contact, 0.0, spring)
        f = np.linalg.solve(g_all + np.diag(c), np.where(contact, floor, gap))
        below = (floor - g_all @ f) < -1e-9  # skin pulled through the fascia
        new = (contact & (f <= 0.0)) | below  # keep contacts that push the skin out; add penetrations
        if np.array_equal(new, contact):
            break
        contact = new
    force = np.zeros(shape)
    force[idx[:, 0], idx[:, 1]] = f
    return force


@dataclass(frozen=True)
class Equilibrium:
    """The skin's equilibrium for one relief, fat and tether.

    Attributes
    ----------
    height_mm : numpy.ndarray
        Skin height w (mm), shape ``(ny, nx)``.
    tether_pa : numpy.ndarray
        Pull of the tether on the skin (Pa, towards the fascia), zero off the patches.
    residual : float
        Largest |left - right side| of the discrete equation over the grid, as a
        fraction of the largest term (no unit).
    """

    height_mm: np.ndarray
    tether_pa: np.ndarray
    residual: float


def equilibrium(relief_mm, fat_mm, *, anchoring=0.0, rest_length_mm=0.0, load_pa=None, mechanics=None,
                grid=None) -> Equilibrium:
    """Solve for the skin over a relief, a fat layer and an optional tether over each PSIS.

    Solves ``-T lap(w) + D lap(lap(w)) + K (w - r - h) + k chi (w - r - L) = p``
    on the periodic grid, with ``K = E_fat / h`` (see the module docstring).

    Parameters
    ----------
    relief_mm : array_like
        Deep relief r (mm), shape of the grid (from :func:`deep_relief`).
    fat_mm : float
        Fat thickness h (mm), in [0.5, 60].
    anchoring : {"none", "compliant", "rigid"} or float
        Tether stiffness per area k (Pa/mm), see :func:`tether_stiffness`.
    rest_length_mm : float
        Tether rest length L (mm), in [0, 60]: a rigid tether holds the skin at ``r + L``.
    load_pa : array_like, optional
        External pressure p on the skin (Pa, positive outwards), shape of the grid.
    mechanics : Mechanics, optional
        Skin tension (N/m), fat modulus (Pa), dermis modulus (Pa).
    grid : Grid, optional
        Default :data:`DEFAULT_GRID`.

    Returns
    -------
    Equilibrium
        Skin height (mm), the tether's pull (Pa) and the equation's residual.

    Raises
    ------
    ValueError
        For a relief or load of the wrong shape or not finite, a fat thickness outside
        [0.5, 60] mm, an unknown anchoring or a rest length outside [0, 60] mm.
    """
    grid = _check_grid(grid)
    r = _check_field("relief_mm", relief_mm, grid, "heights in mm")
    h = _check_fat(fat_mm)
    k = tether_stiffness(anchoring)
    rest = check_number("rest_length_mm", rest_length_mm, 0.0, 60.0, unit="mm")
    p = np.zeros(grid.shape) if load_pa is None else _check_field("load_pa", load_pa, grid, "pressures in Pa")
    mech = _check_mechanics(mechanics)
    shape = grid.shape
    sym = _symbol(grid, h, mech)
    K = mech.fat_modulus_pa / h
    rhs = K * (r + h) + p
    w = _apply(rhs, 1.0 / sym, shape)
    force = np.zeros(shape)
    if k > 0.0:
        force = _tether_forces(grid, sym, w, r + rest, r, k)
        w = w - _apply(force, 1.0 / sym, shape)
    lhs = _apply(w, sym, shape) + force
    scale = float(np.max(np.abs(rhs))) or 1.0
    residual = float(np.max(np.abs(lhs - rhs))) / scale
    return Equilibrium(w, force, residual)


@dataclass
class Surface:
    """The lower back computed for one set of inputs (heights in mm, towards the viewer).

    Attributes
    ----------
    grid : Grid
    height_mm : numpy.ndarray
        Skin height (mm), shape ``(ny, nx)``.
    free_mm : numpy.ndarray
        The same skin with no tether (what the relief and fat alone make).
    reference_mm : numpy.ndarray
        The back "without a dimple": muscle all over the PSIS, no tether.
    relief_mm : numpy.ndarray
        The deep relief (bone and muscle, mm).
    fat_mm, muscle_mm : float
        Inputs (mm).
    tether_pa_per_mm : float
        The anchoring's stiffness per area (Pa/mm; inf = rigid).
    mechanics : Mechanics
    depth_mm : float
        Reference minus skin at the PSIS (mm), mean of left and right; negative
        where the skin bulges (a bony eminence instead of a hollow).
    width_mm : float
        Full width of the pit at half its depth across the back (mm): twice the
        lateral half-width; 0 where there is no pit.
    max_slope : float
        Steepest slope of the skin relative to the reference (mm/mm).
    tether_force_n : float
        Total pull of the tether on one side (N).
    residual : float
        Residual of the discrete equilibrium (fraction of its largest term).
    profile_x_mm, profile_mm, profile_free_mm, profile_reference_mm, profile_relief_mm : numpy.ndarray
        Positions across the back (mm) and heights (mm) along the line through both PSIS.
    """

    grid: Grid
    height_mm: np.ndarray
    free_mm: np.ndarray
    reference_mm: np.ndarray
    relief_mm: np.ndarray
    fat_mm: float
    muscle_mm: float
    tether_pa_per_mm: float
    mechanics: Mechanics
    depth_mm: float
    width_mm: float
    max_slope: float
    tether_force_n: float
    residual: float
    profile_x_mm: np.ndarray
    profile_mm: np.ndarray
    profile_free_mm: np.ndarray
    profile_reference_mm: np.ndarray
    profile_relief_mm: np.ndarray

    @property
    def dip_mm(self) -> np.ndarray:
        """Reference minus skin (mm): the dimples alone."""
        return self.reference_mm - self.height_mm

    def slopes(self) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """Slopes (mm/mm) of the skin and of the reference, computed spectrally.

        Returns
        -------
        ((dz/dx, dz/dy), (dref/dx, dref/dy))
            Each an array of shape ``(ny, nx)``.
        """
        return _gradient(self.height_mm, self.grid), _gradient(self.reference_mm, self.grid)


def _gradient(z: np.ndarray, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """d/dx and d/dy (mm/mm) of a periodic field, exact for its Fourier series (Nyquist dropped)."""
    ny, nx = grid.shape
    d = grid.spacing_mm
    kx = 2 * np.pi * np.fft.rfftfreq(nx, d=d)
    ky = 2 * np.pi * np.fft.fftfreq(ny, d=d)
    if nx % 2 == 0:
        kx[-1] = 0.0
    if ny % 2 == 0:
        ky[ny // 2] = 0.0
    zh = np.fft.rfft2(z)
    return (np.fft.irfft2(1j * kx[None, :] * zh, s=(ny, nx)), np.fft.irfft2(1j * ky[:, None] * zh, s=(ny, nx)))


def _row(field_: np.ndarray, grid: Grid, y: float) -> np.ndarray:
    """Values along the row at height ``y`` (mm), linear between grid rows."""
    j = (y - grid.y_mm[0]) / grid.spacing_mm
    j0 = min(max(int(math.floor(j)), 0), grid.shape[0] - 2)
    t = j - j0
    return (1 - t) * field_[j0] + t * field_[j0 + 1]


def _half_width(x: np.ndarray, dip: np.ndarray, px: float) -> float:
    """Distance (mm) from ``px`` to where ``dip`` falls to half its value at ``px``, on the side away from 0."""
    d0 = float(np.interp(px, x, dip))
    if d0 <= 1e-9:
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


def surface(fat_mm, *, anchoring="rigid", muscle_mm=DEFAULT_MUSCLE_MM, rest_length_mm=0.0, mechanics=None,
            grid=None) -> Surface:
    """Compute the lower back around both PSIS for one fat thickness, muscle and anchoring.

    Parameters
    ----------
    fat_mm : float
        Subcutaneous fat over the PSIS (mm), in [0.5, 60].
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS: a name of :data:`ANCHORINGS` or a stiffness
        per area (Pa/mm, 0 = slack, ``math.inf`` = rigid). Default "rigid".
    muscle_mm : float
        Muscle thickness around each PSIS's window (mm), in [0, 40]; default 10 (assumed).
    rest_length_mm : float
        Tether rest length (mm), in [0, 60]; default 0.
    mechanics : Mechanics, optional
        Skin tension (N/m), fat modulus (Pa), dermis modulus (Pa); default :data:`DEFAULT_MECHANICS`.
    grid : Grid, optional
        Node positions in mm, from :func:`make_grid`; default :data:`DEFAULT_GRID`.

    Returns
    -------
    Surface
        Heights (mm), pit depth (mm) and width (mm), steepest slope, tether force (N)
        and the profiles through both PSIS.

    Raises
    ------
    ValueError
        If ``fat_mm`` is outside [0.5, 60] mm, ``muscle_mm`` outside [0, 40] mm, the
        anchoring is unknown, or ``mechanics`` / ``grid`` is of the wrong type.
    """
    fat = _check_fat(fat_mm)
    k = tether_stiffness(anchoring)
    muscle = _check_muscle(muscle_mm)
    grid = _check_grid(grid)
    mech = _check_mechanics(mechanics)
    relief = deep_relief(muscle, grid)
    tethered = equilibrium(relief, fat, anchoring=k, rest_length_mm=rest_length_mm, mechanics=mech, grid=grid)
    free = tethered if k == 0.0 else equilibrium(relief, fat, mechanics=mech, grid=grid)
    reference = np.full(grid.shape, muscle + fat)  # a flat relief gives a flat skin at r + h
    (pxl, py), (pxr, _) = psis_mm()
    prof = _row(tethered.height_mm, grid, py)
    prof_ref = _row(reference, grid, py)
    dip_row = prof_ref - prof
    depth = 0.5 * (float(np.interp(pxl, grid.x_mm, dip_row)) + float(np.interp(pxr, grid.x_mm, dip_row)))
    width = (_half_width(grid.x_mm, dip_row, pxl) + _half_width(grid.x_mm, dip_row, pxr)) if depth > 0 else 0.0
    gx, gy = _gradient(tethered.height_mm, grid)
    slope = float(np.max(np.hypot(gx, gy)))
    x = grid.x_mm
    right_half = x[None, :] * np.ones((grid.shape[0], 1)) > 0
    force = float(np.sum(tethered.tether_pa[right_half])) * (grid.spacing_mm * 1e-3) ** 2
    return Surface(grid, tethered.height_mm, free.height_mm, reference, relief, fat, muscle, k, mech, depth, width,
                   slope, force, tethered.residual, x.copy(), prof, _row(free.height_mm, grid, py), prof_ref,
                   _row(relief, grid, py))
