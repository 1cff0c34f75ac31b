"""Notebook 04, body fat and visibility: the chain in tables, sex x body-fat category, contrast curves.

Every number here comes from :func:`dimples.chain.chain` (body fat % ->
fat over the PSIS -> surface -> contrast); this module only lays it out.
"""

from __future__ import annotations

import numpy as np
from IPython.display import Markdown

from dimples import bodyfat, chain, model, regimes, render, thickness, torso
from dimples.anatomy import lower_back
from dimples.base import check_number, check_sex
from dimples.bodyfat import ACE_CATEGORIES, CLAIM_S1_PERCENT
from dimples.style import PALETTE, new_figure
from dimples.views.nb03_formation import ANCHORING_NAMES
from dimples.widgets import FrameGrid, FrameSlider, FrameSpace, Picture, ScaledPicture, quiz_picker

__all__ = ["COLUMNS", "QUIZZES", "BODYFAT_PERCENTS", "BACK_LIGHT", "BACK_TONE", "BACK_WIDTH_PX", "LIGHT_TONE_WIDTH_PX", "BACK_Y_RANGE_MM", "LIGHT_TONE_PERSON",
           "column_percent", "assumptions_table", "picture_assumptions_table", "chain_table", "claim_table", "back_alt", "back_image",
           "back_frame", "labelled_back_picture", "lower_back_space", "light_tone_frame", "light_tone_alt",
           "light_tone_grid", "contrast_vs_bodyfat_figure", "contrast_by_light_slider", "regime_sweep",
           "regime_map_figure", "regime_map_picture", "regime_table", "quiz"]

_ANCHOR_COLOURS = {"rigid": PALETTE["reddish_purple"], "compliant": PALETTE["blue"], "none": PALETTE["black"]}
_ANCHOR_STYLES = {"rigid": "-", "compliant": "--", "none": ":"}

#: Columns of the grid: the ACE categories, then a higher obese value.
COLUMNS: tuple[str, ...] = ("essential fat", "athletes", "fitness", "average", "obese", "obese, higher")
_EXTRA_OBESE = {"female": 40.0, "male": 35.0}  # % body fat of "obese, higher": chosen for the picture
_SEX_WORD = {"female": "woman", "male": "man"}
_BAND_COLOURS = (PALETTE["sky_blue"], PALETTE["bluish_green"], PALETTE["yellow"], PALETTE["orange"],
                 PALETTE["vermillion"])


def column_percent(sex, column) -> float:
    """Body fat % shown for a sex in a column of the grid.

    The middle of the ACE range, rounded (open-ended "obese": its lower
    bound + 3); "obese, higher" is 40 % (women) or 35 % (men).

    Parameters
    ----------
    sex : {"female", "male"}
        Whose ACE bands.
    column : str
        One of :data:`COLUMNS`.

    Returns
    -------
    float
        Body fat (%).

    Raises
    ------
    ValueError
        For an unknown ``sex`` or ``column``.
    """
    sex = check_sex(sex)
    if column not in COLUMNS:
        raise ValueError(f"column={column!r}: expected one of {COLUMNS}")
    if column == "obese, higher":
        return _EXTRA_OBESE[sex]
    for name, low, high in ACE_CATEGORIES[sex]:
        if name == column:
            return float(round((low + high) / 2)) if high is not None else low + 3.0
    raise ValueError(f"column={column!r}: not an ACE category")  # pragma: no cover


def assumptions_table() -> Markdown:
    """Every assumption of the chain and the model as one Markdown table (name, value, unit, source)."""
    return _assumption_rows(chain.ASSUMPTIONS)


def picture_assumptions_table() -> Markdown:
    """The assumptions of the pictured body (:data:`dimples.torso.ASSUMPTIONS`): its outline by sex, and more.

    These shape the picture only; the dimples and every contrast come from the chain.
    """
    return _assumption_rows(torso.ASSUMPTIONS)


