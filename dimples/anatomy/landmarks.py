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

Note: with the skin distance of 10 cm the schematic PSIS lies 3.5 cm from
the S2 foramen; the cadaver figure is 2.2 +/- 0.6 cm (FACTS M14), which fits
the narrower ~8 cm spacing (FACTS M13). Both spacings are in the sources;
the kit uses 10 cm and names the other.

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
    # Sacrum outline corners (schematic).
    *_pair("sacral_ala", "ala of sacrum", "ala ossis sacri", 5.4, 3.3,
           note="upper lateral corner of the sacrum; the sacrum narrows below it to the apex"),
    *_pair("sacrum_s3_border", "lateral border of sacrum at S3", "margo lateralis ossis sacri", 3.6, -2.3),
    # Pelvis.
    *_pair("psis", "posterior superior iliac spine", "spina iliaca posterior superior", _HALF, 0.0,
           "Bramhwanshi2023", "under the dimple, level with S2 in 81 % of 100 CT scans [McGaugh2007]; "
           "spacing follows the 10 cm skin distance (Kenhub: ~8 cm)"),
    *_pair("piis", "posterior inferior iliac spine", "spina iliaca posterior inferior", 5.4, -3.4,
           note="below the PSIS across a shallow notch, at the top of the greater sciatic notch"),
    *_pair("sacroiliac_joint", "sacroiliac joint", "articulatio sacroiliaca", 4.3, 0.6, "Radiopaedia2023",
           "centre of the joint line, which spans about S1-S3 (FACTS A9)"),
    *_pair("sacroiliac_joint_upper", "sacroiliac joint, upper end", "articulatio sacroiliaca", 5.0, 3.0,
           note="upper end of the joint line at S1 (schematic)"),
    *_pair("sacroiliac_joint_lower", "sacroiliac joint, lower end", "articulatio sacroiliaca", 3.6, -2.2,
           note="lower end of the joint line at S3 (schematic)"),
    *_pair("iliac_crest_top", "highest point of iliac crest", "crista iliaca", 11.0, 8.5, "McGaugh2007",
           "Tuffier's (intercristal) line joins the two; at L4 in 59 % of CT scans (FACTS A3), "
           "L1-L2 to L5-S1 on ultrasound [EJIM2021]"),
    *_pair("iliac_tubercle", "posterior iliac crest", "crista iliaca, pars posterior", 7.5, 5.6,
           note="crest curving down from its top to the PSIS (schematic)"),
    *_pair("iliac_wing_lateral", "lateral edge of iliac wing", "ala ossis ilii", 15.0, 4.6,
           note="widest point of the ilium seen from behind (schematic)"),
    *_pair("greater_sciatic_notch", "greater sciatic notch", "incisura ischiadica major", 6.6, -5.6),
    *_pair("ischial_spine", "ischial spine", "spina ischiadica", 5.0, -8.2),
    *_pair("ischial_tuberosity", "ischial tuberosity", "tuber ischiadicum", 6.4, -12.6),
    *_pair("hip_joint", "hip joint", "articulatio coxae", 9.3, -8.2),
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
