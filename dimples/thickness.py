"""From body fat % to the thickness of the soft layer over the PSIS (MODEL.md step 1).

The chain, with every assumption named in :data:`ASSUMPTIONS`:

1. body fat %, sex and age -> the Durnin-Womersley four-site skinfold sum
   (inverting Siri, then the skinfold equation: :mod:`dimples.bodyfat`);
2. the suprailiac skinfold = an assumed share of that sum;
3. the fold -> one layer of subcutaneous fat: a fold is a double layer of
   skin and compressed fat; the caliper/ultrasound ratio measured on the
   upper back (~3.05 men, ~3.38 women, beside C7: the abstract gives no suprailiac ratio, [Kuroki2005]) converts
   it, or half the fold less the skin gives a second estimate (:func:`fat_thickness_uncompressed_mm`);
4. suprailiac site -> lower back over the PSIS: an assumed regional factor
   (1.0). The suprailiac fold is taken on the side of the trunk, forward of
   the PSIS ([PhenX2021]); nobody has measured the ratio between the two
   sites in the kit's sources.

The soft layer the model smooths through is the fat plus the dermis
(2.5 mm over the sacrum, [Dermis2017]).

References
----------
.. [Kuroki2005] Comparison of caliper skinfold and ultrasound fat thickness at 14 sites. *Japanese Journal
   of Test and Evaluation in Health and Physical Education* 1: 9-14, 2001.
   https://www.jstage.jst.go.jp/article/jjtehpe/1/0/1_jjtehpe.1.9/_article/-char/en
.. [PhenX2021] PhenX Toolkit. Protocol 20305: skinfold measurements (NHANES III). *PhenX Toolkit*, 2021.
   https://www.phenxtoolkit.org/
.. [Dermis2017] Burk RS, Schubert CM, Pepperl A, Grap MJ. High-frequency ultrasound: description of
   sacral tissue characteristics in healthy adults. 2017. PMID 28723853.
   https://pubmed.ncbi.nlm.nih.gov/28723853/
"""

from __future__ import annotations

from dimples import bodyfat, facts
from dimples.base import Assumption, check_number, check_sex

__all__ = [
    "ASSUMPTIONS",
    "DEFAULT_AGE",
    "SUPRAILIAC_SHARE",
    "FOLD_TO_FAT_RATIO",
    "fat_thickness_uncompressed_mm",
    "REGIONAL_FACTOR",
    "DERMIS_MM",
    "suprailiac_skinfold_mm",
    "fat_thickness_mm",
    "soft_layer_mm",
    "percent_fat_from_thickness",
]


#: Age used when the notebooks need one (years): assumed, mid-adult; inside every equation's range.
DEFAULT_AGE: float = 30.0
#: Suprailiac share of the Durnin-Womersley four-site sum (biceps, triceps, subscapular, suprailiac): assumed.
SUPRAILIAC_SHARE: float = 0.30
#: Caliper skinfold / ultrasound fat thickness on the upper back, by sex ([Kuroki2005], weak).
FOLD_TO_FAT_RATIO: dict[str, float] = {"male": facts.value("fold_to_fat_ratio_men"),
                                       "female": facts.value("fold_to_fat_ratio_women")}
FOLD_TO_FAT_SOURCE = facts.fact("fold_to_fat_ratio_men").source_key
#: Fat over the PSIS / fat at the suprailiac site: assumed equal.
REGIONAL_FACTOR: float = 1.0
#: Dermis thickness over the sacrum (mm), 2.32-2.65 mm on 20 MHz ultrasound ([Dermis2017]).
DERMIS_MM: float = facts.value("dermis_mm")
DERMIS_SOURCE = facts.fact("dermis_mm").source_key