def _assumption_rows(assumptions) -> Markdown:
    lines = ["| # | assumption | value | unit | source | note |", "|---|---|---|---|---|---|"]
    for i, a in enumerate(assumptions, 1):
        src = a.source if a.source == "assumed" else f"[{a.source}]"
        cells = [str(c).replace("|", "\\|") for c in (i, a.name, a.value, a.unit, src, a.note)]  # "|k|" would split a cell
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))


def chain_table(sex, percents) -> Markdown:
    """The chain body fat -> density -> skinfold -> fat -> dimple -> contrast, one row per percentage.

    Parameters
    ----------
    sex : {"female", "male"}
        The equations are sex-specific.
    percents : sequence of float
        Body fat percentages (%), each in [2, 60] and inside the Durnin-Womersley
        equation's reach for that sex at the default age (30 years).

    Returns
    -------
    IPython.display.Markdown
        A table: body fat (%), ACE category, density (g/cm3), four-site sum
        (mm), suprailiac fold (mm), the two estimates of the fat over the PSIS
        (mm), and the contrast (%) with a rigid, a compliant and no anchoring.

    Raises
    ------
    ValueError
        For an unknown ``sex`` or a percentage the chain cannot take.
    """
    sex = check_sex(sex)
    age = thickness.DEFAULT_AGE
    lines = ["| body fat (%) | ACE category | density (g/cm³) | 4-site sum (mm) | suprailiac fold (mm) "
             "| fat over PSIS, fold / ratio (mm) | fat, half the fold (mm) | contrast rigid (%) "
             "| compliant (%) | none (%) |", "|" + "---|" * 10]
    for p in percents:
        d = bodyfat.siri_density(p)
        s = bodyfat.skinfold_sum_from_percent_fat(p, age, sex)
        fold = thickness.suprailiac_skinfold_mm(p, sex, age)
        upper = thickness.fat_thickness_uncompressed_mm(p, sex, age)
        rs = [chain.chain(p, sex, age=age, anchoring=a) for a in ANCHORING_NAMES]
        lines.append(f"| {p:g} | {bodyfat.ace_category(p, sex)} | {d:.4f} | {s:.1f} | {fold:.1f} | {rs[0].fat_mm:.1f} "
                     f"| {upper:.1f} | " + " | ".join(f"{100 * r.contrast:.0f}" for r in rs) + " |")
    return Markdown("\n".join(lines))


def claim_table() -> Markdown:
    """What the model gives at the claim's percentages (FACTS S1), for each anchoring and both fat estimates."""
    lines = ["| person | body fat (%) | ACE category | fat over PSIS (mm) | contrast rigid (%) | compliant (%) "
             "| none (%) |", "|---|---|---|---|---|---|---|"]
    for sex in ("female", "male"):
        p = CLAIM_S1_PERCENT[sex]
        for estimate, word in (("ratio", "fold / ratio"), ("uncompressed", "half the fold")):
            rs = [chain.chain(p, sex, anchoring=a, estimate=estimate) for a in ANCHORING_NAMES]
            lines.append(f"| {_SEX_WORD[sex]} ({word}) | {p:g} | {bodyfat.ace_category(p, sex)} | {rs[0].fat_mm:.1f} | "
                         + " | ".join(f"{100 * r.contrast:.0f}" for r in rs) + " |")
    return Markdown("\n".join(lines))


def _curve_percents(sex: str) -> np.ndarray:
    # Body fat (%) of the contrast curves: from the sex's essential-fat band (at least 4 %) to 45 % in 2 % steps.
    return np.arange(max(ACE_CATEGORIES[sex][0][1], 4.0), 45.01, 2.0)


_CURVES: dict = {}


def _contrast_curves(sex: str, anchoring: str, estimate: str) -> dict[str, np.ndarray]:
    # Contrast under every light for one sex, anchoring and estimate, computed once per session: the
    # figure is drawn once per light, the surfaces are the same for each. The fold / ratio estimate is
    # the one the body-fat slider's pictures use, so their solves (_NUMBERS) serve here too.
    key = (sex, anchoring, estimate)
    if key not in _CURVES:
        percents = _curve_percents(sex)
        if estimate == "ratio":
            _CURVES[key] = {light: np.array([_numbers(sex, anchoring, p, light)[1] for p in percents])
                            for light in render.LIGHTS}
        else:
            _CURVES[key] = chain.contrast_curves(sex, percents, anchoring=anchoring, estimate=estimate)
    return _CURVES[key]


