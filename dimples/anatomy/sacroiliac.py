"""The sacroiliac joints and their ligaments: posterior, anterior and transverse-section views.

The ligaments drawn (FACTS A10, [Vleeming2012], [Radiopaedia2023], [Kenhub2023]):

* posterior view - the bones of :mod:`dimples.anatomy.posterior` (PSIS knob,
  ear-shaped joint outline dashed under the ilium); iliolumbar; long
  posterior sacroiliac and the sacrotuberous ligament on the subject's left,
  its broad origin from the PSIS, the side of the sacrum and the coccyx
  twisting down to the ischial tuberosity; the sacrospinous ligament to the
  ischial spine, which with it closes the greater and lesser sciatic
  foramina; on the right, the short posterior sacroiliac ligaments and the
  sacrospinous with the sacrotuberous removed;
* anterior view - a view from the front: iliac fossa, arcuate line and
  pelvic brim, acetabulum, pubic symphysis (in front of the coccyx),
  anterior sacral foramina; the anterior sacroiliac ligament across the
  joint, the iliolumbar ligament, the sacrospinous ligament seen through the
  pelvic cavity;
* section view - a transverse section through both joints at S1-S2, back
  at the top: the synovial (auricular) part in front, the interosseous
  ligament, the largest mass of the joint, filling the wide gap behind it,
  the ilium wrapping behind the sacrum to end in the PSIS, the posterior
  and anterior sacroiliac ligaments.

Bones come from :mod:`dimples.anatomy.bones`, positions from the landmark
table; ligament paths and the section's outlines are schematic. Every
ligament is drawn from bone to bone: its ends lie on the outlines it
attaches to.

References
----------
.. [Vleeming2012] Vleeming A, Schuenke MD, Masi AT, Carreiro JE, Danneels L, Willard FH. The sacroiliac
   joint: an overview of its anatomy, function and potential clinical implications. *Journal of Anatomy*
   221(6): 537-567, 2012. https://doi.org/10.1111/j.1469-7580.2012.01564.x
.. [Radiopaedia2023] Radiopaedia contributors. Sacroiliac joint. *Radiopaedia.org*, 2023.
   https://radiopaedia.org/articles/sacroiliac-joint
.. [Kenhub2023] Kenhub editorial team. Posterior superior iliac spine; Sacroiliac joint. *Kenhub anatomy
   atlas*, 2023. https://www.kenhub.com/en/library/anatomy/posterior-superior-iliac-spine
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Ellipse, Polygon

from dimples.anatomy import bones
from dimples.anatomy.labels import LABEL_FONTSIZE, Label, place_labels, tag
from dimples.anatomy.landmarks import position
from dimples.anatomy.posterior import _draw_bone, _on_outline
from dimples.style import PALETTE, TISSUE_COLOURS, check_axes

__all__ = ["draw_sacroiliac_joint", "VIEWS", "LIGAMENT_COLOURS"]

#: Views accepted by :func:`draw_sacroiliac_joint`.
VIEWS: tuple[str, ...] = ("posterior", "anterior", "section")

#: Ligament colours: one family (bluish green) for ligaments, a second hue for
#: the ones that resist nutation, so both read apart from bone and from each other.
LIGAMENT_COLOURS: dict[str, str] = {
    "ligament": TISSUE_COLOURS["ligament"],
    "sacrotuberous": PALETTE["blue"],
    "sacrospinous": PALETTE["sky_blue"],
}


def _curve(points, n=30):
    return bones.smooth(points, n=n, closed=False)


def _fibres(ax, lines, colour, z, lw=1.1, alpha=0.95):
    for ln in lines:
        ax.plot(ln[:, 0], ln[:, 1], color=colour, lw=lw, alpha=alpha, zorder=z, solid_capstyle="round")


def _ligament(ax, outline, fibres, colour, z, structure, alpha=0.45):
    """A ligament: a filled outline (tagged ``structure``) with fibres drawn over it."""
    tag(ax.add_patch(Polygon(outline, closed=True, fc=colour, ec=colour, lw=0.6, alpha=alpha, zorder=z)), structure)
    _fibres(ax, fibres, colour, z + 0.05)


def _lerp(a, b, t):
    return np.asarray(a, float) + (np.asarray(b, float) - np.asarray(a, float)) * t


def _fan(ax, origin, insertion, colour, z, structure, n=7, alpha=0.45):
    """A fan or band from a line of origin (points on one bone) to a line of insertion (on another)."""
    o, i = np.asarray(origin, float), np.asarray(insertion, float)
    _ligament(ax, np.vstack([o, i[::-1]]), [np.vstack([_lerp(o[0], o[-1], t), _lerp(i[0], i[-1], t)])
                                             for t in np.linspace(0.05, 0.95, n)], colour, z, structure, alpha)


def _sacrotuberous(ax, s, z):
    """Broad origin (PSIS, side of sacrum, coccyx), a twisted waist, insertion on the ischial tuberosity."""
    hb = _side(bones.hip_bone(), s)
    sac = _side(bones.sacrum(), s)
    origin = [_on_outline(hb, _xy(s, 5.2, -0.8)), _on_outline(hb, _xy(s, 5.6, -2.4)), _on_outline(sac, _xy(s, 4.3, -3.4)),
              _on_outline(sac, _xy(s, 3.1, -4.9)), _on_outline(sac, _xy(s, 1.6, -6.5)), _xy(s, 0.9, -8.2)]
    waist = [_xy(s, 4.85, -9.0), _xy(s, 4.35, -9.5)]
    tuber = [_on_outline(hb, _xy(s, 5.6, -11.4)), _on_outline(hb, _xy(s, 6.1, -12.3))]
    lateral = _curve([origin[0], _xy(s, 5.4, -5.2), waist[0], tuber[0]])
    medial = _curve([origin[-1], _xy(s, 3.2, -8.9), waist[1], tuber[1]])
    outline = np.vstack([_curve(origin, n=8), medial, tuber[1:], lateral[::-1]])
    fibres = []
    for t in np.linspace(0.0, 1.0, 7):
        o = np.asarray(_curve(origin, n=8)[int(t * (len(_curve(origin, n=8)) - 1))])
        w = _lerp(waist[0], waist[1], t)
        ins = _lerp(tuber[1], tuber[0], t)  # the twist: upper fibres end lowest, lower fibres highest
        fibres.append(_curve([o, _lerp(o, w, 0.55) + _xy(s, 0.15 * (0.5 - t), 0.0), w, ins], n=12))
    tag(ax.add_patch(Polygon(outline, closed=True, fc=LIGAMENT_COLOURS["sacrotuberous"], ec="none", alpha=0.38,
                             zorder=z)), _name("sacrotuberous", s))
    _fibres(ax, fibres, LIGAMENT_COLOURS["sacrotuberous"], z + 0.05, lw=1.0)


def _xy(s, x, y):
    return np.array([s * x, y])


def _side(poly, s):
    return poly if s > 0 else bones.mirror(poly)


def _name(base, s):
    return f"{base}_{'left' if s > 0 else 'right'}"


def _sacrospinous(ax, s, z):
    hb = _side(bones.hip_bone(), s)
    sac = _side(bones.sacrum(), s)
    spine = _on_outline(hb, position(_name("ischial_spine", s)))
    origin = [_on_outline(sac, _xy(s, 3.3, -5.0)), _on_outline(sac, _xy(s, 2.2, -6.0)), _xy(s, 1.0, -7.9),
              _xy(s, 0.9, -8.9)]
    ins = [np.asarray(spine) + _xy(s, 0.1, 0.35), np.asarray(spine) + _xy(s, 0.1, -0.35)]
    _fan(ax, _curve(origin, n=6), ins, LIGAMENT_COLOURS["sacrospinous"], z, _name("sacrospinous", s), n=6, alpha=0.55)
    return origin, spine


def _foramina(ax, s, z):
    """The greater and lesser sciatic foramina (left), as the openings the two ligaments close."""
    hb = _side(bones.hip_bone(), s)
    piis, spine, tuber = (np.asarray(position(_name(n, s))) for n in ("piis", "ischial_spine", "ischial_tuberosity"))
    i0, i1, i2 = (int(np.argmin(np.hypot(*(hb - p).T))) for p in (piis + _xy(s, 0.1, -0.6), spine,
                                                                       tuber + _xy(s, -0.5, 1.4)))
    notch = hb[i0:i1 + 1] if i0 < i1 else hb[i1:i0 + 1][::-1]
    greater = np.vstack([notch, _xy(s, 3.5, -5.4), _xy(s, 4.3, -3.9)])
    lesser_edge = hb[i1:i2 + 1] if i1 < i2 else hb[i2:i1 + 1][::-1]
    lesser = np.vstack([lesser_edge, _xy(s, 4.6, -9.3)])
    for poly, key in ((greater, "greater_sciatic_foramen"), (lesser, "lesser_sciatic_foramen")):
        tag(ax.add_patch(Polygon(poly, closed=True, fc=PALETTE["grey"], ec="none", alpha=0.28, zorder=z)),
            _name(key, s))


def _iliolumbar(ax, s, z):
    v = bones.vertebra("l5_spinous")
    tp = v["transverse"][0 if s > 0 else 1]
    tip = tp[np.argmax(s * tp[:, 0])]
    hb = _side(bones.hip_bone(), s)
    crest = [_on_outline(hb, _xy(s, 6.6, 4.6)), _on_outline(hb, _xy(s, 7.6, 6.0))]
    _fan(ax, [tip + (0, -0.3), tip + (0, 0.3)], crest, LIGAMENT_COLOURS["ligament"], z, _name("iliolumbar", s), n=5)


def _posterior(ax, z) -> list[Label]:
    _draw_bone(ax, z=2)
    lc = LIGAMENT_COLOURS
    P = position
    for s in (1, -1):
        _iliolumbar(ax, s, z)
        _foramina(ax, s, z - 1.2)
        _sacrospinous(ax, s, z)
    # subject's right: short posterior sacroiliac ligaments, from the lateral sacral crest to the ilium
    hbr = bones.mirror(bones.hip_bone())
    for y0 in (2.6, 1.6, 0.6):
        a = np.array([-3.2, y0 - 0.35])
        b = np.array(_on_outline(hbr, (-5.0, y0 + 0.3)))
        _fan(ax, [a + (0, 0.22), a - (0, 0.22)], [b + (0, 0.25), b - (0, 0.25)], lc["ligament"], z,
             "short_posterior_sacroiliac_right", n=3, alpha=0.6)
    # subject's left: long posterior sacroiliac (PSIS to the lateral sacral crest at S3-S4), over the short ones
    hb = bones.hip_bone()
    psis = np.array(_on_outline(hb, (4.7, -0.7)))
    _fan(ax, [psis + (0.3, 0.1), psis - (0.2, 0.2)], [(3.3, -3.2), (2.8, -3.7)], lc["ligament"], z + 0.3,
         "long_posterior_sacroiliac_left", n=4, alpha=0.65)
    _sacrotuberous(ax, 1, z + 0.2)
    return [
        Label("iliolumbar ligament", (6.1, 6.2), "left", structure="iliolumbar_left"),
        Label("PSIS", P("psis_left"), "left", nudge_pt=8.0, structure="psis_left"),
        Label("long posterior\nsacroiliac ligament", (3.7, -2.4), "left", structure="long_posterior_sacroiliac_left"),
        Label("greater sciatic\nforamen", (6.0, -5.6), "left", structure="greater_sciatic_foramen_left"),
        Label("sacrotuberous ligament\n(twisted)", (4.6, -9.25), "left", structure="sacrotuberous_left"),
        Label("lesser sciatic\nforamen", (5.55, -10.1), "left", structure="lesser_sciatic_foramen_left"),
        Label("ischial tuberosity", _on_outline(hb, (6.6, -13.2)), "left", structure="hip_bone_left"),
        Label("short posterior\nsacroiliac ligaments", (-4.0, 1.25), "right",
              structure="short_posterior_sacroiliac_right"),
        Label("sacroiliac joint\n(dashed where hidden)", _on_outline(bones.mirror(bones.auricular_surface()),
                                                                     (-5.9, -1.5)), "right",
              structure="sacroiliac_joint_right"),
        Label("sacrospinous ligament\n(sacrotuberous removed)", (-2.6, -7.0), "right", structure="sacrospinous_right"),
        Label("ischial spine", _on_outline(hbr, P("ischial_spine_right")), "right", structure="hip_bone_right"),
        Label("sacrum", (-1.6, -4.6), "right", structure="sacrum"),
    ]


def _anterior_bones(ax, z):
    c = TISSUE_COLOURS
    kw = dict(fc=c["bone"], ec=c["bone_edge"], lw=0.9)
    v = bones.vertebra("l5_spinous")
    tag(ax.add_patch(Polygon(v["body"], closed=True, zorder=z, **kw)), "l5_body")
    for s, tp in zip((1, -1), v["transverse"], strict=True):
        tag(ax.add_patch(Polygon(tp, closed=True, zorder=z - 0.05, **kw)), _name("l5_transverse", s))
    for seg in bones.coccyx():  # behind the pubic symphysis, seen from the front
        tag(ax.add_patch(Polygon(seg, closed=True, zorder=z - 0.3, **kw)), "coccyx")
    for s in (1, -1):
        tag(ax.add_patch(Polygon(_side(bones.hip_bone_anterior(), s), closed=True, zorder=z - 0.2, **kw)),
            _name("hip_bone", s))
        tag(ax.add_patch(Polygon(_side(bones.iliac_fossa(), s), closed=True, fc=c["bone_edge"], ec="none",
                                 alpha=0.13, zorder=z - 0.15)), _name("iliac_fossa", s))
    sac = bones.sacrum()
    tag(ax.add_patch(Polygon(sac, closed=True, zorder=z + 0.1, **kw)), "sacrum")
    for y in (1.05, -0.95, -2.75, -4.4):  # transverse ridges where the sacral bodies fused
        w = 1.6 - 0.12 * (1.05 - y)
        ax.plot([-w, w], [y, y], color=c["bone_edge"], lw=0.8, zorder=z + 0.2)
    for i in (1, 2, 3, 4):
        for side in ("left", "right"):
            x, y = position(f"s{i}_foramen_{side}")
            x *= 1.3  # anterior foramina are larger and a little more lateral
            tag(ax.add_patch(Ellipse((x, y), 0.95, 0.7, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.3)),
                f"anterior_s{i}_foramen_{side}")
    for s in (1, -1):
        pub, obt = bones.pubis_anterior()
        tag(ax.add_patch(Polygon(_side(pub, s), closed=True, zorder=z + 0.4, **kw)), _name("pubis", s))
        tag(ax.add_patch(Polygon(_side(obt, s), closed=True, fc="white", ec=c["bone_edge"], lw=0.7, zorder=z + 0.45)),
            _name("obturator_foramen", s))
        rim, lunate = bones.acetabulum()
        tag(ax.add_patch(Polygon(_side(rim, s), closed=True, fc=c["bone_edge"], ec=c["bone_edge"], lw=1.0, alpha=0.3,
                                 zorder=z + 0.5)), _name("acetabulum", s))
        lun = _side(lunate, s)
        ax.plot(lun[:, 0], lun[:, 1], color=c["bone_edge"], lw=1.0, zorder=z + 0.55)
    sym = position("pubic_symphysis")[1]
    disc = np.array([(-0.32, sym + 1.4), (0.32, sym + 1.4), (0.32, sym - 1.4), (-0.32, sym - 1.4)])
    tag(ax.add_patch(Polygon(disc, closed=True, fc=PALETTE["grey"], ec=c["bone_edge"], lw=0.7, zorder=z + 0.5)),
        "pubic_symphysis")
    for s in (1, -1):  # pelvic brim: sacral ala, arcuate line, pecten, pubic crest
        brim = _side(bones.pelvic_brim(), s)
        tag(ax.plot(brim[:, 0], brim[:, 1], color=PALETTE["black"], lw=1.5, zorder=z + 0.6)[0], _name("pelvic_brim", s))
        up, lo = (position(_name(f"sacroiliac_joint{p}", s)) for p in ("_upper", "_lower"))
        joint = _curve([up, (s * (abs(up[0]) + 0.35), 0.4), lo], n=12)
        tag(ax.plot(joint[:, 0], joint[:, 1], color=c["bone_edge"], lw=1.3, zorder=z + 0.6)[0],
            _name("sacroiliac_joint", s))


def _anterior(ax, z) -> list[Label]:
    _anterior_bones(ax, z=2)
    lc = LIGAMENT_COLOURS
    P = position
    for s in (1, -1):
        # anterior sacroiliac ligament: short fibres across the front of the joint, sacrum to ilium
        up, lo = (np.asarray(position(_name(f"sacroiliac_joint{p}", s))) for p in ("_upper", "_lower"))
        o = [up + _xy(s, -0.9, -0.4), lo + _xy(s, -0.7, 0.4)]
        i = [up + _xy(s, 1.0, -0.2), lo + _xy(s, 1.0, 0.5)]
        _fan(ax, o, i, lc["ligament"], z, _name("anterior_sacroiliac", s), n=6, alpha=0.45)
        # iliolumbar, L5 transverse process to the inner lip of the crest
        tp = bones.vertebra("l5_spinous")["transverse"][0 if s > 0 else 1]
        tip = tp[np.argmax(s * tp[:, 0])]
        hb = _side(bones.hip_bone_anterior(), s)
        _fan(ax, [tip + (0, -0.3), tip + (0, 0.3)], [_on_outline(hb, _xy(s, 6.6, 4.8)), _on_outline(hb, _xy(s, 7.6, 6.2))],
             lc["ligament"], z, _name("iliolumbar", s), n=5)
        # sacrospinous, seen through the pelvic cavity: lateral sacrum and coccyx to the ischial spine, which
        # points medially from the inner wall of the hip bone (drawn, so the band ends on bone, not the pubis)
        spine = np.asarray(_on_outline(hb, position(_name("ischial_spine", s))))
        tip = spine + _xy(s, -0.9, 0.3)
        spur = np.array([spine + _xy(s, 0.25, 0.55), tip, spine + _xy(s, 0.25, -0.45)])
        tag(ax.add_patch(Polygon(spur, closed=True, fc=TISSUE_COLOURS["bone"], ec=TISSUE_COLOURS["bone_edge"], lw=0.9,
                                 ls=(0, (3, 1.5)), zorder=z + 0.42)), _name("ischial_spine", s))  # behind the pubis: dashed
        sac = bones.sacrum() if s > 0 else bones.mirror(bones.sacrum())
        _fan(ax, [_on_outline(sac, _xy(s, 3.3, -5.0)), _xy(s, 1.0, -7.9)], [tip + (0, 0.25), tip - (0, 0.2)],
             lc["sacrospinous"], z - 0.5, _name("sacrospinous", s), n=5, alpha=0.55)
    # from the front the subject's left is on the viewer's right
    return [
        Label("iliolumbar ligament", (-6.2, 6.0), "left", structure="iliolumbar_right"),
        Label("iliac fossa", (-10.5, 4.5), "left", structure="iliac_fossa_right"),
        Label("anterior sacroiliac\nligament", (-5.6, 1.4), "left", structure="anterior_sacroiliac_right"),
        Label("ASIS", _on_outline(bones.mirror(bones.hip_bone_anterior()), P("asis_right")), "left",
              structure="hip_bone_right"),
        Label("acetabulum", (-10.2, -8.2), "left", structure="acetabulum_right"),
        Label("sacrospinous ligament", (-3.4, -6.4), "left", structure="sacrospinous_right"),
        Label("obturator foramen", tuple(bones.mirror(bones.obturator_foramen_anterior()).mean(axis=0)), "left",
              structure="obturator_foramen_right"),
        Label("L5 vertebral body", (1.2, P("l5_spinous")[1] + 1.5), "right", structure="l5_body"),
        Label("sacral promontory", P("sacral_promontory"), "right", structure="pelvic_brim_left"),
        Label("anterior sacral\nforamina", (1.3 * P("s2_foramen_left")[0], 0.0), "right",
              structure="anterior_s2_foramen_left"),
        Label("pelvic brim\n(arcuate line)", tuple(bones.pelvic_brim()[45]), "right", structure="pelvic_brim_left"),
        Label("pubic symphysis", (0.0, P("pubic_symphysis")[1] - 0.4), "right", structure="pubic_symphysis"),
    ]


def _section_shapes():
    """Outlines (cm) of the section at S1-S2, back at the top (y up = posterior), subject's left at +x.

    Schematic: the auricular surfaces run from posteromedial to anterolateral;
    behind them a wide wedge between the sacral and iliac tuberosities holds
    the interosseous ligament; the ilium wraps behind the sacrum's lateral
    part to end medially in the PSIS.
    """
    half = [(0.0, 0.0), (0.4, -0.5), (1.4, -0.8), (2.4, -0.82), (3.0, -0.98), (3.4, -1.6), (3.7, -2.75),
            (4.07, -3.85), (4.45, -4.95), (4.5, -5.35), (3.3, -5.6), (1.4, -6.2), (0.0, -6.35)]
    sacrum = bones.smooth(half[:-1] + [(-x, y) for x, y in reversed(half[1:])], n=8)
    ilium = bones.smooth([(3.9, 0.25), (4.6, 0.62), (5.6, 0.55), (6.8, 0.0), (8.6, -0.9), (10.8, -1.8),
                          (11.8, -2.3), (11.2, -2.8), (8.8, -3.5), (6.6, -4.6), (5.3, -5.4), (4.75, -5.4),
                          (4.58, -4.95), (4.2, -3.85), (3.86, -2.8), (4.45, -2.3), (4.75, -1.2), (4.45, -0.35),
                          (3.95, -0.05)], n=8)
    canal = bones.smooth([(0.0, -1.35), (1.15, -2.0), (1.0, -2.75), (-1.0, -2.75), (-1.15, -2.0)], n=6)
    joint = bones.smooth([(3.78, -2.78), (4.13, -3.85), (4.51, -4.95)], n=8, closed=False)
    interosseous = bones.smooth([(3.05, -1.02), (3.42, -1.65), (3.72, -2.72), (3.84, -2.74), (4.42, -2.3),
                                 (4.7, -1.2), (4.4, -0.4), (3.9, -0.12), (3.4, -0.55)], n=6)
    return {"sacrum": sacrum, "ilium": ilium, "canal": canal, "joint": joint, "interosseous": interosseous}


def _section(ax, z) -> list[Label]:
    c = TISSUE_COLOURS
    lc = LIGAMENT_COLOURS
    sh = _section_shapes()
    tag(ax.add_patch(Polygon(sh["sacrum"], closed=True, fc=c["bone"], ec=c["bone_edge"], lw=1.0, zorder=z)), "sacrum")
    tag(ax.add_patch(Polygon(sh["canal"], closed=True, fc="white", ec=c["bone_edge"], lw=0.8, zorder=z + 0.1)),
        "sacral_canal")
    for s in (1, -1):
        tag(ax.add_patch(Polygon(_side(sh["ilium"], s), closed=True, fc=c["bone"], ec=c["bone_edge"], lw=1.0,
                                 zorder=z)), _name("ilium", s))
        # interosseous ligament: the largest mass of the joint, filling the wedge behind the synovial part
        io = _side(sh["interosseous"], s)
        tag(ax.add_patch(Polygon(io, closed=True, fc=lc["ligament"], ec=PALETTE["black"], lw=0.6, alpha=0.85,
                                 zorder=z + 0.2)), _name("interosseous", s))
        for t in np.linspace(0.1, 0.9, 7):  # short fibres from sacral to iliac tuberosity
            a = _lerp((3.2, -1.2), (3.7, -2.6), t)
            b = _lerp((4.3, -0.4), (4.45, -2.2), t)
            ax.plot([s * a[0], s * b[0]], [a[1], b[1]], color=PALETTE["black"], lw=0.6, alpha=0.55, zorder=z + 0.25)
        # synovial part: the auricular surfaces with a thin joint space
        jt = _side(sh["joint"], s)
        tag(ax.plot(jt[:, 0], jt[:, 1], color=PALETTE["black"], lw=2.6, zorder=z + 0.2, solid_capstyle="round")[0],
            _name("synovial", s))
        ax.plot(jt[:, 0], jt[:, 1], color="white", lw=1.0, zorder=z + 0.3)
        # posterior sacroiliac ligaments: lateral sacral crest to the PSIS, behind the interosseous ligament
        _fan(ax, [_xy(s, 2.3, -0.8), _xy(s, 3.0, -0.98)], [_xy(s, 3.92, 0.22), _xy(s, 3.9, -0.06)],
             lc["ligament"], z + 0.3, _name("posterior_sacroiliac", s), n=5, alpha=0.6)
        # anterior sacroiliac ligament: a thin sheet across the front of the joint
        _fan(ax, [_xy(s, 4.0, -5.45), _xy(s, 4.5, -5.3)], [_xy(s, 4.75, -5.38), _xy(s, 5.4, -5.35)],
             lc["ligament"], z + 0.3, _name("anterior_sacroiliac", s), n=3, alpha=0.8)
    return [
        Label("PSIS", (4.9, 0.4), "left", structure="ilium_left"),
        Label("posterior sacroiliac\nligaments", (3.1, -0.55), "left", structure="posterior_sacroiliac_left"),
        Label("interosseous ligament\n(the largest part)", (4.05, -1.5), "left", structure="interosseous_left"),
        Label("synovial part\n(auricular surfaces)", tuple(sh["joint"][8]), "left", structure="synovial_left"),
        Label("anterior sacroiliac\nligament", (4.6, -5.38), "left", structure="anterior_sacroiliac_left"),
        Label("median sacral crest", (0.0, -0.1), "right", structure="sacrum"),
        Label("sacral canal", (-0.3, -2.3), "right", structure="sacral_canal"),
        Label("ilium, wrapping\nbehind the sacrum", (-4.4, 0.3), "right", structure="ilium_right"),
        Label("sacrum (S1-S2)", (-2.4, -4.6), "right", structure="sacrum"),
        Label("ilium", (-9.0, -2.0), "right", structure="ilium_right"),
    ]


def draw_sacroiliac_joint(ax: Axes, view: str = "posterior", labels: bool = True, fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw the sacroiliac joints and their ligaments onto ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; limits and aspect are set, the axis frame is hidden.
    view : str
        ``"posterior"`` (from behind; subject's left on the viewer's left),
        ``"anterior"`` (from the front; subject's left on the viewer's
        right) or ``"section"`` (transverse section at S1-S2 with the back at
        the top and the subject's left on the viewer's left: seen from below).
    labels : bool
        Whether to add leader-line labels (default True).
    fontsize : float
        Label size in points (pt), in [5, 20] when labels are drawn (default 9).

    Returns
    -------
    Axes
        ``ax``, drawn in cm.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes or ``view`` is not one of :data:`VIEWS`.
    """
    check_axes(ax)
    if view not in VIEWS:
        raise ValueError(f"view={view!r}: expected one of {VIEWS}")
    if view == "section":
        items = _section(ax, z=2)
        ax.set_xlim(12.2 + 7.4, -12.2 - 7.4)
        ax.set_ylim(-7.1, 1.6)
        ax.text(0, 1.15, "back of the body", ha="center", fontsize=fontsize, color="#555555", style="italic")
        ax.text(0, -6.8, "front (pelvic cavity)", ha="center", fontsize=fontsize, color="#555555",
                style="italic")
    else:
        anterior = view == "anterior"
        items = (_anterior if anterior else _posterior)(ax, z=4)
        half = 16.0 + 9.5
        if anterior:
            ax.set_xlim(-half, half)  # from the front the subject's left is on the viewer's right
        else:
            ax.set_xlim(half, -half)
        ax.set_ylim(-14.8, 11.0)
        for x, w in ((17.5, "subject's left"), (-17.5, "subject's right")):
            ax.text(x, -14.3, w, ha="center", fontsize=fontsize, color="#555555", style="italic")
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if labels:
        place_labels(ax, items, fontsize=fontsize)
    return ax
