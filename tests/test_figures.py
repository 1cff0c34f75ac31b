"""Every diagram: labels that do not overlap, colours that survive colour-vision deficiency,
pixel baselines (pytest-mpl) and a figures/ folder that is up to date.

Run the baseline comparisons with ``pytest --mpl tests/test_figures.py``; without ``--mpl``
pytest-mpl only checks that each drawing function runs. Regenerate baselines after an
intended change with ``pytest --mpl-generate-path=tests/baseline tests/test_figures.py -k baseline``.
"""

import itertools
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE
from matplotlib.colors import to_rgb
from matplotlib.text import Text

from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.labels import LABEL_GID
from dimples.anatomy.posterior import LINE_COLOURS, draw_posterior_view
from dimples.anatomy.sacroiliac import LIGAMENT_COLOURS, draw_sacroiliac_joint
from dimples.style import PALETTE, TISSUE_COLOURS, new_figure
from dimples.tooling import figures

ROOT = Path(__file__).resolve().parents[1]


def _labels(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    anns = [t for t in fig.findobj() if getattr(t, "get_gid", lambda: None)() == LABEL_GID]
    return anns, renderer


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_labels_do_not_overlap(name):
    fig = figures.make(name)
    anns, renderer = _labels(fig)
    assert anns, f"{name}: no labels found"
    boxes = [Text.get_window_extent(a, renderer) for a in anns]  # the text only, not its leader line
    fig_box = fig.bbox
    for a, box in zip(anns, boxes, strict=True):
        assert box.x0 >= fig_box.x0 - 1 and box.x1 <= fig_box.x1 + 1, f"{name}: {a.get_text()!r} leaves the figure"
        assert box.y0 >= fig_box.y0 - 1 and box.y1 <= fig_box.y1 + 1, f"{name}: {a.get_text()!r} leaves the figure"
    for (a, ba), (b, bb) in itertools.combinations(zip(anns, boxes, strict=True), 2):
        assert not ba.overlaps(bb), f"{name}: labels {a.get_text()!r} and {b.get_text()!r} overlap"
    # no label covers the point any label names
    points = [a.axes.transData.transform(a.xy) for a in anns]
    for a, box in zip(anns, boxes, strict=True):
        for b, (px, py) in zip(anns, points, strict=True):
            assert not box.contains(px, py), f"{name}: label {a.get_text()!r} covers the point of {b.get_text()!r}"


# --- colour-vision deficiency -------------------------------------------------------------
#: Minimum CAM02-UCS colour difference (Delta E') between the fills/lines of any two different
#: structures in one figure, after simulating complete (severity 100) deuteranopia, protanopia
#: and tritanopia with colorspacious (Machado et al. 2009 model). 1 is about one just-noticeable
#: difference; 5 is clearly visible for the large, outlined areas these diagrams use.
CVD_MIN_DELTA_E = 5.0


def _over_white(colour, alpha):
    return tuple(alpha * np.array(to_rgb(colour)) + (1 - alpha))


#: Colours of the different structures in each family of figures, as rendered (alpha over white).
STRUCTURE_COLOURS = {
    "posterior": {"bone": TISSUE_COLOURS["bone"], "skin": TISSUE_COLOURS["skin"],
                  "line through PSIS": LINE_COLOURS["s2_line"], "Tuffier's line": LINE_COLOURS["tuffier"],
                  "Michaelis rhombus": LINE_COLOURS["rhombus"], "landmark dot": PALETTE["sky_blue"]},
    "sacroiliac": {"bone": TISSUE_COLOURS["bone"], **{k: v for k, v in LIGAMENT_COLOURS.items()}},
    "cross_section": {"bone": TISSUE_COLOURS["bone"], "skin": TISSUE_COLOURS["skin"],
                      "fat": TISSUE_COLOURS["fat"], "muscle": _over_white(TISSUE_COLOURS["muscle"], 0.7),
                      "fascia": TISSUE_COLOURS["fascia"], "ligament": TISSUE_COLOURS["ligament"],
                      "anchoring": TISSUE_COLOURS["anchor"]},
}


@pytest.mark.parametrize("family", list(STRUCTURE_COLOURS))
@pytest.mark.parametrize("cvd", ["deuteranomaly", "protanomaly", "tritanomaly"])
def test_colours_survive_cvd(family, cvd):
    cols = {k: to_rgb(v) for k, v in STRUCTURE_COLOURS[family].items()}
    space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
    sim = {k: np.clip(cspace_convert(v, space, "sRGB1"), 0, 1) for k, v in cols.items()}
    for a, b in itertools.combinations(sim, 2):
        d = deltaE(sim[a], sim[b], input_space="sRGB1", uniform_space="CAM02-UCS")
        assert d >= CVD_MIN_DELTA_E, f"{family}/{cvd}: {a} vs {b} Delta E' = {d:.1f} < {CVD_MIN_DELTA_E}"


def test_figures_use_only_kit_colours():
    kit = {to_rgb(c) for c in (*PALETTE.values(), *TISSUE_COLOURS.values())}
    kit |= {to_rgb(c) for c in ("white", "#222222", "#555555", "#6B4A3A")}  # text, leaders, skin edge
    for name in ("posterior_view", "sacroiliac_posterior", "cross_section"):
        fig = figures.make(name)
        for artist in fig.findobj():
            for getter in ("get_facecolor", "get_edgecolor", "get_color"):
                f = getattr(artist, getter, None)
                if f is None or artist is fig or hasattr(artist, "get_xaxis"):
                    continue
                c = f()
                arr = np.atleast_2d(np.asarray(c, dtype=object)) if not isinstance(c, str) else [c]
                for item in arr:
                    try:
                        rgba = np.asarray(item, dtype=float) if not isinstance(item, str) else None
                    except (TypeError, ValueError):
                        continue
                    if rgba is None or rgba.size != 4 or rgba[3] == 0:
                        continue
                    if artist.__class__.__name__ in ("Figure", "Rectangle", "Spine"):
                        continue
                    assert tuple(np.round(rgba[:3], 3)) in {tuple(np.round(k, 3)) for k in kit}, (name, artist, rgba)


# --- pixel baselines (pytest-mpl) -------------------------------------------------------------
_MPL = dict(baseline_dir="baseline", tolerance=2, style="default", savefig_kwargs={"dpi": 60})


@pytest.mark.mpl_image_compare(filename="baseline_posterior_view.png", **_MPL)
def test_baseline_posterior_view():
    fig, ax = new_figure(8, 5.2)
    draw_posterior_view(ax)
    return fig


@pytest.mark.mpl_image_compare(filename="baseline_posterior_skin.png", **_MPL)
def test_baseline_posterior_skin():
    fig, ax = new_figure(8, 5.2)
    draw_posterior_view(ax, layers=("skin", "landmarks"))
    return fig


@pytest.mark.parametrize("view", ["posterior", "anterior", "section"])
@pytest.mark.mpl_image_compare(**_MPL)
def test_baseline_sacroiliac(view):
    fig, ax = new_figure(8, 4.6)
    draw_sacroiliac_joint(ax, view=view)
    return fig


@pytest.mark.parametrize("anchored", [True, False])
@pytest.mark.mpl_image_compare(**_MPL)
def test_baseline_cross_section(anchored):
    fig, ax = new_figure(8, 3.3)
    draw_cross_section(ax, fat_mm=12.0, anchoring="rigid" if anchored else "none", muscle_mm=20.0)
    return fig


# --- figures/ is up to date ------------------------------------------------------------------
def test_figures_cli_regenerates_the_figures_folder(tmp_path):
    # `dimples figures` itself (not a second code path) renders every vector figure and the
    # README: what it writes must be what figures/ holds. One render serves both checks.
    assert figures.main(["--out", str(tmp_path), "--formats", "svg"]) == 0
    stale = []
    for name, spec in figures.FIGURES.items():
        for ext in spec.formats:
            if not (ROOT / "figures" / f"{name}.{ext}").is_file():
                stale.append(f"{name}.{ext} missing")
        if "svg" not in spec.formats:  # a raster render: PNG only, compared by its baseline test
            continue
        new = (tmp_path / f"{name}.svg").read_bytes()
        old_path = ROOT / "figures" / f"{name}.svg"
        if old_path.is_file() and old_path.read_bytes() != new:
            stale.append(f"{name}.svg differs")
    if (ROOT / "figures" / "README.md").read_text(encoding="utf-8") != (tmp_path / "README.md").read_text(
            encoding="utf-8"):
        stale.append("README.md differs")
    assert not stale, "figures/ is stale (run `dimples figures`): " + "; ".join(stale)
    with pytest.raises(ValueError, match="unknown figure"):
        figures.make("nope")


# --- readable at display size ----------------------------------------------------------------
#: Notebook frames draw at 90 dpi; capitals must be at least this many pixels tall there.
MIN_CAP_HEIGHT_PX = 8.0
#: Cap height of DejaVu Sans (the kit's font) as a fraction of the font size.
CAP_HEIGHT_EM = 0.729


@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_text_readable_at_display_size(name):
    fig = figures.make(name)
    texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert texts
    for t in texts:
        cap_px = t.get_fontsize() * CAP_HEIGHT_EM * 90 / 72
        assert cap_px >= MIN_CAP_HEIGHT_PX - 0.05, f"{name}: {t.get_text()!r} is {t.get_fontsize()} pt"


@pytest.mark.parametrize("layers", [("skin", "landmarks"), ("skin", "lines"), ("skin", "bone", "lines"),
                                    ("bone", "lines", "landmarks")])
def test_notebook_frames_keep_labels_inside(layers):
    """Notebook 01 draws the posterior view at 7.2 x 4.7 in: every label stays inside the frame, none overlap."""
    fig, ax = new_figure(7.2, 4.7)
    draw_posterior_view(ax, layers=layers)
    anns, renderer = _labels(fig)
    boxes = [Text.get_window_extent(a, renderer) for a in anns]
    for a, box in zip(anns, boxes, strict=True):
        assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1, a.get_text()
        assert fig.bbox.y0 - 1 <= box.y0 and box.y1 <= fig.bbox.y1 + 1, a.get_text()
    for (a, ba), (b, bb) in itertools.combinations(zip(anns, boxes, strict=True), 2):
        assert not ba.overlaps(bb), (a.get_text(), b.get_text())