#: The assumptions of this step, for the notebook's table.
ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption("density -> body fat", "Siri: %BF = 495 / D - 450", "%", "Siri1961",
               "two-compartment equation; Brozek's gives values within about 1 point"),
    Assumption("skinfold equation", "Durnin-Womersley, 4 sites, by sex and age band", "-", "DurninWomersley1974",
               "contains the suprailiac site and covers both sexes aged 16/17-72"),
    Assumption("age", f"{DEFAULT_AGE:g}", "years", "assumed", "one mid-adult age for every frame"),
    Assumption("suprailiac share of the 4-site sum", f"{SUPRAILIAC_SHARE:g}", "-", "assumed",
               "a typical share; the real share varies from person to person"),
    Assumption("skinfold / fat-thickness ratio", f"{FOLD_TO_FAT_RATIO['female']:g} (women), "
               f"{FOLD_TO_FAT_RATIO['male']:g} (men)", "-", FOLD_TO_FAT_SOURCE,
               "measured on the upper back, not at the suprailiac site (weak)"),
    Assumption("suprailiac site stands for the lower back", f"regional factor {REGIONAL_FACTOR:g}", "-", "assumed",
               "the suprailiac fold is taken forward of the PSIS [PhenX2021]; the ratio is unmeasured"),
    Assumption("dermis thickness", f"{DERMIS_MM:g}", "mm", DERMIS_SOURCE, "over the sacrum, 2.32-2.65 mm"),
)


def suprailiac_skinfold_mm(percent_fat, sex, age=DEFAULT_AGE, *, share=SUPRAILIAC_SHARE) -> float:
    """Suprailiac skinfold (mm, a double fold) for a body-fat percentage.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    sex : {"female", "male"}
        Sex the equations were fitted for.
    age : float
        Age in years (Durnin-Womersley range: men 17-72, women 16-72; default 30).
    share : float
        Suprailiac share of the four-site sum, a fraction in (0, 1]; assumed 0.30.

    Returns
    -------
    float
        Skinfold thickness in mm.

    Raises
    ------
    ValueError
        For ``share`` outside (0, 1], an unknown ``sex``, a ``percent_fat``
        outside 2-60 % or an age outside the Durnin-Womersley range.

    References
    ----------
    .. [Siri1961] Siri WE. Body composition from fluid spaces and density: analysis of methods. In:
       Brozek J, Henschel A (eds), *Techniques for Measuring Body Composition*. National Academy of
       Sciences, Washington DC, pp. 223-244, 1961. https://doi.org/10.17226/9963
    .. [DurninWomersley1974] Durnin JVGA, Womersley J. Body fat assessed from total body density and its
       estimation from skinfold thickness: measurements on 481 men and women aged from 16 to 72 years.
       *British Journal of Nutrition* 32(1): 77-97, 1974. https://doi.org/10.1079/BJN19740060
    """
    share = check_number("share", share, 0.0, 1.0, low_open=True)
    total = bodyfat.skinfold_sum_from_percent_fat(percent_fat, age, sex, equation="dw")
    return share * total


def fat_thickness_mm(percent_fat, sex, age=DEFAULT_AGE, *, share=SUPRAILIAC_SHARE,
                     regional_factor=REGIONAL_FACTOR) -> float:
    """Subcutaneous fat thickness over the PSIS region (mm) for a body-fat percentage.

    ``fat = regional_factor * suprailiac_fold / ratio(sex)``.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    sex : {"female", "male"}
        Sex the equations and the fold-to-fat ratio are taken for.
    age : float
        Age in years, within the Durnin-Womersley range (default 30).
    share : float
        Suprailiac share of the four-site sum, a fraction in (0, 1] (default 0.30).
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac site, a ratio in (0, 5] (default 1.0).

    Returns
    -------
    float
        One layer of fat, in mm.

    Raises
    ------
    ValueError
        For an unknown ``sex``, ``regional_factor`` outside (0, 5], ``share``
        outside (0, 1], a ``percent_fat`` outside 2-60 % or an age out of range.

    References
    ----------
    The fold-to-thickness ratio; the other assumptions are in :data:`ASSUMPTIONS`.

    .. [Kuroki2005] Comparison of caliper skinfold and ultrasound fat thickness at 14 sites.
       *Japanese Journal of Test and Evaluation in Health and Physical Education* 1: 9-14, 2001.
       https://www.jstage.jst.go.jp/article/jjtehpe/1/0/1_jjtehpe.1.9/_article/-char/en
       (the ratio is the one measured beside C7; the abstract gives none for the suprailiac site)
    """
    sex = check_sex(sex)
    regional_factor = check_number("regional_factor", regional_factor, 0.0, 5.0, low_open=True)
    fold = suprailiac_skinfold_mm(percent_fat, sex, age, share=share)
    return regional_factor * fold / FOLD_TO_FAT_RATIO[sex]


