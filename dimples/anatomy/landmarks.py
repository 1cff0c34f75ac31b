"""Landmarks of the lower back and pelvis seen from behind: DATA only.

One table, :data:`LANDMARKS`, holds every point the kit draws or models.
Drawing code (:mod:`dimples.anatomy.posterior` and friends) and the
tethered-skin model read positions from here; nothing else holds
anatomical coordinates.

Frame
-----
Posterior view, in centimetres, of an adult standing upright:

* origin at the tip of the **S2 spinous process** (the second tubercle of
  the median sacral crest);
* ``x`` towards the subject's **left** (which is also the viewer's left when
  looking at someone's back);
* ``y`` up (cranial).

Firmness
--------
Only a few distances come from measurements and carry a ``source`` key:
the two dimples 10 cm apart on the skin ([Bramhwanshi2023], FACTS A6; Kenhub
puts each about 4 cm from the midline, i.e. ~8 cm apart, [Kenhub2023],
FACTS M13), the dimples and PSIS on the level of S2 ([Moore2006],
[McGaugh2007]), the iliac-crest tops at L4 ([McGaugh2007], FACTS A3), the
two S2 posterior foramina 3 cm apart (FACTS M14). Everything else is a
schematic proportion of a typical adult pelvis (``source`` is ``None``)
chosen so the picture reads correctly; captions say so.

Where the drawing departs from published distances
-------------------------------------------------
:data:`CHECKS` compares the table with the sources, one row each:

* **inter-PSIS distance**: drawn 10 cm, the skin distance of the dimples in
  pregnant women (10.59 +/- 0.55 cm, FACTS A6, weak); Kenhub puts each
  dimple ~4 cm from the S2 spine, so ~8 cm apart (FACTS M13). The drawing
  follows the first and is ~2 cm wider than the second;
* **PSIS to the S2 spinous process**: drawn 5 cm on each side (half the
  10 cm); Kenhub ~4 cm;
* **PSIS to the S2 posterior foramen**: drawn 3.5 cm; the cadaver figure is
  2.2 +/- 0.6 cm (FACTS M14), which fits the narrower ~8 cm spacing;
* **levels**: the PSIS line at S2 and Tuffier's line at L4 are drawn three
  levels apart (L4, L5, S1, S2), the textbook levels; the vertical gaps
  between the spinous processes (3.5, 2.9 and 2.1 cm) are schematic;
* **PSIS-PSIS-hiatus triangle**: drawn 10 x 7.3 x 7.3 cm; dry sacra give a
  near-equilateral triangle of ~6.7 cm sides for the superolateral sacral
  crests and the hiatus apex [Senoglu2005], equilateral in only 45 %
  [Aggarwal2009]. The drawing is taller and wider than that.

The bone outlines between the landmarks (the PSIS knob and the notch below
it, the ear-shaped auricular surface, the vertebrae, the femora, the
anterior pelvis) are schematic shapes drawn to read like an atlas figure,
not measured.

References
----------
.. [Bramhwanshi2023] Bramhwanshi P, Jain D, Roy PK, Mahadik K. Measurement of Michaelis rhombus, an easy
   clinical method for assessment of pelvis and its relation with course of labour. *Journal of
   Cardiovascular Disease Research* 2023: 732-738 (no DOI or PubMed entry found).
.. [Kenhub2023] Kenhub editorial team. Posterior superior iliac spine; Sacroiliac joint. *Kenhub anatomy
   atlas*, 2023. https://www.kenhub.com/en/library/anatomy/posterior-superior-iliac-spine
.. [Moore2006] Moore KL, Dalley AF. *Clinically Oriented Anatomy, 5th edition*. Lippincott Williams &
   Wilkins, Philadelphia, 2006 (p. 534). ISBN 978-0-7817-3639-8
.. [McGaugh2007] McGaugh JM, Brismee JM, Dedrick GS, Jones EA, Sizer PS. Comparing the anatomical
   consistency of the posterior superior iliac spine to the iliac crest as reference landmarks for the
   lumbopelvic spine: a retrospective radiological study. *Clinical Anatomy* 20(7): 819-825, 2007.
   https://researchexperts.utmb.edu/en/publications/comparing-the-anatomical-consistency-of-the-posterior-superior-il
.. [Senoglu2005] Senoglu N, Senoglu M, Oksuz H, Gumusalan Y, Yuksel KZ, Zencirci B, Ezberci M, Kizilkanat E.
   Landmarks of the sacral hiatus for caudal epidural block: an anatomical study. *British Journal of
   Anaesthesia*, 2005.
.. [Aggarwal2009] Aggarwal A, Aggarwal A, Harjeet, Sahni D. Morphometry of sacral hiatus and its clinical
   relevance in caudal epidural block. *Surgical and Radiologic Anatomy* 31(10), 2009.
   doi:10.1007/s00276-009-0529-4
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dimples import facts

__all__ = [
    "Landmark",
    "LANDMARKS",
    "INTER_DIMPLE_CM",
    "INTER_DIMPLE_KENHUB_CM",
    "MICHAELIS_TOP_CANDIDATES",
    "names",
    "get",
    "position",
    "distance_cm",
    "michaelis_rhombus",
    "CHECKS",
]

#: Skin distance between the two dimples (cm): transverse diagonal of the
#: Michaelis rhombus, ~10 cm in 220 pregnant women (FACTS A6).
INTER_DIMPLE_CM: float = facts.value("inter_dimple_cm")
INTER_DIMPLE_SOURCE = facts.fact("inter_dimple_cm").source_key
#: Kenhub's figure: each dimple ~4 cm from the S2 spinous process (FACTS M13).
INTER_DIMPLE_KENHUB_CM: float = facts.value("inter_dimple_kenhub_cm")

_HALF = INTER_DIMPLE_CM / 2.0


@dataclass(frozen=True)
class Landmark:
    """One anatomical landmark in the posterior-view frame.

    Attributes
    ----------
    name : str
        Kit identifier, lower case with ``_left`` / ``_right`` for paired points.
    label : str
        Plain English name used in figure labels.
    latin : str
        Terminologia Anatomica (TA2) Latin name of the structure.
    fma : int or None
        Foundational Model of Anatomy id, where the kit has one checked.
    x_cm : float
        Distance towards the subject's left of the midline, in cm.
    y_cm : float
        Height above the S2 spinous process, in cm.
    source : str or None
        Citation key in :mod:`dimples.references` for a measured position;
        ``None`` for a schematic proportion.
    note : str
        What the position stands for and how firm it is.
    """

    name: str
    label: str
    latin: str
    fma: int | None
    x_cm: float
    y_cm: float
    source: str | None = None
    note: str = ""

    @property
    def xy(self) -> tuple[float, float]:
        """Position ``(x_cm, y_cm)``."""
        return (self.x_cm, self.y_cm)


def _pair(name, label, latin, x, y, source=None, note="", fma=None):
    """Landmarks for the left (+x) and right (-x) sides."""
    return [
        Landmark(f"{name}_left", f"{label} (left)", latin, fma, abs(x), y, source, note),
        Landmark(f"{name}_right", f"{label} (right)", latin, fma, -abs(x), y, source, note),
    ]


def _mid(name, label, latin, y, source=None, note="", fma=None):
    return [Landmark(name, label, latin, fma, 0.0, y, source, note)]


# Vertebral spinous processes: lumbar spines ~3.5 cm apart, sacral tubercles
# ~1.8-2.2 cm apart (schematic adult proportions).
_ROWS: list[Landmark] = [
    *_mid("l3_spinous", "L3 spinous process", "processus spinosus vertebrae lumbalis III", 12.0),
    *_mid("l4_spinous", "L4 spinous process", "processus spinosus vertebrae lumbalis IV", 8.5,
          "McGaugh2007", "level of Tuffier's (intercristal) line in 59 % of 100 CT scans (FACTS A3)"),
    *_mid("l5_spinous", "L5 spinous process", "processus spinosus vertebrae lumbalis V", 5.0,
          note="one of the candidate upper corners of the Michaelis rhombus (FACTS A8)"),
    *_mid("l5_s1_hollow", "L5-S1 hollow", "spatium interspinosum L5-S1", 3.7,
          note="hollow below the L5 spine; another candidate upper corner of the Michaelis rhombus"),
    *_mid("l3_l4_interspace", "L3-L4 interspace", "spatium interspinosum L3-L4", 10.3,
          note="a third, higher candidate for the Michaelis rhombus upper corner (FACTS A8)"),
    *_mid("sacral_base", "base of sacrum", "basis ossis sacri", 3.6,
          note="upper border of S1 in the midline (schematic)"),
    *_mid("s1_spinous", "S1 spinous tubercle", "crista sacralis mediana (S1)", 2.1),
    *_mid("s2_spinous", "S2 spinous tubercle", "crista sacralis mediana (S2)", 0.0,
          "Moore2006", "origin of the frame; the line joining the dimples crosses it (FACTS A2)"),
    *_mid("s3_spinous", "S3 spinous tubercle", "crista sacralis mediana (S3)", -1.9),
    *_mid("s4_spinous", "S4 spinous tubercle", "crista sacralis mediana (S4)", -3.6),
    *_mid("sacral_hiatus", "sacral hiatus", "hiatus sacralis", -5.3,
          note="where the S5 laminae did not fuse (FACTS M14)"),
    *_mid("sacral_apex", "apex of sacrum", "apex ossis sacri", -7.2),
    *_mid("coccyx_tip", "tip of coccyx", "apex ossis coccygis", -10.2),
    *_mid("gluteal_cleft_top", "top of gluteal cleft", "crena analis (interglutealis)", -6.0,
          "Schuenke2020", "lower corner of the Michaelis rhombus (FACTS A8); height schematic"),
    # Posterior sacral foramina: converge downwards; S2 pair 3.0 cm apart (FACTS M14).
    *_pair("s1_foramen", "S1 posterior foramen", "foramen sacrale posterius I", 1.9, 2.0),
    *_pair("s2_foramen", "S2 posterior foramen", "foramen sacrale posterius II", 1.5, 0.0, "Gray2020",
           "the two S2 foramina ~3.0 cm apart (FACTS M14)"),
    *_pair("s3_foramen", "S3 posterior foramen", "foramen sacrale posterius III", 1.3, -1.9),
    *_pair("s4_foramen", "S4 posterior foramen", "foramen sacrale posterius IV", 1.1, -3.6),
    # Sacrum outline corners (schematic): the lateral border at S1-S3 carries the auricular surface and lies
    # deep to the posterior ilium, so from behind it is hidden (the ilium overlaps the side of the sacrum).
    *_pair("sacral_ala", "ala of sacrum", "ala ossis sacri", 5.9, 3.4,
           note="upper lateral corner of the sacrum, tucked under the posterior iliac crest; base ~11.8 cm wide"),
    *_pair("sacrum_s3_border", "lateral border of sacrum at S3", "margo lateralis ossis sacri", 4.6, -2.8,
           note="where the lateral border emerges below the posterior ilium (schematic)"),
    *_pair("sacral_cornu", "sacral cornu", "cornu sacrale", 0.85, -6.1,
           note="the two cornua flank the sacral hiatus (FACTS M14)"),
    *_mid("sacral_promontory", "sacral promontory", "promontorium ossis sacri", 3.8,
          note="front edge of the S1 body, seen from the front; the top of the pelvic brim (schematic)"),
    # Pelvis.
    *_pair("psis", "posterior superior iliac spine", "spina iliaca posterior superior", _HALF, 0.0,
           "Bramhwanshi2023", "under the dimple, level with S2 in 81 % of 100 CT scans [McGaugh2007]; "
           "spacing follows the 10 cm skin distance (Kenhub: ~8 cm)"),
    *_pair("piis", "posterior inferior iliac spine", "spina iliaca posterior inferior", 5.4, -3.4,
           note="below the PSIS across a shallow notch, at the top of the greater sciatic notch"),
    *_pair("sacroiliac_joint", "sacroiliac joint", "articulatio sacroiliaca", 5.6, 0.4, "Radiopaedia2023",
           "centre of the ear-shaped (auricular) surface, which spans about S1-S3 (FACTS A9)"),
    *_pair("sacroiliac_joint_upper", "sacroiliac joint, upper end", "articulatio sacroiliaca", 5.55, 3.15,
           note="upper end of the auricular surface at S1 (schematic)"),
    *_pair("sacroiliac_joint_lower", "sacroiliac joint, lower end", "articulatio sacroiliaca", 4.95, -2.6,
           note="lower end of the auricular surface at S3 (schematic)"),
    *_pair("iliac_crest_top", "highest point of iliac crest", "crista iliaca", 11.0, 8.5, "McGaugh2007",
           "Tuffier's (intercristal) line joins the two; at L4 in 59 % of CT scans (FACTS A3), "
           "L1-L2 to L5-S1 on ultrasound [EJIM2021]"),
    *_pair("iliac_tubercle", "posterior iliac crest", "crista iliaca, pars posterior", 7.5, 5.6,
           note="crest curving down from its top to the PSIS (schematic)"),
    *_pair("iliac_wing_lateral", "lateral edge of iliac wing", "ala ossis ilii", 15.0, 4.6,
           note="widest point of the ilium seen from behind (schematic)"),
    *_pair("asis", "anterior superior iliac spine", "spina iliaca anterior superior", 12.0, -0.5,
           note="front end of the iliac crest, seen from the front; ~24 cm apart (schematic)"),
    *_pair("aiis", "anterior inferior iliac spine", "spina iliaca anterior inferior", 10.6, -3.8,
           note="above the acetabulum, seen from the front (schematic)"),
    *_pair("greater_sciatic_notch", "greater sciatic notch", "incisura ischiadica major", 7.0, -5.6),
    *_pair("ischial_spine", "ischial spine", "spina ischiadica", 4.6, -7.5,
           note="~9 cm apart; seen from the front it shows above the pecten of the pubis (schematic)"),
    *_pair("ischial_tuberosity", "ischial tuberosity", "tuber ischiadicum", 6.4, -12.6),
    *_pair("hip_joint", "hip joint", "articulatio coxae", 9.3, -8.2,
           note="centre of the femoral head and of the acetabulum (schematic)"),
    *_pair("iliopubic_eminence", "iliopubic eminence", "eminentia iliopubica", 7.7, -6.6,
           note="where the arcuate line of the ilium meets the pecten of the pubis (schematic)"),
    *_pair("pubic_tubercle", "pubic tubercle", "tuberculum pubicum", 2.6, -8.9,
           note="at the lateral end of the pubic crest (schematic)"),
    *_mid("pubic_symphysis", "pubic symphysis", "symphysis pubica", -10.1,
          note="centre; upper border ~1.4 cm higher; seen from the front it hides the coccyx (schematic)"),
    *_pair("femoral_neck", "neck of femur", "collum femoris", 12.0, -9.1,
           note="middle of the neck between the head and the greater trochanter (schematic)"),
    *_pair("greater_trochanter", "greater trochanter", "trochanter major", 15.2, -9.6),
    # Skin.
    *_pair("dimple", "dimple of Venus", "fossa lumbalis lateralis", _HALF, 0.0, "Bramhwanshi2023",
           "skin over the PSIS; 10.59 +/- 0.55 cm apart in pregnant women (FACTS A6, weak); Kenhub ~8 cm "
           "(FACTS M13); line through both crosses S2 [Moore2006]", fma=20209),
]

#: Every landmark by name.
LANDMARKS: dict[str, Landmark] = {lm.name: lm for lm in _ROWS}
if len(LANDMARKS) != len(_ROWS):  # pragma: no cover - guards the table itself
    raise RuntimeError("duplicate landmark names in dimples.anatomy.landmarks")

#: Candidate upper corners of the Michaelis rhombus; sources disagree (FACTS A8).
MICHAELIS_TOP_CANDIDATES: tuple[str, ...] = ("l5_spinous", "l5_s1_hollow", "l3_l4_interspace")


def names() -> list[str]:
    """All landmark names, in table order."""
    return list(LANDMARKS)


def get(name: str) -> Landmark:
    """Return the :class:`Landmark` called ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`LANDMARKS`, e.g. ``"psis_left"``.

    Returns
    -------
    Landmark
        The record, with its position in cm in the posterior-view frame.

    Raises
    ------
    ValueError
        If ``name`` is not in the table.
    """
    if not isinstance(name, str) or name not in LANDMARKS:
        raise ValueError(f"name={name!r}: unknown landmark; known names: {', '.join(LANDMARKS)}")
    return LANDMARKS[name]


def position(name: str) -> tuple[float, float]:
    """Position of a landmark in the posterior-view frame.

    Parameters
    ----------
    name : str
        A key of :data:`LANDMARKS`, e.g. ``"dimple_left"``.

    Returns
    -------
    (x_cm, y_cm) : tuple of float
        Centimetres: ``x`` towards the subject's left of the midline, ``y``
        up from the S2 spinous process.

    Raises
    ------
    ValueError
        If ``name`` is not in the table.
    """
    return get(name).xy


def distance_cm(a: str, b: str) -> float:
    """Straight-line distance between two landmarks (cm) in the posterior view.

    Parameters
    ----------
    a, b : str
        Keys of :data:`LANDMARKS`, e.g. ``"dimple_left"`` and ``"dimple_right"``.

    Returns
    -------
    float
        Distance in cm.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is not in the table.
    """
    (xa, ya), (xb, yb) = position(a), position(b)
    return math.hypot(xa - xb, ya - yb)


def michaelis_rhombus(top: str = "l5_spinous") -> list[tuple[float, float]]:
    """Corners of the Michaelis rhombus (cm), in order top, left, bottom, right.

    Parameters
    ----------
    top : str
        Which upper corner to use; one of :data:`MICHAELIS_TOP_CANDIDATES`
        (sources disagree, FACTS A8); default ``"l5_spinous"``.

    Returns
    -------
    list of (float, float)
        The four corners ``(x_cm, y_cm)`` in cm: top, left dimple, top of the
        gluteal cleft, right dimple.

    Raises
    ------
    ValueError
        If ``top`` is not one of the candidates.
    """
    if top not in MICHAELIS_TOP_CANDIDATES:
        raise ValueError(f"top={top!r}: expected one of {MICHAELIS_TOP_CANDIDATES}")
    return [position(top), position("dimple_left"), position("gluteal_cleft_top"), position("dimple_right")]


#: The drawing's distances against published ones (cm): ``(quantity, drawn, published, source key, note)``.
#: Numbers come from :mod:`dimples.facts` or the table itself; see the module docstring.
CHECKS: tuple[tuple[str, float, float, str, str], ...] = (
    ("inter-PSIS distance", distance_cm("psis_left", "psis_right"), INTER_DIMPLE_CM, INTER_DIMPLE_SOURCE,
     "skin distance in 220 pregnant women (FACTS A6, weak): the drawing follows it"),
    ("inter-PSIS distance", distance_cm("psis_left", "psis_right"), INTER_DIMPLE_KENHUB_CM,
     facts.fact("inter_dimple_kenhub_cm").source_key, "Kenhub: ~4 cm each side (FACTS M13): the drawing is wider"),
    ("PSIS to S2 spinous process", distance_cm("psis_left", "s2_spinous"),
     facts.value("dimple_lateral_kenhub_cm"), facts.fact("dimple_lateral_kenhub_cm").source_key,
     "horizontal distance; the drawing is ~1 cm wider"),
)
