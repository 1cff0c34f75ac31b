"""The registry of sourced figures: every literature number of the kit, once, with its source key.

The kit's rule is "numbers live once, in ``dimples/``, with their source
key". Every figure taken from a source lives here as a :class:`Fact`
record: the ones only the teaching text quotes (81 % of CT scans,
5.7 +/- 1.2 cm, 1.7 degrees, kappa 0.27, ...) and the ones the engine
computes with, which the engine reads from here with :func:`value`:

* the dimple spacing: :mod:`dimples.anatomy.landmarks`;
* Siri's and Brozek's coefficients, the Durnin-Womersley age range, the
  ACE categories (:data:`ACE_CATEGORIES`) and the examined "22 % / 32 %"
  claim: :mod:`dimples.bodyfat`;
* the caliper-to-ultrasound ratio and the dermis thickness:
  :mod:`dimples.thickness`;
* the Weber fraction and the visibility threshold: :mod:`dimples.render`.

Tables of equation coefficients (Jackson-Pollock, Durnin-Womersley by age
band) stay beside their equations in :mod:`dimples.bodyfat`, each with its
source key. This module imports nothing of the engine: data flows from
here up, never back.

``tests/test_facts.py`` reads the Markdown of every notebook, the glossary
and the instructor guide, and checks that each number in a sentence citing
``[Key2000]`` equals a value of a fact whose source is one of the cited keys.

Firmness follows ``shared/science/FACTS.md`` (see
:data:`dimples.references.FIRMNESS`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dimples.base import lookup
from dimples.references import FIRMNESS, REFERENCES

__all__ = ["Fact", "FACTS", "UNITS", "KINDS", "ACE_CATEGORIES", "ACE_SOURCE", "fact", "value", "format_fact",
           "facts_for"]

#: Units a fact may carry: per cent, centimetres, millimetres, degrees of
#: angle, Cohen's kappa, a count of people/items, years of age, weeks or days
#: of a trial, a pure ratio, an equation coefficient, a tension (N/m), a stress or modulus (Pa, MPa).
UNITS: tuple[str, ...] = ("%", "cm", "mm", "deg", "kappa", "n", "years", "weeks", "days", "ratio", "coefficient",
                          "N/m", "Pa", "MPa")

#: How a value is read: one number, a range ``(low, high)``, or a mean and
#: standard deviation ``(mean, sd)``.
KINDS: tuple[str, ...] = ("value", "range", "mean_sd")


@dataclass(frozen=True)
class Fact:
    """One sourced figure.

    Attributes
    ----------
    name : str
        Identifier, lower case with underscores, ending in its unit where
        that helps (``"psis_line_s2_percent"``).
    value : float or tuple of float
        One number; ``(low, high)`` for a range; ``(mean, sd)`` for a mean
        and standard deviation (then ``kind="mean_sd"``). In ``unit``.
    unit : str
        One of :data:`UNITS`.
    source_key : str
        Citation key in :data:`dimples.references.REFERENCES`.
    firmness : str
        One of :data:`dimples.references.FIRMNESS`, as in FACTS.md.
    statement : str
        What the figure says, in one plain sentence.
    kind : str
        One of :data:`KINDS`; default ``"value"`` for a number and
        ``"range"`` for a tuple.
    """

    name: str
    value: float | tuple[float, ...]
    unit: str
    source_key: str
    firmness: str
    statement: str
    kind: str = ""

    def __post_init__(self):
        if not self.kind:
            object.__setattr__(self, "kind", "range" if isinstance(self.value, tuple) else "value")

    @property
    def values(self) -> tuple[float, ...]:
        """Every number in the fact (one, or both ends / mean and sd), as floats."""
        if isinstance(self.value, tuple):
            return tuple(float(v) for v in self.value)
        return (float(self.value),)


def _check(f: Fact) -> Fact:
    """Raise ValueError for a malformed fact (guards the table below)."""
    if f.unit not in UNITS:
        raise ValueError(f"fact {f.name!r}: unit={f.unit!r}; expected one of {UNITS}")
    if f.source_key not in REFERENCES:
        raise ValueError(f"fact {f.name!r}: source_key={f.source_key!r} is not in dimples.references")
    if f.firmness not in FIRMNESS:
        raise ValueError(f"fact {f.name!r}: firmness={f.firmness!r}; expected one of {FIRMNESS}")
    if f.kind not in KINDS or (f.kind == "value") == isinstance(f.value, tuple):
        raise ValueError(f"fact {f.name!r}: kind={f.kind!r} does not fit value={f.value!r}")
    if isinstance(f.value, tuple) and len(f.value) != 2:
        raise ValueError(f"fact {f.name!r}: value={f.value!r}; a tuple must have two numbers")
    if not all(math.isfinite(v) for v in f.values):
        raise ValueError(f"fact {f.name!r}: value={f.value!r}; expected finite numbers")
    return f


#: American Council on Exercise body-fat categories (%), as reprinted; ``None`` = open-ended ("and over").
#: A table rather than single figures, so it is kept whole here and each band is also a :class:`Fact`.
ACE_CATEGORIES: dict[str, tuple[tuple[str, float, float | None], ...]] = {
    "female": (
        ("essential fat", 10.0, 13.0),
        ("athletes", 14.0, 20.0),
        ("fitness", 21.0, 24.0),
        ("average", 25.0, 31.0),
        ("obese", 32.0, None),
    ),
    "male": (
        ("essential fat", 2.0, 5.0),
        ("athletes", 6.0, 13.0),
        ("fitness", 14.0, 17.0),
        ("average", 18.0, 24.0),
        ("obese", 25.0, None),
    ),
}
ACE_SOURCE = "ACE2009"


def _ace_facts() -> list[Fact]:
    """The ACE body-fat bands of :data:`ACE_CATEGORIES`, one fact each."""
    out = []
    for sex, bands in ACE_CATEGORIES.items():
        for label, low, high in bands:
            name = f"ace_{sex}_{label.replace(' ', '_')}_percent"
            if high is None:
                out.append(Fact(name, low, "%", ACE_SOURCE, "firm",
                                f"ACE band '{label}' ({sex}): {low:g} % and over"))
            else:
                out.append(Fact(name, (low, high), "%", ACE_SOURCE, "firm",
                                f"ACE band '{label}' ({sex}): {low:g}-{high:g} %"))
    return out


_ENTRIES: list[Fact] = [
    # --- where the dimples and their lines lie (FACTS A3, A6, A7, M13) ----------------
    Fact("psis_line_s2_percent", 81.0, "%", "McGaugh2007", "firm",
         "On CT the line through both PSIS crossed S2 in 81 % of people."),
    Fact("tuffier_line_l4_percent", 59.0, "%", "McGaugh2007", "firm",
         "On CT Tuffier's (intercristal) line crossed L4 in only 59 % of people."),
    Fact("mcgaugh_ct_scans_n", 100.0, "n", "McGaugh2007", "firm", "Number of CT scans in the study."),
    Fact("inter_dimple_cm", 10.0, "cm", "Bramhwanshi2023", "weak",
         "Skin distance between the dimples the kit draws (about 10 cm in pregnant women); "
         "dimples.anatomy.landmarks places the PSIS with it."),
    Fact("inter_dimple_vaginal_cm", (10.59, 0.55), "cm", "Bramhwanshi2023", "weak",
         "Dimple-to-dimple distance in women who delivered vaginally (mean, sd).", "mean_sd"),
    Fact("inter_dimple_caesarean_cm", (9.53, 0.69), "cm", "Bramhwanshi2023", "weak",
         "Dimple-to-dimple distance in women who had a caesarean section (mean, sd).", "mean_sd"),
    Fact("rhombus_women_n", 220.0, "n", "Bramhwanshi2023", "weak", "Number of pregnant women measured."),
    Fact("inter_dimple_kenhub_cm", 8.0, "cm", "Kenhub2023", "firm",
         "Kenhub's spacing of the dimples (about 4 cm either side of S2)."),
    Fact("dimple_lateral_kenhub_cm", 4.0, "cm", "Kenhub2023", "firm",
         "Each dimple lies about 4 cm lateral to the S2 spinous process."),
    Fact("cpd_transverse_diagonal_cm", 9.5, "cm", "Liselele2000", "weak",
         "A Michaelis transverse diagonal below about 9.5 cm predicted cephalopelvic disproportion."),
    Fact("cpd_odds_ratio", 6.5, "ratio", "Liselele2000", "weak",
         "Odds ratio for cephalopelvic disproportion below that diagonal."),
    # --- palpation (FACTS C3, M12) --------------------------------------------------
    Fact("psis_marking_within_mm", (8.0, 5.0), "mm", "Cooperstein2016", "firm",
         "Spread of one examiner's skin marks of the PSIS (mean, sd).", "mean_sd"),
    Fact("psis_marking_between_mm", (20.0, 13.0), "mm", "Cooperstein2016", "firm",
         "Difference between two examiners' skin marks of the PSIS (mean, sd).", "mean_sd"),
    Fact("simmonds_therapists_n", 20.0, "n", "SimmondsKumar1993", "weak",
         "Physical therapists who marked the PSIS twice in the primary palpation study."),
    Fact("simmonds_within_mm", 8.0, "mm", "SimmondsKumar1993", "weak",
         "Distance between one therapist's two marks of the PSIS."),
    Fact("simmonds_between_mm", 25.0, "mm", "SimmondsKumar1993", "weak",
         "Distance between different therapists' marks of the PSIS."),
    Fact("psis_asymmetry_kappa", 0.27, "kappa", "Cooperstein2016", "firm",
         "Mean inter-examiner agreement when judging PSIS asymmetry by touch."),
    # --- clinical (FACTS C2, C3) ------------------------------------------------------
    Fact("cluneal_distance_cm", (5.7, 1.2), "cm", "Cluneal2013", "firm",
         "Superior cluneal nerves cross the iliac crest this far lateral to the PSIS (mean, sd).", "mean_sd"),
    Fact("cluneal_cutoff_cm", 5.0, "cm", "Cluneal2013", "firm",
         "The distance below which the nerves crossed in 23 % of sides."),
    Fact("cluneal_under_cutoff_percent", 23.0, "%", "Cluneal2013", "firm",
         "Share of sides where the nerves crossed under 5 cm from the PSIS."),
    Fact("cluneal_textbook_cm", (7.0, 8.0), "cm", "Cluneal2013", "firm",
         "The textbook distance the cadaver study contrasts with its own figure."),
    Fact("laslett_patients_n", 48.0, "n", "Laslett2005", "firm",
         "Patients whose pain was checked by anaesthetic injection into the joint."),
    Fact("laslett_tests_n", 6.0, "n", "Laslett2005", "firm", "Provocation tests in the composite."),
    Fact("laslett_positive_n", 3.0, "n", "Laslett2005", "firm", "Positive tests needed (3 or more of 6)."),
    Fact("laslett_sensitivity_percent", 94.0, "%", "Laslett2005", "firm",
         "Sensitivity of 3 or more positive tests out of 6."),
    Fact("laslett_specificity_percent", 78.0, "%", "Laslett2005", "firm",
         "Specificity of 3 or more positive tests out of 6."),
    # --- sacroiliac movement (FACTS M1, M2) ------------------------------------------
    Fact("si_rotation_mean_deg", 1.7, "deg", "JacobKissling1995", "firm",
         "Mean sacroiliac rotation in healthy adults (radiostereometry)."),
    Fact("si_translation_mean_mm", 0.7, "mm", "JacobKissling1995", "firm",
         "Mean sacroiliac translation in healthy adults (radiostereometry)."),
    Fact("si_abnormal_rotation_deg", 6.0, "deg", "JacobKissling1995", "firm",
         "Rotation above which movement was proposed as abnormal."),
    Fact("si_abnormal_translation_mm", 2.0, "mm", "JacobKissling1995", "firm",
         "Translation above which movement was proposed as abnormal."),
    Fact("jacob_kissling_age_years", (20.0, 50.0), "years", "JacobKissling1995", "firm",
         "Ages of the healthy volunteers."),
    Fact("si_rotation_max_deg", 3.6, "deg", "Kibsgard2012", "firm",
         "Largest sacroiliac rotation across five radiostereometric studies."),
    Fact("si_translation_max_mm", 2.0, "mm", "Kibsgard2012", "firm",
         "Sacroiliac translation never exceeded this across the studies."),
    Fact("rsa_error_rotation_deg", 0.71, "deg", "Kibsgard2012", "firm",
         "Radiostereometry's error for rotation in patients (upper bound)."),
    Fact("rsa_error_translation_mm", 0.47, "mm", "Kibsgard2012", "firm",
         "Radiostereometry's error for translation in patients (upper bound)."),
    Fact("rsa_studies_n", 5.0, "n", "Kibsgard2012", "firm", "Radiostereometric studies compared."),
    # --- dimples and the pelvis (FACTS A13) --------------------------------------------
    Fact("aytekin_patients_n", 370.0, "n", "Aytekin2023", "weak",
         "Patients with a lumbar MRI in whom dimples went with a higher pelvic incidence (one study)."),
    Fact("whipple_women_n", 50.0, "n", "Whipple2021", "firm",
         "Women whose cellulite dimples were examined by ultrasound (FACTS B13; an analogy only)."),
    Fact("whipple_dimples_n", 173.0, "n", "Whipple2021", "firm", "Cellulite dimples found at the 200 sites examined."),
    Fact("whipple_banded_dimples_n", 169.0, "n", "Whipple2021", "firm",
         "Cellulite dimples with a fibrous band beneath them on ultrasound."),
    Fact("loukas_cadavers_n", 40.0, "n", "Loukas2006", "weak",
         "Cadavers dissected in the study describing the iliolumbar membrane (FACTS M10)."),
    # --- skin and fat (FACTS B9, B11) ---------------------------------------------------
    # --- tissue mechanics (the model; FACTS P1, B12/P2, P3) ------------------------------------
    Fact("skin_tension_n_per_m", (5.6, 11.4), "N/m", "Flynn2011", "weak",
         "In-vivo skin tension fitted on the arm, from the posterior upper arm to the anterior upper forearm; "
         "no lower-back figure."),
    Fact("fat_shear_modulus_pa", 752.0, "Pa", "Hatt2023", "firm",
         "In-vivo shear modulus of buttock subcutaneous fat at rest, by MR elastography in 10 women."),
    Fact("gluteal_muscle_shear_modulus_pa", 1000.0, "Pa", "Hatt2023", "firm",
         "In-vivo shear modulus of the passive gluteal muscle below it."),
    Fact("epidermis_modulus_mpa", (1.0, 2.0), "MPa", "Geerligs2011", "weak",
         "Stiffness of the epidermis and stratum corneum in micro-indentation."),
    Fact("back_fat_mri_cutoff_women_mm", 8.45, "mm", "Berikol2022", "firm",
         "MRI subcutaneous fat thickness at L1-L2 above which spine degeneration was more common, women."),
    Fact("back_fat_mri_cutoff_men_mm", 9.4, "mm", "Berikol2022", "firm",
         "The same cut-off for men."),
    Fact("dermis_range_mm", (2.32, 2.65), "mm", "Dermis2017", "weak",
         "Sacral dermis thickness on 20 MHz ultrasound."),
    Fact("dermis_mm", 2.5, "mm", "Dermis2017", "firm",
         "The dermis thickness the model uses (middle of that range); read by dimples.thickness."),
    Fact("fold_to_fat_ratio_women", 3.38, "ratio", "Kuroki2005",
         "weak", "Caliper skinfold / ultrasound fat thickness on the upper back, women; read by dimples.thickness."),
    Fact("fold_to_fat_ratio_men", 3.05, "ratio", "Kuroki2005",
         "weak", "Caliper skinfold / ultrasound fat thickness on the upper back, men; read by dimples.thickness."),
    # --- body composition (FACTS B1, B2, B7); read by dimples.bodyfat -------------------
    Fact("siri_a", 495.0, "coefficient", "Siri1961", "firm", "a in %BF = a / D - b."),
    Fact("siri_b", 450.0, "coefficient", "Siri1961", "firm", "b in %BF = a / D - b."),
    Fact("brozek_a", 457.0, "coefficient", "Brozek1963", "firm", "a in %BF = a / D - b."),
    Fact("brozek_b", 414.2, "coefficient", "Brozek1963", "firm", "b in %BF = a / D - b."),
    Fact("durnin_womersley_age_women_years", (16.0, 72.0), "years", "DurninWomersley1974", "firm",
         "Ages of the women the Durnin-Womersley equation was derived on."),
    Fact("durnin_womersley_age_men_years", (17.0, 72.0), "years", "DurninWomersley1974", "firm",
         "Ages of the men the Durnin-Womersley equation was derived on."),
    *_ace_facts(),
    Fact("claim_s1_women_percent", 22.0, "%", "Wikipedia2024", "unsupported",
         "The examined claim: around 22 % body fat in women 'may improve their visibility'."),
    Fact("claim_s1_men_percent", 32.0, "%", "Wikipedia2024", "unsupported",
         "The examined claim: around 32 % body fat in men 'may improve their visibility'."),
    # --- vision (FACTS V1, F5); read by dimples.render -----------------------------------
    Fact("weber_fraction_percent", (1.0, 2.0), "%",
         "Wandell1995", "weak", "Smallest luminance difference noticed on a large even field."),
    Fact("visibility_threshold_percent", 2.0, "%", "Wandell1995", "weak",
         "The kit calls a dimple visible above this contrast (top of the Weber band)."),
    # --- procedures (FACTS S5) -----------------------------------------------------------
    Fact("hoyos_patients_n", 306.0, "n", "Hoyos2007", "weak", "Patients in the VASER high-definition series."),
    Fact("hoyos_satisfactory_percent", 84.0, "%", "Hoyos2007", "weak", "Share of results reported satisfactory."),
    Fact("hoyos_seromas_n", 20.0, "n", "Hoyos2007", "weak", "Seromas reported in the series."),
    Fact("hoyos_port_burns_n", 9.0, "n", "Hoyos2007", "weak", "Port-site burns reported in the series."),
    Fact("abboud_patients_n", 101.0, "n", "Abboud2021", "weak", "Consecutive patients in the 2021 series."),
    Fact("salvador_patients_n", 14.0, "n", "Salvador2021", "weak",
         "Patients given off-label deoxycholic acid below the navel in a pilot study."),
    Fact("pham_papers_n", 28.0, "n", "Pham2020", "weak", "Papers on deoxycholic acid's adverse events reviewed."),
    Fact("comerci_studies_n", 39.0, "n", "Comerci2024", "firm", "Studies pooled in the liposuction meta-analysis."),
    Fact("comerci_patients_n", 29368.0, "n", "Comerci2024", "firm", "Patients in the liposuction meta-analysis."),
    Fact("comerci_contour_percent", 2.35, "%", "Comerci2024", "firm", "Pooled rate of contour deformity."),
    Fact("comerci_seroma_percent", 0.65, "%", "Comerci2024", "firm", "Pooled rate of seroma."),
    Fact("comerci_vte_percent", 0.017, "%", "Comerci2024", "firm", "Pooled rate of venous thromboembolism."),
    Fact("zhang_charts_n", 4000.0, "n", "Zhang2015", "weak", "Liposuction charts reviewed over 20 years."),
    Fact("zhang_asymmetries_n", 20.0, "n", "Zhang2015", "weak", "Minor asymmetries among those charts."),
    Fact("zhang_years_n", 20.0, "years", "Zhang2015", "weak", "Years the charts span."),
    Fact("mofid_surgeons_n", 692.0, "n", "Mofid2017", "firm", "Surgeons who answered the fat-grafting survey."),
    Fact("mofid_cases_n", 198857.0, "n", "Mofid2017", "firm", "Gluteal fat-grafting cases they reported."),
    Fact("mofid_fatal_n", 32.0, "n", "Mofid2017", "firm", "Fatal pulmonary fat emboli reported."),
    Fact("mofid_nonfatal_n", 103.0, "n", "Mofid2017", "firm", "Non-fatal pulmonary fat emboli reported."),
    # --- diet and exercise (issue 13, A8) -------------------------------------------------
    Fact("vispute_adults_n", 24.0, "n", "Vispute2011", "firm", "Adults randomised in the abdominal-exercise trial."),
    Fact("vispute_weeks", 6.0, "weeks", "Vispute2011", "firm", "Length of the abdominal-exercise programme."),
    Fact("ramirez_adults_n", 11.0, "n", "RamirezCampillo2013", "weak", "Adults who trained one leg."),
    Fact("ramirez_weeks", 12.0, "weeks", "RamirezCampillo2013", "weak", "Length of the one-leg programme."),
    Fact("katch_days", 27.0, "days", "Katch1984", "weak", "Length of the sit-up programme."),
    # --- the landmarks at work: needles and levels (notebook 06; FACTS A3, A4, M15, M16) ------
    Fact("broadbent_patients_n", 100.0, "n", "Broadbent2000", "firm",
         "Patients whose marked lumbar interspace was checked on MRI."),
    Fact("broadbent_correct_percent", 29.0, "%", "Broadbent2000", "firm",
         "Share of marked interspaces the anaesthetists identified correctly."),
    Fact("broadbent_one_higher_percent", 51.0, "%", "Broadbent2000", "firm",
         "Share of marks that lay one space higher than the anaesthetists believed."),
    Fact("broadbent_cord_below_l1_percent", 19.0, "%", "Broadbent2000", "firm",
         "Share of patients whose spinal cord ended below L1."),
    Fact("saifuddin_patients_n", 504.0, "n", "Saifuddin1998", "firm",
         "Patients whose conus medullaris was located on MRI."),
    Fact("binokay_patients_n", 743.0, "n", "Binokay2006", "firm", "Patients whose dural sac tip was located on MRI."),
    Fact("binokay_upper_s2_percent", 25.2, "%", "Binokay2006", "firm",
         "Share whose dural sac ended at the upper third of S2, the most common level."),
    Fact("senoglu_triangle_side_mm", 67.0, "mm", "Senoglu2005", "firm",
         "Approximate side of the triangle joining the two superolateral sacral crests and the hiatus apex "
         "(measured 66.5, 67.1 and 67.5 mm)."),
    Fact("aggarwal_equilateral_percent", 45.0, "%", "Aggarwal2009", "firm",
         "Share of 114 dry sacra in which the PSIS-PSIS-hiatus triangle was equilateral."),
    Fact("margarido_women_n", 45.0, "n", "Margarido2011", "firm",
         "Women at term whose palpated intercristal line was checked by ultrasound."),
    Fact("chakraverty_patients_n", 75.0, "n", "Chakraverty2007", "firm",
         "Patients whose palpated intercristal line was compared with imaging."),
    Fact("chakraverty_palpated_l3_percent", 77.3, "%", "Chakraverty2007", "firm",
         "Share in which the palpated intercristal line lay at L3 or L3-L4."),
    Fact("chakraverty_imaged_l4_percent", 86.7, "%", "Chakraverty2007", "firm",
         "Share in which the imaged intercristal line lay at L4 or L4-L5."),
    Fact("chakraverty_kappa", 0.05, "kappa", "Chakraverty2007", "firm",
         "Agreement between the palpated and the imaged intercristal line."),
    Fact("chakraverty_psis_s2_percent", 51.0, "%", "Chakraverty2007", "firm",
         "Share in which the palpated PSIS line identified S2."),
    Fact("chakraverty_psis_s1_percent", 44.0, "%", "Chakraverty2007", "firm",
         "Share in which the palpated PSIS line identified S1."),
    Fact("chakraverty_psis_patients_n", 60.0, "n", "Chakraverty2007", "firm",
         "Patients in whom the palpated PSIS line was checked."),
    # --- palpating the PSIS and testing the sacroiliac joint (notebook 06; FACTS C3, M11, M12) ----
    Fact("preece_asis_psis_range_deg", (0.0, 23.0), "deg", "Preece2008", "firm",
         "Range of the ASIS-PSIS angle across 30 cadaver pelves in a fixed reference position."),
    Fact("preece_asis_psis_mean_deg", (13.0, 5.0), "deg", "Preece2008", "firm",
         "Mean and sd of that angle.", "mean_sd"),
    Fact("preece_side_difference_deg", 11.0, "deg", "Preece2008", "firm",
         "Largest side-to-side difference of the ASIS-PSIS angle within one pelvis."),
    Fact("preece_height_difference_mm", 16.0, "mm", "Preece2008", "firm",
         "Largest side-to-side difference in the height of the hip bone within one pelvis."),
    Fact("fortin_patients_n", 54.0, "n", "Fortin1997", "weak", "Consecutive patients screened with the finger test."),
    Fact("fortin_selected_n", 16.0, "n", "Fortin1997", "weak",
         "Patients chosen by the finger test, all with a provocation-positive injection."),
    Fact("murakami_patients_n", 38.0, "n", "Murakami2008", "weak",
         "Patients left after excluding placebo responders."),
    Fact("murakami_within_cm", 2.0, "cm", "Murakami2008", "weak",
         "Distance from the PSIS within which 25 of the 38 pointed."),
    Fact("sturesson2000_patients_n", 22.0, "n", "Sturesson2000", "firm",
         "Patients with sacroiliac pain filmed by radiostereometry during the standing hip flexion test."),
    Fact("gillet_men_n", 41.0, "n", "GilletTest1999", "weak", "Young men in the Gillet reliability study."),
    Fact("gillet_kappa_max", 0.081, "kappa", "GilletTest1999", "weak",
         "The mean Cohen's kappa of the Gillet test did not exceed this value."),
    Fact("ribeiro_interrater_agreement_percent", 10.0, "%", "Ribeiro2021", "weak",
         "Agreement between raters on the standing flexion test."),
    Fact("laslett2008_prevalence_percent", 13.0, "%", "Laslett2008", "firm",
         "Share of persistent low back pain confirmed as coming from the sacroiliac joint, as the review quotes."),
    Fact("laslett2008_prevalence_ci_percent", (9.0, 26.0), "%", "Laslett2008", "firm",
         "95 % confidence interval of that share."),
    Fact("laslett2008_sensitivity_percent", 91.0, "%", "Laslett2008", "firm",
         "Sensitivity of 3 or more positive provocation tests in the review."),
    Fact("laslett2008_specificity_percent", 78.0, "%", "Laslett2008", "firm",
         "Specificity of 3 or more positive provocation tests in the review."),
    Fact("laslett2008_specificity_noncentral_percent", 87.0, "%", "Laslett2008", "firm",
         "Specificity of 3 or more positive tests in patients whose pain does not centralise."),
    # --- pregnancy (notebook 06; FACTS A6-A8) ----------------------------------------------
    Fact("pgp_pregnancy_percent", 20.0, "%", "Vleeming2008", "firm",
         "Point prevalence of pelvic girdle pain in pregnant women, about this share."),
    # --- procedures at the PSIS (notebook 06; FACTS C1, C2) -------------------------------
    Fact("bain2003_biopsies_n", 54890.0, "n", "Bain2003", "firm",
         "Estimated bone marrow biopsies covered by the UK survey of 1995-2001."),
    Fact("bain2003_haemorrhage_n", 14.0, "n", "Bain2003", "firm",
         "Patients with haemorrhage, the most frequent and most serious adverse event."),
    Fact("cluneal_notch_cm", (5.3, 0.71), "cm", "Cluneal2013", "firm",
         "Distance from the PSIS to the greater sciatic notch (mean, sd).", "mean_sd"),
    Fact("cluneal_vessels_cm", (5.4, 0.95), "cm", "Cluneal2013", "firm",
         "Distance from the PSIS to the superior gluteal vessels (mean, sd).", "mean_sd"),
    Fact("cluneal_cadavers_n", 21.0, "n", "Cluneal2013", "firm", "Cadavers dissected."),
    Fact("cluneal_ilia_n", 39.0, "n", "Cluneal2013", "firm", "Intact posterior ilia they yielded."),
    # --- variation (notebook 06) -----------------------------------------------------------
    Fact("subpubic_angle_female_deg", 80.0, "deg", "OpenStax2013", "firm",
         "The subpubic angle is greater than this in females."),
    Fact("subpubic_angle_male_deg", 70.0, "deg", "OpenStax2013", "firm",
         "The subpubic angle is less than this in males."),
    Fact("albert_patients_n", 5166.0, "n", "Albert2016", "firm",
         "Children with sacral dimples in the nine ultrasound studies reviewed."),
    Fact("albert_abnormal_percent", 3.4, "%", "Albert2016", "firm",
         "Share of those children with an abnormal spine ultrasound."),
    Fact("albert_no_dimple_abnormal_percent", 4.8, "%", "Albert2016", "firm",
         "Share with an abnormal spine ultrasound reported for children without dimples."),
]

#: Every fact by name.
FACTS: dict[str, Fact] = {f.name: _check(f) for f in _ENTRIES}
if len(FACTS) != len(_ENTRIES):  # pragma: no cover - guards the table itself
    raise RuntimeError("duplicate fact names in dimples.facts")


def fact(name: str) -> Fact:
    """Return the fact called ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`FACTS`.

    Returns
    -------
    Fact
        The record: value in its unit, source key, firmness and statement.

    Raises
    ------
    ValueError
        If ``name`` is not in :data:`FACTS`.
    """
    return lookup(FACTS, name, "fact in dimples.facts", name="name")


def value(name: str) -> float | tuple[float, float]:
    """The number (or pair of numbers) of the fact called ``name``, in its unit: how the engine reads a fact.

    Parameters
    ----------
    name : str
        A key of :data:`FACTS`.

    Returns
    -------
    float or tuple of float
        One number, or ``(low, high)`` / ``(mean, sd)`` as floats, in the fact's unit.

    Raises
    ------
    ValueError
        If ``name`` is not in :data:`FACTS`.
    """
    f = fact(name)
    return f.values if isinstance(f.value, tuple) else f.values[0]


def facts_for(source_key: str) -> list[Fact]:
    """The facts taken from one source.

    Parameters
    ----------
    source_key : str
        A citation key of :data:`dimples.references.REFERENCES`.

    Returns
    -------
    list of Fact
        In table order; empty if the kit takes no figure from that source.

    Raises
    ------
    ValueError
        If ``source_key`` is not in :data:`dimples.references.REFERENCES`.
    """
    if not isinstance(source_key, str) or source_key not in REFERENCES:
        raise ValueError(f"source_key={source_key!r}: not a citation key in dimples.references")
    return [f for f in FACTS.values() if f.source_key == source_key]


def _num(v: float) -> str:
    return f"{v:g}"


def format_fact(name: str) -> str:
    """The fact as the prose writes it, e.g. ``"81 %"``, ``"5.7 +/- 1.2 cm"``, ``"1.7 degrees"``.

    Parameters
    ----------
    name : str
        A key of :data:`FACTS`.

    Returns
    -------
    str
        Number(s) and unit: ranges as ``"7-8 cm"``, mean and sd as
        ``"10.59 +/- 0.55 cm"``, degrees spelled out, kappa as ``"kappa 0.27"``,
        counts as ``"n = 370"``, ratios and coefficients as the bare number.

    Raises
    ------
    ValueError
        If ``name`` is not in :data:`FACTS`.
    """
    f = fact(name)
    vals = f.values
    if f.kind == "range":
        number = f"{_num(vals[0])}-{_num(vals[1])}"
    elif f.kind == "mean_sd":
        number = f"{_num(vals[0])} +/- {_num(vals[1])}"
    else:
        number = _num(vals[0])
    if f.unit == "kappa":
        return f"kappa {number}"
    if f.unit == "n":
        return f"n = {number}"
    if f.unit in ("ratio", "coefficient"):
        return number
    unit = {"deg": "degrees"}.get(f.unit, f.unit)
    return f"{number} {unit}"
