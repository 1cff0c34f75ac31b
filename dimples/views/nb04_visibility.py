"""Notebook 04, body fat and visibility: the chain in tables, sex x body-fat category, contrast curves.

Every number here comes from :func:`dimples.chain.chain` (body fat % ->
fat over the PSIS -> surface -> contrast); this module only lays it out.
"""

from __future__ import annotations

import numpy as np
from IPython.display import Markdown

from dimples import bodyfat, chain, regimes, render, thickness
from dimples.base import check_sex
from dimples.bodyfat import ACE_CATEGORIES, CLAIM_S1_PERCENT
from dimples.style import FRAME_SIZE_IN, PALETTE, new_figure, new_mosaic
from dimples.views.nb03_formation import ANCHORING_NAMES
from dimples.widgets import FrameGrid, Picture, quiz_picker

__all__ = ["COLUMNS", "QUIZZES", "column_percent", "assumptions_table", "chain_table", "claim_table",
           "visibility_frame", "visibility_alt", "visibility_grid", "contrast_vs_bodyfat_figure", "contrast_vs_bodyfat_picture",
           "regime_sweep", "regime_map_figure", "regime_map_picture", "regime_table", "quiz"]

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
    lines = ["| # | assumption | value | unit | source | note |", "|---|---|---|---|---|---|"]
    for i, a in enumerate(chain.ASSUMPTIONS, 1):
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


def visibility_frame(sex, column):
    """The shaded back for each anchoring, and their profiles, for one body fat.

    Parameters
    ----------
    sex : {"female", "male"}
        Whose body-fat bands.
    column : str
        One of :data:`COLUMNS`; the body fat (%) is :func:`column_percent`.

    Returns
    -------
    matplotlib.figure.Figure
        A new figure not held by pyplot.

    Raises
    ------
    ValueError
        For an unknown ``sex`` or ``column``.
    """
    sex = check_sex(sex)
    p = column_percent(sex, column)
    results = [chain.chain(p, sex, anchoring=a) for a in ANCHORING_NAMES]
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["rigid", "compliant", "none"], ["profile", "profile", "profile"]],
                          height_ratios=[1.3, 1])
    for name, r in zip(ANCHORING_NAMES, results, strict=True):
        ax = axd[name]
        render.draw_shaded(ax, r.surface, mark_psis=True)
        ax.set_title(f"{name}: contrast {100 * r.contrast:.0f} %", fontsize=8)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([])
        ax.set_yticks([])
        x = r.surface.profile_x_mm / 10
        axd["profile"].plot(x, r.surface.profile_mm, color=_ANCHOR_COLOURS[name], ls=_ANCHOR_STYLES[name], lw=1.8,
                            label=name)
    axd["profile"].plot(x, results[0].surface.profile_relief_mm, color=PALETTE["vermillion"], lw=1, label="bone, muscle")
    axd["profile"].set_xlim(x.max(), x.min())
    axd["profile"].set_ylim(-2, 60)
    axd["profile"].set_ylabel("height (mm)", fontsize=7)
    axd["profile"].tick_params(labelsize=7)
    axd["profile"].legend(fontsize=6.5, frameon=False, ncols=4, loc="upper center")
    fig.suptitle(f"{_SEX_WORD[sex]}, {p:g} % body fat ({bodyfat.ace_category(p, sex)}): "
                 f"fat over the PSIS {results[0].fat_mm:.1f} mm", fontsize=9)
    return fig


def visibility_alt(sex, column) -> str:
    """The alt text of one frame of :func:`visibility_grid`: the person, and each anchoring's contrast.

    Parameters
    ----------
    sex : {"female", "male"}
        Whose body-fat bands.
    column : str
        One of :data:`COLUMNS`.

    Returns
    -------
    str
        For example "woman, 22 % body fat (fitness), 10.4 mm of fat over the PSIS, overhead light: rigid anchoring
        contrast 30 %, visible; ...".
    """
    sex = check_sex(sex)
    p = column_percent(sex, column)
    results = [chain.chain(p, sex, anchoring=a) for a in ANCHORING_NAMES]
    parts = [f"{a} anchoring contrast {100 * r.contrast:.0f} %, {'visible' if r.visible else 'too faint to see'}"
             for a, r in zip(ANCHORING_NAMES, results, strict=True)]
    return (f"The shaded lower back and its profile through both PSIS for a {_SEX_WORD[sex]}, {p:g} % body fat "
            f"({bodyfat.ace_category(p, sex)}), {results[0].fat_mm:.1f} mm of fat over the PSIS, overhead light: "
            + "; ".join(parts) + ".")


