"""The citation registry: every source the kit cites, once.

Notebooks cite a source in Markdown as ``[Key2007]``; the last cell of each
notebook calls :func:`reference_list` with the keys it used. A test fails on
a citation key missing from :data:`REFERENCES` and on an entry nothing cites.

Firmness follows ``shared/science/FACTS.md``: ``"firm"`` (an anatomy
reference, a peer-reviewed study or a regulator), ``"weak"`` (a single small
study or a secondary page), ``"unsupported"`` (popular pages only; cited only
as a claim being examined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dimples.base import lookup

if TYPE_CHECKING:
    from IPython.display import Markdown

#: How a citation looks in a notebook's Markdown: ``[McGaugh2007]``.
CITATION_PATTERN = re.compile(r"\[([A-Z][A-Za-z]+[0-9]{4}[a-z]?)\]")

FIRMNESS = ("firm", "weak", "unsupported")


@dataclass(frozen=True)
class Reference:
    """One source.

    Attributes
    ----------
    key : str
        Citation key, author + year, e.g. ``"McGaugh2007"``.
    authors : str
        Authors as printed ("Surname AB, Surname CD"), or the body that issued it.
    year : int
        Year of publication (or of the version consulted, for web pages).
    title : str
        Title of the work.
    venue : str
        Journal with volume and pages, book publisher, or website.
    address : str
        DOI (``doi:...``), PubMed/PMC id or web address.
    used_for : str
        What the kit takes from it.
    firmness : str
        One of :data:`FIRMNESS`.
    """

    key: str
    authors: str
    year: int
    title: str
    venue: str
    address: str
    used_for: str
    firmness: str = "firm"

    def citation(self) -> str:
        """Return the reference formatted as one Markdown line.

        Returns
        -------
        str
            ``**[Key]** Authors (year). *Title*. Venue. address``, with a DOI
            written as a link to https://doi.org/ and a web address in ``<...>``.
        """
        addr = self.address
        if addr.startswith("doi:"):
            addr = f"[{addr}](https://doi.org/{addr[4:]})"
        elif addr.startswith("http"):
            addr = f"<{addr}>"
        return f"**[{self.key}]** {self.authors} ({self.year}). *{self.title}*. {self.venue}. {addr}"


_ENTRIES = [
    # --- anatomy -----------------------------------------------------------
    Reference("Moore2006", "Moore KL, Dalley AF", 2006, "Clinically Oriented Anatomy, 5th edition",
              "Lippincott Williams & Wilkins, Philadelphia (p. 534)", "ISBN 978-0-7817-3639-8",
              "the lateral lumbar fossae (dimples) lie over the sacroiliac joints; line through them crosses S2"),
    Reference("FIPAT2019", "Federative International Programme for Anatomical Terminology", 2019,
              "Terminologia Anatomica, 2nd edition", "FIPAT.library.dal.ca",
              "https://fipat.library.dal.ca/ta2/", "official Latin names and TA2 numbers of landmarks"),
    Reference("Rosse2003", "Rosse C, Mejino JLV", 2003,
              "A reference ontology for biomedical informatics: the Foundational Model of Anatomy",
              "Journal of Biomedical Informatics 36(6):478-500", "doi:10.1016/j.jbi.2003.11.007",
              "FMA identifiers of landmarks"),
    Reference("Kenhub2023", "Kenhub editorial team", 2023, "Posterior superior iliac spine; Sacroiliac joint",
              "Kenhub anatomy atlas", "https://www.kenhub.com/en/library/anatomy/posterior-superior-iliac-spine",
              "PSIS attachments, dimple about 4 cm lateral to the S2 spinous process, SI joint structure"),
    Reference("Radiopaedia2023", "Radiopaedia contributors", 2023, "Sacroiliac joint",
              "Radiopaedia.org", "https://radiopaedia.org/articles/sacroiliac-joint",
              "type of joint, extent S1-S3, ligaments"),
    Reference("McGaugh2007", "McGaugh JM, Brismee JM, Dedrick GS, Jones EA, Sizer PS", 2007,
              "Comparing the anatomical consistency of the posterior superior iliac spine to the iliac crest "
              "as reference landmarks for the lumbopelvic spine: a retrospective radiological study",
              "Clinical Anatomy 20(7):819-825",
              "https://researchexperts.utmb.edu/en/publications/comparing-the-anatomical-consistency-of-the-posterior-superior-il",
              "PSIS line at S2 in 81 %, intercristal line at L4 in 59 % of 100 CT scans"),
    Reference("EJIM2021", "Brotherston D, Desy J, Ma IWY", 2021,
              "Vertebral level identified by the intercristal line: confirmation by ultrasound",
              "European Journal of Internal Medicine (letter to the editor), May 2021 issue",
              "doi:10.1016/j.ejim.2021.01.015",
              "Tuffier's line ranges L1-L2 to L5-S1 on ultrasound (compared with spinal levels, not with the PSIS line)"),
    Reference("Vleeming2012", "Vleeming A, Schuenke MD, Masi AT, Carreiro JE, Danneels L, Willard FH", 2012,
              "The sacroiliac joint: an overview of its anatomy, function and potential clinical implications",
              "Journal of Anatomy 221(6):537-567", "doi:10.1111/j.1469-7580.2012.01564.x",
              "SI joint ligaments, nutation and counternutation and the ligaments that resist them"),
    Reference("Willard2012", "Willard FH, Vleeming A, Schuenke MD, Danneels L, Schleip R", 2012,
              "The thoracolumbar fascia: anatomy, function and clinical considerations",
              "Journal of Anatomy 221(6):507-536", "doi:10.1111/j.1469-7580.2012.01511.x",
              "the layers of the thoracolumbar fascia fuse and attach to the PSIS"),
    Reference("Nash2004", "Nash LG, Phillips MN, Nicholson H, Barnett R, Zhang M", 2004,
              "Skin ligaments: regional distribution and variation in morphology",
              "Clinical Anatomy 17(4):287-293", "doi:10.1002/ca.10203",
              "skin ligaments (retinacula cutis) join dermis to deep fascia over most of the body"),
    Reference("Ghavami2018", "Ghavami A, Villanueva NL, Amirlak B", 2018,
              "Gluteal ligamentous anatomy and its implication in safe buttock augmentation",
              "Plastic and Reconstructive Surgery 142(2):363-371",
              "none: no DOI confirmed; cite by journal, volume and pages",
              "skin-to-bone ligaments of the buttock region exist"),
    Reference("Loukas2006", "Loukas M, Louis RG Jr, Van der Wall B, Hallner B, Tucker JJ, Esguerra F, Colborn GL", 2006,
              "Iliolumbar membrane, a newly recognised structure in the back", "Folia Morphologica 65(1):15-21",
              "https://journals.viamedica.pl/folia_morphologica/article/view/16114",
              "40 cadavers: a membrane from the thoracolumbar fascia over the iliac crest at about L4, lateral "
              "to the PSIS, ending in the subcutaneous fat", "weak"),
    Reference("Aytekin2023", "Aytekin K, et al.", 2023,
              "Dimple of Venus is associated with the increased pelvic incidence angle and more sagittally "
              "oriented facet joint", "Medical Principles and Practice 32(3):209", "doi:10.1159/000531413",
              "370 patients with a lumbar MRI: dimples go with higher pelvic incidence and more sagittal L5-S1 "
              "facets, no link with low back pain; the authors read the dimples as a muscle deficiency", "weak"),
    Reference("Liselele2000", "Liselele HB, Boulvain M, Tshibangu KC, Meuris S", 2000,
              "Maternal height and external pelvimetry to predict cephalopelvic disproportion in nulliparous "
              "African women: a cohort study", "BJOG 107(8):947-952", "doi:10.1111/j.1471-0528.2000.tb10394.x",
              "Michaelis rhombus transverse diagonal below ~9.5 cm predicts cephalopelvic disproportion",
              "weak"),
    Reference("Bramhwanshi2023", "Bramhwanshi P, Jain D, Roy PK, Mahadik K", 2023,
              "Measurement of Michaelis rhombus, an easy clinical method for assessment of pelvis and its relation "
              "with course of labour", "Journal of Cardiovascular Disease Research 2023:732-738",
              "none: no DOI or PubMed entry found; the journal's own listing was the only copy seen",
              "220 women at term in one hospital: transverse diagonal 10.59 +/- 0.55 cm (vaginal delivery) vs "
              "9.53 +/- 0.69 cm (caesarean); a weak basis for a general 10 cm spacing", "weak"),
    Reference("Schuenke2020", "Schuenke M, Schulte E, Schumacher U", 2020,
              "THIEME Atlas of Anatomy: General Anatomy and Musculoskeletal System, 3rd edition",
              "Thieme, New York", "ISBN 978-1-68420-203-1",
              "corners of the Michaelis rhombus"),
    Reference("Gray2020", "Standring S (editor)", 2020, "Gray's Anatomy: The Anatomical Basis of Clinical Practice, "
              "42nd edition", "Elsevier", "ISBN 978-0-7020-7705-0",
              "origins of gluteus maximus and multifidus around the PSIS; sacrum"),
    # --- clinical --------------------------------------------------------------
    Reference("Bain2001", "Bain BJ", 2001, "Bone marrow aspiration", "Journal of Clinical Pathology 54(9):657-663",
              "doi:10.1136/jcp.54.9.657", "posterior iliac crest near the PSIS as the usual adult marrow site"),
    Reference("Cluneal2013", "Sittitavornwong S, Falconer DS, Shah R, Brown N, Tubbs RS", 2013,
              "Anatomic considerations for posterior iliac crest bone procurement",
              "Journal of Oral and Maxillofacial Surgery 71(10):1777-1788", "doi:10.1016/j.joms.2013.03.008",
              "superior cluneal nerves cross the crest 5.7 +/- 1.2 cm from the PSIS, under 5 cm in 23 %"),
    Reference("Laslett2005", "Laslett M, Aprill CN, McDonald B, Young SB", 2005,
              "Diagnosis of sacroiliac joint pain: validity of individual provocation tests and composites of tests",
              "Manual Therapy 10(3):207-218", "none: no DOI confirmed; cite by journal, volume and pages",
              "48 patients against anaesthetic block: 3 or more of 6 provocation tests positive, sensitivity 94 %, specificity 78 %"),
    Reference("Cooperstein2016", "Cooperstein R, Hickey M", 2016,
              "The reliability of palpating the posterior superior iliac spine: a systematic review",
              "Journal of the Canadian Chiropractic Association 60(1):36-46", "PMC4807681",
              "PSIS palpation agreement (kappa 0.27); marking error 8 mm within and 20 mm between examiners, "
              "figures the review reports from its primary studies"),
    Reference("SimmondsKumar1993", "Simmonds MJ, Kumar S", 1993,
              "Health care ergonomics Part II: location of body structures by palpation (title as listed, truncated)",
              "International Journal of Industrial Ergonomics 11(2):145-151",
              "none: no DOI confirmed; cite by journal, volume and pages",
              "20 physical therapists marked the PSIS twice: 8 mm within, 25 mm between examiners", "weak"),
    Reference("Kim2007", "Kim HW, Ko YJ, Rhee WI, Lee JS, Lim JE, Lee SJ, Im S, Lee JI", 2007,
              "Interexaminer reliability and accuracy of posterior superior iliac spine and iliac crest palpation "
              "for spinal level estimations", "Journal of Manipulative and Physiological Therapeutics 30(5):386-389",
              "https://metajournal.com/articles/146590/interexaminer-reliability-accuracy-posterior-superior-iliac-spine-iliac-crest",
              "examiners placed the PSIS anywhere from L5-S1 to S2"),
    Reference("JacobKissling1995", "Jacob HAC, Kissling RO", 1995,
              "The mobility of the sacroiliac joints in healthy volunteers between 20 and 50 years of age",
              "Clinical Biomechanics 10(7):352-361", "doi:10.1016/0268-0033(95)00003-4",
              "SI joint moves about 1.7 degrees and 0.7 mm in healthy adults"),
    Reference("Kibsgard2012", "Kibsgård TJ, Røise O, Stuge B, Röhrl SM", 2012,
              "Precision and accuracy measurement of radiostereometric analysis applied to movement of the "
              "sacroiliac joint", "Clinical Orthopaedics and Related Research 470(11):3187-3194", "PMC3462864",
              "largest SI rotation across studies 3.6 degrees, translation under 2 mm"),
    Reference("Whipple2021", "Whipple LA, Fournier CT, Heiman AJ, Awad AA, Roth MZ, Cotofana S, Ricci JA", 2021,
              "The anatomical basis of cellulite dimple formation: an ultrasound-based examination",
              "Plastic and Reconstructive Surgery 148(3):375e-381e", "doi:10.1097/PRS.0000000000008218",
              "cellulite dimples in 50 women: fibrous bands under 169 of 173 dimples (97.6 %); an analogy for the "
              "anchor, not a study of the lower back"),
    # --- notebook 06: the landmarks at work ----------------------------------
    Reference("Laslett2008", "Laslett M", 2008, "Evidence-based diagnosis and treatment of the painful sacroiliac joint",
              "Journal of Manual and Manipulative Therapy 16(3):142-152", "PMC2582421",
              "how the five provocation tests are done; 3 or more positive tests: sensitivity 91 %, specificity 78 %, "
              "87 % in patients whose pain does not centralise; about 13 % of persistent low back pain is from the joint"),
    Reference("Sturesson2000", "Sturesson B, Uden A, Vleeming A", 2000,
              "A radiostereometric analysis of movements of the sacroiliac joints during the standing hip flexion test",
              "Spine 25(3):364-368",
              "https://journals.lww.com/spinejournal/Abstract/2000/02010/A_Radiostereometric_Analysis_of_Movements_of_the.18.aspx",
              "22 patients: the joints barely move in the Gillet (standing hip flexion) test, which cannot be "
              "recommended for judging joint motion"),
    Reference("GilletTest1999", "none: authors not read (only abstract listings were seen; PubMed lists van Neerbos K "
              "among them)", 1999, "Intraexaminer and interexaminer reliability of the Gillet test",
              "Journal of Manipulative and Physiological Therapeutics 22(1):4-9", "doi:10.1016/s0161-4754(99)70098-9",
              "41 young men: mean Cohen's kappa of the Gillet test no higher than 0.081", "weak"),
    Reference("Ribeiro2021", "Ribeiro RP, Guerrero FG, Camargo EN, Pivotto LR, Aimi MA, Loss JF, Candotti CT", 2021,
              "Construct validity and reliability of tests for sacroiliac dysfunction: standing flexion test (STFT) "
              "and sitting flexion test (SIFT)", "Journal of Osteopathic Medicine (2021)",
              "doi:10.1515/jom-2021-0025",
              "30 people, five raters: the standing flexion test agreed between raters in 10 % of cases, kappa "
              "about zero", "weak"),
    Reference("Fortin1997", "Fortin JD, Falco FJ", 1997, "The Fortin finger test: an indicator of sacroiliac pain",
              "American Journal of Orthopedics 26(7):477-480", "PMID 9247654",
              "16 of 54 consecutive patients chosen by the finger test; all 16 had a provocation-positive joint "
              "injection (no comparison group)", "weak"),
    Reference("Murakami2008", "Murakami E, Aizawa T, Noguchi K, Kanno H, Okuno H, Uozumi H", 2008,
              "Diagram specific to sacroiliac joint pain site indicated by one-finger test",
              "Journal of Orthopaedic Science 13(6):492-497", "doi:10.1007/s00776-008-1280-0",
              "25 of 38 patients pointed to the PSIS or within 2 cm of it; 18 of those 25 responded to a "
              "periarticular block", "weak"),
    Reference("Preece2008", "Preece SJ, Willan P, Nester CJ, Graham-Smith P, Herrington L, Bowker P", 2008,
              "Variation in pelvic morphology may prevent the identification of anterior pelvic tilt",
              "Journal of Manual and Manipulative Therapy 16(2):113-117", "PMC2565125",
              "30 cadaver pelves: the ASIS-PSIS angle ranged 0-23 degrees (mean 13, SD 5); sides differed by up to "
              "11 degrees and 16 mm"),
    Reference("Broadbent2000", "Broadbent CR, Maxwell WB, Ferrie R, Wilson DJ, Gawne-Cain M, Russell R", 2000,
              "Ability of anaesthetists to identify a marked lumbar interspace", "Anaesthesia 55(11):1122-1126",
              "doi:10.1046/j.1365-2044.2000.01547-4.x",
              "100 patients with a marked space and an MRI: right in 29 %, one space higher than believed in 51 %; "
              "cord ended below L1 in 19 %"),
    Reference("Saifuddin1998", "Saifuddin A, et al.", 1998,
              "The variation of position of the conus medullaris in an adult population: a magnetic resonance imaging "
              "study", "Spine 23(13):1452-1456", "https://insights.ovid.com/crossref?an=00007632-199807010-00005",
              "504 patients: the cord ends on average at the lower third of L1, from the middle of T12 to the upper "
              "third of L3"),
    Reference("Reynolds2001", "Reynolds F", 2001, "Damage to the conus medullaris following spinal anaesthesia",
              "Anaesthesia 56(3):238-247", "none: DOI not confirmed; cite by journal, volume and pages",
              "seven women with cord damage after spinal needles believed to be at L2-L3: a spinal needle should not "
              "go in above L3", "weak"),
    Reference("Binokay2006", "Binokay F, Akgul E, Bicakci K, Soyupak S, Aksungur E, Sertdemir Y", 2006,
              "Determining the level of the dural sac tip: magnetic resonance imaging in an adult population",
              "Acta Radiologica 47(4):397",
              "none: the catalogue record's DOI looks truncated; cite by journal, volume and page",
              "743 patients: the dural sac ends most often at the upper third of S2 (25.2 %), from the L5-S1 disc to "
              "the upper third of S3"),
    Reference("Senoglu2005", "Senoglu N, Senoglu M, Oksuz H, Gumusalan Y, Yuksel KZ, Zencirci B, Ezberci M, "
              "Kizilkanat E", 2005, "Landmarks of the sacral hiatus for caudal epidural block: an anatomical study",
              "British Journal of Anaesthesia (2005)", "none: DOI, volume and pages not confirmed; cite by title",
              "dry sacra: the two superolateral sacral crests (under the PSIS) and the apex of the sacral hiatus form "
              "a near-equilateral triangle with sides of about 67 mm"),
    Reference("Aggarwal2009", "Aggarwal A, Aggarwal A, Harjeet, Sahni D", 2009,
              "Morphometry of sacral hiatus and its clinical relevance in caudal epidural block",
              "Surgical and Radiologic Anatomy 31(10)", "doi:10.1007/s00276-009-0529-4",
              "114 dry sacra: the PSIS-PSIS-hiatus triangle was equilateral in only 45 %"),
    Reference("Margarido2011", "Margarido CB, Mikhael R, Arzola C, Balki M, Carvalho JCA", 2011,
              "The intercristal line determined by palpation is not a reliable anatomical landmark for neuraxial "
              "anesthesia", "Canadian Journal of Anesthesia 58:262-266",
              "none: DOI not confirmed; journal, volume and pages as cited by Brotherston et al. 2021",
              "45 women at term: the palpated intercristal line lay above L4-L5 in all of them, up to three "
              "interspaces higher"),
    Reference("Chakraverty2007", "Chakraverty R, Pynsent P, Isaacs K", 2007,
              "Which spinal levels are identified by palpation of the iliac crests and the posterior superior iliac "
              "spines?", "Journal of Anatomy 210(2):232-236", "doi:10.1111/j.1469-7580.2006.00686.x",
              "75 patients: the palpated intercristal line lay at L3 or L3-L4 in 77.3 % though imaging put it at L4 "
              "or L4-L5 in 86.7 % (kappa 0.05); the palpated PSIS line found S2 in 51 % and S1 in 44 % of 60"),
    Reference("Snider2008", "Snider KT, et al.", 2008, "Reliability of Tuffier's line as an anatomic landmark",
              "Spine 33(6)", "doi:10.1097/BRS.0b013e318166f58c",
              "on radiographs Tuffier's line crossed L4 most often in men and L5 most often in women"),
    Reference("Vleeming2008", "Vleeming A, Albert HB, Ostgaard HC, Sturesson B, Stuge B", 2008,
              "European guidelines for the diagnosis and treatment of pelvic girdle pain",
              "European Spine Journal 17(6):794-819", "doi:10.1007/s00586-008-0602-4",
              "pelvic girdle pain defined; about 20 % of pregnant women have it; diagnosed with P4/thigh thrust and "
              "other provocation tests; the active straight leg raise as a functional test"),
    Reference("Mens2001", "Mens JMA, Vleeming A, Snijders CJ, Koes BW, Stam HJ", 2001,
              "Reliability and validity of the active straight leg raise test in posterior pelvic pain since pregnancy",
              "Spine 26(10):1167-1171", "none: DOI not confirmed; cite by journal, volume and pages",
              "the active straight leg raise test: how hard it is to lift a straight leg, scored by the patient"),
    Reference("Aldabe2012", "Aldabe D, Ribeiro DC, Milosavljevic S, Bussey MD", 2012,
              "Pregnancy-related pelvic girdle pain and its relationship with relaxin levels during pregnancy: a "
              "systematic review", "European Spine Journal 21(9):1769-1776", "doi:10.1007/s00586-012-2162-x",
              "six studies; three of the four of high quality found no link between relaxin levels and pelvic girdle "
              "pain: low-level evidence"),
    Reference("Wickham2002", "Wickham S, Sutton J", 2002,
              "The rhombus of Michaelis: a key to normal birth, or the poor cousin of the RCT?",
              "Article first published in 2002; updated version on the author's website",
              "http://www.sarawickham.com/articles-2/the-rhombus-of-michaelis/",
              "midwives' observation that the rhombus area moves backwards in the second stage of labour in upright "
              "positions; experience, not a measured study", "weak"),
    Reference("Bain2003", "Bain BJ", 2003, "Bone marrow biopsy morbidity and mortality",
              "British Journal of Haematology 121(6):949-951", "doi:10.1046/j.1365-2141.2003.04329.x",
              "UK survey 1995-2001: 26 adverse events in about 55 000 biopsies; haemorrhage in 14 patients, one death"),
    Reference("Riley2004", "Riley RS, Hogan TF, Pavot DR, Forysthe R, Massey D, Smith E, Wright L Jr, Ben-Ezra JM", 2004,
              "A pathologist's perspective on bone marrow aspiration and biopsy: I. performing a bone marrow "
              "examination", "Journal of Clinical Laboratory Analysis 18(2):70-90", "PMC6807972",
              "core biopsies are taken from the posterior iliac crest; pain, bleeding and infection are rare there"),
    Reference("Macmillan2024", "Macmillan Cancer Support", 2024, "Bone marrow biopsy",
              "Macmillan Cancer Support patient information (version consulted 2024)",
              "https://www.macmillan.org.uk/cancer-information-and-support/diagnostic-tests/bone-marrow-biopsy",
              "for a sample from the back of the hip bone the patient lies on their side", "weak"),
    Reference("OpenStax2013", "Betts JG, Young KA, Wise JA, et al.", 2013, "Anatomy and Physiology, section 8.3: The "
              "pelvic girdle and pelvis", "OpenStax, Rice University (open textbook)",
              "https://openstax.org/books/anatomy-and-physiology/pages/8-3-the-pelvic-girdle-and-pelvis",
              "differences between the female and male pelvis: subpubic angle, pelvic inlet, sacrum, sciatic notch"),
    Reference("Albert2016", "Albert GW", 2016,
              "Spine ultrasounds should not be routinely performed for patients with simple sacral dimples",
              "Acta Paediatrica 105(8):890-894", "doi:10.1111/apa.13422",
              "nine studies, 5166 children with sacral dimples: 3.4 % abnormal spine ultrasounds against 4.8 % in "
              "children without dimples; mostly of no clinical significance"),
    Reference("ASCRS2019", "American Society of Colon and Rectal Surgeons, Clinical Practice Guidelines Committee", 2019,
              "The American Society of Colon and Rectal Surgeons clinical practice guidelines for the management of "
              "pilonidal disease", "Diseases of the Colon and Rectum 62(2):146-157",
              "https://journals.lww.com/dcrjournal/fulltext/2019/02000/The_American_Society_of_Colon_and_Rectal_Surgeons_.5.aspx",
              "pilonidal disease: acquired, tied to hair in the gluteal cleft; characteristic midline pits in the cleft"),
    # --- body composition --------------------------------------------------
    Reference("Siri1961", "Siri WE", 1961, "Body composition from fluid spaces and density: analysis of methods",
              "In: Brozek J, Henschel A (eds), Techniques for Measuring Body Composition, National Academy of "
              "Sciences, Washington DC, pp. 223-244", "https://doi.org/10.17226/9963",
              "%BF = 495 / D - 450"),
    Reference("Brozek1963", "Brozek J, Grande F, Anderson JT, Keys A", 1963,
              "Densitometric analysis of body composition: revision of some quantitative assumptions",
              "Annals of the New York Academy of Sciences 110:113-140",
              "doi:10.1111/j.1749-6632.1963.tb17079.x", "%BF = 457 / D - 414.2"),
    Reference("JacksonPollock1978", "Jackson AS, Pollock ML", 1978,
              "Generalized equations for predicting body density of men", "British Journal of Nutrition "
              "40(3):497-504", "doi:10.1079/BJN19780152", "3-site and 7-site skinfold equations for men"),
    Reference("JacksonPollockWard1980", "Jackson AS, Pollock ML, Ward A", 1980,
              "Generalized equations for predicting body density of women",
              "Medicine and Science in Sports and Exercise 12(3):175-181", "PMID 7402053",
              "3-site (with suprailiac) and 7-site skinfold equations for women"),
    Reference("DurninWomersley1974", "Durnin JVGA, Womersley J", 1974,
              "Body fat assessed from total body density and its estimation from skinfold thickness: "
              "measurements on 481 men and women aged from 16 to 72 years",
              "British Journal of Nutrition 32(1):77-97", "doi:10.1079/BJN19740060",
              "four-site equation (with suprailiac) by sex and age band"),
    Reference("PhenX2021", "PhenX Toolkit", 2021, "Protocol 20305: skinfold measurements (NHANES III)",
              "PhenX Toolkit", "https://www.phenxtoolkit.org/",
              "where the suprailiac skinfold is taken: above the iliac crest, forward of the PSIS"),
    Reference("Flynn2011", "Flynn C, Taberner A, Nielsen P", 2011,
              "Mechanical characterisation of in vivo human skin using a 3D force-sensitive micro-robot and finite "
              "element analysis", "Biomechanics and Modeling in Mechanobiology 10(1):27-38",
              "doi:10.1007/s10237-010-0216-8", "in-vivo skin tension (pre-stress) on the arm, 5.6-11.4 N/m", "weak"),
    Reference("Hatt2023", "Hatt A, Lloyd R, Bolsterlee B, Bilston LE", 2023,
              "Strain-dependent shear properties of human adipose tissue in vivo",
              "Journal of the Mechanical Behavior of Biomedical Materials 2023:105924",
              "doi:10.1016/j.jmbbm.2023.105924", "shear modulus of buttock fat in vivo (MR elastography)"),
    Reference("Geerligs2011", "Geerligs M, van Breemen L, Peters G, Ackermans P, Baaijens F, Oomens C", 2011,
              "In vitro indentation to determine the mechanical properties of epidermis",
              "Journal of Biomechanics 44(6):1176-1181", "doi:10.1016/j.jbiomech.2011.01.015",
              "epidermis stiffness 1-2 MPa in micro-indentation", "weak"),
    Reference("Kuroki2005", "none: authors not read (only the J-STAGE abstract was seen)", 2001,
              "Comparison of caliper skinfold and ultrasound fat thickness at 14 sites", "Japanese Journal of Test and Evaluation in Health and Physical Education 1:9-14",
              "https://www.jstage.jst.go.jp/article/jjtehpe/1/0/1_jjtehpe.1.9/_article/-char/en",
              "caliper skinfold / ultrasound fat ratio 3.05 (men) and 3.38 (women) beside C7, the highest of the "
              "14 sites; the abstract gives no suprailiac ratio", "weak"),
    Reference("Berikol2022", "Berikol G, Eksi MS, Aydin L, Borekci A, Ozcan-Eksi EE", 2022,
              "Subcutaneous fat index: a reliable tool for lumbar spine studies",
              "European Radiology 32(9):6504-6513", "doi:10.1007/s00330-022-08775-7",
              "MRI back subcutaneous fat at L1-L2: cut-offs 8.45 mm (women) and 9.4 mm (men)"),
    Reference("Storchle2017", "Störchle P, Müller W, Sengeis M, et al.", 2017,
              "Standardized ultrasound measurement of subcutaneous fat patterning: high reliability and accuracy "
              "in groups ranging from lean to obese", "Ultrasound in Medicine and Biology 43(2):427-438",
              "doi:10.1016/j.ultrasmedbio.2016.09.014", "subcutaneous fat thickness per site, lean to obese"),
    Reference("Dermis2017", "Burk RS, Schubert CM, Pepperl A, Grap MJ", 2017,
              "High-frequency ultrasound: description of sacral tissue characteristics in healthy adults",
              "journal not confirmed (only the PubMed record was seen); PubMed 28723853",
              "https://pubmed.ncbi.nlm.nih.gov/28723853/", "sacral dermis 2.32-2.65 mm thick on 20 MHz ultrasound (50 healthy adults)"),
    Reference("ACE2009", "American Council on Exercise", 2009, "ACE Personal Trainer Manual, 4th edition "
              "(body-fat percentage categories)", "American Council on Exercise, San Diego",
              "https://www.acefitness.org/", "body-fat categories: essential, athletes, fitness, average, obese"),
    Reference("Wikipedia2024", "Wikipedia contributors", 2024, "Dimples of Venus", "Wikipedia",
              "https://en.wikipedia.org/wiki/Dimples_of_Venus",
              "the claims the kit examines: the '22 % / 32 %' figure and the 'short ligament'", "unsupported"),
    # --- procedures --------------------------------------------------------
    Reference("Hoyos2007", "Hoyos AE, Millard JA", 2007, "VASER-assisted high-definition liposculpture",
              "Aesthetic Surgery Journal 27(6):594-604", "none: no DOI confirmed; cite by journal, volume and pages",
              "306 patients: 257 (84 %) satisfactory; 20 seromas, 9 port-site burns, 5 prolonged swelling; no skin necrosis"),
    Reference("FDA2015", "US Food and Drug Administration", 2015, "KYBELLA (deoxycholic acid) injection: "
              "prescribing information", "FDA label, application 206333",
              "https://www.accessdata.fda.gov/drugsatfda_docs/label/2015/206333s000lbl.pdf",
              "approved only for submental fat; elsewhere not established and not recommended"),
    Reference("Abboud2021", "Abboud M, Geeroms M, El Hajj H, Abboud N", 2021,
              "Improving the female silhouette and gluteal projection: an anatomy-based, safe, and harmonious "
              "approach through liposuction, suspension loops, and moderate lipofilling",
              "Aesthetic Surgery Journal 41(4):474-489", "doi:10.1093/asj/sjaa157",
              "101 consecutive patients (2014-2018); gives recommended positions for the sacral diamond and "
              "sacral dimples; complication rate described as low, one ruptured suspension loop", "weak"),
    Reference("Salvador2021", "Salvador L, Benito-Ruiz J", 2021,
              "Safety and efficacy of deoxycholic acid injection for hypogastric fat reduction: a pilot study",
              "Dermatologic Surgery 47(4):e132-e137", "doi:10.1097/DSS.0000000000002823",
              "off-label use below the navel, 14 patients: swelling, bruising and redness in most, all self-limiting",
              "weak"),
    Reference("Pham2020", "Pham CT, et al.", 2020, "Adverse events of injectable deoxycholic acid",
              "Dermatologic Surgery 46(7):942-949", "doi:10.1097/DSS.0000000000002318",
              "review of 28 papers: safety in off-label areas needs further study", "weak"),
    Reference("Shahid2022", "Shahid S, Al-Hassani F", 2022,
              "Chronic infection and nodule formation following deoxycholate injection",
              "Archives of Plastic Surgery 49(3):315-318", "doi:10.1055/s-0042-1748644",
              "a deoxycholate product injected too superficially by an untrained injector: infection, nodules, "
              "skin necrosis (one case)", "weak"),
    Reference("Comerci2024", "Comerci AJ, et al.", 2024,
              "Risks and complications rate in liposuction: a systematic review and meta-analysis",
              "Aesthetic Surgery Journal 44(7):NP454-NP463", "doi:10.1093/asj/sjae074",
              "39 studies, 29,368 patients: contour deformity, seroma, haematoma, infection, venous thromboembolism"),
    Reference("Zhang2015", "Zhang YX, Lazzeri D, Grassetti L, Silvestri A, Trisliana Perdanasari A, Han S, "
              "Torresetti M, di Benedetto G, Castello MF", 2015,
              "Three-dimensional superficial liposculpture of the hips, flank, and thighs",
              "Plastic and Reconstructive Surgery Global Open 3(1):e291", "doi:10.1097/GOX.0000000000000241",
              "4000 charts over 20 years: 50 seromas, 20 minor asymmetries, 18 skin irregularities, one major "
              "infection", "weak"),
    Reference("Mofid2017", "Mofid MM, Teitelbaum S, Suissa D, Ramirez-Montanana A, Astarita DC, Mendieta C, Singer R",
              2017, "Report on mortality from gluteal fat grafting: recommendations from the ASERF Task Force",
              "Aesthetic Surgery Journal 37(7):796-806", "doi:10.1093/asj/sjx004",
              "survey of 692 surgeons: 32 fatal and 103 non-fatal pulmonary fat emboli in 198,857 gluteal fat "
              "grafting cases"),
    # --- diet and exercise --------------------------------------------------
    Reference("Hall2012", "Hall KD, Heymsfield SB, Kemnitz JW, Klein S, Schoeller DA, Speakman JR", 2012,
              "Energy balance and its components: implications for body weight regulation",
              "American Journal of Clinical Nutrition 95(4):989-994", "PMC3302369",
              "body weight and fat change with the balance of energy eaten and spent"),
    Reference("Vispute2011", "Vispute SS, Smith JD, LeCheminant JD, Hurley KS", 2011,
              "The effect of abdominal exercise on abdominal fat", "Journal of Strength and Conditioning Research "
              "25(9):2559-2564", "doi:10.1519/JSC.0b013e3181fb4a46",
              "randomised trial, 24 adults, 6 weeks of abdominal exercises: no reduction of abdominal fat"),
    Reference("RamirezCampillo2013", "Ramirez-Campillo R, Andrade DC, Campos-Jara C, Henriquez-Olguin C, "
              "Alvarez-Lepin C, Izquierdo M", 2013, "Regional fat changes induced by localized muscle endurance "
              "resistance training", "Journal of Strength and Conditioning Research 27(8):2219-2224",
              "doi:10.1519/JSC.0b013e31827e8681",
              "11 adults trained one leg for 12 weeks: fat fell elsewhere in the body, not in the trained leg",
              "weak"),
    Reference("Katch1984", "Katch FI, Clarkson PM, Kroll W, McBride T, Wilcox A", 1984,
              "Effects of sit up exercise training on adipose cell size and adiposity",
              "Research Quarterly for Exercise and Sport 55(3):242-247", "doi:10.1080/02701367.1984.10609359",
              "27 days of sit-ups shrank fat cells alike at the abdomen, upper back and buttock", "weak"),
    # --- vision ------------------------------------------------------------
    Reference("Wandell1995", "Wandell BA", 1995, "Foundations of Vision", "Sinauer Associates, Sunderland MA",
              "ISBN 978-0-87893-853-7", "Weber's law: a luminance step of about 1-2 % is just visible on a "
              "large uniform field"),
]

#: Every source by key.
REFERENCES: dict[str, Reference] = {r.key: r for r in _ENTRIES}
assert len(REFERENCES) == len(_ENTRIES), "duplicate citation key"


def get(key: str) -> Reference:
    """Return the reference with this key.

    Parameters
    ----------
    key : str
        Citation key, e.g. ``"McGaugh2007"``.

    Returns
    -------
    Reference
        The entry of :data:`REFERENCES`.

    Raises
    ------
    ValueError
        If the key is not in the registry.
    """
    return lookup(REFERENCES, key, "citation key in dimples.references")


def cited_keys(markdown: str) -> list[str]:
    """Citation keys in a Markdown text, in order of first appearance.

    Parameters
    ----------
    markdown : str
        Markdown text citing sources as ``[McGaugh2007]``.

    Returns
    -------
    list of str
        Each key once, in the order it is first cited (unknown keys included).

    Raises
    ------
    ValueError
        If ``markdown`` is not a string.
    """
    if not isinstance(markdown, str):
        raise ValueError(f"markdown={markdown!r}: expected a string")
    seen: list[str] = []
    for key in CITATION_PATTERN.findall(markdown):
        if key not in seen:
            seen.append(key)
    return seen


def reference_list(keys) -> Markdown:
    """A Markdown references section for the given keys, sorted by key.

    Parameters
    ----------
    keys : iterable of str
        Citation keys; each must be in :data:`REFERENCES`.

    Returns
    -------
    IPython.display.Markdown
        Displays as a list in a notebook; ``.data`` holds the text.

    Raises
    ------
    ValueError
        If ``keys`` is a string or not iterable, is empty, or holds a key not in
        :data:`REFERENCES`.
    """
    from IPython.display import Markdown

    if isinstance(keys, str) or not hasattr(keys, "__iter__"):
        raise ValueError(f"keys={keys!r}: expected a list of citation keys such as ['McGaugh2007']")
    keys = list(keys)
    if not keys:
        raise ValueError("keys=[]: expected at least one citation key")
    lines = [f"- {get(k).citation()}" for k in sorted(set(keys))]
    return Markdown("\n".join(lines))


def notebook_keys(notebook) -> list[str]:
    """Citation keys used in a notebook's Markdown cells, in order of first use.

    Parameters
    ----------
    notebook : str or Path
        Path of the ``.ipynb`` file (relative paths are taken from the
        working directory, which is ``notebooks/`` when a notebook runs).

    Returns
    -------
    list of str
        Each key cited in the Markdown cells once, in order of first use.

    Raises
    ------
    ValueError
        If ``notebook`` is not a str or Path, or not an existing ``.ipynb`` file.
    """
    import json
    from pathlib import Path

    if not isinstance(notebook, (str, Path)):
        raise ValueError(f"notebook={notebook!r}: expected the path of an .ipynb file")
    path = Path(notebook)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"notebook={str(notebook)!r}: expected an existing .ipynb file")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return cited_keys(text)


def notebook_references(notebook):
    """The references section of a notebook, built from the keys its Markdown cites.

    Parameters
    ----------
    notebook : str or Path
        Path of the ``.ipynb`` file, e.g. ``"01_surface_anatomy.ipynb"``.

    Returns
    -------
    IPython.display.Markdown
        The list of :func:`reference_list` for the keys the notebook cites.

    Raises
    ------
    ValueError
        If ``notebook`` is not an existing ``.ipynb`` file, cites no key, or cites
        a key not in :data:`REFERENCES`.
    """
    return reference_list(notebook_keys(notebook))
