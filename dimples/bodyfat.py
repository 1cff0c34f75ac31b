"""Published body-composition equations, forward and inverse.

Two steps link a caliper measurement to a body-fat percentage:

1. a **skinfold equation** predicts body density ``D`` (g/cm3) from a sum of
   skinfolds ``S`` (mm) and age (years): Jackson-Pollock 3-site and 7-site
   (quadratic in ``S``) or Durnin-Womersley (linear in ``log10 S``);
2. a **two-compartment equation** turns density into per cent body fat:
   Siri (``%BF = 495 / D - 450``) or Brozek (``%BF = 457 / D - 414.2``).

Every forward function has an inverse, so the kit can go from a body-fat
percentage and an age back to the skinfold sum that would produce it
(:func:`skinfold_sum_from_percent_fat`). For the quadratic equations the
inverse takes the root on the branch where density falls as the skinfold
sum rises (the only physically meaningful one).

Validity
--------
Every public function raises :class:`ValueError` naming the parameter, the
value and what is allowed, for:

* NaN, infinite or non-numeric input, an unknown sex or equation name;
* age outside the range of the people each equation was derived on
  (:data:`AGE_RANGES`; Jackson-Pollock men 18-61, women 18-55 years,
  Durnin-Womersley men 17-72, women 16-72 years) - the kit does not
  extrapolate in age;
* per cent body fat outside :data:`PERCENT_FAT_RANGE` (2-60 %), and a
  density outside the range those percentages map to;
* a skinfold sum that is not positive, that lies beyond the vertex of a
  quadratic equation (where more fat would predict *more* density), or that
  predicts a body fat outside 2-60 % (Siri). The papers' fitted ranges of
  skinfold sums are not in the kit's sources, so this is the kit's own,
  documented, limit rather than the papers'.

No warning is ever issued: inputs are either accepted or refused.

References
----------
.. [Siri1961] Siri WE. Body composition from fluid spaces and density: analysis of methods. In: Brozek
   J, Henschel A (eds), *Techniques for Measuring Body Composition*. National Academy of Sciences,
   Washington DC, pp. 223-244, 1961. https://doi.org/10.17226/9963
.. [Brozek1963] Brozek J, Grande F, Anderson JT, Keys A. Densitometric analysis of body composition:
   revision of some quantitative assumptions. *Annals of the New York Academy of Sciences* 110: 113-140,
   1963. https://doi.org/10.1111/j.1749-6632.1963.tb17079.x
.. [JacksonPollock1978] Jackson AS, Pollock ML. Generalized equations for predicting body density of
   men. *British Journal of Nutrition* 40(3): 497-504, 1978. https://doi.org/10.1079/BJN19780152
.. [JacksonPollockWard1980] Jackson AS, Pollock ML, Ward A. Generalized equations for predicting body
   density of women. *Medicine and Science in Sports and Exercise* 12(3): 175-181, 1980. PMID 7402053
.. [DurninWomersley1974] Durnin JVGA, Womersley J. Body fat assessed from total body density and its
   estimation from skinfold thickness: measurements on 481 men and women aged from 16 to 72 years.
   *British Journal of Nutrition* 32(1): 77-97, 1974. https://doi.org/10.1079/BJN19740060
.. [ACE2009] American Council on Exercise. *ACE Personal Trainer Manual, 4th edition (body-fat
   percentage categories)*. American Council on Exercise, San Diego, 2009. https://www.acefitness.org/
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dimples import facts
from dimples.base import SEXES, check_number, check_sex
from dimples.facts import ACE_CATEGORIES, ACE_SOURCE

__all__ = [
    "SEXES",
    "EQUATIONS",
    "PERCENT_FAT_RANGE",
    "AGE_RANGES",
    "QuadraticEquation",
    "JP3_MEN",
    "JP3_WOMEN",
    "JP7_MEN",
    "JP7_WOMEN",
    "DW_COEFFICIENTS",
    "ACE_CATEGORIES",
    "ACE_SOURCE",
    "CLAIM_S1_PERCENT",
    "CLAIM_S1_SOURCE",
    "SIRI_COEFFICIENTS",
    "BROZEK_COEFFICIENTS",
    "siri_percent_fat",
    "siri_density",
    "brozek_percent_fat",
    "brozek_density",
    "jackson_pollock_density",
    "jackson_pollock_skinfold_sum",
    "durnin_womersley_coefficients",
    "durnin_womersley_density",
    "durnin_womersley_skinfold_sum",
    "density_from_skinfolds",
    "skinfold_sum_from_density",
    "percent_fat_from_skinfolds",
    "skinfold_sum_from_percent_fat",
    "ace_category",
    "check_sex",
    ]

#: Skinfold equations by name: ``"jp3"``, ``"jp7"`` (Jackson-Pollock 3-site, 7-site), ``"dw"`` (Durnin-Womersley).
EQUATIONS: tuple[str, ...] = ("jp3", "jp7", "dw")

#: Sites summed by each equation (the suprailiac site, forward of the PSIS, is in all but JP3 men).
SITES: dict[tuple[str, str], tuple[str, ...]] = {
    ("jp3", "male"): ("chest", "abdomen", "thigh"),
    ("jp3", "female"): ("triceps", "suprailiac", "thigh"),
    ("jp7", "male"): ("chest", "midaxillary", "triceps", "subscapular", "abdomen", "suprailiac", "thigh"),
    ("jp7", "female"): ("chest", "midaxillary", "triceps", "subscapular", "abdomen", "suprailiac", "thigh"),
    ("dw", "male"): ("biceps", "triceps", "subscapular", "suprailiac"),
    ("dw", "female"): ("biceps", "triceps", "subscapular", "suprailiac"),
}

#: Per cent body fat the kit accepts (%). Below ~2 % is below essential fat for anyone; above 60 % no equation holds.
PERCENT_FAT_RANGE: tuple[float, float] = (2.0, 60.0)

#: Ages (years, inclusive) of the people each equation was derived on.
AGE_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("jp3", "male"): (18.0, 61.0),
    ("jp7", "male"): (18.0, 61.0),
    ("jp3", "female"): (18.0, 55.0),
    ("jp7", "female"): (18.0, 55.0),
    ("dw", "male"): facts.value("durnin_womersley_age_men_years"),
    ("dw", "female"): facts.value("durnin_womersley_age_women_years"),
}

#: Source key of each equation.
EQUATION_SOURCES: dict[tuple[str, str], str] = {
    ("jp3", "male"): "JacksonPollock1978",
    ("jp7", "male"): "JacksonPollock1978",
    ("jp3", "female"): "JacksonPollockWard1980",
    ("jp7", "female"): "JacksonPollockWard1980",
    ("dw", "male"): "DurninWomersley1974",
    ("dw", "female"): "DurninWomersley1974",
}


@dataclass(frozen=True)
class QuadraticEquation:
    """``D = a - b S + c S**2 - d age`` (D in g/cm3, S in mm, age in years).

    Attributes
    ----------
    a : float
        Intercept (g/cm3).
    b : float
        Linear skinfold coefficient (g/cm3 per mm).
    c : float
        Quadratic skinfold coefficient (g/cm3 per mm2).
    d : float
        Age coefficient (g/cm3 per year).
    source : str
        Citation key.
    """

    a: float
    b: float
    c: float
    d: float
    source: str

    @property
    def vertex_mm(self) -> float:
        """Skinfold sum (mm) where the parabola turns: beyond it density would rise with fat."""
        return self.b / (2.0 * self.c)


#: Jackson-Pollock 3-site, men (chest, abdomen, thigh).
JP3_MEN = QuadraticEquation(1.10938, 0.0008267, 0.0000016, 0.0002574, "JacksonPollock1978")
#: Jackson-Pollock 3-site, women (triceps, suprailiac, thigh). Some calculators print 1.0994291 (a digit swap).
JP3_WOMEN = QuadraticEquation(1.0994921, 0.0009929, 0.0000023, 0.0001392, "JacksonPollockWard1980")
#: Jackson-Pollock 7-site, men.
JP7_MEN = QuadraticEquation(1.112, 0.00043499, 0.00000055, 0.00028826, "JacksonPollock1978")
#: Jackson-Pollock 7-site, women.
JP7_WOMEN = QuadraticEquation(1.097, 0.00046971, 0.00000056, 0.00012828, "JacksonPollockWard1980")

_QUADRATIC = {
    ("jp3", "male"): JP3_MEN,
    ("jp3", "female"): JP3_WOMEN,
    ("jp7", "male"): JP7_MEN,
    ("jp7", "female"): JP7_WOMEN,
}

#: Durnin-Womersley ``D = c - m log10(S)``: sex -> list of (first age, last age, c, m), ages in years.
#: The last band is "50 and over"; its upper end is the oldest age studied (72 years).
DW_COEFFICIENTS: dict[str, tuple[tuple[float, float, float, float], ...]] = {
    "male": (
        (17.0, 20.0, 1.1620, 0.0630),
        (20.0, 30.0, 1.1631, 0.0632),
        (30.0, 40.0, 1.1422, 0.0544),
        (40.0, 50.0, 1.1620, 0.0700),
        (50.0, 72.0, 1.1715, 0.0779),
    ),
    "female": (
        (16.0, 20.0, 1.1549, 0.0678),
        (20.0, 30.0, 1.1599, 0.0717),
        (30.0, 40.0, 1.1423, 0.0632),
        (40.0, 50.0, 1.1333, 0.0612),
        (50.0, 72.0, 1.1339, 0.0645),
    ),
}

# ACE_CATEGORIES and ACE_SOURCE (imported above) live in dimples.facts with the other sourced figures.

#: The claim the kit examines (FACTS S1): "around 22 % in women and 32 % in men may improve visibility".
#: Found only in an uncited Wikipedia line; kept here so notebooks quote it from one place.
CLAIM_S1_PERCENT: dict[str, float] = {"female": facts.value("claim_s1_women_percent"),
                                      "male": facts.value("claim_s1_men_percent")}
CLAIM_S1_SOURCE = facts.fact("claim_s1_women_percent").source_key


# --------------------------------------------------------------------------- checks


def _check_equation(equation) -> str:
    if not isinstance(equation, str) or equation not in EQUATIONS:
        raise ValueError(f"equation={equation!r}: expected one of {EQUATIONS}")
    return equation


def _check_age(age, equation: str, sex: str) -> float:
    low, high = AGE_RANGES[(equation, sex)]
    return check_number(f"age (for {equation}, {sex})", age, low, high, unit="years")


def _check_percent(percent_fat) -> float:
    return check_number("percent_fat", percent_fat, *PERCENT_FAT_RANGE, unit="%")


#: Siri's ``%BF = a / D - b``: ``(a, b)`` [Siri1961].
SIRI_COEFFICIENTS: tuple[float, float] = (facts.value("siri_a"), facts.value("siri_b"))
#: Brozek's ``%BF = a / D - b``: ``(a, b)`` [Brozek1963].
BROZEK_COEFFICIENTS: tuple[float, float] = (facts.value("brozek_a"), facts.value("brozek_b"))
_SIRI_A, _SIRI_B = SIRI_COEFFICIENTS
_BROZEK_A, _BROZEK_B = BROZEK_COEFFICIENTS

# Densities (g/cm3) corresponding to PERCENT_FAT_RANGE under each conversion.
_DENSITY_RANGE = {
    "siri": (_SIRI_A / (PERCENT_FAT_RANGE[1] + _SIRI_B), _SIRI_A / (PERCENT_FAT_RANGE[0] + _SIRI_B)),
    "brozek": (_BROZEK_A / (PERCENT_FAT_RANGE[1] + _BROZEK_B), _BROZEK_A / (PERCENT_FAT_RANGE[0] + _BROZEK_B)),
}
CONVERSIONS: tuple[str, ...] = ("siri", "brozek")


def _check_density(density, conversion: str = "siri") -> float:
    low, high = _DENSITY_RANGE[conversion]
    return check_number("density", density, round(low, 6) - 5e-7, round(high, 6) + 5e-7, unit="g/cm3")


# --------------------------------------------------------------------------- density <-> %BF


def siri_percent_fat(density) -> float:
    """Per cent body fat from body density, Siri's two-compartment equation.

    ``%BF = 495 / D - 450``.

    Parameters
    ----------
    density : float
        Whole-body density ``D`` in g/cm3, within the range that maps to
        2-60 % body fat (about 0.971-1.095 g/cm3).

    Returns
    -------
    float
        Body fat in per cent of body mass.

    Raises
    ------
    ValueError
        For a non-finite density or one outside that range.

    References
    ----------
    .. [Siri1961] Siri WE. Body composition from fluid spaces and density: analysis of methods. In:
       Brozek J, Henschel A (eds), *Techniques for Measuring Body Composition*. National Academy of
       Sciences, Washington DC, pp. 223-244, 1961. https://doi.org/10.17226/9963
    """
    d = _check_density(density, "siri")
    return _SIRI_A / d - _SIRI_B


def siri_density(percent_fat) -> float:
    """Body density (g/cm3) from per cent body fat: the inverse of :func:`siri_percent_fat`.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, within :data:`PERCENT_FAT_RANGE` (2-60 %).

    Returns
    -------
    float
        Whole-body density in g/cm3 (about 0.971-1.095 g/cm3).

    Raises
    ------
    ValueError
        For a non-finite ``percent_fat`` or one outside 2-60 %.

    References
    ----------
    .. [Siri1961] Siri WE. Body composition from fluid spaces and density: analysis of methods. In:
       Brozek J, Henschel A (eds), *Techniques for Measuring Body Composition*. National Academy of
       Sciences, Washington DC, pp. 223-244, 1961. https://doi.org/10.17226/9963
    """
    p = _check_percent(percent_fat)
    return _SIRI_A / (p + _SIRI_B)


def brozek_percent_fat(density) -> float:
    """Per cent body fat from body density, Brozek's equation ``%BF = 457 / D - 414.2``.

    Parameters
    ----------
    density : float
        Whole-body density in g/cm3, within the range that maps to 2-60 %
        body fat (about 0.962-1.098 g/cm3).

    Returns
    -------
    float
        Body fat in per cent (%) of body mass.

    Raises
    ------
    ValueError
        For a non-finite density or one outside that range.

    References
    ----------
    .. [Brozek1963] Brozek J, Grande F, Anderson JT, Keys A. Densitometric analysis of body composition:
       revision of some quantitative assumptions. *Annals of the New York Academy of Sciences* 110:
       113-140, 1963. https://doi.org/10.1111/j.1749-6632.1963.tb17079.x
    """
    d = _check_density(density, "brozek")
    return _BROZEK_A / d - _BROZEK_B


def brozek_density(percent_fat) -> float:
    """Body density (g/cm3) from per cent body fat: the inverse of :func:`brozek_percent_fat`.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, within :data:`PERCENT_FAT_RANGE` (2-60 %).

    Returns
    -------
    float
        Whole-body density in g/cm3 (about 0.962-1.098 g/cm3).

    Raises
    ------
    ValueError
        For a non-finite ``percent_fat`` or one outside 2-60 %.

    References
    ----------
    .. [Brozek1963] Brozek J, Grande F, Anderson JT, Keys A. Densitometric analysis of body composition:
       revision of some quantitative assumptions. *Annals of the New York Academy of Sciences* 110:
       113-140, 1963. https://doi.org/10.1111/j.1749-6632.1963.tb17079.x
    """
    p = _check_percent(percent_fat)
    return _BROZEK_A / (p + _BROZEK_B)


_TO_PERCENT = {"siri": siri_percent_fat, "brozek": brozek_percent_fat}
_TO_DENSITY = {"siri": siri_density, "brozek": brozek_density}


def _check_conversion(conversion) -> str:
    if not isinstance(conversion, str) or conversion not in CONVERSIONS:
        raise ValueError(f"conversion={conversion!r}: expected one of {CONVERSIONS}")
    return conversion


# --------------------------------------------------------------------------- Jackson-Pollock


def _quadratic(sites: int, sex: str) -> tuple[str, QuadraticEquation]:
    if isinstance(sites, bool) or sites not in (3, 7):
        raise ValueError(f"sites={sites!r}: expected 3 or 7 (Jackson-Pollock 3-site or 7-site)")
    key = "jp3" if sites == 3 else "jp7"
    return key, _QUADRATIC[(key, check_sex(sex))]


def _check_sum_quadratic(skinfold_sum, eq: QuadraticEquation) -> float:
    return check_number("skinfold_sum", skinfold_sum, 0.0, eq.vertex_mm, unit="mm", low_open=True)


def jackson_pollock_density(skinfold_sum, age, sex, sites=3) -> float:
    """Body density from a Jackson-Pollock skinfold sum.

    ``D = a - b S + c S**2 - d age`` with the published coefficients
    (:data:`JP3_MEN`, :data:`JP3_WOMEN`, :data:`JP7_MEN`, :data:`JP7_WOMEN`):
    men's from [JacksonPollock1978]_, women's from [JacksonPollockWard1980]_.

    Parameters
    ----------
    skinfold_sum : float
        Sum ``S`` of the 3 or 7 skinfolds in mm, in (0, vertex] where the
        vertex is ``b / 2c`` (258 mm JP3 men, 216 mm JP3 women, 395 mm JP7
        men, 419 mm JP7 women).
    age : float
        Age in years, within :data:`AGE_RANGES` for the equation (men 18-61,
        women 18-55 years).
    sex : {"female", "male"}
        Sex the equation was fitted for.
    sites : {3, 7}
        Which equation: 3-site or 7-site (default 3).

    Returns
    -------
    float
        Body density in g/cm3.

    Raises
    ------
    ValueError
        For an unknown ``sex`` or ``sites``, a skinfold sum outside (0, vertex] mm,
        or an age outside the equation's range.

    References
    ----------
    .. [JacksonPollock1978] Jackson AS, Pollock ML. Generalized equations for predicting body density of
       men. *British Journal of Nutrition* 40(3): 497-504, 1978. https://doi.org/10.1079/BJN19780152
    .. [JacksonPollockWard1980] Jackson AS, Pollock ML, Ward A. Generalized equations for predicting
       body density of women. *Medicine and Science in Sports and Exercise* 12(3): 175-181, 1980.
       PMID 7402053
    """
    key, eq = _quadratic(sites, sex)
    s = _check_sum_quadratic(skinfold_sum, eq)
    a = _check_age(age, key, sex)
    return eq.a - eq.b * s + eq.c * s * s - eq.d * a


def jackson_pollock_skinfold_sum(density, age, sex, sites=3) -> float:
    """Skinfold sum (mm) giving a body density: the inverse of :func:`jackson_pollock_density`.

    Solves ``c S**2 - b S + (a - d age - D) = 0`` and returns the smaller
    root, the one on the falling branch (``S <= b / 2c``), where more fat
    means lower density. The larger root is an artefact of the quadratic fit.
    The root is computed in the cancellation-free form
    ``S = 2 q / (b + sqrt(b**2 - 4 c q))`` with ``q = a - d age - D``.

    Parameters
    ----------
    density : float
        Body density in g/cm3 (the range that maps to 2-60 % body fat under
        Siri, about 0.971-1.095 g/cm3).
    age : float
        Age in years, within the equation's :data:`AGE_RANGES`.
    sex : {"female", "male"}
        Sex the equation was fitted for.
    sites : {3, 7}
        Which equation: 3-site or 7-site (default 3).

    Returns
    -------
    float
        Sum of skinfolds in mm.

    Raises
    ------
    ValueError
        For an unknown ``sex`` or ``sites``, a density or age out of range; or
        if the density is higher than the equation gives for a zero sum, or
        lower than the lowest density the parabola reaches (at its vertex)
        for that age: the equation cannot produce it.

    References
    ----------
    .. [JacksonPollock1978] Jackson AS, Pollock ML. Generalized equations for predicting body density of
       men. *British Journal of Nutrition* 40(3): 497-504, 1978. https://doi.org/10.1079/BJN19780152
    .. [JacksonPollockWard1980] Jackson AS, Pollock ML, Ward A. Generalized equations for predicting
       body density of women. *Medicine and Science in Sports and Exercise* 12(3): 175-181, 1980.
       PMID 7402053
    """
    key, eq = _quadratic(sites, sex)
    d = _check_density(density)
    a = _check_age(age, key, sex)
    q = eq.a - eq.d * a - d
    disc = eq.b * eq.b - 4.0 * eq.c * q
    if q <= 0.0:
        raise ValueError(f"density={density!r}: the {key} equation for a {sex} aged {a:g} gives at most "
                         f"{eq.a - eq.d * a:.5f} g/cm3 (zero skinfolds); expected a lower density")
    if disc < 0.0:
        lowest = eq.a - eq.d * a - eq.b * eq.b / (4.0 * eq.c)
        raise ValueError(f"density={density!r}: below {lowest:.5f} g/cm3, the lowest density the {key} equation "
                         f"reaches for a {sex} aged {a:g} (its vertex); the equation cannot represent this body fat")
    return 2.0 * q / (eq.b + math.sqrt(disc))


# --------------------------------------------------------------------------- Durnin-Womersley


def durnin_womersley_coefficients(age, sex) -> tuple[float, float]:
    """Durnin-Womersley ``(c, m)`` for a sex and age.

    Parameters
    ----------
    age : float
        Age in years: men 17-72, women 16-72 (the bands 17/16-19, 20-29,
        30-39, 40-49, 50+; 72 was the oldest age studied).
    sex : {"female", "male"}
        Sex the equation was fitted for.

    Returns
    -------
    (c, m) : tuple of float
        Intercept (g/cm3) and slope (g/cm3 per decade of skinfold sum).

    Raises
    ------
    ValueError
        For an unknown ``sex`` or an age outside the range studied.

    References
    ----------
    .. [DurninWomersley1974] Durnin JVGA, Womersley J. Body fat assessed from total body density and its
       estimation from skinfold thickness: measurements on 481 men and women aged from 16 to 72 years.
       *British Journal of Nutrition* 32(1): 77-97, 1974. https://doi.org/10.1079/BJN19740060
    """
    sex = check_sex(sex)
    a = _check_age(age, "dw", sex)
    bands = DW_COEFFICIENTS[sex]
    for first, last, c, m in bands:
        if first <= a < last:
            return c, m
    return bands[-1][2], bands[-1][3]  # a == 72, the top of the last band


def _check_sum_dw(skinfold_sum) -> float:
    return check_number("skinfold_sum", skinfold_sum, 0.0, None, unit="mm", low_open=True)


def durnin_womersley_density(skinfold_sum, age, sex) -> float:
    """Body density from the Durnin-Womersley four-site sum.

    ``D = c - m log10(S)``, ``S`` = biceps + triceps + subscapular +
    suprailiac skinfolds (mm); ``c`` and ``m`` from
    :func:`durnin_womersley_coefficients`.

    Parameters
    ----------
    skinfold_sum : float
        Sum of the four skinfolds in mm (> 0).
    age : float
        Age in years (men 17-72, women 16-72).
    sex : {"female", "male"}
        Sex the equation was fitted for.

    Returns
    -------
    float
        Body density in g/cm3.

    Raises
    ------
    ValueError
        For a skinfold sum that is not a positive finite number (mm), an unknown
        ``sex`` or an age outside the range studied.

    References
    ----------
    .. [DurninWomersley1974] Durnin JVGA, Womersley J. Body fat assessed from total body density and its
       estimation from skinfold thickness: measurements on 481 men and women aged from 16 to 72 years.
       *British Journal of Nutrition* 32(1): 77-97, 1974. https://doi.org/10.1079/BJN19740060
    """
    s = _check_sum_dw(skinfold_sum)
    c, m = durnin_womersley_coefficients(age, sex)
    return c - m * math.log10(s)


def durnin_womersley_skinfold_sum(density, age, sex) -> float:
    """Four-site skinfold sum (mm) for a density: ``S = 10 ** ((c - D) / m)``.

    Parameters
    ----------
    density : float
        Body density in g/cm3 (the range that maps to 2-60 % body fat under
        Siri, about 0.971-1.095 g/cm3).
    age : float
        Age in years (men 17-72, women 16-72).
    sex : {"female", "male"}
        Sex the equation was fitted for.

    Returns
    -------
    float
        Sum of the four skinfolds (biceps, triceps, subscapular, suprailiac) in mm.

    Raises
    ------
    ValueError
        For a density out of range, an unknown ``sex`` or an age outside the range studied.

    References
    ----------
    .. [DurninWomersley1974] Durnin JVGA, Womersley J. Body fat assessed from total body density and its
       estimation from skinfold thickness: measurements on 481 men and women aged from 16 to 72 years.
       *British Journal of Nutrition* 32(1): 77-97, 1974. https://doi.org/10.1079/BJN19740060
    """
    d = _check_density(density)
    c, m = durnin_womersley_coefficients(age, sex)
    return 10.0 ** ((c - d) / m)


# --------------------------------------------------------------------------- chains


def density_from_skinfolds(skinfold_sum, age, sex, equation="dw") -> float:
    """Body density (g/cm3) from a skinfold sum with the named equation.

    Parameters
    ----------
    skinfold_sum : float
        Sum of the equation's skinfolds (:data:`SITES`), mm.
    age : float
        Age in years, within :data:`AGE_RANGES`.
    sex : {"female", "male"}
        Sex the equation was fitted for.
    equation : {"dw", "jp3", "jp7"}
        Durnin-Womersley (default) or Jackson-Pollock 3- or 7-site.

    Returns
    -------
    float
        Body density in g/cm3.

    Raises
    ------
    ValueError
        For an unknown ``equation`` or ``sex``, or a skinfold sum (mm) or age
        (years) the equation does not accept.
    """
    equation = _check_equation(equation)
    if equation == "dw":
        return durnin_womersley_density(skinfold_sum, age, sex)
    return jackson_pollock_density(skinfold_sum, age, sex, 3 if equation == "jp3" else 7)


def skinfold_sum_from_density(density, age, sex, equation="dw") -> float:
    """Skinfold sum (mm) from density: the inverse of :func:`density_from_skinfolds`.

    Parameters
    ----------
    density : float
        Body density in g/cm3 (the range that maps to 2-60 % body fat under
        Siri, about 0.971-1.095 g/cm3).
    age : float
        Age in years, within :data:`AGE_RANGES`.
    sex : {"female", "male"}
        Sex the equation was fitted for.
    equation : {"dw", "jp3", "jp7"}
        Durnin-Womersley (default) or Jackson-Pollock 3- or 7-site.

    Returns
    -------
    float
        Sum of the equation's skinfolds (:data:`SITES`) in mm.

    Raises
    ------
    ValueError
        For an unknown ``equation`` or ``sex``, a density or age out of range,
        or a density the equation cannot produce at that age.
    """
    equation = _check_equation(equation)
    if equation == "dw":
        return durnin_womersley_skinfold_sum(density, age, sex)
    return jackson_pollock_skinfold_sum(density, age, sex, 3 if equation == "jp3" else 7)


def percent_fat_from_skinfolds(skinfold_sum, age, sex, equation="dw", conversion="siri") -> float:
    """Per cent body fat from a skinfold sum: skinfold equation, then Siri or Brozek.

    Parameters
    ----------
    skinfold_sum : float
        Sum of the equation's skinfolds (:data:`SITES`) in mm.
    age : float
        Age in years, within :data:`AGE_RANGES`.
    sex : {"female", "male"}
        Sex the equation was fitted for.
    equation : {"dw", "jp3", "jp7"}
        Durnin-Womersley (default) or Jackson-Pollock 3- or 7-site.
    conversion : {"siri", "brozek"}
        Two-compartment equation from density to per cent fat (default Siri).

    Returns
    -------
    float
        Body fat in per cent (%) of body mass.

    Raises
    ------
    ValueError
        For an unknown ``equation``, ``conversion`` or ``sex``, a skinfold sum
        or age the equation does not accept, and also when the predicted
        density maps outside 2-60 % body fat.
    """
    conversion = _check_conversion(conversion)
    d = density_from_skinfolds(skinfold_sum, age, sex, equation)
    try:
        return _TO_PERCENT[conversion](d)
    except ValueError:
        raise ValueError(f"skinfold_sum={skinfold_sum!r}: the {equation} equation predicts density {d:.5f} g/cm3, "
                         f"outside what body fat in [{PERCENT_FAT_RANGE[0]:g}, {PERCENT_FAT_RANGE[1]:g}] % allows; "
                         f"expected a smaller or larger sum") from None


def skinfold_sum_from_percent_fat(percent_fat, age, sex, equation="dw", conversion="siri") -> float:
    """Skinfold sum (mm) that a skinfold equation links to a body-fat percentage.

    The inverse of :func:`percent_fat_from_skinfolds`: per cent fat -> density
    (Siri or Brozek, inverted) -> skinfold sum (the equation, inverted).

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    age : float
        Age in years, within :data:`AGE_RANGES` for the equation and sex.
    sex : {"female", "male"}
        Sex the equation was fitted for.
    equation : {"dw", "jp3", "jp7"}
        Durnin-Womersley (default: valid for both sexes up to 72 years and
        contains the suprailiac site) or Jackson-Pollock 3- or 7-site.
    conversion : {"siri", "brozek"}
        Two-compartment equation from per cent fat to density (default Siri).

    Returns
    -------
    float
        Sum of the equation's skinfolds in mm.

    Raises
    ------
    ValueError
        For bad input, or a body fat the equation cannot reach at that age
        (e.g. JP7 men stop near 37 % at age 30, where the parabola turns).
    """
    conversion = _check_conversion(conversion)
    _check_equation(equation)
    check_sex(sex)
    d = _TO_DENSITY[conversion](percent_fat)
    try:
        return skinfold_sum_from_density(d, age, sex, equation)
    except ValueError as err:
        if "density=" in str(err):
            raise ValueError(f"percent_fat={percent_fat!r}: not reachable with the {equation} equation for a {sex} "
                             f"of this age ({err})") from None
        raise


def ace_category(percent_fat, sex) -> str:
    """The ACE body-fat category for a percentage (FACTS, [ACE2009]_).

    Values in a gap between two printed ranges (e.g. 13.5 % for a woman)
    belong to the lower category; values below essential fat return
    ``"below essential fat"``.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    sex : {"female", "male"}
        Which table of :data:`ACE_CATEGORIES`.

    Returns
    -------
    str
        Category name, e.g. ``"fitness"``, or ``"below essential fat"``.

    Raises
    ------
    ValueError
        For a ``percent_fat`` outside 2-60 % or an unknown ``sex``.

    References
    ----------
    .. [ACE2009] American Council on Exercise. *ACE Personal Trainer Manual, 4th edition (body-fat
       percentage categories)*. American Council on Exercise, San Diego, 2009.
       https://www.acefitness.org/
    """
    p = _check_percent(percent_fat)
    cats = ACE_CATEGORIES[check_sex(sex)]
    if p < cats[0][1]:
        return "below essential fat"
    name = cats[0][0]
    for cat, low, _high in cats:
        if p >= low:
            name = cat
    return name