def visibility_grid() -> FrameGrid:
    """Notebook 04's grid: sex x ACE category, each frame showing the three anchorings."""
    return FrameGrid(["female", "male"], list(COLUMNS), visibility_frame, row_labels=["women", "men"],
                     col_labels=list(COLUMNS), row_description="Sex", col_description="ACE category",
                     initial=(0, 1), alts=visibility_alt,
                     alt="For a woman or a man at the middle of each ACE body-fat category: the shaded lower back "
                         "with a rigid, a compliant and no anchoring, and their profiles through both PSIS. As body "
                         "fat rises the rigid pit deepens while the others fade.")


def contrast_vs_bodyfat_figure():
    """Contrast against body fat for women and men, for each anchoring and both fat estimates."""
    fig, axs = new_figure(7.2, 5.0, nrows=2, sharex=True)
    for ax, sex in zip(axs, ("female", "male"), strict=True):
        cats = ACE_CATEGORIES[sex]
        start = max(cats[0][1], 4.0)
        p = np.arange(start, 45.01, 2.0)
        for (name, low, _high), col, nxt in zip(cats, _BAND_COLOURS, [*cats[1:], None], strict=True):
            right = nxt[1] if nxt else 45.0
            ax.axvspan(low, right, color=col, alpha=0.18, lw=0)
            ax.text((low + right) / 2, 97, name, ha="center", va="top", fontsize=7)
        ax.axhline(100 * render.VISIBILITY_THRESHOLD, color=PALETTE["black"], lw=0.8)
        for a in ANCHORING_NAMES:
            ax.plot(p, 100 * chain.contrast_curve(sex, p, anchoring=a), color=_ANCHOR_COLOURS[a],
                    ls=_ANCHOR_STYLES[a], lw=2, label=f"{a} (fold / ratio)")
            ax.plot(p, 100 * chain.contrast_curve(sex, p, anchoring=a, estimate="uncompressed"),
                    color=_ANCHOR_COLOURS[a], ls=_ANCHOR_STYLES[a], lw=0.9, label=f"{a} (half the fold)")
        claim = CLAIM_S1_PERCENT[sex]
        ax.axvline(claim, color=PALETTE["grey"], lw=1)
        ax.annotate(f"claim: {claim:g} %", (claim, 5), xytext=(4, 0), textcoords="offset points", fontsize=8)
        ax.set_ylim(0, 100)
        ax.set_xlim(0, 45)
        ax.set_ylabel("contrast (%)")
        ax.set_title("women" if sex == "female" else "men", fontsize=10, loc="left")
    axs[0].legend(fontsize=6.5, frameon=False, loc="center right", ncols=3)
    axs[1].set_xlabel("body fat (%)")
    return fig


def contrast_vs_bodyfat_picture() -> Picture:
    """Notebook 04's Figure 2: :func:`contrast_vs_bodyfat_figure` with its alt text."""
    return Picture(contrast_vs_bodyfat_figure(), alt="Two panels, women and men: the dimple's contrast against body "
                   "fat for a rigid, a compliant and no anchoring, each with both fat estimates. Rigid rises and "
                   "levels off near 75 %; none falls steadily; compliant falls and flattens. The claim's 22 % and "
                   "32 % are marked.")


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
    """Notebook 04's Figure 3: :func:`regime_map_figure` with its alt text."""
    return Picture(regime_map_figure(), alt="Three maps of anchoring stiffness (none to rigid, upwards) against fat "
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
            'It depends on her anchoring: clearer if it is weak, fainter if stiff (Figure 3).',
        ],
        correct=3,
        feedback=[
            ('The model has no switch at 22 %: it gives a contrast at 28 % too. The popular line says only that '
             "around 22 % 'may improve their visibility', and no study stands behind it."),
            ('Muscle shapes the hollow (notebook 03), but the fat over the PSIS changes the contrast too, in a '
             'direction set by the anchoring.'),
            'The model has no peak at 28 %: contrast rises or falls with body fat depending on the anchoring (Figure 2).',
            ('Yes: under a weak anchoring less fat fills less of the hollow; under a stiff one less fat stands out '
             'less around the held skin. Which applies to her is not known (Figure 3).'),
        ],
        reread='04 body fat and visibility, Figures 2 and 3',
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "04", __name__)
