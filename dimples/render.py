"""Height field -> shaded picture of the lower back, and the dimple's contrast (MODEL.md step 3).

Shading
-------
Lambert (matte) shading: the light reflected towards the viewer is
proportional to the cosine between the surface normal and the direction
of the light. The light comes from above and in front
(:data:`LIGHT_ANGLE_DEG` from the line of sight, tilted upwards), like a
ceiling lamp, plus a fraction :data:`AMBIENT` of even room light. Luminance
is scaled so that flat skin facing the viewer has luminance 1.

A dimple's upper wall faces slightly downwards, away from the light, and
is darker; its lower wall faces up and is lighter.

Contrast and visibility
-----------------------
The dimple's **Weber contrast** is the largest ``|L - L_free| / L_free``
over the picture, where ``L_free`` is the luminance the same skin would
have without the anchor (the surrounding skin, extended under the
dimple). Weber's law: on a large, even field people notice a luminance
difference of about 1-2 % of the background ([Wandell1995], FACTS V1).
The kit calls a dimple *visible* when its contrast exceeds
:data:`VISIBILITY_THRESHOLD` (2 %, the upper end), and shows the 1-2 %
band as uncertain. A small, blurred mark is harder to see than a step on
a large field, so this is a generous test.

Colour
------
The picture is the skin colour of :data:`dimples.style.TISSUE_COLOURS`
lit by the computed luminance (in linear light, then encoded to sRGB),
never a false-colour map.

References
----------
.. [Wandell1995] Wandell BA. *Foundations of Vision*. Sinauer Associates, Sunderland MA, 1995.
   ISBN 978-0-87893-853-7
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb

from dimples import facts
from dimples.base import Assumption, check_number, float_array, short_repr
from dimples.model import Surface, psis_mm
from dimples.style import PALETTE, TISSUE_COLOURS

__all__ = [
    "LIGHT_ANGLE_DEG",
    "AMBIENT",
    "WEBER_FRACTION_RANGE",
    "VISIBILITY_THRESHOLD",
    "VISIBILITY_SOURCE",
    "ASSUMPTIONS",
    "luminance",
    "surface_luminance",
    "weber_contrast",
    "is_visible",
    "skin_rgb",
    "draw_shaded",
    "draw_profile",
    "draw_contrast_bar",
]

#: Angle between the light and the line of sight (degrees), light tilted upwards: assumed (a ceiling lamp).
LIGHT_ANGLE_DEG: float = 45.0
#: Share of even (ambient) light in the luminance of flat skin: assumed.
AMBIENT: float = 0.25
#: Weber fraction for luminance on a large uniform field (FACTS V1).
WEBER_FRACTION_RANGE: tuple[float, float] = tuple(v / 100.0 for v in facts.value("weber_fraction_percent"))
#: Contrast above which the kit calls a dimple visible: the upper end of the Weber range.
VISIBILITY_THRESHOLD: float = facts.value("visibility_threshold_percent") / 100.0
VISIBILITY_SOURCE = facts.fact("visibility_threshold_percent").source_key

ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("light", f"from above, {LIGHT_ANGLE_DEG:g} degrees from the line of sight; "
               f"{AMBIENT:g} of it even room light", "-", "assumed", "a ceiling lamp; side light would change "
               "the contrast a lot"),
    Assumption("visibility threshold (Weber fraction)", f"{VISIBILITY_THRESHOLD:g} (band "
               f"{WEBER_FRACTION_RANGE[0]:g}-{WEBER_FRACTION_RANGE[1]:g})", "-", VISIBILITY_SOURCE,
               "measured for large uniform fields; a small blurred mark needs more"),
)


def _light(angle_deg: float) -> np.ndarray:
    a = math.radians(angle_deg)
    return np.array([0.0, math.sin(a), math.cos(a)])


def _check_surface(surf) -> Surface:
    if not isinstance(surf, Surface):
        raise ValueError(f"surf={short_repr(surf)}: expected a dimples.model.Surface from model.surface()")
    return surf


def _check_angle(light_angle_deg) -> float:
    return check_number("light_angle_deg", light_angle_deg, 0.0, 80.0, unit="degrees")


def luminance(height_mm, spacing_mm, *, light_angle_deg=LIGHT_ANGLE_DEG) -> np.ndarray:
    """Lambert luminance of a height field, 1 for flat skin facing the viewer.

    Parameters
    ----------
    height_mm : array_like
        Heights (mm) towards the viewer, shape ``(ny, nx)`` with rows going
        up the back (``y`` increasing).
    spacing_mm : float
        Grid spacing (mm), in [0.1, 20].
    light_angle_deg : float
        Angle (degrees) between the light and the line of sight, tilted
        upwards, in [0, 80].

    Returns
    -------
    numpy.ndarray
        Relative luminance (no unit), same shape.

    Raises
    ------
    ValueError
        If ``height_mm`` is not a finite 2-D array of at least 3 x 3 heights,
        ``spacing_mm`` is outside [0.1, 20] mm or ``light_angle_deg`` outside [0, 80] degrees.
    """
    z = float_array("height_mm", height_mm, "a finite 2-D array of heights in mm")
    if z.ndim != 2 or min(z.shape) < 3 or not np.all(np.isfinite(z)):
        raise ValueError(f"height_mm={short_repr(height_mm)}: expected a finite 2-D array of heights in mm at least 3 x 3, got shape {z.shape}")
    d = check_number("spacing_mm", spacing_mm, 0.1, 20.0, unit="mm")
    angle = _check_angle(light_angle_deg)
    gy, gx = np.gradient(z, d)
    return _lambert(gx, gy, angle)


def _lambert(gx: np.ndarray, gy: np.ndarray, angle_deg: float) -> np.ndarray:
    lx, ly, lz = _light(angle_deg)
    diffuse = np.maximum(0.0, (-gx * lx - gy * ly + lz) / np.sqrt(1.0 + gx * gx + gy * gy)) / lz
    return AMBIENT + (1.0 - AMBIENT) * diffuse


def weber_contrast(surf, *, light_angle_deg=LIGHT_ANGLE_DEG) -> float:
    """The dimple's Weber contrast: largest ``|L - L_free| / L_free`` over the picture.

    Parameters
    ----------
    surf : dimples.model.Surface
        From :func:`dimples.model.surface`.
    light_angle_deg : float
        Light angle from the line of sight (degrees), in [0, 80].

    Returns
    -------
    float
        Contrast (a fraction; 0.02 = 2 %). Exactly 0 without an anchor.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface or ``light_angle_deg`` is outside [0, 80] degrees.

    References
    ----------
    .. [Wandell1995] Wandell BA. *Foundations of Vision*. Sinauer Associates, Sunderland MA, 1995.
       ISBN 978-0-87893-853-7
    """
    surf = _check_surface(surf)
    if not surf.anchored:
        return 0.0
    lum, free = surface_luminance(surf, light_angle_deg=light_angle_deg, free=True)
    return _peak(np.abs(lum - free) / free)


def _peak(r: np.ndarray) -> float:
    """Maximum of a sampled field, refined by a parabola through the neighbours in x and in y."""
    j, i = np.unravel_index(int(np.argmax(r)), r.shape)
    top = float(r[j, i])
    if top == 0.0:
        return 0.0
    lift = 0.0
    for a, b in ((r[j, (i - 1) % r.shape[1]], r[j, (i + 1) % r.shape[1]]),
                 (r[(j - 1) % r.shape[0], i], r[(j + 1) % r.shape[0], i])):
        curv = a - 2 * top + b
        if curv < 0:
            lift += -((b - a) ** 2) / (8 * curv)
    return float(top + lift)


def surface_luminance(surf, *, light_angle_deg=LIGHT_ANGLE_DEG, free=False):
    """Lambert luminance of a model surface from its exact slopes (1 = flat skin facing the viewer).

    Parameters
    ----------
    surf : dimples.model.Surface
        From :func:`dimples.model.surface` (heights in mm).
    light_angle_deg : float
        Light angle from the line of sight (degrees), in [0, 80].
    free : bool
        Also return the luminance of the free (unanchored) surface (default False).

    Returns
    -------
    numpy.ndarray, or (numpy.ndarray, numpy.ndarray) if ``free``
        Relative luminance (no unit, 1 = flat skin facing the viewer), shape
        ``(ny, nx)``; with ``free``, that of the surface and of the free surface.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface or ``light_angle_deg`` is outside [0, 80] degrees.
    """
    surf = _check_surface(surf)
    angle = _check_angle(light_angle_deg)
    (gx, gy), (fx, fy) = surf.slopes()
    lum = _lambert(gx, gy, angle)
    return (lum, _lambert(fx, fy, angle)) if free else lum


def is_visible(contrast) -> bool:
    """Whether a Weber contrast (fraction, in [0, 1]) exceeds :data:`VISIBILITY_THRESHOLD`.

    Parameters
    ----------
    contrast : float
        Weber contrast, a fraction in [0, 1] (0.02 = 2 %).

    Returns
    -------
    bool
        True if ``contrast`` is above the threshold (0.02, i.e. 2 %).

    Raises
    ------
    ValueError
        If ``contrast`` is not a finite number in [0, 1].
    """
    c = check_number("contrast", contrast, 0.0, 1.0)
    return c > VISIBILITY_THRESHOLD


def _srgb_to_linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _linear_to_srgb(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def skin_rgb(lum, *, skin=TISSUE_COLOURS["skin"], exposure=0.85) -> np.ndarray:
    """Colour a luminance field with a skin tone: RGB image with values in [0, 1].

    Parameters
    ----------
    lum : array_like
        Relative luminance (1 = flat skin facing the viewer), 2-D, finite, >= 0.
    skin : str
        Skin colour as a hex sRGB string (default the kit's skin tone).
    exposure : float
        Scale applied in linear light before encoding (no unit), in (0, 2] (default 0.85).

    Returns
    -------
    numpy.ndarray
        sRGB image, shape ``(ny, nx, 3)``, values in [0, 1].

    Raises
    ------
    ValueError
        If ``lum`` is not a finite 2-D array >= 0, ``skin`` is not a colour, or
        ``exposure`` is outside (0, 2].
    """
    L = float_array("lum", lum, "a finite 2-D array of luminances >= 0")
    if L.ndim != 2 or not np.all(np.isfinite(L)) or np.any(L < 0):
        raise ValueError(f"lum={short_repr(lum)}: expected a finite 2-D array of luminances >= 0")
    if not isinstance(skin, str):
        raise ValueError(f"skin={skin!r}: expected a hex colour such as '#E8B89A'")
    try:
        albedo = _srgb_to_linear(np.array(to_rgb(skin)))
    except ValueError:
        raise ValueError(f"skin={skin!r}: expected a hex colour such as '#E8B89A'") from None
    e = check_number("exposure", exposure, 0.0, 2.0, low_open=True)
    return _linear_to_srgb(albedo[None, None, :] * L[:, :, None] * e)


def _extent(surf: Surface) -> list[float]:
    g = surf.grid
    x0, x1 = g.x_mm[0] - g.spacing_mm / 2, g.x_mm[-1] + g.spacing_mm / 2
    y0, y1 = g.y_mm[0] - g.spacing_mm / 2, g.y_mm[-1] + g.spacing_mm / 2
    # posterior view: the subject's left (+x) is on the viewer's left
    return [x1 / 10, x0 / 10, y0 / 10, y1 / 10]


def draw_shaded(ax: Axes, surf, *, light_angle_deg=LIGHT_ANGLE_DEG, mark_psis=False) -> Axes:
    """Draw the shaded lower back (posterior view, cm axes) onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; axes in cm.
    surf : dimples.model.Surface
        From :func:`dimples.model.surface` (heights in mm).
    light_angle_deg : float
        Light angle from the line of sight (degrees), in [0, 80].
    mark_psis : bool
        Add small ticks at the PSIS positions below the picture (default False).

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface or ``light_angle_deg`` is outside [0, 80] degrees.
    """
    surf = _check_surface(surf)
    lum = surface_luminance(surf, light_angle_deg=light_angle_deg)
    ax.imshow(skin_rgb(lum), origin="lower", extent=_extent(surf), interpolation="bilinear")
    ax.set_xlabel("← subject's left    cm    subject's right →", fontsize=8)
    ax.set_ylabel("cm from S2", fontsize=8)
    ax.tick_params(labelsize=7)
    if mark_psis:
        for px, _py in psis_mm():
            ax.plot([px / 10], [surf.grid.y_mm[0] / 10], marker="^", color=PALETTE["black"], ms=5, clip_on=False)
    return ax


def draw_profile(ax: Axes, surf, *, ylim=None, free=True, colour=None, label=None) -> Axes:
    """Plot the surface height along the line through both PSIS (mm against cm).

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw: x across the back in cm, y height in mm.
    surf : dimples.model.Surface
        From :func:`dimples.model.surface`.
    ylim : tuple of float, optional
        Height limits (mm).
    free : bool
        Also draw the free (unanchored) surface as a dashed line (default True).
    colour : str, optional
        Line colour (default Okabe-Ito blue).
    label : str, optional
        Legend label of the surface line.

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface.
    """
    surf = _check_surface(surf)
    x = surf.profile_x_mm / 10
    if free:
        ax.plot(x, surf.profile_free_mm, color=PALETTE["grey"], ls="--", lw=1, label="skin if free")
    ax.plot(x, surf.profile_mm, color=colour or PALETTE["blue"], lw=2, label=label or "skin surface")
    for px, _ in psis_mm():
        ax.axvline(px / 10, color=TISSUE_COLOURS["anchor"], lw=0.8, ls=":")
    ax.set_xlim(x.max(), x.min())
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("across the back at the PSIS level (cm)", fontsize=8)
    ax.set_ylabel("height of skin (mm)", fontsize=8)
    ax.tick_params(labelsize=7)
    return ax


def draw_contrast_bar(ax: Axes, contrast, *, xmax=0.12) -> Axes:
    """A horizontal bar of the dimple's contrast against the visibility band.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; the axis is labelled in per cent.
    contrast : float
        Weber contrast (fraction), in [0, 1].
    xmax : float
        Right end of the axis (fraction), in (0, 1] (default 0.12, i.e. 12 %).

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Raises
    ------
    ValueError
        If ``contrast`` is outside [0, 1] or ``xmax`` outside (0, 1].
    """
    c = check_number("contrast", contrast, 0.0, 1.0)
    xmax = check_number("xmax", xmax, 0.0, 1.0, low_open=True)
    lo, hi = WEBER_FRACTION_RANGE
    ax.axvspan(100 * lo, 100 * hi, color=PALETTE["grey"], alpha=0.35, lw=0)
    ax.barh([0], [100 * min(c, xmax)], color=PALETTE["blue"] if c > VISIBILITY_THRESHOLD else PALETTE["orange"],
            height=0.6)
    ax.axvline(100 * VISIBILITY_THRESHOLD, color=PALETTE["black"], lw=1)
    ax.set_xlim(0, 100 * xmax)
    ax.set_yticks([])
    ax.set_xlabel("Weber contrast (%)", fontsize=8)
    ax.tick_params(labelsize=7)
    verdict = "visible" if c > VISIBILITY_THRESHOLD else "below threshold"
    ax.set_title(f"contrast {100 * c:.1f} %: {verdict}", fontsize=9)
    return ax
