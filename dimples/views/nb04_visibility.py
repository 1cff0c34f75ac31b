"""Notebook 04, body fat and visibility: the chain in tables, sex x body-fat category, contrast curves.

Every number here comes from :func:`dimples.chain.chain` (body fat % ->
fat over the PSIS -> surface -> contrast); this module only lays it out.
"""

from __future__ import annotations

import numpy as np
from IPython.display import Markdown

from dimples import bodyfat, chain, render, thickness
from dimples.base import check_sex
from dimples.bodyfat import ACE_CATEGORIES, CLAIM_S1_PERCENT
from dimples.style import FRAME_SIZE_IN, PALETTE, new_figure, new_mosaic
from dimples.widgets import FrameGrid, Picture, quiz_picker

__all__ = ["COLUMNS", "QUIZZES", "column_percent", "assumptions_table", "chain_table", "claim_table",
           "visibility_frame", "visibility_grid", "contrast_vs_bodyfat_figure", "contrast_vs_bodyfat_picture", "quiz"]

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
        (mm), suprailiac fold (mm), fat over the PSIS (mm), dimple depth and
        width (mm) and contrast (%).

    Raises
    ------
    ValueError
        For an unknown ``sex`` or a percentage the chain cannot take.
    """
    sex = check_sex(sex)
    age = thickness.DEFAULT_AGE
    lines = ["| body fat (%) | ACE category | density (g/cm³) | 4-site sum (mm) | suprailiac fold (mm) "
             "| fat over PSIS (mm) | dimple depth (mm) | width (mm) | contrast (%) |", "|" + "---|" * 9]
    for p in percents:
        d = bodyfat.siri_density(p)
        s = bodyfat.skinfold_sum_from_percent_fat(p, age, sex)
        fold = thickness.suprailiac_skinfold_mm(p, sex, age)
        r = chain.chain(p, sex, age=age)
        lines.append(f"| {p:g} | {bodyfat.ace_category(p, sex)} | {d:.4f} | {s:.1f} | {fold:.1f} | {r.fat_mm:.1f} "
                     f"| {r.surface.depth_mm:.2f} | {r.surface.width_mm:.0f} | {100 * r.contrast:.1f} |")
    return Markdown("\n".join(lines))


def claim_table() -> Markdown:
    """What the model gives at the claim's percentages (FACTS S1) and at each sex's ACE 'athletes' midpoint."""
    lines = ["| person | body fat (%) | ACE category | fat over PSIS (mm) | contrast (%) | "
             "contrast if twice the fat (%) |", "|---|---|---|---|---|---|"]
    for sex in ("female", "male"):
        for label, p in (("claim", CLAIM_S1_PERCENT[sex]), ("ACE athletes, middle", column_percent(sex, "athletes"))):
            r = chain.chain(p, sex)
            c2 = chain.chain(p, sex, regional_factor=2.0).contrast
            lines.append(f"| {_SEX_WORD[sex]}, {label} | {p:g} | {bodyfat.ace_category(p, sex)} | {r.fat_mm:.1f} "
                         f"| {100 * r.contrast:.1f} | {100 * c2:.1f} |")
    return Markdown("\n".join(lines))


def visibility_frame(sex, column):
    """Shaded back, profile through both PSIS, and contrast against the threshold, for one grid cell.

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
    r = chain.chain(p, sex)
    surf = r.surface
    fig, axd = new_mosaic(*FRAME_SIZE_IN, [["shaded", "profile"], ["shaded", "bar"]], width_ratios=[1.2, 1],
                          height_ratios=[2.2, 1])
    render.draw_shaded(axd["shaded"], surf, mark_psis=True)
    axd["shaded"].set_title(f"{_SEX_WORD[sex]}, {p:g} % body fat ({bodyfat.ace_category(p, sex)})", fontsize=9)
    render.draw_profile(axd["profile"], surf, ylim=(0.0, 45.0))
    axd["profile"].set_title(f"fat {r.fat_mm:.1f} mm, dimple {surf.depth_mm:.1f} mm deep, "
                             f"{surf.width_mm:.0f} mm wide", fontsize=7.5)
    render.draw_contrast_bar(axd["bar"], r.contrast, xmax=0.2)
    return fig


def visibility_grid() -> FrameGrid:
    """Notebook 04's grid: sex x ACE category."""
    return FrameGrid(["female", "male"], list(COLUMNS), visibility_frame, row_labels=["women", "men"],
                     col_labels=list(COLUMNS), row_description="Sex", col_description="ACE category",
                     initial=(0, 1),
                     alt="Shaded lower back, skin profile through both PSIS and the dimple's contrast, for a woman "
                         "or a man at the middle of each ACE body-fat category; the dimples fade as body fat rises.")


