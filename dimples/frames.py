"""Figures and frame widgets of notebooks 03 and 04 (the model, drawn).

Each ``*_figure`` function returns a new matplotlib Figure; each ``*_slider``
/ ``*_grid`` function returns the :mod:`dimples.widgets` widget a notebook
displays, so a notebook cell is one short call and ``dimples bench`` times
exactly what the notebook builds.
"""

from __future__ import annotations

import numpy as np
from IPython.display import Markdown

from dimples import bodyfat, model, render, thickness
from dimples.bodyfat import ACE_CATEGORIES, CLAIM_S1_PERCENT, check_sex
from dimples.checks import check_number
from dimples.style import PALETTE, TISSUE_COLOURS, new_figure

__all__ = [
    "FRAME_SIZE_IN",
    "SLIDER_FAT_MM",
    "MUSCLE_VALUES_MM",
    "NB04_COLUMNS",
    "nb04_percent",
    "assumptions_table",
    "chain_table",
    "claim_table",
    "contrast_curve",
    "mark_through_layer_figure",
    "surfaces_figure",
    "depth_width_figure",
    "formation_frame",
    "formation_slider",
    "anchor_muscle_frame",
    "anchor_muscle_grid",
    "visibility_frame",
    "visibility_grid",
    "contrast_vs_bodyfat_figure",
]

#: Size of a slider frame (inches): 6.4 x 3 at 80 dpi keeps a notebook well under 2 MB.
FRAME_SIZE_IN = (6.4, 3.0)
#: Fat thicknesses (mm) of notebook 03's slider.
SLIDER_FAT_MM = (0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 14.0, 18.0, 24.0, 30.0)
#: Muscle thicknesses (mm) of notebook 03's grid.
MUSCLE_VALUES_MM = (0.0, 10.0, 20.0, 30.0, 40.0)
#: Fat thickness (mm) of notebook 03's grid: a lean back, where a dimple would show best.
LEAN_FAT_MM = 2.0
#: Columns of notebook 04's grid: the ACE categories, then a higher obese value.
NB04_COLUMNS = ("essential fat", "athletes", "fitness", "average", "obese", "obese, higher")
_EXTRA_OBESE = {"female": 40.0, "male": 35.0}
_SEX_WORD = {"female": "woman", "male": "man"}
_PROFILE_YLIM = (0.0, 52.0)
_SECTION_HALF_CM = 10.5


def _section(ax, fat_mm, anchored, muscle_mm):
    """The anatomy cross-section without labels, cropped to the model's width (cm)."""
    from dimples.anatomy import draw_cross_section

    draw_cross_section(ax, fat_mm=fat_mm, anchored=anchored, muscle_mm=muscle_mm, labels=False)
    ax.set_xlim(_SECTION_HALF_CM, -_SECTION_HALF_CM)
    return ax


def nb04_percent(sex, column) -> float:
    """Body fat % shown for a sex in a column of notebook 04's grid.

    The middle of the ACE range, rounded (open-ended "obese": its lower
    bound + 3); "obese, higher" is 40 % (women) or 35 % (men).

    Parameters
    ----------
    sex : {"female", "male"}
    column : str
        One of :data:`NB04_COLUMNS`.
    """
    sex = check_sex(sex)
    if column not in NB04_COLUMNS:
        raise ValueError(f"column={column!r}: expected one of {NB04_COLUMNS}")
    if column == "obese, higher":
        return _EXTRA_OBESE[sex]
    for name, low, high in ACE_CATEGORIES[sex]:
        if name == column:
            return float(round((low + high) / 2)) if high is not None else low + 3.0
    raise ValueError(f"column={column!r}: not an ACE category")  # pragma: no cover


def _mosaic(width, height, mosaic, **kw):
    fig, ax = new_figure(width, height)
    ax.remove()
    return fig, fig.subplot_mosaic(mosaic, **kw)


