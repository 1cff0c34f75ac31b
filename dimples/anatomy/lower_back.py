"""The whole lower back from behind as a shaded surface-anatomy plate, with the model's two dimples.

:func:`draw_lower_back` walks the kit's chain (:func:`dimples.chain.chain`:
body fat % -> fat over the PSIS -> the model's surface -> the dimple's
contrast), sets the model's dimples into the whole back of
:func:`dimples.torso.torso_surface` and shades it with the kit's lights and
skin tones (:func:`dimples.torso.torso_rgb`). The outline, the spinal
furrow, the buttocks and the crest contour are assumed shapes
(:data:`dimples.torso.ASSUMPTIONS`); only the dimples are computed.

:func:`lower_back_frame` is one slider frame of notebook 04: the plate
large, with the person, the ACE category of their body fat, the fat over
the PSIS and the model's contrast (visible or not) written beside it. It is
made for **100 dpi**: 12 x 6.2 in, 1200 x 620 px, every text at least
14 px tall at that size (11 pt or more). :func:`comparison_plate` shows
one person at three body-fat values under two lights.

The body is drawn in cm with S2 at the origin and the subject's left (+x)
on the viewer's left, as when looking at someone's back: the raking lamp,
which shines towards -x, lights the subject's right flank, on the viewer's
right.

Key lines (the outline, the crest guide line, the leaders) carry a white
halo or a dark casing, so they stand at 3:1 contrast or more on light and
dark skin and on the background alike.
"""

from __future__ import annotations

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from dimples import bodyfat, chain, model, render, torso
from dimples.anatomy.labels import LEADER_COLOUR, Label, place_labels, tag
from dimples.base import check_bool, check_sex
from dimples.style import check_axes, new_figure, new_mosaic

__all__ = ["FRAME_SIZE_IN", "FRAME_DPI", "OUTLINE_COLOUR", "LABEL_FONTSIZE", "PLATE_PERCENTS", "draw_lower_back",
           "lower_back_frame", "comparison_plate", "frame_caption"]

#: Size (inches) of one frame of :func:`lower_back_frame`, and the dpi it is made for (1200 x 620 px).
FRAME_SIZE_IN: tuple[float, float] = (12.0, 6.2)
FRAME_DPI: int = 100
#: Colour of the body's outline: a dark skin-edge brown, about 7:1 against the light background.
OUTLINE_COLOUR = "#6B4A3A"
#: Label size (pt): 11 pt is 15 px at 100 dpi.
LABEL_FONTSIZE = 11.0
#: Body fat (%) of the three columns of :func:`comparison_plate` (a woman, rigid anchoring).
PLATE_PERCENTS: tuple[float, ...] = (18.0, 28.0, 38.0)
_SEX_WORD = {"female": "woman", "male": "man"}
_LABEL_MARGIN_CM = 14.0  # room beside the picture for the label columns
#: Where the picture sits in a frame (figure fraction: left, bottom, width, height); the caption is to its right.
_FRAME_PICTURE = (0.005, 0.01, 0.70, 0.98)


def _halo(lw: float):
    return [patheffects.Stroke(linewidth=lw + 2.4, foreground="white"), patheffects.Normal()]


