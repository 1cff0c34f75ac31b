"""Every diagram of the kit by name, and ``dimples figures`` to export them to ``figures/``.

:data:`FIGURES` maps a name to a :class:`FigureSpec`: a function returning a
new matplotlib Figure, its caption (which doubles as alt text) and the
notebook that uses it. ``dimples figures [--out DIR] [--formats svg,png]``
writes ``NAME.svg`` and ``NAME.png`` for each, plus ``README.md``. The SVG
is deterministic (fixed ``svg.hashsalt``, no date), so regenerating an
unchanged diagram changes no bytes.

A shaded render (a raster picture, where an SVG would only wrap a bitmap)
is exported as PNG only, at twice the screen resolution: its spec sets
``formats=("png",)`` and ``dpi=RASTER_DPI``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.lower_back import FRAME_DPI, PLATE_PERCENTS, comparison_plate, draw_lower_back
from dimples.anatomy.posterior import draw_posterior_view
from dimples.anatomy.sacroiliac import draw_sacroiliac_joint
from dimples.base import one_blas_thread
from dimples.style import new_figure, save_figure
from dimples.thickness import fat_thickness_mm
from dimples.tooling import ROOT

__all__ = ["FigureSpec", "FIGURES", "make", "readme_text", "export", "main", "FIGURES_DIR", "LICENCE", "RASTER_DPI"]

#: Where ``dimples figures`` writes by default.
FIGURES_DIR = ROOT / "figures"
#: Licence of every exported diagram.
LICENCE = "CC-BY-4.0"
#: PNG resolution of the diagrams (dpi), and of the raster renders: twice the 100 dpi they are drawn for.
DIAGRAM_DPI = 150
RASTER_DPI = 2 * FRAME_DPI


@dataclass(frozen=True)
class FigureSpec:
    """One exported diagram.

    Attributes
    ----------
    draw : callable
        Returns a new :class:`matplotlib.figure.Figure`.
    caption : str
        What it shows and what to look at; also its alt text.
    notebook : str
        File name of the notebook that uses it.
    formats : tuple of str
        Which files to write, any of ``"svg"``, ``"png"`` (default both; ``("png",)`` for a raster render).
    dpi : float
        PNG resolution (dots per inch; default 150, :data:`RASTER_DPI` for a raster render).
    """

    draw: Callable[[], Figure]
    caption: str
    notebook: str
    formats: tuple[str, ...] = ("svg", "png")
    dpi: float = DIAGRAM_DPI


def _posterior(layers, size=(8.0, 5.2), labels=True):
    def draw() -> Figure:
        fig, ax = new_figure(*size)
        draw_posterior_view(ax, layers=layers, labels=labels)
        return fig
    return draw


def _sacroiliac(view, size):
    def draw() -> Figure:
        fig, ax = new_figure(*size)
        draw_sacroiliac_joint(ax, view=view)
        return fig
    return draw


def _section(fat_mm, anchored, muscle_mm=10.0):
    def draw() -> Figure:
        fig, ax = new_figure(8.0, 3.3)
        draw_cross_section(ax, fat_mm=fat_mm, anchoring="rigid" if anchored else "none", muscle_mm=muscle_mm)
        return fig
    return draw


_LOWER_BACK_PERCENT = 28.0  # body fat (%) of the woman in the "lower_back" figure


def _lower_back():
    fig, ax = new_figure(12.0, 6.2)
    draw_lower_back(ax, _LOWER_BACK_PERCENT, "female", labels=True, crest_line=True)
    return fig


_NB1 = "01_surface_anatomy.ipynb"
_NB2 = "02_sacroiliac_joint.ipynb"
_NB4 = "04_body_fat_and_visibility.ipynb"
_RASTER = dict(formats=("png",), dpi=RASTER_DPI)

#: Every diagram of the kit, by name.
FIGURES: dict[str, FigureSpec] = {
    "posterior_view": FigureSpec(
        _posterior(("skin", "bone", "lines", "landmarks")),
        "The lower back and pelvis seen from behind, skin made translucent over the bones. The dimples sit over "
        "the posterior superior iliac spines (PSIS), drawn 10 cm apart (a measured skin distance; Kenhub gives "
        "about 8 cm); the dashed blue line through them crosses the S2 spinous tubercle; the dotted orange "
        "Tuffier's line joins the tops of the iliac crests at L4, three levels higher (L4, L5, S1, S2); the purple "
        "Michaelis rhombus joins the L5 spine, both dimples and the top of the gluteal cleft, with the other "
        "proposed upper corners as open circles. Spacing and levels come from the landmark table with sources; "
        "the outlines are schematic.", _NB1),
    "posterior_skin": FigureSpec(
        _posterior(("skin", "lines")),
        "The lower back from behind, skin only (schematic outline): the two dimples of Venus, the Michaelis "
        "rhombus they form with the L5 spine and the top of the gluteal cleft, and the two reference lines.", _NB1),
    "posterior_bone": FigureSpec(
        _posterior(("bone", "landmarks"), labels="pelvis"),
        "The bony pelvis from behind (schematic outlines, sourced spacing and levels): each PSIS is the rounded "
        "end of the iliac crest, a knob standing out over the S2 level, with a notch below it down to the PIIS; "
        "the posterior ilium overlaps the side of the sacrum and hides the ear-shaped sacroiliac joint (S1-S3, "
        "dashed where hidden); below lie the greater sciatic notch, ischial spine and tuberosity, and the femora "
        "with neck and greater trochanter.", _NB1),
    "posterior_spine": FigureSpec(
        _posterior(("bone",), labels="spine"),
        "The lower lumbar spine and sacrum from behind (schematic): spinous processes, laminae, articular and "
        "transverse processes of L3-L5; the sacral ala, the median sacral crest as a ridge of tubercles, the "
        "posterior sacral foramina, and the sacral hiatus, an inverted U between the sacral cornua, above the "
        "coccyx.", _NB1),
    "sacroiliac_posterior": FigureSpec(
        _sacroiliac("posterior", (8.0, 4.6)),
        "The sacroiliac joints from behind with their ligaments (schematic). Subject's left: iliolumbar, long "
        "posterior sacroiliac, and the sacrotuberous ligament, whose broad origin from the PSIS, the side of the "
        "sacrum and the coccyx twists down to the ischial tuberosity; with the sacrospinous ligament it closes the "
        "greater and lesser sciatic foramina (grey). Subject's right: the short posterior sacroiliac ligaments and "
        "the sacrospinous ligament to the ischial spine, the sacrotuberous removed.", _NB2),
    "sacroiliac_anterior": FigureSpec(
        _sacroiliac("anterior", (8.0, 4.6)),
        "The pelvis from the front, subject's left on the right (schematic): the iliac fossa on the inner face of "
        "each wing, the pelvic brim from the sacral promontory along the arcuate line to the pubic symphysis, the "
        "acetabulum on the side, the anterior sacral foramina; the anterior sacroiliac ligament across each "
        "joint, the iliolumbar ligaments, the sacrospinous ligaments seen through the pelvic cavity. The coccyx "
        "lies hidden behind the symphysis.", _NB2),
    "sacroiliac_section": FigureSpec(
        _sacroiliac("section", (8.0, 3.0)),
        "Transverse section through both sacroiliac joints at S1-S2, back at the top (schematic): the synovial "
        "part between the auricular surfaces in front; behind it the interosseous ligament, the largest mass of "
        "the joint, filling the wide gap between sacrum and ilium; the ilium wrapping behind the sacrum to end in "
        "the PSIS, with the posterior sacroiliac ligaments; the thin anterior ligament in front.", _NB2),
    "cross_section": FigureSpec(
        _section(10.0, True),
        "Transverse section of the lower back at the PSIS (schematic bones, 10 mm of fat): multifidus in the "
        "grooves beside the median sacral crest and gluteus maximus laterally leave the tip of each PSIS without "
        "muscle; fibrous strands anchor the skin to the deep fascia there, so the skin dips into one pit over each "
        "PSIS (the model's skin for a rigid anchoring).", _NB2),
    "cross_section_unanchored": FigureSpec(
        _section(10.0, False),
        "The same section without skin anchoring (schematic bones): the fat fills the muscle-free window over "
        "each PSIS and the skin keeps only a broad, shallow hollow where the muscle stops (the model's skin with "
        "no tether).", _NB2),
    "lower_back": FigureSpec(
        _lower_back,
        f"The lower back of a woman at {_LOWER_BACK_PERCENT:g} % body fat seen from behind, from the waist to the upper buttocks, lit "
        "from above (a shaded surface-anatomy plate). The two dimples of Venus lie over the posterior superior "
        "iliac spines (PSIS), 10 cm apart at the level of S2; above them the spinal furrow runs between the two "
        "erector spinae columns; the dashed line marks the level of the iliac crest tops (about L4); below, the "
        "gluteal cleft begins and the upper curves of the buttocks meet. The dimples are the kit's skin model "
        f"(rigid anchoring, {fat_thickness_mm(_LOWER_BACK_PERCENT, 'female'):.1f} mm of fat over the PSIS); the "
        "body's shape is assumed.", _NB4, **_RASTER),
    "lower_back_plate": FigureSpec(
        comparison_plate,
        "The same woman with rigid anchoring at " + ", ".join(f"{p:g}" for p in PLATE_PERCENTS[:-1])
        + f" and {PLATE_PERCENTS[-1]:g} % body fat (columns), lit from above (top row) and low from her right "
        "side (bottom row), which leaves her left flank in shadow. With more fat the waist, hips and buttocks fill "
        "out and the spinal furrow grows shallower, while the two dimples over the PSIS stay visible: with a rigid "
        "anchoring the model's contrast, printed over each panel, even rises. Dimples from the kit's model, body "
        "shape assumed.", _NB4, **_RASTER),
}


def make(name: str) -> Figure:
    """Draw the diagram called ``name``.

    Raises
    ------
    ValueError
        If ``name`` is not in :data:`FIGURES`.
    """
    if name not in FIGURES:
        raise ValueError(f"name={name!r}: unknown figure; known: {', '.join(FIGURES)}")
    return FIGURES[name].draw()


def readme_text() -> str:
    """The text of ``figures/README.md``, generated from :data:`FIGURES`."""
    lines = [
        "# Figures",
        "",
        "Every diagram of the kit as SVG (vector, deterministic) and PNG (150 dpi); the shaded renders",
        f"(raster pictures) as PNG only, at {RASTER_DPI} dpi (twice the screen size). Generated by",
        "`dimples figures` (or `make figures`) from `dimples/tooling/figures.py`; do not edit by hand:",
        "a test regenerates them and fails if this folder is stale.",
        "",
        f"Licence of every file here: **{LICENCE}** (Creative Commons Attribution 4.0 International,",
        "see `LICENSE-content`). Credit: \"The dimples teaching-kit team\".",
        "",
        "All drawings are schematic: the 10 cm spacing of the dimples [Bramhwanshi2023] and the levels of the",
        "reference lines [McGaugh2007] come from the landmark table (`dimples/anatomy/landmarks.py`) with their",
        "sources; the shapes are drawn to read clearly, not measured.",
        "",
        "| file | caption / alt text | used in | licence |",
        "|---|---|---|---|",
    ]
    for name, spec in FIGURES.items():
        files = ", ".join(f"[{name}.{ext}]({name}.{ext})" for ext in ("svg", "png") if ext in spec.formats)
        lines.append(f"| {files} | {spec.caption} | [{spec.notebook}](../notebooks/{spec.notebook}) | {LICENCE} |")
    return "\n".join(lines) + "\n"


def export(out: Path | str = FIGURES_DIR, formats: tuple[str, ...] = ("svg", "png"), names=None) -> list[Path]:
    """Write every diagram (or those in ``names``) and README.md to ``out``.

    Parameters
    ----------
    out : path
        Folder to write to (created if missing).
    formats : tuple of str
        Any of ``"svg"``, ``"png"``; each figure is written in those of them its spec allows
        (:attr:`FigureSpec.formats`).
    names : iterable of str or None
        Which figures; all when None.

    Returns
    -------
    list of Path
        Files written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with one_blas_thread():  # figures/ byte for byte, whatever the number of cores
        for name in (FIGURES if names is None else names):
            fig = make(name)  # refuses an unknown name
            allowed = tuple(f for f in formats if f in FIGURES[name].formats)
            if allowed:
                written += save_figure(fig, out / name, formats=allowed, dpi=FIGURES[name].dpi)
    readme = out / "README.md"
    readme.write_text(readme_text(), encoding="utf-8")
    written.append(readme)
    return written


def main(argv: list[str] | None = None) -> int:
    """``dimples figures [--out DIR] [--formats svg,png]``: export every diagram."""
    parser = argparse.ArgumentParser(prog="dimples figures", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(FIGURES_DIR), help="output folder (default: figures/)")
    parser.add_argument("--formats", default="svg,png", help="comma-separated: svg,png")
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    bad = [f for f in formats if f not in ("svg", "png")]
    if bad or not formats:
        parser.error(f"--formats={args.formats!r}: expected a comma-separated subset of svg,png")
    for path in export(args.out, formats):
        print(path)
    return 0