def assumptions_table() -> Markdown:
    """Every assumption of the chain and the model as one Markdown table (name, value, unit, source)."""
    rows = [*thickness.ASSUMPTIONS, *model.ASSUMPTIONS, *render.ASSUMPTIONS]
    lines = ["| # | assumption | value | unit | source | note |", "|---|---|---|---|---|---|"]
    for i, a in enumerate(rows, 1):
        src = a.source if a.source == "assumed" else f"[{a.source}]"
        cells = [str(c).replace("|", "\\|") for c in (i, a.name, a.value, a.unit, src, a.note)]  # "|k|" would split a cell
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))


def _chain(percent, sex, regional_factor=thickness.REGIONAL_FACTOR):
    fat = thickness.fat_thickness_mm(percent, sex, regional_factor=regional_factor)
    surf = model.surface(fat)
    return fat, surf, render.weber_contrast(surf)


def chain_table(sex, percents) -> Markdown:
    """The chain body fat -> density -> skinfold -> fat -> dimple -> contrast, one row per percentage.

    Parameters
    ----------
    sex : {"female", "male"}
    percents : sequence of float
        Body fat percentages (2-60).
    """
    sex = check_sex(sex)
    age = thickness.DEFAULT_AGE
    lines = ["| body fat (%) | ACE category | density (g/cm³) | 4-site sum (mm) | suprailiac fold (mm) "
             "| fat over PSIS (mm) | dimple depth (mm) | width (mm) | contrast (%) |", "|" + "---|" * 9]
    for p in percents:
        d = bodyfat.siri_density(p)
        s = bodyfat.skinfold_sum_from_percent_fat(p, age, sex)
        fold = thickness.suprailiac_skinfold_mm(p, sex, age)
        fat, surf, c = _chain(p, sex)
        lines.append(f"| {p:g} | {bodyfat.ace_category(p, sex)} | {d:.4f} | {s:.1f} | {fold:.1f} | {fat:.1f} "
                     f"| {surf.depth_mm:.2f} | {surf.width_mm:.0f} | {100 * c:.1f} |")
    return Markdown("\n".join(lines))


def contrast_curve(sex, percents, *, regional_factor=thickness.REGIONAL_FACTOR) -> np.ndarray:
    """Weber contrast (fraction) of the dimple for each body-fat percentage.

    Parameters
    ----------
    sex : {"female", "male"}
    percents : sequence of float
        Body fat percentages (2-60).
    regional_factor : float
        Fat over the PSIS / fat at the suprailiac site (assumed 1).
    """
    sex = check_sex(sex)
    return np.array([_chain(p, sex, regional_factor)[2] for p in percents])


def claim_table() -> Markdown:
    """What the model gives at the claim's percentages (FACTS S1) and at each sex's ACE 'athletes' midpoint."""
    lines = ["| person | body fat (%) | ACE category | fat over PSIS (mm) | contrast (%) | "
             "contrast if twice the fat (%) |", "|---|---|---|---|---|---|"]
    for sex in ("female", "male"):
        for label, p in (("claim", CLAIM_S1_PERCENT[sex]), ("ACE athletes, middle", nb04_percent(sex, "athletes"))):
            fat, _surf, c = _chain(p, sex)
            c2 = _chain(p, sex, 2.0)[2]
            lines.append(f"| {_SEX_WORD[sex]}, {label} | {p:g} | {bodyfat.ace_category(p, sex)} | {fat:.1f} "
                         f"| {100 * c:.1f} | {100 * c2:.1f} |")
    return Markdown("\n".join(lines))


# --------------------------------------------------------------------------- notebook 03


