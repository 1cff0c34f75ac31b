"""The whole lower back as one height field: waist to upper buttocks, with the model's two dimples.

:mod:`dimples.model` computes the skin over a 30 x 20 cm patch around both
PSIS. A newcomer does not recognise a back in that patch, so this module
sets it into a whole lower back, seen from behind, as a surface-anatomy
plate would show it: the flanks turning away from the viewer, the spinal
furrow between the two erector spinae columns, a faint contour at the level
of the iliac crests, the top of the gluteal cleft and the upper curve of
the buttocks.

What is the model's and what is assumed
---------------------------------------
* **The dimples are the model's own.** :func:`torso_surface` adds the
  model's pit, ``surf.height_mm - surf.reference_mm`` (what the tether and
  the muscle-free window do to the skin, against the smooth back without a
  dimple), to the torso, node for node at the model's PSIS
  (:func:`dimples.model.psis_mm`, from the landmark table). No second
  dimple model is made here.
* **Everything else is an assumed, illustrative shape**, each number named
  in :data:`ASSUMPTIONS`: the half-widths of the waist, hips and lower ribs
  and how they grow with the fat over the PSIS, by sex (women's hips wider
  relative to the waist and fuller buttocks, men's flanks straighter); the
  depth of the body's cross-section; the lumbar hollow; the erector spinae
  columns and the furrow between them, softened by fat; the buttocks and
  the cleft. None of these numbers is measured for anyone; they are chosen
  so the picture reads as a back.
* The levels come from :mod:`dimples.anatomy.landmarks`: the PSIS and S2
  (origin), the tops of the iliac crests ([McGaugh2007], L4) and the top of
  the gluteal cleft (schematic height).

Shading (:func:`torso_rgb`) uses :func:`dimples.render.luminance` (the kit's
Lambert shading with its ambient share, under one of
:data:`dimples.render.LIGHTS`) and :func:`dimples.render.skin_rgb` with one
of :data:`dimples.render.SKIN_TONES`, on a plain light background. One step
is added for the picture only: luminance above that of flat skin is rolled
off smoothly (:data:`HIGHLIGHT_KNEE`), because a flank facing the low
raking lamp is up to 2.5 times as bright as flat skin and would clip to
white. The dimple's contrast is not read from this picture: it is
:func:`dimples.render.weber_contrast` of the model surface.

References
----------
.. [McGaugh2007] McGaugh JM, Brismee JM, Dedrick GS, Jones EA, Sizer PS. Comparing the anatomical
   consistency of the posterior superior iliac spine to the iliac crest as reference landmarks for the
   lumbopelvic spine: a retrospective radiological study. *Clinical Anatomy* 20(7): 819-825, 2007.
   https://researchexperts.utmb.edu/en/publications/comparing-the-anatomical-consistency-of-the-posterior-superior-il
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from dimples import model, render
from dimples.anatomy import landmarks
from dimples.base import Assumption, check_number, check_sex, short_repr
from dimples.model import Surface

__all__ = [
    "Torso",
    "ASSUMPTIONS",
    "X_HALF_MM",
    "Y_RANGE_MM",
    "SPACING_RANGE_MM",
    "BACKGROUND",
    "WAIST_HALF_MM",
    "HIP_HALF_MM",
    "RIB_HALF_MM",
    "WAIST_GROWTH",
    "HIP_GROWTH",
    "RIB_GROWTH",
    "SHAPE_FAT_CAP_MM",
    "DEFAULT_SPACING_MM",
    "HIGHLIGHT_KNEE",
    "HIGHLIGHT_ROOM",
    "torso_surface",
    "torso_rgb",
]

# --- the picture's frame ------------------------------------------------------------------
#: Half-width of the pictured area across the back (mm); the body is centred on the midline.
X_HALF_MM: float = 270.0
#: Pictured heights (mm from S2): from the upper buttocks to just above the waist.
Y_RANGE_MM: tuple[float, float] = (-160.0, 220.0)
#: Allowed grid spacing (mm): a multiple of the model's 1.25 mm keeps its nodes on the torso's.
SPACING_RANGE_MM: tuple[float, float] = (1.25, 5.0)
DEFAULT_SPACING_MM: float = 2.5
#: Colour outside the body (a plain very light grey, sRGB).
BACKGROUND: str = "#F4F4F2"
#: Highlights above this luminance (1 = flat skin facing the viewer) are rolled off smoothly (Reinhard's
#: curve), at most :data:`HIGHLIGHT_ROOM` higher, so a flank facing the low raking lamp (luminance up to
#: 2.5) keeps its gradation instead of clipping to white.
HIGHLIGHT_KNEE: float = 1.0
HIGHLIGHT_ROOM: float = 0.8

# --- levels (landmark table) --------------------------------------------------------------
_CREST_Y_MM: float = 10.0 * landmarks.position("iliac_crest_top_left")[1]
_CLEFT_TOP_Y_MM: float = 10.0 * landmarks.position("gluteal_cleft_top")[1]

# --- assumed shape (every number here is illustrative, see ASSUMPTIONS) ---------------------
#: Height of the narrowest part of the waist above S2 (mm): 6 cm above the iliac crest tops (assumed).
WAIST_Y_MM: float = _CREST_Y_MM + 60.0
#: Height of the widest part of the hips and buttocks (mm from S2; assumed, near the greater trochanters).
HIP_Y_MM: float = -110.0
#: Shape of the outline between the levels: exponents of the waist-to-ribs and waist-to-hips curves, and how
#: fast the buttocks round off below their widest (mm of half-width lost per mm squared) (assumed).
_RIB_CURVE, _HIP_CURVE, _BELOW_HIP_PER_MM2 = 1.3, 0.8, 8e-4
#: Half-width of the back (mm) at the waist, the hips and the top of the picture (lower ribs) with
#: almost no fat, by sex (assumed: women's hips wider relative to the waist, men's flanks straighter).
WAIST_HALF_MM: dict[str, float] = {"female": 122.0, "male": 132.0}
HIP_HALF_MM: dict[str, float] = {"female": 168.0, "male": 156.0}
RIB_HALF_MM: dict[str, float] = {"female": 128.0, "male": 138.0}
#: Growth of those half-widths per mm of fat over the PSIS (mm/mm), by sex (assumed: more on the hips
#: and buttocks in women (gluteofemoral fat), more on the waist in men).
WAIST_GROWTH: dict[str, float] = {"female": 2.6, "male": 3.2}
HIP_GROWTH: dict[str, float] = {"female": 4.0, "male": 2.0}
RIB_GROWTH: dict[str, float] = {"female": 2.0, "male": 2.8}
#: The outline stops growing beyond this fat over the PSIS (mm), so it stays inside the picture;
#: the dimple (the model's) does not stop (assumed).
SHAPE_FAT_CAP_MM: float = 25.0
#: Depth of the back's curve from the midline to the flank (mm) with no fat, and its growth per mm of fat;
#: the cross-section is a superellipse of this exponent (assumed; 2 would be an ellipse).
BODY_DEPTH_MM: float = 120.0
BODY_DEPTH_GROWTH: float = 1.5
SECTION_EXPONENT: float = 2.4
#: Depth of the lumbar hollow (lordosis) seen from behind (mm), centred at L3, by sex (assumed).
LORDOSIS_MM: dict[str, float] = {"female": 14.0, "male": 10.0}
_LORDOSIS_Y_MM: float = 10.0 * landmarks.position("l3_spinous")[1]
_LORDOSIS_SIGMA_MM: float = 75.0
#: Height of each erector spinae column (mm) and its centre and width from the midline (mm), by sex;
#: the columns fade out over the sacrum (assumed).
COLUMN_MM: dict[str, float] = {"female": 9.0, "male": 11.0}
COLUMN_X_MM: float = 30.0
COLUMN_SIGMA_MM: float = 17.0
#: The columns and the furrow fade in from this height (mm from S2) over this distance (mm): flat over the sacrum.
_LUMBAR_FADE_MM: tuple[float, float] = (-20.0, 70.0)
#: Depth of the narrow midline furrow between the columns (mm) and its width (standard deviation, mm).
FURROW_MM: float = 5.0
FURROW_SIGMA_MM: float = 6.0
#: Fat softens the muscle relief under it by 1 / (1 + h / this) (mm): the furrow shallows (assumed).
SOFTEN_MM: float = 10.0
#: Faint transverse contour at the iliac crest level on the flanks (mm deep, mm wide) (assumed).
CREST_CONTOUR_MM: float = 1.5
CREST_CONTOUR_SIGMA_MM: float = 14.0
#: The crest contour starts this far from the midline (mm) and reaches full depth this much farther out (mm).
_FLANK_MM: tuple[float, float] = (60.0, 50.0)
#: Height of each buttock's upper curve (mm) with no fat, and its growth per mm of fat, by sex (assumed).
GLUTEAL_MM: dict[str, float] = {"female": 24.0, "male": 17.0}
GLUTEAL_GROWTH: dict[str, float] = {"female": 1.4, "male": 0.6}
#: Each buttock is a rounded cap: centre (x as a share of the hip half-width, y in mm), radii (share of the
#: hip half-width across, mm up and down) and the exponent that rounds its edge (assumed).
GLUTEAL_X: float = 0.5
GLUTEAL_Y_MM: float = -165.0
GLUTEAL_RX: float = 0.62
GLUTEAL_RY_MM: float = 125.0
GLUTEAL_EXPONENT: float = 1.3
#: Depth of the gluteal cleft below its top (mm) with no fat and per mm of fat; its width (mm) (assumed).
CLEFT_MM: float = 8.0
#: The cleft reaches its full depth this far below its top (mm).
_CLEFT_FADE_MM: float = 45.0
CLEFT_GROWTH: float = 0.4
CLEFT_SIGMA_MM: float = 4.5


def _by_sex(values: dict[str, float]) -> str:
    return f"women {values['female']:g}, men {values['male']:g}"


ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("dimples on the whole back", "the model's pit (surface minus reference), node for node", "mm",
               "Bramhwanshi2023", "the only part of the picture the model computes; PSIS 10 cm apart at S2"),
    Assumption("half-width of the back at the waist, no fat", _by_sex(WAIST_HALF_MM), "mm", "assumed",
               f"narrowest {WAIST_Y_MM - _CREST_Y_MM:g} mm above the iliac crest tops"),
    Assumption("half-width at the hips, no fat", _by_sex(HIP_HALF_MM), "mm", "assumed",
               f"widest {-HIP_Y_MM:g} mm below S2; women's hips wider relative to the waist, men's flanks straighter"),
    Assumption("half-width at the lower ribs (top of the picture), no fat", _by_sex(RIB_HALF_MM), "mm", "assumed",
               "illustrative"),
    Assumption("outline growth per mm of fat over the PSIS: waist", _by_sex(WAIST_GROWTH), "mm/mm", "assumed",
               f"more on the waist in men; the outline stops growing at {SHAPE_FAT_CAP_MM:g} mm of fat"),
    Assumption("outline growth per mm of fat over the PSIS: hips", _by_sex(HIP_GROWTH), "mm/mm", "assumed",
               "more on the hips and buttocks in women (gluteofemoral fat)"),
    Assumption("outline growth per mm of fat over the PSIS: lower ribs", _by_sex(RIB_GROWTH), "mm/mm", "assumed",
               "illustrative"),
    Assumption("depth of the back's curve to the flank", f"{BODY_DEPTH_MM:g} + {BODY_DEPTH_GROWTH:g} per mm of fat "
               f"(cross-section: a superellipse of exponent {SECTION_EXPONENT:g}, flatter than an ellipse)", "mm", "assumed",
               "makes the flanks turn away from the viewer and darken"),
    Assumption("lumbar hollow (lordosis) at L3", _by_sex(LORDOSIS_MM), "mm", "assumed", "illustrative"),
    Assumption("erector spinae columns: height", _by_sex(COLUMN_MM), "mm", "assumed",
               f"{COLUMN_X_MM:g} mm from the midline, {COLUMN_SIGMA_MM:g} mm wide (sd); flat below "
               f"{_LUMBAR_FADE_MM[0]:g} mm (over the sacrum), full from {sum(_LUMBAR_FADE_MM):g} mm"),
    Assumption("narrow midline furrow between the columns", f"{FURROW_MM:g} deep, {FURROW_SIGMA_MM:g} wide (sd)",
               "mm", "assumed", "illustrative"),
    Assumption("fat softens the muscle relief", f"by 1 / (1 + h / {SOFTEN_MM:g} mm)", "-", "assumed",
               "so the spinal furrow shallows as fat rises"),
    Assumption("contour at the iliac crest level", f"{CREST_CONTOUR_MM:g} deep on the flanks", "mm", "assumed",
               "the level itself is the landmark table's (L4, [McGaugh2007])"),
    Assumption("upper curve of each buttock: height", f"{_by_sex(GLUTEAL_MM)}; growth per mm of fat "
               f"{_by_sex(GLUTEAL_GROWTH)}", "mm", "assumed", "more gluteofemoral fat in women"),
    Assumption("each buttock a rounded cap", f"centre {GLUTEAL_X:g} x the hip half-width out, {GLUTEAL_Y_MM:g} mm; "
               f"radii {GLUTEAL_RX:g} x the hip half-width, {GLUTEAL_RY_MM:g} mm", "mm", "assumed",
               "its upper edge is the upper curve of the buttock"),
    Assumption("highlight roll-off", f"above {HIGHLIGHT_KNEE:g} x flat skin, at most {HIGHLIGHT_ROOM:g} more", "-",
               "assumed", "picture only: a flank facing the low lamp would clip to white; the contrast is "
               "render.weber_contrast's, on the model surface"),
    Assumption("gluteal cleft below its top", f"{CLEFT_MM:g} + {CLEFT_GROWTH:g} per mm of fat", "mm", "assumed",
               "its top from the landmark table (schematic height)"),
)


@dataclass(frozen=True)
class Torso:
    """The whole lower back for one fat thickness, sex and anchoring (heights in mm, towards the viewer).

    Attributes
    ----------
    x_mm : numpy.ndarray
        Node positions across the back (mm; positive = subject's left), shape ``(nx,)``.
    y_mm : numpy.ndarray
        Node positions up the back (mm from S2), shape ``(ny,)``.
    spacing_mm : float
        Node spacing (mm).
    height_mm : numpy.ndarray
        Skin height with the dimples (mm), shape ``(ny, nx)``.
    base_mm : numpy.ndarray
        The same back without the dimples (mm): ``height_mm - base_mm`` is the model's pit.
    coverage : numpy.ndarray
        Share of each node's cell inside the body's outline (0-1), shape ``(ny, nx)``.
    half_width_mm : numpy.ndarray
        Half-width of the outline at each height (mm), shape ``(ny,)``.
    sex : str
        ``"female"`` or ``"male"``.
    fat_mm : float
        Fat over the PSIS (mm).
    surface : dimples.model.Surface
        The model surface whose pit the back carries.
    psis_mm : tuple
        ``((x, y), (x, y))`` of the left and right PSIS (mm).
    crest_y_mm, cleft_top_y_mm, waist_y_mm : float
        Heights (mm from S2) of the iliac crest tops, the top of the gluteal cleft and the waist.
    furrow_depth_mm : float
        Depth of the spinal furrow at L3 (mm): the columns' top above the midline.
    """

    x_mm: np.ndarray
    y_mm: np.ndarray
    spacing_mm: float
    height_mm: np.ndarray
    base_mm: np.ndarray
    coverage: np.ndarray
    half_width_mm: np.ndarray
    sex: str
    fat_mm: float
    surface: Surface
    psis_mm: tuple
    crest_y_mm: float
    cleft_top_y_mm: float
    waist_y_mm: float
    furrow_depth_mm: float

    @property
    def dimple_mm(self) -> np.ndarray:
        """The model's pit on the torso grid (mm, negative where the skin is pulled in)."""
        return self.height_mm - self.base_mm

    @property
    def extent_cm(self) -> list[float]:
        """``[x0, x1, y0, y1]`` in cm for ``imshow(..., origin="lower")``: the first column (the subject's right,
        -x) at ``x0``. Invert the x axis afterwards (``set_xlim(x1, x0)``) to put the subject's left on the
        viewer's left, as when looking at someone's back."""
        d = self.spacing_mm / 2
        return [(self.x_mm[0] - d) / 10, (self.x_mm[-1] + d) / 10, (self.y_mm[0] - d) / 10, (self.y_mm[-1] + d) / 10]

    def half_width_at(self, y_mm) -> float:
        """Half-width of the outline (mm) at a height (mm from S2), linear between rows.

        Parameters
        ----------
        y_mm : float
            Height above S2 (mm), inside the pictured range.

        Returns
        -------
        float
            Half-width (mm).

        Raises
        ------
        ValueError
            If ``y_mm`` is not a number inside the pictured heights.
        """
        y = check_number("y_mm", y_mm, float(self.y_mm[0]), float(self.y_mm[-1]), unit="mm")
        return float(np.interp(y, self.y_mm, self.half_width_mm))


def _smoothstep(t):
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _half_width(y: np.ndarray, sex: str, fat: float) -> np.ndarray:
    """Outline half-width (mm) at heights ``y`` (mm): waist to ribs above, waist to hips below."""
    e = min(fat, SHAPE_FAT_CAP_MM)
    waist = WAIST_HALF_MM[sex] + WAIST_GROWTH[sex] * e
    hip = HIP_HALF_MM[sex] + HIP_GROWTH[sex] * e
    rib = RIB_HALF_MM[sex] + RIB_GROWTH[sex] * e
    top = Y_RANGE_MM[1]
    up = waist + (rib - waist) * _smoothstep((y - WAIST_Y_MM) / (top - WAIST_Y_MM)) ** _RIB_CURVE
    down = waist + (hip - waist) * _smoothstep((WAIST_Y_MM - y) / (WAIST_Y_MM - HIP_Y_MM)) ** _HIP_CURVE
    below = hip - _BELOW_HIP_PER_MM2 * np.clip(HIP_Y_MM - y, 0, None) ** 2
    return np.where(y >= WAIST_Y_MM, up, np.where(y >= HIP_Y_MM, down, below))


def _base(x: np.ndarray, y: np.ndarray, sex: str, fat: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(height without dimples (mm), coverage 0-1, half-width per row (mm)) on the torso grid."""
    X, Y = np.meshgrid(x, y)
    a = _half_width(y, sex, fat)[:, None]
    u = np.clip(np.abs(X) / a, 0.0, 1.0)
    depth = BODY_DEPTH_MM + BODY_DEPTH_GROWTH * min(fat, SHAPE_FAT_CAP_MM)
    z = depth * (1.0 - u ** SECTION_EXPONENT) ** (1.0 / SECTION_EXPONENT)
    z = z - LORDOSIS_MM[sex] * np.exp(-0.5 * ((Y - _LORDOSIS_Y_MM) / _LORDOSIS_SIGMA_MM) ** 2)
    soft = 1.0 / (1.0 + fat / SOFTEN_MM)
    lumbar = _smoothstep((Y - _LUMBAR_FADE_MM[0]) / _LUMBAR_FADE_MM[1])  # flat over the sacrum
    columns = COLUMN_MM[sex] * (np.exp(-0.5 * ((X - COLUMN_X_MM) / COLUMN_SIGMA_MM) ** 2)
                                + np.exp(-0.5 * ((X + COLUMN_X_MM) / COLUMN_SIGMA_MM) ** 2))
    furrow = FURROW_MM * np.exp(-0.5 * (X / FURROW_SIGMA_MM) ** 2)
    z = z + soft * lumbar * (columns - furrow)
    flank = _smoothstep((np.abs(X) - _FLANK_MM[0]) / _FLANK_MM[1])
    z = z - CREST_CONTOUR_MM * flank * np.exp(-0.5 * ((Y - _CREST_Y_MM) / CREST_CONTOUR_SIGMA_MM) ** 2)
    hip = _half_width(np.array([HIP_Y_MM]), sex, fat)[0]
    xg, rx = GLUTEAL_X * hip, GLUTEAL_RX * hip
    glutes = np.zeros_like(X)
    for s in (1.0, -1.0):
        r2 = ((X - s * xg) / rx) ** 2 + ((Y - GLUTEAL_Y_MM) / GLUTEAL_RY_MM) ** 2
        glutes += np.clip(1.0 - r2, 0.0, 1.0) ** GLUTEAL_EXPONENT
    glutes *= GLUTEAL_MM[sex] + GLUTEAL_GROWTH[sex] * min(fat, SHAPE_FAT_CAP_MM)
    cleft = (CLEFT_MM + CLEFT_GROWTH * fat) * _smoothstep((_CLEFT_TOP_Y_MM - Y) / _CLEFT_FADE_MM) * np.exp(
        -0.5 * (X / CLEFT_SIGMA_MM) ** 2)
    z = z + glutes - cleft
    d = x[1] - x[0]
    coverage = np.clip((a - np.abs(X)) / d + 0.5, 0.0, 1.0)
    return z, coverage, a[:, 0]


@functools.lru_cache(maxsize=24)
def _body(sex: str, fat: float, d: float):
    """(x, y, base height, coverage, half-width) of :func:`_base` on the torso grid of spacing ``d``.

    Kept for the last 24 (sex, fat, spacing): the anchorings of one body share its shape, and a
    slider's frames visit each body once per anchoring (about 0.6 MB each). Read-only arrays.
    """
    nx = int(round(X_HALF_MM / d))
    x = np.arange(-nx, nx + 1) * d
    y = np.arange(int(math.floor(Y_RANGE_MM[0] / d)), int(math.ceil(Y_RANGE_MM[1] / d)) + 1) * d
    out = (x, y, *_base(x, y, sex, fat))
    for a in out:
        a.flags.writeable = False
    return out


def _resample(field_: np.ndarray, gx: np.ndarray, gy: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bilinear values of ``field_`` (on nodes ``gx``, ``gy``) at nodes ``x``, ``y``; 0 outside its grid."""

    def weights(g, t):
        w = np.zeros((t.size, g.size))
        f = (t - g[0]) / (g[1] - g[0])
        inside = (f >= 0) & (f <= g.size - 1)
        i0 = np.clip(np.floor(f).astype(int), 0, g.size - 2)
        r = f - i0
        rows = np.nonzero(inside)[0]
        w[rows, i0[rows]] = 1.0 - r[rows]
        w[rows, i0[rows] + 1] += r[rows]
        return w

    return weights(gy, y) @ field_ @ weights(gx, x).T


def _check_surface(surf, fat: float, k: float, muscle: float) -> Surface:
    if not isinstance(surf, Surface):
        raise ValueError(f"surface={short_repr(surf)}: expected a dimples.model.Surface from model.surface()")
    same = (math.isclose(surf.fat_mm, fat, rel_tol=1e-9) and math.isclose(surf.muscle_mm, muscle, rel_tol=1e-9)
            and (surf.tether_pa_per_mm == k or math.isclose(surf.tether_pa_per_mm, k, rel_tol=1e-9)))
    if not same:
        raise ValueError(f"surface={short_repr(surf)}: expected a Surface for fat_mm={fat:g}, anchoring {k:g} Pa/mm, "
                         f"muscle_mm={muscle:g}; got {surf.fat_mm:g} mm, {surf.tether_pa_per_mm:g} Pa/mm, "
                         f"{surf.muscle_mm:g} mm")
    return surf


def torso_surface(fat_mm, sex, *, anchoring="rigid", muscle_mm=model.DEFAULT_MUSCLE_MM,
                  spacing_mm=DEFAULT_SPACING_MM, surface=None) -> Torso:
    """The whole lower back, waist to upper buttocks, carrying the model's dimples at the PSIS.

    Parameters
    ----------
    fat_mm : float
        Subcutaneous fat over the PSIS (mm), in [0.5, 60] (the model's range).
    sex : {"female", "male"}
        Which assumed outline (:data:`ASSUMPTIONS`).
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (see :func:`dimples.model.tether_stiffness`); default "rigid".
    muscle_mm : float
        Muscle thickness around each PSIS's window (mm), in [0, 40]; default 10 (assumed).
    spacing_mm : float
        Node spacing of the torso grid (mm), in [1.25, 5]; default 2.5. A multiple of the
        model's 1.25 mm puts the model's nodes on the torso's, so the pit is carried exactly.
    surface : dimples.model.Surface, optional
        A surface already computed by :func:`dimples.model.surface` for these ``fat_mm``,
        ``anchoring`` and ``muscle_mm`` (saves a solve, e.g. the one of :func:`dimples.chain.chain`);
        by default it is computed here.

    Returns
    -------
    Torso
        Heights with and without the dimples (mm), the outline, the model surface and the levels.

    Raises
    ------
    ValueError
        If ``fat_mm`` is outside [0.5, 60] mm, ``sex`` is unknown, the anchoring is unknown,
        ``muscle_mm`` is outside [0, 40] mm, ``spacing_mm`` outside [1.25, 5] mm, or ``surface`` is
        not a Surface for the same fat, anchoring and muscle.
    """
    fat = check_number("fat_mm", fat_mm, *model.FAT_RANGE_MM, unit="mm")
    sex = check_sex(sex)
    k = model.tether_stiffness(anchoring)
    muscle = check_number("muscle_mm", muscle_mm, *model.MUSCLE_RANGE_MM, unit="mm")
    d = check_number("spacing_mm", spacing_mm, *SPACING_RANGE_MM, unit="mm")
    surf = model.surface(fat, anchoring=k, muscle_mm=muscle) if surface is None else _check_surface(
        surface, fat, k, muscle)
    x, y, base, coverage, half = _body(sex, fat, d)
    pit = _resample(surf.height_mm - surf.reference_mm, surf.grid.x_mm, surf.grid.y_mm, x, y)
    j = int(np.argmin(np.abs(y - _LORDOSIS_Y_MM)))
    near = np.abs(x) <= 60.0
    furrow = float(np.max(base[j, near]) - base[j, int(np.argmin(np.abs(x)))])
    return Torso(x, y, d, base + pit, base, coverage, half, sex, fat, surf, model.psis_mm(), _CREST_Y_MM,
                 _CLEFT_TOP_Y_MM, WAIST_Y_MM, furrow)


def torso_rgb(torso, *, light=render.DEFAULT_LIGHT, tone=render.DEFAULT_TONE) -> np.ndarray:
    """Shade the whole lower back with a light and a skin tone, on a plain light background.

    Parameters
    ----------
    torso : Torso
        From :func:`torso_surface`.
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`dimples.render.LIGHTS`); default "overhead".
    tone : {"I", "II", "III", "IV", "V", "VI"}
        Skin colour (:data:`dimples.render.SKIN_TONES`); default "III".

    Returns
    -------
    numpy.ndarray
        sRGB image, shape ``(ny, nx, 3)``, floats in [0, 1], rows going up the back (draw with
        ``origin="lower"`` and :attr:`Torso.extent_cm`, then invert the x axis). Lambert luminance of
        :func:`dimples.render.luminance`, highlights above flat skin rolled off, coloured by
        :func:`dimples.render.skin_rgb`, blended into :data:`BACKGROUND` at the outline.

    Raises
    ------
    ValueError
        If ``torso`` is not a Torso, ``light`` is not a name of LIGHTS or ``tone`` not one of SKIN_TONES.
    """
    if not isinstance(torso, Torso):
        raise ValueError(f"torso={short_repr(torso)}: expected a dimples.torso.Torso from torso_surface()")
    tone = render._check_tone(tone)
    lum = render.luminance(torso.height_mm, torso.spacing_mm, light=light)
    over = np.maximum(lum - HIGHLIGHT_KNEE, 0.0) / HIGHLIGHT_ROOM
    lum = np.minimum(lum, HIGHLIGHT_KNEE) + HIGHLIGHT_ROOM * over / (1.0 + over)
    skin = render.skin_rgb(lum, skin=render.SKIN_TONES[tone])
    bg = np.array([int(BACKGROUND[i:i + 2], 16) / 255.0 for i in (1, 3, 5)])
    c = torso.coverage[:, :, None]
    return c * skin + (1.0 - c) * bg[None, None, :]
