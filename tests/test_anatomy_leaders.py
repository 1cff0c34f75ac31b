"""Anatomy diagrams: every leader ends on the structure it names, no two leaders cross, at most a dozen
labels per figure, and the key lines stand out at 3:1 contrast against whatever lies behind them."""

import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from dimples.anatomy.labels import LABEL_GID, STRUCTURE_GID, _segments_cross
from dimples.anatomy.posterior import CASING_COLOUR, LINE_COLOURS, MAX_LABELS, draw_posterior_view
from dimples.anatomy.sacroiliac import VIEWS, draw_sacroiliac_joint
from dimples.style import POSTERIOR_SIZE_IN, new_figure
from dimples.views import nb01_surface

#: Every posterior frame the kit shows: (layers, label layer).
POSTERIOR_FRAMES = [(v[0], v[1]) for v in nb01_surface.PEEL.values()] + [
    (("skin", "bone", "lines", "landmarks"), True), (("skin", "lines"), True), (("bone", "lines", "landmarks"), True)]
#: How far (display pixels) a leader's end may lie outside the outline it names: the leader's own dot is 2.6 pt.
TOLERANCE_PX = 2.0


def _frames():
    for layers, lab in POSTERIOR_FRAMES:
        yield f"posterior-{'+'.join(layers)}-{lab}", (lambda la=layers, lb=lab: _posterior(la, lb))
    for view in VIEWS:
        yield f"sacroiliac-{view}", (lambda v=view: _sacroiliac(v))


def _posterior(layers, labels):
    fig, ax = new_figure(*POSTERIOR_SIZE_IN)
    draw_posterior_view(ax, layers=layers, labels=labels)
    return fig


def _sacroiliac(view):
    fig, ax = new_figure(7.2, 2.8 if view == "section" else 4.2)
    draw_sacroiliac_joint(ax, view=view)
    return fig


FRAMES = dict(_frames())


def _drawn(fig):
    FigureCanvasAgg(fig).draw()
    anns = [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == LABEL_GID]
    shapes = {}
    for art in fig.findobj(lambda a: (a.get_gid() or "").startswith(STRUCTURE_GID)):
        shapes.setdefault(art.get_gid()[len(STRUCTURE_GID):], []).append(art)
    return anns, shapes


def _on(art, xy_px) -> bool:
    """Whether display point ``xy_px`` lies inside or on the drawn patch or line ``art``."""
    if isinstance(art, Patch):
        path = art.get_path().transformed(art.get_transform())
        return path.contains_point(xy_px, radius=TOLERANCE_PX) or path.contains_point(xy_px, radius=-TOLERANCE_PX) \
            or _distance_to_polyline(path.vertices, xy_px) <= TOLERANCE_PX
    if isinstance(art, Line2D):
        pts = art.get_transform().transform(np.column_stack(art.get_data()))
        if len(pts) == 1:  # a marker: within its radius
            return np.hypot(*(pts[0] - xy_px)) <= art.get_markersize() * art.figure.dpi / 72 / 2 + TOLERANCE_PX
        return _distance_to_polyline(pts, xy_px) <= TOLERANCE_PX + art.get_linewidth() * art.figure.dpi / 72 / 2
    raise AssertionError(f"untestable structure artist {art!r}")