def mark_through_layer_figure(layers_mm=(0.0, 5.0, 10.0, 20.0)):
    """1-D: the anchored mark at the fascia and the surface above soft layers of several thicknesses."""
    x = np.arange(-100.0, 100.0, 0.5)
    deep = -model.MARK_DEPTH_MM * np.exp(-0.5 * (x / model.MARK_WIDTH_MM) ** 2)
    fig, ax = new_figure(6.4, 3.0)
    colours = [PALETTE["black"], PALETTE["blue"], PALETTE["bluish_green"], PALETTE["orange"], PALETTE["vermillion"]]
    for h, col in zip(layers_mm, colours, strict=False):
        surf = model.smooth_1d(x, deep, h)
        ax.plot(x / 10, surf, color=col, lw=2 if h else 1.2, ls="-" if h else "--",
                label="the mark itself (no layer)" if h == 0 else f"surface over {h:g} mm")
    ax.set_xlabel("distance across the mark (cm)")
    ax.set_ylabel("height (mm)")
    ax.set_ylim(-model.MARK_DEPTH_MM * 1.1, 0.8)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title("One mark, carried up through soft layers of growing thickness", fontsize=10)
    return fig


def surfaces_figure(fats_mm=(2.0, 8.0, 20.0)):
    """Shaded lower back for a few fat thicknesses side by side (same light)."""
    fats = [check_number("fat_mm", f, *model.FAT_RANGE_MM, unit="mm") for f in fats_mm]
    fig, axs = new_figure(6.4, 2.0, ncols=len(fats))
    axs = np.atleast_1d(axs)
    for ax, f in zip(axs, fats, strict=True):
        surf = model.surface(f)
        render.draw_shaded(ax, surf)
        ax.set_title(f"fat {f:g} mm: depth {surf.depth_mm:.1f} mm", fontsize=9)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


def depth_width_figure():
    """Dimple depth and width against fat thickness (the two halves of 'shallower and wider')."""
    fats = np.linspace(0, 40, 41)
    surfs = [model.surface(float(f)) for f in fats]
    fig, (a1, a2) = new_figure(6.4, 2.6, ncols=2)
    a1.plot(fats, [s.depth_mm for s in surfs], color=PALETTE["blue"], lw=2)
    a1.set_xlabel("fat over the PSIS (mm)")
    a1.set_ylabel("dimple depth (mm)")
    a1.set_ylim(0, None)
    a2.plot(fats, [s.width_mm for s in surfs], color=PALETTE["vermillion"], lw=2)
    a2.set_xlabel("fat over the PSIS (mm)")
    a2.set_ylabel("dimple width at half depth (mm)")
    a2.set_ylim(0, None)
    return fig


def formation_frame(fat_mm, *, anchored=True, muscle_mm=model.DEFAULT_MUSCLE_MM):
    """Cross-section at the PSIS level (left) beside the model's surface profile (right)."""
    surf = model.surface(fat_mm, anchored=anchored, muscle_mm=muscle_mm)
    fig, axd = _mosaic(*FRAME_SIZE_IN, [["section", "profile"]], width_ratios=[1.25, 1])
    _section(axd["section"], surf.fat_mm, anchored, muscle_mm)
    axd["section"].set_title(f"cross-section at S2: fat {surf.fat_mm:g} mm", fontsize=9)
    render.draw_profile(axd["profile"], surf, ylim=_PROFILE_YLIM)
    axd["profile"].set_xlim(_SECTION_HALF_CM, -_SECTION_HALF_CM)
    axd["profile"].legend(fontsize=7, frameon=False, loc="upper left")
    axd["profile"].set_title(f"dimple depth {surf.depth_mm:.1f} mm, width {surf.width_mm:.0f} mm"
                             if anchored else "no anchor: no dimple", fontsize=9)
    return fig


def formation_slider():
    """Notebook 03's slider over fat thickness: cross-section and profile."""
    from dimples.widgets import FrameSlider

    return FrameSlider(list(SLIDER_FAT_MM), formation_frame, labels=[f"{f:g}" for f in SLIDER_FAT_MM],
                       description="Fat over the PSIS (mm)", initial=1,
                       alt="Left: a cross-section of the lower back at the level of S2 with the fat layer; right: "
                           "the skin's height across the back. As the fat thickens the dip over each PSIS becomes "
                           "shallower and wider.")