def contrast_vs_bodyfat_figure(light=render.DEFAULT_LIGHT):
    """Contrast against body fat for women and men, for each anchoring and both fat estimates.

    Parameters
    ----------
    light : str
        One of :data:`dimples.render.LIGHTS`: the light the contrast is computed under.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.
    """
    if light not in render.LIGHTS:
        raise ValueError(f"light={light!r}: expected one of {list(render.LIGHTS)}")
    fig, axs = new_figure(7.2, 5.0, nrows=2, sharex=True)
    for ax, sex in zip(axs, ("female", "male"), strict=True):
        cats = ACE_CATEGORIES[sex]
        p = _curve_percents(sex)
        for (name, low, _high), col, nxt in zip(cats, _BAND_COLOURS, [*cats[1:], None], strict=True):
            right = nxt[1] if nxt else 45.0
            ax.axvspan(low, right, color=col, alpha=0.18, lw=0)
            ax.text((low + right) / 2, 97, name, ha="center", va="top", fontsize=7)
        ax.axhline(100 * render.VISIBILITY_THRESHOLD, color=PALETTE["black"], lw=0.8)
        for a in ANCHORING_NAMES:
            ax.plot(p, 100 * _contrast_curves(sex, a, "ratio")[light], color=_ANCHOR_COLOURS[a],
                    ls=_ANCHOR_STYLES[a], lw=2, label=f"{a} (fold / ratio)")
            ax.plot(p, 100 * _contrast_curves(sex, a, "uncompressed")[light],
                    color=_ANCHOR_COLOURS[a], ls=_ANCHOR_STYLES[a], lw=0.9, label=f"{a} (half the fold)")
        claim = CLAIM_S1_PERCENT[sex]
        ax.axvline(claim, color=PALETTE["grey"], lw=1)
        ax.annotate(f"claim: {claim:g} %", (claim, 5), xytext=(4, 0), textcoords="offset points", fontsize=8)
        ax.set_ylim(0, 100)
        ax.set_xlim(0, 45)
        ax.set_ylabel(f"contrast, {light} light (%)")
        ax.set_title("women" if sex == "female" else "men", fontsize=10, loc="left")
    axs[0].legend(fontsize=6.5, frameon=False, loc="center right", ncols=3)
    axs[1].set_xlabel("body fat (%)")
    return fig


def contrast_by_light_slider():
    """Notebook 04's Figure 4 under each light: :func:`contrast_vs_bodyfat_figure` on a slider of lights."""
    return FrameSlider(list(render.LIGHTS), contrast_vs_bodyfat_figure, description="Light", dpi=100,
                       initial=list(render.LIGHTS).index(render.DEFAULT_LIGHT),
                       alts=lambda light: f"Two panels, women and men: the dimple's contrast under {light} light "
                       "against body fat for a rigid, a compliant and no anchoring, each with both fat estimates, "
                       "with the claim's 22 % and 32 % marked.")


_SWEEP: list = []


def regime_sweep() -> regimes.Sweep:
    """The sweep of :func:`dimples.regimes.sweep` with its default axes, computed once per session."""
    if not _SWEEP:
        _SWEEP.append(regimes.sweep())
    return _SWEEP[0]