def _distance_to_polyline(pts, p) -> float:
    a, b = np.asarray(pts[:-1], float), np.asarray(pts[1:], float)
    d = b - a
    t = np.clip(np.einsum("ij,ij->i", np.asarray(p) - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
    return float(np.min(np.hypot(*(a + d * t[:, None] - p).T)))


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_leader_ends_on_the_structure_it_names(name):
    fig = FRAMES[name]()
    anns, shapes = _drawn(fig)
    assert anns, name
    assert len(anns) <= MAX_LABELS, f"{name}: {len(anns)} labels > {MAX_LABELS}"
    for ann in anns:
        key = getattr(ann, "dimples_structure", None)
        text = ann.get_text().replace("\n", " ")
        assert key, f"{name}: label {text!r} does not say which structure it names"
        assert key in shapes, f"{name}: label {text!r} names {key!r}, which is not drawn"
        xy_px = ann.axes.transData.transform(ann.xy)
        assert any(_on(art, xy_px) for art in shapes[key]), f"{name}: leader of {text!r} misses {key!r}"


@pytest.mark.parametrize("name", list(FRAMES))
def test_no_leader_crosses_another(name):
    fig = FRAMES[name]()
    anns, _ = _drawn(fig)
    segs = []
    for ann in anns:
        verts = ann.arrow_patch.get_path().vertices
        segs.append((ann.get_text(), verts[0], verts[-1]))
    for (ta, a0, a1), (tb, b0, b1) in itertools.combinations(segs, 2):
        assert not _segments_cross(a0, a1, b0, b1), f"{name}: leaders of {ta!r} and {tb!r} cross"


def _luminance(rgb) -> float:
    c = np.asarray(rgb, float)[..., :3]
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def _contrast(l1, l2):
    hi, lo = np.maximum(l1, l2), np.minimum(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


#: WCAG 2 ratio for graphical objects that must be seen (success criterion 1.4.11).
MIN_CONTRAST = 3.0
#: Share of a key line's length allowed below the ratio: the points where it crosses a thin dark outline.
MAX_LOW_FRACTION = 0.03
KEY_LINES = ("s2_line", "tuffier", "rhombus", "candidate:l5_s1_hollow", "candidate:l3_l4_interspace")


@pytest.mark.parametrize("layers", [("skin", "lines"), ("skin", "bone", "lines"), ("bone", "lines", "landmarks"),
                                    ("skin", "bone", "lines", "landmarks")])
def test_key_lines_stand_out_at_three_to_one(layers):
    """Each key line (or its black casing) is at >= 3:1 against the rendered picture behind it, all along it."""
    fig = _posterior(layers, False)
    canvas = FigureCanvasAgg(fig)
    _, shapes = _drawn(fig)
    keys = [k for k in KEY_LINES if k in shapes]
    assert {"s2_line", "tuffier", "rhombus"} <= set(keys)
    for k in keys:
        for art in shapes[k]:
            art.set_visible(False)
    canvas.draw()
    behind = np.asarray(canvas.buffer_rgba(), float)[..., :3] / 255.0
    height = behind.shape[0]
    for k in keys:
        for art in shapes[k]:
            casings = [pe._gc.get("foreground") for pe in art.get_path_effects() if hasattr(pe, "_gc")]
            colours = [to_rgb(art.get_color())] + [to_rgb(c) for c in casings if c is not None]
            if art.get_marker() not in (None, "None", "none", ""):
                colours += [to_rgb(art.get_markeredgecolor())]
            pts = art.get_transform().transform(np.column_stack(art.get_data()))
            samples = np.vstack([np.linspace(a, b, 60) for a, b in zip(pts[:-1], pts[1:], strict=True)]) \
                if len(pts) > 1 else pts
            px = np.clip(np.round(samples).astype(int), 0, [behind.shape[1] - 1, height - 1])
            bg = _luminance(behind[height - 1 - px[:, 1], px[:, 0]])
            best = np.max([_contrast(_luminance(c), bg) for c in colours], axis=0)
            low = float(np.mean(best < MIN_CONTRAST))
            assert low <= MAX_LOW_FRACTION, (
                f"{layers}: {k} is below {MIN_CONTRAST}:1 against what lies behind it along {100 * low:.1f} % of its "
                f"length (at most {100 * MAX_LOW_FRACTION:g} %, where it crosses a thin outline)")


def test_casing_is_what_makes_the_contrast():
    """Without the casing the orange Tuffier's line would fail on the skin: the check has teeth."""
    skin = _luminance(to_rgb("#E8B89A"))
    assert _contrast(_luminance(to_rgb(LINE_COLOURS["tuffier"])), skin) < MIN_CONTRAST
    assert _contrast(_luminance(to_rgb(CASING_COLOUR)), skin) >= MIN_CONTRAST