def anchor_muscle_frame(anchored, muscle_mm):
    """Notebook 03's grid frame: cross-section and shaded back, lean fat, anchor on/off, a muscle thickness."""
    surf = model.surface(LEAN_FAT_MM, anchored=anchored, muscle_mm=muscle_mm)
    c = render.weber_contrast(surf)
    fig, axd = _mosaic(*FRAME_SIZE_IN, [["section", "shaded"]], width_ratios=[1.25, 1])
    _section(axd["section"], LEAN_FAT_MM, anchored, muscle_mm)
    axd["section"].set_title(f"{'anchored' if anchored else 'no anchor'}, muscle {muscle_mm:g} mm, "
                             f"fat {LEAN_FAT_MM:g} mm", fontsize=9)
    render.draw_shaded(axd["shaded"], surf, mark_psis=True)
    axd["shaded"].set_title(f"depth {surf.depth_mm:.1f} mm, contrast {100 * c:.1f} %", fontsize=9)
    return fig


def anchor_muscle_grid():
    """Notebook 03's grid: anchor present/absent x muscle thickness."""
    from dimples.widgets import FrameGrid

    return FrameGrid([True, False], list(MUSCLE_VALUES_MM), anchor_muscle_frame,
                     row_labels=["anchor present", "no anchor"], col_labels=[f"{m:g}" for m in MUSCLE_VALUES_MM],
                     row_description="Skin over the PSIS", col_description="Muscle (mm)", initial=(0, 1),
                     alt="A lean lower back (2 mm of fat). With the anchor, a dimple over each PSIS whatever the "
                         "muscle; without it, no dimple at any muscle thickness.")


# --------------------------------------------------------------------------- notebook 04


def visibility_frame(sex, column):
    """Notebook 04's grid frame: shaded back, profile through both PSIS, contrast against the threshold."""
    sex = check_sex(sex)
    p = nb04_percent(sex, column)
    fat, surf, c = _chain(p, sex)
    fig, axd = _mosaic(*FRAME_SIZE_IN, [["shaded", "profile"], ["shaded", "bar"]], width_ratios=[1.2, 1],
                       height_ratios=[2.2, 1])
    render.draw_shaded(axd["shaded"], surf, mark_psis=True)
    axd["shaded"].set_title(f"{_SEX_WORD[sex]}, {p:g} % body fat ({bodyfat.ace_category(p, sex)})", fontsize=9)
    render.draw_profile(axd["profile"], surf, ylim=(0.0, 45.0))
    axd["profile"].set_title(f"fat {fat:.1f} mm, dimple {surf.depth_mm:.1f} mm deep, {surf.width_mm:.0f} mm wide",
                             fontsize=7.5)
    render.draw_contrast_bar(axd["bar"], c, xmax=0.2)
    return fig


def visibility_grid():
    """Notebook 04's grid: sex x ACE category."""
    from dimples.widgets import FrameGrid

    return FrameGrid(["female", "male"], list(NB04_COLUMNS), visibility_frame, row_labels=["women", "men"],
                     col_labels=list(NB04_COLUMNS), row_description="Sex", col_description="ACE category",
                     initial=(0, 1),
                     alt="Shaded lower back, skin profile through both PSIS and the dimple's contrast, for a woman "
                         "or a man at the middle of each ACE body-fat category; the dimples fade as body fat rises.")


_BAND_COLOURS = (PALETTE["sky_blue"], PALETTE["bluish_green"], PALETTE["yellow"], PALETTE["orange"],
                 PALETTE["vermillion"])


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
        ax.plot(p, 100 * contrast_curve(sex, p), color=PALETTE["blue"], lw=2, label="model")
        ax.plot(p, 100 * contrast_curve(sex, p, regional_factor=2.0), color=PALETTE["blue"], lw=1.2, ls="--",
                label="if the lower back had twice the fat")
        claim = CLAIM_S1_PERCENT[sex]
        cc = 100 * contrast_curve(sex, [claim])[0]
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


__all__ += ["LEAN_FAT_MM", "TISSUE_COLOURS"]