def regime_map_figure():
    """Tether stiffness x fat thickness, coloured by contrast, for three muscle thicknesses; leaner-fainter hatched."""
    sw = regime_sweep()
    signs = regimes.regimes(sw)["leaner"]
    k_pos = np.arange(sw.tethers.size)
    k_labels = ["none" if k == 0 else "rigid" if np.isinf(k) else f"{k:g}" for k in sw.tethers]
    show = [list(sw.muscles_mm).index(m) for m in (0.0, 10.0, 30.0)]
    fig, axs = new_figure(7.2, 3.4, ncols=3, sharey=True)
    mid_fat = 0.5 * (sw.fats_mm[:-1] + sw.fats_mm[1:])
    for ax, j in zip(axs, show, strict=True):
        c = 100 * sw.contrast[:, j, :]
        mesh = ax.pcolormesh(sw.fats_mm, k_pos, c, cmap="cividis", vmin=0, vmax=80, shading="nearest")
        ax.contour(sw.fats_mm, k_pos, c, levels=[100 * render.VISIBILITY_THRESHOLD], colors="white", linewidths=1.5)
        fainter = signs[:, j, :] < 0
        ax.contourf(mid_fat, k_pos, fainter.astype(float), levels=[0.5, 1.5], colors="none", hatches=["///"])
        ax.contour(mid_fat, k_pos, fainter.astype(float), levels=[0.5], colors="white", linewidths=0.8,
                   linestyles="--")
        ax.set_title(f"muscle {sw.muscles_mm[j]:g} mm", fontsize=9)
        ax.set_xlabel("fat over the PSIS (mm)")
        ax.set_yticks(k_pos, k_labels, fontsize=7)
    axs[0].set_ylabel("anchoring stiffness (Pa/mm)")
    axs[0].text(6, 0.6, "unhatched: leaner is\nclearer, or no change", fontsize=7, color="white", va="center")
    axs[0].text(28, 7.6, "hatched:\nleaner is fainter", fontsize=7, color="black", va="center", ha="center",
                bbox=dict(fc="white", ec="none", alpha=0.8, pad=1))
    fig.colorbar(mesh, ax=axs, label="contrast, overhead light (%)", shrink=0.85)
    return fig


def regime_map_picture() -> Picture:
    """Notebook 04's Figure 5: :func:`regime_map_figure` with its alt text."""
    return Picture(regime_map_figure(), colours=128, alt="Three maps of anchoring stiffness (none to rigid, upwards) against fat "
                   "over the PSIS (2-40 mm), for 0, 10 and 30 mm of muscle, coloured by contrast, with a white line "
                   "at the 2 % visibility threshold. Hatched where less fat gives less contrast: the stiff "
                   "anchorings at the top. Unhatched below: weak or no anchoring, where less fat gives more "
                   "contrast; at 30 mm of muscle almost everything is at the shading's ceiling.")


def regime_table() -> Markdown:
    """Share of the swept space (tether x muscle x fat) in each regime, for both questions."""
    fr = regimes.fractions(regime_sweep())
    lines = ["| question | clearer | fainter | no change |", "|---|---|---|---|"]
    for key, q in (("leaner", "less fat: does the dimple get ..."), ("muscle", "more muscle: does the dimple get ...")):
        f = fr[key]
        lines.append(f"| {q} | {100 * f['clearer']:.0f} % | {100 * f['fainter']:.0f} % | {100 * f['no change']:.0f} % |")
    sw = regime_sweep()
    lines.append("")
    lines.append(f"*Swept: {sw.tethers.size} anchoring stiffnesses (none to rigid), {sw.muscles_mm.size} muscle "
                 f"thicknesses ({sw.muscles_mm[0]:g}-{sw.muscles_mm[-1]:g} mm), {sw.fats_mm.size} fat thicknesses "
                 f"({sw.fats_mm[0]:g}-{sw.fats_mm[-1]:g} mm); overhead light; 'no change' means under "
                 f"{100 * regimes.CHANGE_TOL:g} % of contrast.*")
    return Markdown("\n".join(lines))


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "from_28_to_22": dict(
        question=("In the kit's model, a woman goes from 28 % to 22 % body fat. What happens to the contrast of her "
                  "dimples?"),
        choices=[
            'They appear for the first time, because 22 % is the body fat at which the model switches dimples on.',
            'Nothing changes: in the model, visibility depends only on the muscle around the PSIS.',
            'They always become fainter, because the contrast of a dimple peaks at about 28 % body fat.',
            'It depends on her anchoring: clearer if it is weak, fainter if stiff (Figure 5).',
        ],
        correct=3,
        feedback=[
            ('The model has no switch at 22 %: it gives a contrast at 28 % too. The popular line says only that '
             "around 22 % 'may improve their visibility', and no study stands behind it."),
            ('Muscle shapes the hollow (notebook 03), but the fat over the PSIS changes the contrast too, in a '
             'direction set by the anchoring.'),
            'The model has no peak at 28 %: contrast rises or falls with body fat depending on the anchoring (Figure 4).',
            ('Yes: under a weak anchoring less fat fills less of the hollow; under a stiff one less fat stands out '
             'less around the held skin. Which applies to her is not known (Figure 5).'),
        ],
        reread='04 body fat and visibility, Figures 4 and 5',
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "04", __name__)