def contrast_vs_bodyfat_figure():
    """Contrast against body fat for women and men, ACE bands shaded, threshold band, the claim marked."""
    fig, axs = new_figure(6.4, 4.6, nrows=2, sharex=True)
    lo, hi = render.WEBER_FRACTION_RANGE
    for ax, sex in zip(axs, ("female", "male"), strict=True):
        cats = ACE_CATEGORIES[sex]
        start = cats[0][1]
        p = np.arange(start, 40.01, 0.5)
        for (name, low, _high), col, nxt in zip(cats, _BAND_COLOURS, [*cats[1:], None], strict=True):
            right = nxt[1] if nxt else 40.0
            ax.axvspan(low, right, color=col, alpha=0.18, lw=0)
            ax.text((low + right) / 2, 23.5, name, ha="center", va="top", fontsize=7)
        ax.axhspan(100 * lo, 100 * hi, color=PALETTE["grey"], alpha=0.45, lw=0)
        ax.axhline(100 * render.VISIBILITY_THRESHOLD, color=PALETTE["black"], lw=0.8)
        ax.plot(p, 100 * chain.contrast_curve(sex, p), color=PALETTE["blue"], lw=2, label="model")
        ax.plot(p, 100 * chain.contrast_curve(sex, p, regional_factor=2.0), color=PALETTE["blue"], lw=1.2, ls="--",
                label="if the lower back had twice the fat")
        claim = CLAIM_S1_PERCENT[sex]
        cc = 100 * chain.contrast_curve(sex, [claim])[0]
        ax.plot([claim], [cc], marker="o", ms=7, mfc="white", mec=PALETTE["black"], zorder=5)
        ax.annotate(f"claim: {claim:g} %", (claim, cc), xytext=(6, 8), textcoords="offset points", fontsize=8)
        ax.set_ylim(0, 24)
        ax.set_xlim(0, 40)
        ax.set_ylabel("contrast (%)")
        ax.set_title("women" if sex == "female" else "men", fontsize=10, loc="left")
    axs[0].legend(fontsize=7, frameon=False, loc="upper right", bbox_to_anchor=(1.0, 0.88))
    axs[1].set_xlabel("body fat (%)")
    axs[0].text(0.5, 100 * hi + 0.3, "threshold band (1-2 %)", ha="left", va="bottom", fontsize=7)
    return fig


def contrast_vs_bodyfat_picture() -> Picture:
    """Notebook 04's Figure 2: :func:`contrast_vs_bodyfat_figure` with its alt text."""
    return Picture(contrast_vs_bodyfat_figure(), alt="Two panels, women and men: the dimple's contrast falls "
                   "steadily as body fat rises across the ACE bands; the dashed curve (twice the fat over the PSIS) "
                   "falls faster; the claim's points at 22 % and 32 % are marked.")


#: The notebook's quizzes by key: the arguments of :class:`dimples.widgets.Quiz`, in the notebook's order.
QUIZZES: dict[str, dict] = {
    "from_28_to_22": dict(
        question=("In the kit's illustrative model, a woman goes from 28 % to 22 % body fat. What happens to her "
                  'dimples, if she has the anchor?'),
        choices=[
            'They appear for the first time, because 22 % is the body fat at which dimples switch on.',
            'Nothing changes: in the model, visibility depends only on the muscle beside the PSIS.',
            'They become fainter, because the contrast of a dimple peaks at about 28 % body fat.',
            'They become somewhat clearer: thinner fat, a deeper, steeper dimple, more contrast.',
        ],
        correct=3,
        feedback=[
            ('The model has no switch at 22 %: the dimple is there at 28 % too, only fainter. The popular line says '
             "only that around 22 % 'may improve their visibility', and no study stands behind it."),
            ('Muscle moves the surface but makes no dimple (notebook 03); it is the fat over the PSIS that sets how '
             'soft the dimple is.'),
            "The model's contrast falls steadily as body fat rises; there is no peak (Figure 2).",
            ('Less fat over the PSIS blurs the anchored mark less, so the dimple is deeper and narrower and its '
             "contrast rises (Figure 2): what the model's assumptions imply, not a measurement of people."),
        ],
        reread='04 body fat and visibility, Figure 2',
    ),
}


#: ``quiz(key)``: the quiz of this notebook called ``key`` (one of :data:`QUIZZES`).
quiz = quiz_picker(QUIZZES, "04", __name__)