def _draw(ax: Axes, body: torso.Torso, *, light: str, tone: str, labels: bool, crest_line: bool,
          margin_cm: float = 0.0, fontsize: float = LABEL_FONTSIZE) -> Axes:
    """Draw a Torso (already computed) onto ``ax``: picture, outline, optional crest line and labels."""
    rgb = np.round(255.0 * torso.torso_rgb(body, light=light, tone=tone)).astype(np.uint8)  # uint8 draws faster
    ext = body.extent_cm
    ax.imshow(rgb, origin="lower", extent=ext, interpolation="bilinear", zorder=1)
    y = body.y_mm / 10
    half = body.half_width_mm / 10
    for s, side in ((1, "left"), (-1, "right")):
        tag(ax.plot(s * half, y, color=OUTLINE_COLOUR, lw=1.6, zorder=3, solid_capstyle="butt")[0], f"outline_{side}")
    crest_y = body.crest_y_mm / 10
    if crest_line:
        a = body.half_width_at(body.crest_y_mm) / 10
        tag(ax.plot([a, -a], [crest_y, crest_y], color=LEADER_COLOUR, lw=1.4, ls=(0, (5, 3)), zorder=4,
                    path_effects=_halo(1.4))[0], "crest_line")
    ax.set_facecolor(torso.BACKGROUND)
    ax.set_xlim(ext[1] + margin_cm, ext[0] - margin_cm)  # the subject's left (+x) on the viewer's left
    ax.set_ylim(ext[2], ext[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if labels:
        _labels(ax, body, fontsize)
    return ax


def _labels(ax: Axes, body: torso.Torso, fontsize: float) -> list:
    (pxl, pyl), _ = body.psis_mm
    crest_y = body.crest_y_mm
    glute_top = (torso.GLUTEAL_Y_MM + torso.GLUTEAL_RY_MM) / 10
    hip = body.half_width_at(torso.HIP_Y_MM)
    items = [
        Label("dimple of Venus\n(skin over the PSIS)", (pxl / 10, pyl / 10), "left", 0.0, None),
        Label("level of the iliac\ncrest tops (~L4)", (body.half_width_at(crest_y) / 10, crest_y / 10), "left", 0.0,
              "outline_left"),
        Label("spinal furrow", (0.0, 14.0), "right", 0.0, None),
        Label("erector spinae", (-torso.COLUMN_X_MM / 10, 17.5), "right", 0.0, None),
        Label("top of the\ngluteal cleft", (0.0, body.cleft_top_y_mm / 10), "right", 0.0, None),
        Label("upper curve\nof the buttock", (-torso.GLUTEAL_X * hip / 10, glute_top), "right", 0.0, None),
    ]
    before = len(ax.lines)
    anns = place_labels(ax, items, fontsize=fontsize)
    for ann in anns:
        ann.arrow_patch.set_linewidth(1.1)
        ann.arrow_patch.set_path_effects(_halo(1.1))
    for dot in ax.lines[before:]:
        dot.set_markersize(4.5)
        dot.set_markeredgecolor("white")
        dot.set_markeredgewidth(1.0)
    return anns


def draw_lower_back(ax: Axes, percent_fat, sex, *, anchoring="rigid", light=render.DEFAULT_LIGHT,
                    tone=render.DEFAULT_TONE, estimate="ratio", labels=False, crest_line=False) -> Axes:
    """Draw the whole lower back from behind, shaded, with the model's dimples for a body fat.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw; axes in cm (S2 at the origin), the subject's left on the viewer's left.
    percent_fat : float
        Body fat (%), in [2, 60] and inside the Durnin-Womersley equation's reach for that sex.
    sex : {"female", "male"}
        The equations are sex-specific; the outline is the assumed one of that sex.
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (see :func:`dimples.model.tether_stiffness`); default "rigid".
    light : {"overhead", "raking", "frontal"}
        Which light (:data:`dimples.render.LIGHTS`); default "overhead".
    tone : {"I", "II", "III", "IV", "V", "VI"}
        Skin colour (:data:`dimples.render.SKIN_TONES`); default "III".
    estimate : {"ratio", "uncompressed"}
        Which estimate of the fat over the PSIS (see :func:`dimples.chain.chain`).
    labels : bool
        Name the dimples, the spinal furrow, the erector spinae, the iliac crest level, the top of
        the gluteal cleft and the buttock (default False). The Axes is widened for the label columns.
    crest_line : bool
        Draw a thin dashed guide line at the level of the iliac crest tops (default False).

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes, or for a body fat, sex, anchoring, light, tone or estimate the chain
        or the shading refuses, or ``labels`` / ``crest_line`` not a bool.
    """
    check_axes(ax)
    result, body = _compute(percent_fat, sex, anchoring, light, estimate)
    tone = render._check_tone(tone)
    labels = check_bool("labels", labels)
    crest_line = check_bool("crest_line", crest_line)
    return _draw(ax, body, light=light, tone=tone, labels=labels, crest_line=crest_line,
                 margin_cm=_LABEL_MARGIN_CM if labels else 0.0)


def _compute(percent_fat, sex, anchoring, light, estimate):
    sex = check_sex(sex)
    result = chain.chain(percent_fat, sex, anchoring=anchoring, estimate=estimate, light=light)
    body = torso.torso_surface(result.fat_mm, sex, anchoring=anchoring, muscle_mm=result.surface.muscle_mm,
                               surface=result.surface)
    return result, body


def frame_caption(percent_fat, sex, anchoring="rigid", *, light=render.DEFAULT_LIGHT, estimate="ratio") -> str:
    """What one :func:`lower_back_frame` shows, in two lines of words: its alt text, or its caption in HTML.

    Parameters
    ----------
    percent_fat : float
        Body fat (%), as for :func:`dimples.chain.chain`.
    sex : {"female", "male"}
        Whose equations and outline.
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS; default "rigid".
    light : {"overhead", "raking", "frontal"}
        Which light; default "overhead".
    estimate : {"ratio", "uncompressed"}
        Which estimate of the fat over the PSIS.

    Returns
    -------
    str
        For example "Woman, 28 % body fat (ACE: average), 4.3 mm of fat over the PSIS, rigid anchoring" and,
        after a newline, "Dimple contrast 65 % under overhead light: visible (threshold 2 %)".

    Raises
    ------
    ValueError
        For an input the chain refuses.
    """
    sex = check_sex(sex)
    result = chain.chain(percent_fat, sex, anchoring=anchoring, estimate=estimate, light=light)
    return _caption(result, anchoring, light)


def _caption(result: chain.ChainResult, anchoring, light: str) -> str:
    p, sex = result.percent_fat, result.sex
    band = bodyfat.ace_category(p, sex)
    verdict = "visible" if result.visible else "too faint to see"
    return (f"{_SEX_WORD[sex].capitalize()}, {p:g} % body fat (ACE: {band}), {result.fat_mm:.1f} mm of fat over "
            f"the PSIS, {model.anchoring_words(anchoring)}\n"
            f"Dimple contrast {100 * result.contrast:.0f} % under {light} light: {verdict} "
            f"(threshold {100 * render.VISIBILITY_THRESHOLD:g} %)")


def lower_back_frame(percent_fat, sex, anchoring, *, light=render.DEFAULT_LIGHT, tone=render.DEFAULT_TONE,
                     estimate="ratio", labels=False, caption=True) -> Figure:
    """One slider frame for notebook 04: the lower back large, the person and the dimple's contrast beside it.

    Parameters
    ----------
    percent_fat : float
        Body fat (%), in [2, 60] and inside the Durnin-Womersley equation's reach for that sex.
    sex : {"female", "male"}
        Whose equations and outline.
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS (see :func:`dimples.model.tether_stiffness`).
    light : {"overhead", "raking", "frontal"}
        Which light; default "overhead".
    tone : {"I", "II", "III", "IV", "V", "VI"}
        Skin colour; default "III".
    estimate : {"ratio", "uncompressed"}
        Which estimate of the fat over the PSIS.
    labels : bool
        Name the structures too (default False: each label costs about 1 KB of WebP per frame).
    caption : bool
        Write the values beside the picture (default True): sex and body fat, its ACE category, the
        fat over the PSIS, anchoring and light, the contrast and whether it is visible. With False the
        picture alone (about half the bytes); :func:`frame_caption` gives the same text.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot, :data:`FRAME_SIZE_IN` (12 x 6.2 in): 1200 x 620 px at
        :data:`FRAME_DPI` (100 dpi), every text 14 px or taller there.

    Raises
    ------
    ValueError
        For an input the chain, the torso or the shading refuses, or ``labels`` / ``caption`` not a bool.
    """
    result, body = _compute(percent_fat, sex, anchoring, light, estimate)
    tone = render._check_tone(tone)
    labels = check_bool("labels", labels)
    caption = check_bool("caption", caption)
    fig, ax = new_figure(*FRAME_SIZE_IN)
    fig.set_layout_engine("none")  # fixed positions: a frame draws in half the time without a layout pass
    ax.set_position(_FRAME_PICTURE)
    _draw(ax, body, light=light, tone=tone, labels=labels, crest_line=False,
          margin_cm=_LABEL_MARGIN_CM if labels else 0.0)
    if caption:
        p = result.percent_fat
        lines = [(f"{_SEX_WORD[result.sex].capitalize()}, {p:g} % body fat", 13.5, "bold"),
                 (f"ACE category: {bodyfat.ace_category(p, result.sex)}", 12, "normal"),
                 (f"{result.fat_mm:.1f} mm fat over the PSIS", 12, "normal"),
                 (f"{model.anchoring_words(anchoring)}, {light} light", 12, "normal"),
                 ("", 6, "normal"),
                 (f"contrast {100 * result.contrast:.0f} %: "
                  + ("visible" if result.visible else "too faint to see"), 13.5, "bold")]
        y = 0.86
        x = _FRAME_PICTURE[0] + _FRAME_PICTURE[2] + 0.015
        for words, size, weight in lines:
            if words:
                fig.text(x, y, words, fontsize=size, fontweight=weight, va="top", ha="left", color="#222222")
            y -= (size * 1.45) / (FRAME_SIZE_IN[1] * 72)
    return fig


def comparison_plate(percents=PLATE_PERCENTS, sex="female", anchoring="rigid") -> Figure:
    """One person at three body-fat values (columns) under overhead and raking light (rows).

    Parameters
    ----------
    percents : sequence of float
        Three body-fat values (%), each as for :func:`dimples.chain.chain`; default 18, 28, 38.
    sex : {"female", "male"}
        Whose equations and outline; default "female".
    anchoring : {"none", "compliant", "rigid"} or float
        The tether over each PSIS; default "rigid".

    Returns
    -------
    matplotlib.figure.Figure
        A new 12 x 8.4 in figure (1200 px wide at 100 dpi) not held by pyplot; each panel shows
        23 cm either side of the midline.

    Raises
    ------
    ValueError
        If ``percents`` is not three body-fat values, or for an input the chain refuses.
    """
    sex = check_sex(sex)
    if isinstance(percents, (str, bytes)) or not hasattr(percents, "__len__") or len(percents) != 3:
        raise ValueError(f"percents={percents!r}: expected three body-fat percentages (%)")
    lights = ("overhead", "raking")
    results = [[_compute(p, sex, anchoring, light, "ratio") for p in percents] for light in lights]
    fig, axd = new_mosaic(12.0, 8.4, [[f"{r}{c}" for c in range(3)] for r in range(2)])
    for r, light in enumerate(lights):
        for c, (result, body) in enumerate(results[r]):
            ax = axd[f"{r}{c}"]
            _draw(ax, body, light=light, tone=render.DEFAULT_TONE, labels=False, crest_line=False,
                  margin_cm=-4.0)
            verdict = "visible" if result.visible else "too faint"
            head = (f"{result.percent_fat:g} % body fat ({bodyfat.ace_category(result.percent_fat, sex)})\n"
                    if r == 0 else "")
            ax.set_title(f"{head}{result.fat_mm:.1f} mm fat · contrast {100 * result.contrast:.0f} % ({verdict})",
                         fontsize=11, linespacing=1.3)
            if c == 0:
                ax.set_ylabel(f"{light} light", fontsize=12)
    _labels_plate(axd["00"], results[0][0][1])
    fig.suptitle(f"The same {_SEX_WORD[sex]} ({model.anchoring_words(anchoring)}) at three body-fat values, "
                 "lit from above and from the side", fontsize=13)
    return fig


def _labels_plate(ax: Axes, body: torso.Torso) -> None:
    (pxl, pyl), _ = body.psis_mm
    anns = place_labels(ax, [Label("dimple\n(PSIS)", (pxl / 10, pyl / 10), "left")], fontsize=LABEL_FONTSIZE,
                        pad_frac=0.0)
    for ann in anns:
        ann.arrow_patch.set_linewidth(1.1)
        ann.arrow_patch.set_path_effects(_halo(1.1))
