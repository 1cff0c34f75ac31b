"""Leader-line labels in columns beside a diagram, placed so they never overlap.

Every label of a diagram sits in a column at the left or right edge of the
Axes, outside the drawing, joined to the structure it names by a thin
leader line ending in a dot. Within a column the labels keep the vertical
order of the points they name and are pushed apart until each has its own
line of text, so no two labels overlap and no label covers the drawing.

The drawing itself must leave room for the columns (the drawing modules
widen their x limits by a margin for this).

Each label also says **which drawn structure it names** (:attr:`Label.structure`):
the drawing modules tag the patch or line of that structure with
:func:`tag`, and the label's annotation carries the same key as its
``dimples_structure`` attribute, so a test can check that every leader ends
on (inside or at the edge of) the structure it names.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.textpath import TextPath

from dimples.style import check_axes

__all__ = ["Label", "place_labels", "tag", "LEADER_COLOUR", "LABEL_GID", "LABEL_FONTSIZE", "STRUCTURE_GID"]

#: Colour of leader lines and label text (near-black, distinguishable from every tissue).
LEADER_COLOUR = "#222222"
#: ``gid`` given to each label's Text, so tests can find the labels of a figure.
LABEL_GID = "dimples-label"
#: Default label size (pt): capital letters of DejaVu Sans (cap height 0.73 em) are 8.2 px tall
#: at the notebooks' 90 dpi, the smallest that reads comfortably.
LABEL_FONTSIZE = 9.0
#: Prefix of the ``gid`` of every drawn patch or line that a label can name: ``"dimples-structure:<key>"``.
STRUCTURE_GID = "dimples-structure:"


@dataclass(frozen=True)
class Label:
    """One label: its text, the point it names (data coordinates) and its column.

    Attributes
    ----------
    text : str
        What the label says (may contain a newline for two lines).
    xy : tuple of float
        The point on the structure, in the Axes' data coordinates.
    side : str
        ``"left"``, ``"right"`` or ``"auto"`` (the column on the point's side
        of the Axes centre).
    nudge_pt : float
        Shift of the label's preferred height, in points (positive = up),
        used to keep a leader line off another labelled point at the same
        height; the column still keeps every label clear of the others.
    structure : str or None
        Key of the drawn structure the label names (the patch or line tagged
        with :func:`tag`); ``xy`` must lie on it. ``None`` only for labels of
        drawings that do not record it yet.
    """

    text: str
    xy: tuple[float, float]
    side: str = "auto"
    nudge_pt: float = 0.0
    structure: str | None = None


def tag(artist, structure: str):
    """Mark a drawn patch or line as (part of) the structure called ``structure``.

    Parameters
    ----------
    artist : matplotlib.artist.Artist
        The patch or line just added to the Axes.
    structure : str
        A short key, e.g. ``"psis_left"``; several artists may share one key.

    Returns
    -------
    matplotlib.artist.Artist
        ``artist``, its ``gid`` set to :data:`STRUCTURE_GID` + ``structure``.

    Raises
    ------
    ValueError
        If ``artist`` is not a matplotlib Artist or ``structure`` is not a non-empty str.
    """
    from matplotlib.artist import Artist

    if not isinstance(artist, Artist):
        raise ValueError(f"artist={artist!r}: expected a matplotlib Artist (patch or line)")
    if not isinstance(structure, str) or not structure:
        raise ValueError(f"structure={structure!r}: expected a non-empty str key")
    artist.set_gid(STRUCTURE_GID + structure)
    return artist


_SIDES = ("left", "right", "auto")


def _spread(targets: np.ndarray, heights: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Centres as close to ``targets`` as possible with no overlap, inside [lo, hi].

    ``targets`` must be sorted ascending; ``heights`` are the full heights of
    the items. Works in any 1-D unit.
    """
    n = len(targets)
    y = targets.astype(float).copy()
    # clamp into range first
    for _ in range(3):
        # push up from the bottom
        for i in range(n):
            floor = lo + heights[i] / 2 if i == 0 else y[i - 1] + (heights[i - 1] + heights[i]) / 2
            y[i] = max(y[i], floor)
        # push down from the top
        for i in range(n - 1, -1, -1):
            ceil = hi - heights[i] / 2 if i == n - 1 else y[i + 1] - (heights[i + 1] + heights[i]) / 2
            y[i] = min(y[i], ceil)
    return y


def _segments_cross(p1, p2, q1, q2) -> bool:
    """Whether segments p1-p2 and q1-q2 properly intersect."""
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _text_width_pt(text: str, fontsize: float) -> float:
    """Width of the widest line of ``text`` in points, at ``fontsize`` points."""
    return max(TextPath((0, 0), line or " ", size=fontsize).get_extents().width for line in text.split("\n"))


def _uncross(items, ys, x_col, anchors, starts=None):
    """Swap neighbouring labels whose leader lines cross (a few passes).

    ``starts`` maps ``id(label)`` to the x (axes fraction) where its leader
    leaves the text; without it every leader starts at ``x_col``.
    """
    items = list(items)
    starts = starts or {}
    for _ in range(len(items)):
        changed = False
        for i in range(len(items) - 1):
            a, b = items[i][1], items[i + 1][1]
            xa, xb = starts.get(id(a), x_col), starts.get(id(b), x_col)
            if _segments_cross((xa, ys[i]), anchors[id(a)], (xb, ys[i + 1]), anchors[id(b)]):
                items[i], items[i + 1] = items[i + 1], items[i]
                changed = True
        if not changed:
            break
    return items