# --- the whole lower back: body fat in 2 % steps x sex x anchoring; light x tone ------------------------

#: Body fat (%) of the main slider: 2 % steps from men's essential-fat band to well into both obese bands.
BODYFAT_PERCENTS: tuple[float, ...] = tuple(float(p) for p in range(4, 44, 2))
#: Light and tone of the main slider's frames (the light and tone grid changes them).
BACK_LIGHT, BACK_TONE = render.DEFAULT_LIGHT, render.DEFAULT_TONE
#: Width of the light and tone grid's frames (px): smaller than the main slider's, to keep the notebook under 2 MB.
LIGHT_TONE_WIDTH_PX = 960
#: The person of the light and tone grid and of the contrast-by-light slider: a woman at 28 % body fat.
LIGHT_TONE_PERSON: tuple[str, float, str] = ("female", 28.0, "rigid")


def _band(sex: str, percent: float) -> str | None:
    # The ACE band of a body-fat value, or None below the sex's essential-fat band.
    low = ACE_CATEGORIES[sex][0][1]
    return None if percent < low else bodyfat.ace_category(percent, sex)


def back_alt(sex, anchoring, percent, *, light=BACK_LIGHT, tone=BACK_TONE) -> str:
    """The alt text of one frame of :func:`lower_back_space`, with the model's numbers for it.

    Parameters
    ----------
    sex : {"female", "male"}
        Whose equations and bands.
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    percent : float
        Body fat (%).
    light : str
        One of :data:`dimples.render.LIGHTS`.
    tone : str
        One of :data:`dimples.render.SKIN_TONES`.

    Returns
    -------
    str
        For example "woman, 22 % body fat (fitness), rigid anchoring, overhead light, skin tone III: 2.7 mm of fat
        over the PSIS, contrast 53 %, visible."
    """
    sex = check_sex(sex)
    if anchoring not in ANCHORING_NAMES:
        raise ValueError(f"anchoring={anchoring!r}: expected one of {list(ANCHORING_NAMES)}")
    p = check_number("percent", percent, 0.0, 70.0, unit="%")
    band = _band(sex, p)
    if band is None:
        low = ACE_CATEGORIES[sex][0][1]
        return (f"{_SEX_WORD[sex]}, {p:g} % body fat: below the essential-fat band for "
                f"{'women' if sex == 'female' else 'men'} ({low:g} % and up), so no picture is drawn.")
    fat_mm, contrast, visible = _numbers(sex, anchoring, p, light)
    seen = "visible" if visible else "too faint to see"
    return (f"The lower back from behind, waist to upper buttocks, with two dimples over the PSIS: "
            f"{_SEX_WORD[sex]}, {p:g} % body fat ({band}), {model.anchoring_words(anchoring)}, {light} light, "
            f"skin tone {tone}: "
            f"{fat_mm:.1f} mm of fat over the PSIS, contrast {100 * contrast:.0f} %, {seen}.")


#: The chain's numbers (fat over the PSIS in mm, contrast, visible) of each back drawn or described in this
#: session, by (sex, anchoring, body fat %, light), for every light of each solve: a frame's alt text
#: and the contrast curves (fold / ratio estimate) reuse the pictures' solves.
_NUMBERS: dict[tuple, tuple[float, float, bool]] = {}


def _chain(sex: str, anchoring: str, percent: float, light: str) -> chain.ChainResult:
    # The surface does not depend on the light: shade the one solve under every light.
    r = chain.chain(percent, sex, anchoring=anchoring, light=light)
    for other in render.LIGHTS:
        c = r.contrast if other == light else render.weber_contrast(r.surface, light=other)
        _NUMBERS[(sex, anchoring, float(percent), other)] = (r.fat_mm, c, render.is_visible(c))
    return r


