"""The public chain: body fat % -> fat over the PSIS -> surface -> contrast (MODEL.md steps 1-3).

One call walks the whole chain the kit teaches in notebook 04:

1. :func:`dimples.thickness.fat_thickness_mm`: a body-fat percentage, sex
   and age give the fat over the PSIS (mm), through the Durnin-Womersley
   skinfold sum, the suprailiac share, the caliper/ultrasound ratio and the
   regional factor, each named in :data:`dimples.thickness.ASSUMPTIONS`;
2. :func:`dimples.model.surface`: that fat over the deep relief, with the
   chosen anchoring and muscle, gives the skin's equilibrium;
3. :func:`dimples.render.weber_contrast`: the surface lit as the kit lights
   it gives the dimple's contrast, compared with the visibility threshold.

Every step is illustrative where its assumptions are: :data:`ASSUMPTIONS`
lists them all, in the order of the chain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dimples import model, render, thickness
from dimples.base import Assumption, check_sex
from dimples.model import Surface

__all__ = ["ChainResult", "ASSUMPTIONS", "ESTIMATES", "chain", "contrast_curve", "contrast_curves"]

#: The two estimates of the fat over the PSIS: fold / measured ratio, and half the fold less the skin.
ESTIMATES = {"ratio": thickness.fat_thickness_mm, "uncompressed": thickness.fat_thickness_uncompressed_mm}

#: Every assumption of the chain, in its order: thickness, surface, light and eye.
ASSUMPTIONS: tuple[Assumption, ...] = (*thickness.ASSUMPTIONS, *model.ASSUMPTIONS, *render.ASSUMPTIONS)


@dataclass(frozen=True)
class ChainResult:
    """One walk of the chain.

    Attributes
    ----------
    percent_fat : float
        Body fat (% of body mass).
    sex : str
        ``"female"`` or ``"male"``.
    age : float
        Age (years).
    fat_mm : float
        Subcutaneous fat over the PSIS (mm).
    surface : dimples.model.Surface
        The computed lower back.
    contrast : float
        Weber contrast of the dimple (fraction, 0.02 = 2 %).
    """

    percent_fat: float
    sex: str
    age: float
    fat_mm: float
    surface: Surface
    contrast: float

    @property
    def visible(self) -> bool:
        """Whether the contrast exceeds :data:`dimples.render.VISIBILITY_THRESHOLD`."""
        return render.is_visible(self.contrast)


def chain(percent_fat, sex, *, age=thickness.DEFAULT_AGE, regional_factor=thickness.REGIONAL_FACTOR,
          anchoring="rigid", muscle_mm=model.DEFAULT_MUSCLE_MM, estimate="ratio",
          light=render.DEFAULT_LIGHT) -> ChainResult:
    """Walk the chain from a body-fat percentage to the dimple's contrast.

    Parameters
    ----------
    percent_fat : float
        Body fat (%), in [2, 60] and inside the Durnin-Womersley equation's reach for that sex and age.
    sex : {"female", "male"}
        The equations are sex-specific.
    age : float
        Age (years), within the Durnin-Womersley ages (16-72 women, 17-72 men); default 30 (assumed).
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac skinfold site (dimensionless, assumed 1).
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (see :func:`dimples.model.tether_stiffness`); default "rigid".
    muscle_mm : float
        Muscle thickness around the PSIS (mm), in [0, 40].
    estimate : {"ratio", "uncompressed"}
        Which fat estimate: the fold divided by the caliper / ultrasound ratio
        (:func:`dimples.thickness.fat_thickness_mm`) or half the fold less the skin
        (:func:`dimples.thickness.fat_thickness_uncompressed_mm`); neither is a bound.
    light : {"overhead", "raking", "frontal"}
        The light for the contrast.

    Returns
    -------
    ChainResult
        Inputs, fat over the PSIS (mm), the surface and the contrast (fraction).

    Raises
    ------
    ValueError
        From the step that refuses an argument, naming it.
    """
    sex = check_sex(sex)
    if estimate not in ESTIMATES:
        raise ValueError(f"estimate={estimate!r}: expected one of {sorted(ESTIMATES)}")
    fat = max(model.FAT_RANGE_MM[0], ESTIMATES[estimate](percent_fat, sex, age, regional_factor=regional_factor))
    surf = model.surface(fat, anchoring=anchoring, muscle_mm=muscle_mm)
    return ChainResult(float(percent_fat), sex, float(age), fat, surf, render.weber_contrast(surf, light=light))


def contrast_curve(sex, percents, *, regional_factor=thickness.REGIONAL_FACTOR, anchoring="rigid",
                   estimate="ratio", light=render.DEFAULT_LIGHT) -> np.ndarray:
    """Weber contrast (fraction) of the dimple for each body-fat percentage.

    Parameters
    ----------
    sex : {"female", "male"}
        The equations are sex-specific.
    percents : sequence of float
        Body fat percentages (%), each in [2, 60].
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac site (dimensionless, assumed 1).
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS.
    estimate : {"ratio", "uncompressed"}
        Which fat estimate (see :func:`chain`).
    light : {"overhead", "raking", "frontal"}
        The light.

    Returns
    -------
    numpy.ndarray
        One contrast per percentage (fraction).

    Raises
    ------
    ValueError
        For an unknown sex or light, a percentage out of range or not a number, or ``percents`` not a sequence.
    """
    if not isinstance(light, str) or light not in render.LIGHTS:
        raise ValueError(f"light={light!r}: expected one of {sorted(render.LIGHTS)}")
    return contrast_curves(sex, percents, regional_factor=regional_factor, anchoring=anchoring,
                           estimate=estimate, lights=(light,))[light]


def contrast_curves(sex, percents, *, regional_factor=thickness.REGIONAL_FACTOR, anchoring="rigid",
                    estimate="ratio", lights=tuple(render.LIGHTS)) -> dict[str, np.ndarray]:
    """Weber contrast (fraction) of the dimple for each body-fat percentage, under each of several lights.

    The surface does not depend on the light, so each percentage's surface is
    solved once and shaded under every light.

    Parameters
    ----------
    sex : {"female", "male"}
        The equations are sex-specific.
    percents : sequence of float
        Body fat percentages (%), each in [2, 60].
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac site (dimensionless, assumed 1).
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS.
    estimate : {"ratio", "uncompressed"}
        Which fat estimate (see :func:`chain`).
    lights : sequence of str
        Names from :data:`dimples.render.LIGHTS`; default all of them.

    Returns
    -------
    dict of str to numpy.ndarray
        For each light, one contrast per percentage (fraction).

    Raises
    ------
    ValueError
        For an unknown sex or light, a percentage out of range or not a number, or ``percents`` or
        ``lights`` not a sequence.
    """
    sex = check_sex(sex)
    if isinstance(percents, (str, bytes)) or not hasattr(percents, "__iter__"):
        raise ValueError(f"percents={percents!r}: expected a sequence of body-fat percentages (%)")
    if isinstance(lights, (str, bytes)) or not hasattr(lights, "__iter__") or not lights:
        raise ValueError(f"lights={lights!r}: expected a non-empty sequence of names from {sorted(render.LIGHTS)}")
    lights = tuple(lights)
    unknown = [light for light in lights if not isinstance(light, str) or light not in render.LIGHTS]
    if unknown:
        raise ValueError(f"lights={lights!r}: {unknown[0]!r} is not a light; expected names from {sorted(render.LIGHTS)}")
    first, *rest = lights
    curves: dict[str, list[float]] = {light: [] for light in lights}
    for p in percents:
        r = chain(p, sex, regional_factor=regional_factor, anchoring=anchoring, estimate=estimate, light=first)
        curves[first].append(r.contrast)
        for light in rest:
            curves[light].append(render.weber_contrast(r.surface, light=light))
    return {light: np.array(c) for light, c in curves.items()}