def place_labels(ax: Axes, labels: list[Label], fontsize: float = LABEL_FONTSIZE, pad_frac: float = 0.01,
                 gap_pt: float = 3.0, colour: str = LEADER_COLOUR) -> list:
    """Draw labels in side columns with leader lines to the points they name.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes holding the drawing; its limits must already be final.
    labels : list of Label
        The labels to place.
    fontsize : float
        Label size in points, in [5, 20].
    pad_frac : float
        Distance of each column from the Axes edge, as a fraction of the Axes width, in [0, 0.3].
    gap_pt : float
        Minimum vertical gap between two labels in a column, in points, in [0, 20].
    colour : str
        Colour of text and leader lines.

    Returns
    -------
    list of matplotlib.text.Annotation
        The label artists (each has ``gid`` :data:`LABEL_GID`).

    Raises
    ------
    ValueError
        For an unknown side, a non-finite point, or a parameter outside its range.
    """
    check_axes(ax)
    if not (isinstance(fontsize, (int, float)) and 5 <= fontsize <= 20):
        raise ValueError(f"fontsize={fontsize!r}: expected points in [5, 20]")
    if not (isinstance(pad_frac, (int, float)) and 0 <= pad_frac <= 0.3):
        raise ValueError(f"pad_frac={pad_frac!r}: expected a fraction in [0, 0.3]")
    if not (isinstance(gap_pt, (int, float)) and 0 <= gap_pt <= 20):
        raise ValueError(f"gap_pt={gap_pt!r}: expected points in [0, 20]")
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise ValueError(f"labels={labels!r}: expected a list of dimples.anatomy.labels.Label")
    labels = list(labels)
    if not all(isinstance(lab, Label) for lab in labels):
        raise ValueError(f"labels={labels!r}: expected a list of dimples.anatomy.labels.Label")
    for lab in labels:
        if lab.side not in _SIDES:
            raise ValueError(f"side={lab.side!r} (label {lab.text!r}): expected one of {_SIDES}")
        if not np.all(np.isfinite(lab.xy)):
            raise ValueError(f"xy={lab.xy!r} (label {lab.text!r}): expected finite data coordinates")
        if lab.structure is not None and (not isinstance(lab.structure, str) or not lab.structure):
            raise ValueError(f"structure={lab.structure!r} (label {lab.text!r}): expected a non-empty str or None")
        if isinstance(lab.nudge_pt, bool) or not isinstance(lab.nudge_pt, (int, float)) or not np.isfinite(lab.nudge_pt):
            raise ValueError(f"nudge_pt={lab.nudge_pt!r} (label {lab.text!r}): expected a finite number of points")
    fig = ax.figure
    fig.draw_without_rendering()  # settle the layout so Axes size and transforms are final
    to_axes = ax.transAxes.inverted()
    bbox = ax.get_window_extent()
    height_pt = bbox.height * 72.0 / fig.dpi
    width_pt = bbox.width * 72.0 / fig.dpi
    columns: dict[str, list[tuple[float, Label]]] = {"left": [], "right": []}
    anchors = {}
    for lab in labels:
        ax_xy = to_axes.transform(ax.transData.transform(lab.xy))
        anchors[id(lab)] = ax_xy
        side = lab.side if lab.side != "auto" else ("left" if ax_xy[0] < 0.5 else "right")
        columns[side].append((ax_xy[1] + lab.nudge_pt / height_pt, lab))
    artists = []
    line_pt = fontsize * 1.25
    for side, items in columns.items():
        if not items:
            continue
        items.sort(key=lambda t: t[0])
        targets = np.array([t[0] for t in items])
        heights = np.array([(lab.text.count("\n") + 1) * line_pt + gap_pt for _, lab in items]) / height_pt
        ys = _spread(targets, heights, 0.0, 1.0)
        x_col = pad_frac if side == "left" else 1.0 - pad_frac
        sign = 1.0 if side == "left" else -1.0
        starts = {id(lab): x_col + sign * (_text_width_pt(lab.text, fontsize) + 3.0) / width_pt for _, lab in items}
        items = _uncross(items, ys, x_col, anchors, starts)
        heights = np.array([(lab.text.count("\n") + 1) * line_pt + gap_pt for _, lab in items]) / height_pt
        ys = _spread(np.sort(ys), heights, 0.0, 1.0)
        x_text = pad_frac if side == "left" else 1.0 - pad_frac
        ha = "left" if side == "left" else "right"
        for y, (_, lab) in zip(ys, items, strict=True):
            ann = ax.annotate(
                lab.text, xy=lab.xy, xycoords="data", xytext=(x_text, y), textcoords="axes fraction",
                ha=ha, va="center", fontsize=fontsize, color=colour, annotation_clip=False,
                linespacing=1.0,
                arrowprops=dict(arrowstyle="-", color=colour, lw=0.7, shrinkA=3, shrinkB=0,
                                relpos=(1.0, 0.5) if side == "left" else (0.0, 0.5)),
                zorder=20,
            )
            ann.set_gid(LABEL_GID)
            ann.dimples_structure = lab.structure
            artists.append(ann)
            ax.plot(*lab.xy, marker="o", ms=2.6, color=colour, zorder=21, clip_on=False)
    return artists
