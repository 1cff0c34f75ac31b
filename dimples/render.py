"""Height field -> shaded picture of the lower back, and the dimple's contrast (MODEL.md step 3).

Shading
-------
Lambert (matte) shading: the light reflected towards the viewer is
proportional to the cosine between the surface normal and the direction
of the light, one of :data:`LIGHTS` (overhead, raking from the side, or
flat frontal), plus a fraction :data:`AMBIENT` of even room light.
Luminance is scaled so that flat skin facing the viewer has luminance 1.

Under the overhead light a pit's upper wall faces slightly downwards, away
from the light, and is darker; its lower wall faces up and is lighter.
Raking light exaggerates every slope; frontal light sees only how far a
wall turns away from the viewer, a second-order effect, so it flattens a
shallow pit.

Contrast and visibility
-----------------------
The dimple's **Weber contrast** is the largest ``|L - L_ref| / L_ref``
over the picture, where ``L_ref`` is the luminance of the model's
reference back (:attr:`dimples.model.Surface.reference_mm`: muscle over the
PSIS and no anchoring, so no dimple). Weber's law: on a large, even field people notice a luminance
difference of about 1-2 % of the background ([Wandell1995], FACTS V1).
The kit calls a dimple *visible* when its contrast exceeds
:data:`VISIBILITY_THRESHOLD` (2 %, the upper end), and shows the 1-2 %
band as uncertain. A small, blurred mark is harder to see than a step on
a large field, so this is a generous test.

Colour
------
The picture is a skin colour (one of :data:`SKIN_TONES`, six illustrative
tones for Fitzpatrick types I-VI) lit by the computed luminance (in linear
light, then encoded to sRGB), never a false-colour map. Weber contrast is a
ratio of luminances, so in the model it is the same on every tone; what the
model cannot tell is how visible the same contrast is on darker skin to a
real eye, or what shine and hair do.

References
----------
.. [Wandell1995] Wandell BA. *Foundations of Vision*. Sinauer Associates, Sunderland MA, 1995.
   ISBN 978-0-87893-853-7
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb

from dimples import facts
from dimples.base import Assumption, check_number, float_array, short_repr
from dimples.model import Surface, psis_mm
from dimples.style import PALETTE, TISSUE_COLOURS

__all__ = [
    "LIGHTS",
    "DEFAULT_LIGHT",
    "SKIN_TONES",
    "DEFAULT_TONE",
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

#: The lights the kit offers: name -> (direction towards the light as (x, y, z) before normalising,
#: where x is towards the subject's left, y up the back and z towards the viewer; a plain description).
#: All assumed: a ceiling lamp, a lamp low at the side, and a flash beside the camera.
LIGHTS: dict[str, tuple[tuple[float, float, float], str]] = {
    "overhead": ((0.0, 1.0, 1.0), "from above, 45 degrees from the line of sight, like a ceiling lamp"),
    "raking": ((-2.75, 0.5, 1.0), "low from the side, about 70 degrees from the line of sight"),
    "frontal": ((0.0, 0.0, 1.0), "flat from the front, along the line of sight, like a camera flash"),
}
#: The light used unless another is chosen.
DEFAULT_LIGHT: str = "overhead"
#: Share of even (ambient) light in the luminance of flat skin: assumed.
AMBIENT: float = 0.25
#: Six skin colours (sRGB) from very light to very dark, one per Fitzpatrick type I-VI: illustrative
#: colours chosen by the kit (assumed), not measured reflectances.
SKIN_TONES: dict[str, str] = {
    "I": "#F3D7C6", "II": "#E8BC9A", "III": "#D19E78", "IV": "#A97A56", "V": "#7A5339", "VI": "#4A3124",
}
DEFAULT_TONE: str = "III"
#: Weber fraction for luminance on a large uniform field (FACTS V1).
WEBER_FRACTION_RANGE: tuple[float, float] = tuple(v / 100.0 for v in facts.value("weber_fraction_percent"))
#: Contrast above which the kit calls a dimple visible: the upper end of the Weber range.
VISIBILITY_THRESHOLD: float = facts.value("visibility_threshold_percent") / 100.0
VISIBILITY_SOURCE = facts.fact("visibility_threshold_percent").source_key

ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("light", "overhead (default), raking or frontal; "
               f"{AMBIENT:g} of it even room light", "-", "assumed", "a ceiling lamp, a low side lamp, a flash"),
    Assumption("matte (Lambert) skin", "no shine, no hair, no colour variation", "-", "assumed",
               "real skin has a sheen that shows curvature more; the model leaves it out"),
    Assumption("skin colour", "six illustrative tones (Fitzpatrick I-VI)", "sRGB", "assumed",
               "Weber contrast is a ratio, so the model's contrast does not depend on tone"),
    Assumption("visibility threshold (Weber fraction)", f"{VISIBILITY_THRESHOLD:g} (band "
               f"{WEBER_FRACTION_RANGE[0]:g}-{WEBER_FRACTION_RANGE[1]:g})", "-", VISIBILITY_SOURCE,
               "measured for large uniform fields; a small blurred mark needs more"),
)


def _light(light: str) -> np.ndarray:
    v = np.array(LIGHTS[light][0], dtype=float)
    return v / np.linalg.norm(v)


def _check_surface(surf) -> Surface:
    if not isinstance(surf, Surface):
        raise ValueError(f"surf={short_repr(surf)}: expected a dimples.model.Surface from model.surface()")
    return surf


def _check_light(light) -> str:
    if not isinstance(light, str) or light not in LIGHTS:
        raise ValueError(f"light={light!r}: expected one of {sorted(LIGHTS)}")
    return light


def _check_tone(tone) -> str:
    if not isinstance(tone, str) or tone not in SKIN_TONES:
        raise ValueError(f"tone={tone!r}: expected one of {list(SKIN_TONES)} (Fitzpatrick types)")
    return tone


def luminance(height_mm, spacing_mm, *, light=DEFAULT_LIGHT) -> np.ndarray:
    """Lambert luminance of a height field, 1 for flat skin facing the viewer.

    Parameters
    ----------
    height_mm : array_like
        Heights (mm) towards the viewer, shape ``(ny, nx)`` with rows going
        up the back (``y`` increasing).
    spacing_mm : float
        Grid spacing (mm), in [0.1, 20].
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`LIGHTS`); default "overhead".

    Returns
    -------
    numpy.ndarray
        Relative luminance (no unit), same shape.

    Raises
    ------
    ValueError
        If ``height_mm`` is not a finite 2-D array of at least 3 x 3 heights,
        ``spacing_mm`` is outside [0.1, 20] mm or ``light`` is not a name of LIGHTS.
    """
    z = float_array("height_mm", height_mm, "a finite 2-D array of heights in mm")
    if z.ndim != 2 or min(z.shape) < 3 or not np.all(np.isfinite(z)):
        raise ValueError(f"height_mm={short_repr(height_mm)}: expected a finite 2-D array of heights in mm at least 3 x 3, got shape {z.shape}")
    d = check_number("spacing_mm", spacing_mm, 0.1, 20.0, unit="mm")
    light = _check_light(light)
    gy, gx = np.gradient(z, d)
    return _lambert(gx, gy, light)


def _lambert(gx: np.ndarray, gy: np.ndarray, light: str) -> np.ndarray:
    lx, ly, lz = _light(light)
    diffuse = np.maximum(0.0, (-gx * lx - gy * ly + lz) / np.sqrt(1.0 + gx * gx + gy * gy)) / lz
    return AMBIENT + (1.0 - AMBIENT) * diffuse


def weber_contrast(surf, *, light=DEFAULT_LIGHT) -> float:
    """The dimple's Weber contrast: largest ``|L - L_ref| / L_ref`` over the picture.

    Parameters
    ----------
    surf : dimples.model.Surface
        From :func:`dimples.model.surface`.
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`LIGHTS`); default "overhead".

    Returns
    -------
    float
        Contrast (a fraction; 0.02 = 2 %) against the reference back.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface or ``light`` is not a name of LIGHTS.

    References
    ----------
    .. [Wandell1995] Wandell BA. *Foundations of Vision*. Sinauer Associates, Sunderland MA, 1995.
       ISBN 978-0-87893-853-7
    """
    surf = _check_surface(surf)
    lum, ref = surface_luminance(surf, light=light, reference=True)
    return _peak(np.abs(lum - ref) / ref)


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


def surface_luminance(surf, *, light=DEFAULT_LIGHT, reference=False):
    """Lambert luminance of a model surface from its exact slopes (1 = flat skin facing the viewer).

    Parameters
    ----------
    surf : dimples.model.Surface
        From :func:`dimples.model.surface` (heights in mm).
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`LIGHTS`); default "overhead".
    reference : bool
        Also return the luminance of the reference back (no dimple; default False).

    Returns
    -------
    numpy.ndarray, or (numpy.ndarray, numpy.ndarray) if ``reference``
        Relative luminance (no unit, 1 = flat skin facing the viewer), shape
        ``(ny, nx)``; with ``reference``, that of the surface and of the reference.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface or ``light`` is not a name of LIGHTS.
    """
    surf = _check_surface(surf)
    light = _check_light(light)
    (gx, gy), (fx, fy) = surf.slopes()
    lum = _lambert(gx, gy, light)
    return (lum, _lambert(fx, fy, light)) if reference else lum


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
    c = check_number("contrast", contrast, 0.0, None)
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


def draw_shaded(ax: Axes, surf, *, light=DEFAULT_LIGHT, tone=DEFAULT_TONE, mark_psis=False) -> Axes:
    """Draw the shaded lower back (posterior view, cm axes) onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; axes in cm.
    surf : dimples.model.Surface
        From :func:`dimples.model.surface` (heights in mm).
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`LIGHTS`); default "overhead".
    tone : {"I", "II", "III", "IV", "V", "VI"}
        Skin colour (:data:`SKIN_TONES`); default "III".
    mark_psis : bool
        Add small ticks at the PSIS positions below the picture (default False).

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Raises
    ------
    ValueError
        If ``surf`` is not a Surface, ``light`` is not a name of LIGHTS or ``tone`` not one of SKIN_TONES.
    """
    surf = _check_surface(surf)
    tone = _check_tone(tone)
    lum = surface_luminance(surf, light=light)
    ax.imshow(skin_rgb(lum, skin=SKIN_TONES[tone]), origin="lower", extent=_extent(surf), interpolation="bilinear")
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
        Also draw the reference back (no dimple) dashed and the deep relief (bone and muscle)
        as a thin line (default True).
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
        ax.plot(x, surf.profile_reference_mm, color=PALETTE["grey"], ls="--", lw=1.2, label="back without a dimple")
        ax.plot(x, surf.profile_relief_mm, color=TISSUE_COLOURS["muscle"], lw=1.2, label="bone and muscle")
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