def _numbers(sex: str, anchoring: str, percent: float, light: str) -> tuple[float, float, bool]:
    key = (sex, anchoring, float(percent), light)
    if key not in _NUMBERS:
        _chain(sex, anchoring, percent, light)
    return _NUMBERS[key]


#: Width of the main slider's frames (px): a projector's full notebook width; the page scales them down.
BACK_WIDTH_PX = 1200
#: Heights up the back shown in those frames (mm from the PSIS level): from just above the waist
#: (:data:`dimples.torso.WAIST_Y_MM`) down to the buttocks; the rest of the torso grid is cut off.
BACK_Y_RANGE_MM: tuple[float, float] = (torso.Y_RANGE_MM[0], torso.WAIST_Y_MM + 30.0)


def back_image(sex, anchoring, percent, *, light=BACK_LIGHT, tone=BACK_TONE, width_px=BACK_WIDTH_PX):
    """The whole lower back from behind as a picture: :func:`dimples.torso.torso_rgb` of the chain's surface.

    Drawn as pixels (no figure, no text: the values are in the frame's caption), so that about a
    hundred frames build in seconds and stay a few kilobytes each.

    Parameters
    ----------
    sex : {"female", "male"}
        Whose equations and outline.
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    percent : float
        Body fat (%), inside the sex's ACE bands.
    light : str
        One of :data:`dimples.render.LIGHTS`.
    tone : str
        One of :data:`dimples.render.SKIN_TONES`.
    width_px : int
        Width of the picture (px), in [200, 2400].

    Returns
    -------
    PIL.Image.Image
        An RGB picture, the subject's left on the viewer's left, the waist at the top.
    """
    return _back_picture(sex, anchoring, percent, light=light, tone=tone, width_px=width_px).scaled()