def fat_thickness_uncompressed_mm(percent_fat, sex, age=DEFAULT_AGE, *, share=SUPRAILIAC_SHARE,
                                  regional_factor=REGIONAL_FACTOR) -> float:
    """The second estimate of the fat over the PSIS (mm): half the fold, less the skin, uncompressed.

    ``fat = regional_factor * (suprailiac_fold / 2 - dermis)``: a skinfold is a
    double layer of skin and fat, so half of it, less one skin, is the fat a
    caliper that squeezed nothing would give. It ignores the squeeze, while
    :func:`fat_thickness_mm` (the fold divided by the measured caliper /
    ultrasound ratio) ignores the skin in the fold, so neither is a bound: the
    ratio estimate is larger at low body fat, this one at high. The kit shows both.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    sex : {"female", "male"}
        Sex the equations are taken for.
    age : float
        Age in years, within the Durnin-Womersley range (default 30).
    share : float
        Suprailiac share of the four-site sum, a fraction in (0, 1] (default 0.30).
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac site, a ratio in (0, 5] (default 1.0).

    Returns
    -------
    float
        One layer of fat (mm), at least 0.5 mm.

    Raises
    ------
    ValueError
        For an unknown ``sex``, ``regional_factor`` outside (0, 5], ``share``
        outside (0, 1], a ``percent_fat`` outside 2-60 % or an age out of range.

    References
    ----------
    .. [Dermis2017] Burk RS, Schubert CM, Pepperl A, Grap MJ. High-frequency ultrasound: description of
       sacral tissue characteristics in healthy adults. 2017. PubMed 28723853.
    """
    sex = check_sex(sex)
    regional_factor = check_number("regional_factor", regional_factor, 0.0, 5.0, low_open=True)
    fold = suprailiac_skinfold_mm(percent_fat, sex, age, share=share)
    return max(0.5, regional_factor * (fold / 2.0 - DERMIS_MM))


def soft_layer_mm(percent_fat, sex, age=DEFAULT_AGE, **kwargs) -> float:
    """Fat plus dermis over the PSIS (mm): the layer the model smooths through.

    Parameters
    ----------
    percent_fat : float
        Body fat in per cent (%) of body mass, 2-60 %.
    sex : {"female", "male"}
        Sex the equations and the fold-to-fat ratio are taken for.
    age : float
        Age in years, within the Durnin-Womersley range (default 30).
    **kwargs : dict
        ``share`` (fraction) and ``regional_factor`` (ratio), as in :func:`fat_thickness_mm`.

    Returns
    -------
    float
        Fat thickness plus :data:`DERMIS_MM` (2.5 mm), in mm.

    Raises
    ------
    ValueError
        As :func:`fat_thickness_mm`.
    """
    return fat_thickness_mm(percent_fat, sex, age, **kwargs) + DERMIS_MM


def percent_fat_from_thickness(fat_mm, sex, age=DEFAULT_AGE, *, share=SUPRAILIAC_SHARE,
                               regional_factor=REGIONAL_FACTOR) -> float:
    """Body fat % that the chain links to a fat thickness: the inverse of :func:`fat_thickness_mm`.

    Parameters
    ----------
    fat_mm : float
        Fat thickness over the PSIS in mm, > 0.
    sex : {"female", "male"}
        Sex the equations and the fold-to-fat ratio are taken for.
    age : float
        Age in years, within the Durnin-Womersley range (default 30).
    share, regional_factor : float
        Suprailiac share (a fraction in (0, 1]) and regional factor (a ratio
        in (0, 5]), as in :func:`fat_thickness_mm`.

    Returns
    -------
    float
        Body fat in per cent (%) of body mass.

    Raises
    ------
    ValueError
        For bad input, and also if the thickness maps outside 2-60 % body fat.
    """
    sex = check_sex(sex)
    fat = check_number("fat_mm", fat_mm, 0.0, None, unit="mm", low_open=True)
    share = check_number("share", share, 0.0, 1.0, low_open=True)
    regional_factor = check_number("regional_factor", regional_factor, 0.0, 5.0, low_open=True)
    total = fat * FOLD_TO_FAT_RATIO[sex] / regional_factor / share
    try:
        return bodyfat.percent_fat_from_skinfolds(total, age, sex, equation="dw")
    except ValueError as err:
        if "skinfold_sum=" in str(err):
            raise ValueError(f"fat_mm={fat_mm!r}: expected a thickness that maps inside body fat "
                             f"[{bodyfat.PERCENT_FAT_RANGE[0]:g}, {bodyfat.PERCENT_FAT_RANGE[1]:g}] % ({err})") from None
        raise