def _back_picture(sex, anchoring, percent, *, light=BACK_LIGHT, tone=BACK_TONE, width_px=BACK_WIDTH_PX):
    # back_image before its scaling: a frame builder scales it in its encoding threads.
    from PIL import Image

    sex = check_sex(sex)
    if anchoring not in ANCHORING_NAMES:
        raise ValueError(f"anchoring={anchoring!r}: expected one of {list(ANCHORING_NAMES)}")
    width = int(check_number("width_px", width_px, 200, 2400, unit="px"))
    r = _chain(sex, anchoring, check_number("percent", percent, 0.0, 70.0, unit="%"), light)
    body = torso.torso_surface(r.fat_mm, sex, anchoring=anchoring, surface=r.surface)
    rgb = torso.torso_rgb(body, light=light, tone=tone)
    rows = (body.y_mm >= BACK_Y_RANGE_MM[0]) & (body.y_mm <= BACK_Y_RANGE_MM[1])
    # Rows go up the back and x runs from the subject's right: flip both for a view from behind.
    pixels = (np.clip(rgb[rows][::-1, ::-1], 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
    height = round(width * pixels.shape[0] / pixels.shape[1])
    return ScaledPicture(Image.fromarray(pixels), (width, height))


def back_frame(sex, anchoring, percent, *, light=BACK_LIGHT, tone=BACK_TONE):
    """One frame of :func:`lower_back_space`: :func:`back_image`, or a note below the sex's bands.

    Parameters
    ----------
    sex : {"female", "male"}
        Whose equations and bands.
    anchoring : {"rigid", "compliant", "none"}
        The anchoring over each PSIS.
    percent : float
        Body fat (%).
    light : str
        One of :data:`dimples.render.LIGHTS`.
    tone : str
        One of :data:`dimples.render.SKIN_TONES`.

    Returns
    -------
    dimples.widgets.ScaledPicture or matplotlib.figure.Figure
        The picture (:func:`back_image`, scaled when its frame is encoded), or (below the bands) a
        figure of the same size holding the note.
    """
    sex = check_sex(sex)
    p = check_number("percent", percent, 0.0, 70.0, unit="%")
    if _band(sex, p) is not None:
        return _back_picture(sex, anchoring, p, light=light, tone=tone)
    w_px, h_px = _back_picture(sex, anchoring, ACE_CATEGORIES[sex][0][1], light=light, tone=tone).size
    fig, ax = new_figure(w_px / 100, h_px / 100)
    ax.set_axis_off()
    ax.text(0.5, 0.5, back_alt(sex, anchoring, p).replace(": below", ":\nbelow"), ha="center", va="center",
            fontsize=16, wrap=True, transform=ax.transAxes)
    return fig


def labelled_back_picture() -> Picture:
    """Notebook 04's map of the lower back: :func:`dimples.anatomy.lower_back.lower_back_frame`, labelled."""
    sex, p, anchoring = LIGHT_TONE_PERSON
    return Picture(lower_back.lower_back_frame(p, sex, anchoring, labels=True), dpi=100, colours=128,
                   alt=("A lower back seen from behind, waist to upper buttocks, labelled: the erector spinae columns "
                        "and the spinal furrow between them, the level of the iliac crests (L4), the two dimples of "
                        "Venus over the PSIS, the upper curve of the buttocks and the top of the gluteal cleft. "
                        + back_alt(sex, anchoring, p)))


def lower_back_space():
    """Notebook 04's main picture: sex x anchoring x body fat (2 % steps), the whole lower back from behind."""
    # Each value's label names its ACE band for both sexes: the readout beside the slider (and what a
    # screen reader announces) says where the value sits, whichever sex is shown.
    labels = [f"{p:g} % ({'; '.join(f'{w}: ' + (_band(s, p) or 'below the bands') for s, w in (('female', 'women'), ('male', 'men')))})"
              for p in BODYFAT_PERCENTS]
    return FrameSpace(
        [("Sex", ["female", "male"], ["women", "men"]), ("Anchoring", list(ANCHORING_NAMES), None),
         ("Body fat", list(BODYFAT_PERCENTS), labels)],
        back_frame, alts=back_alt, initial=(0, 0, BODYFAT_PERCENTS.index(22.0)),
        format="webp", dpi=100,
        alt="The lower back from behind with the two dimples over the PSIS, for a woman or a man, each anchoring, "
            "and body fat in 2 % steps.")


def light_tone_frame(light, tone):
    """One frame of :func:`light_tone_grid`: the same back (:data:`LIGHT_TONE_PERSON`) under one light, one tone.

    Parameters
    ----------
    light : str
        One of :data:`dimples.render.LIGHTS`.
    tone : str
        One of :data:`dimples.render.SKIN_TONES`.

    Returns
    -------
    dimples.widgets.ScaledPicture
        The picture (see :func:`back_image`), scaled when its frame is encoded.
    """
    sex, p, anchoring = LIGHT_TONE_PERSON
    return _back_picture(sex, anchoring, p, light=light, tone=tone, width_px=LIGHT_TONE_WIDTH_PX)


def light_tone_alt(light, tone) -> str:
    """The alt text of one frame of :func:`light_tone_grid`.

    Parameters
    ----------
    light : str
        One of :data:`dimples.render.LIGHTS`.
    tone : str
        One of :data:`dimples.render.SKIN_TONES`.

    Returns
    -------
    str
        The frame's alt text with its contrast.
    """
    sex, p, anchoring = LIGHT_TONE_PERSON
    return back_alt(sex, anchoring, p, light=light, tone=tone)


def light_tone_grid():
    """Notebook 04's light x skin-tone grid for one person (:data:`LIGHT_TONE_PERSON`)."""
    lights, tones = list(render.LIGHTS), list(render.SKIN_TONES)
    return FrameGrid(lights, tones, light_tone_frame, row_description="Light", col_description="Skin tone",
                     col_labels=[f"type {t}" for t in tones], alts=light_tone_alt, format="webp", dpi=100,
                     initial=(lights.index(BACK_LIGHT), tones.index(BACK_TONE)),
                     alt="The same lower back under each light and in each skin tone.")
