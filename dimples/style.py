"""Palette, matplotlib settings and deterministic figure output.

Everything that draws in the kit takes its colours from :data:`PALETTE`
(Okabe & Ito's colour-blind-safe set), draws on figures made by
:func:`new_figure` or :func:`new_mosaic`, and saves through :func:`png_bytes`
or :func:`save_figure`, so the same code always writes the same bytes.

Importing this module changes nothing in the user's session: no backend
switch, no change to ``matplotlib.rcParams``. The kit's settings
(:data:`RC_PARAMS`) apply only inside :func:`kit_style`, which
:func:`new_figure`, :func:`new_mosaic` and the two save functions use, and
the kit's figures are :class:`matplotlib.figure.Figure` objects that pyplot
never holds, so a student's own ``plt.plot(...)`` in the same kernel is
drawn and shown as usual.

References
----------
Okabe M, Ito K. *Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people*. 2008.
https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib
from cycler import cycler
from matplotlib.figure import Figure

#: Okabe-Ito colours by name (hex sRGB).
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

#: Colours of the tissues, fixed across every figure of the kit.
TISSUE_COLOURS: dict[str, str] = {
    "bone": "#F2E6C9",  # pale ivory, with a dark outline
    "bone_edge": "#5A4A2F",
    "skin": "#E8B89A",
    "fat": PALETTE["yellow"],
    "muscle": PALETTE["vermillion"],
    "fascia": PALETTE["blue"],
    "ligament": PALETTE["bluish_green"],
    "anchor": PALETTE["reddish_purple"],
    "line": PALETTE["black"],
}

#: rcParams applied by :func:`kit_style`: readable at notebook display size,
#: no rainbow colormap, deterministic SVG ids.
RC_PARAMS: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "gray",
    "svg.hashsalt": "dimples",
    "svg.fonttype": "path",
    "axes.prop_cycle": cycler(
        color=[PALETTE[k] for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue", "black")]
    ),
}

#: Size (inches) of a model frame of notebooks 03 and 05 (a section or shaded back beside a profile).
FRAME_SIZE_IN: tuple[float, float] = (6.4, 3.0)
#: Resolution (dpi) of those frames: 1024 x 480 px, so their 7-9 pt text is 16-20 px high where the page
#: shows them at full size (projector legible), and the notebook stays under 2 MB as 128-colour PNG.
FRAME_DPI: int = 160
#: Width (inches) of an anatomy diagram frame of notebooks 01-02 (drawn at 90 dpi).
DIAGRAM_WIDTH_IN: float = 7.2
#: Size (inches) of the posterior view in notebook 01.
POSTERIOR_SIZE_IN: tuple[float, float] = (DIAGRAM_WIDTH_IN, 4.7)

_FORMATS = ("png", "svg")


@contextmanager
def kit_style():
    """Context manager applying :data:`RC_PARAMS` inside the block only.

    Settings that matplotlib reads when a figure or its axes are made (axis
    spines, colour cycle) come from :func:`new_figure` / :func:`new_mosaic`;
    settings read when text is added are set explicitly by the drawing code
    (font sizes) or match matplotlib's defaults.
    """
    with matplotlib.rc_context(RC_PARAMS):
        yield


def check_axes(ax) -> None:
    """Raise ``ValueError`` unless ``ax`` is a matplotlib Axes to draw on.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        What a drawing function was given.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If ``ax`` is not a :class:`matplotlib.axes.Axes`.
    """
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise ValueError(f"ax={ax!r}: expected a matplotlib Axes (e.g. from dimples.style.new_figure)")


def new_figure(width_in: float = 6.4, height_in: float = 4.0, **subplot_kw) -> tuple[Figure, object]:
    """Create a figure with the kit's style that is *not* kept by pyplot.

    Parameters
    ----------
    width_in, height_in : float
        Figure size in inches (at 100 dpi, 1 inch = 100 px). Must be finite and in (0, 30].
    **subplot_kw : dict
        Passed to :meth:`matplotlib.figure.Figure.subplots` (``nrows``, ``ncols``...).

    Returns
    -------
    fig : matplotlib.figure.Figure
        The figure, ``width_in`` x ``height_in`` inches at 100 dpi, constrained layout, not held by pyplot.
    ax : Axes or array of Axes
        What ``Figure.subplots`` returns for ``subplot_kw``.

    Raises
    ------
    ValueError
        If a size is not a finite number in (0, 30] inches.
    """
    for name, value in (("width_in", width_in), ("height_in", height_in)):
        if not isinstance(value, (int, float)) or not (0 < float(value) <= 30):
            raise ValueError(f"{name}={value!r}: expected a figure size in inches in (0, 30]")
    with kit_style():
        fig = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")
        ax = fig.subplots(**subplot_kw)
    return fig, ax


def new_mosaic(width_in: float, height_in: float, mosaic, **mosaic_kw) -> tuple[Figure, dict]:
    """Create a figure with the kit's style and a named layout of axes (``Figure.subplot_mosaic``).

    Parameters
    ----------
    width_in, height_in : float
        Figure size in inches (at 100 dpi, 1 inch = 100 px), each in (0, 30].
    mosaic : list of list of str
        The layout, e.g. ``[["section", "profile"]]``.
    **mosaic_kw : dict
        Passed to :meth:`matplotlib.figure.Figure.subplot_mosaic` (``width_ratios``...).

    Returns
    -------
    fig : matplotlib.figure.Figure
        The figure, ``width_in`` x ``height_in`` inches at 100 dpi, not held by pyplot.
    axes : dict of str to Axes
        One Axes per name in ``mosaic``.

    Raises
    ------
    ValueError
        If a size is not a finite number in (0, 30] inches.
    """
    fig, ax = new_figure(width_in, height_in)
    ax.remove()
    with kit_style():
        axes = fig.subplot_mosaic(mosaic, **mosaic_kw)
    return fig, axes


def png_bytes(fig: Figure, dpi: float = 80, colours: int | None = 128) -> bytes:
    """Render a figure to PNG bytes, deterministically (no software/date metadata).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to render.
    dpi : float
        Resolution in dots per inch, in [20, 300]. 80 keeps slider frames small.
    colours : int or None
        Reduce the picture to a palette of this many colours (an integer in [2, 256]; default 128), which
        makes a diagram's PNG about three times smaller with no visible
        change; ``None`` keeps full 24-bit colour.

    Returns
    -------
    bytes
        The PNG file.

    Raises
    ------
    ValueError
        If ``fig`` is not a Figure, ``dpi`` is outside [20, 300] or ``colours``
        is neither None nor an integer in [2, 256].
    """
    if not isinstance(fig, Figure):
        raise ValueError(f"fig={fig!r}: expected a matplotlib.figure.Figure")
    if not isinstance(dpi, (int, float)) or not (20 <= dpi <= 300):
        raise ValueError(f"dpi={dpi!r}: expected a number in [20, 300]")
    if colours is not None and (not isinstance(colours, int) or not (2 <= colours <= 256)):
        raise ValueError(f"colours={colours!r}: expected None or an integer in [2, 256]")
    buf = io.BytesIO()
    with kit_style():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    if colours is None:
        return buf.getvalue()
    from PIL import Image  # Pillow comes with matplotlib

    buf.seek(0)
    with Image.open(buf) as im:
        small = im.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def save_figure(fig: Figure, stem: str | Path, formats: tuple[str, ...] = _FORMATS, dpi: float = 150) -> list[Path]:
    """Save a figure as SVG and/or PNG with no date or software stamp.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to save.
    stem : str or Path
        Output path without extension; the folder must exist.
    formats : tuple of str
        Any of ``"png"``, ``"svg"`` (default both).
    dpi : float
        PNG resolution in dots per inch, in [20, 300] (default 150).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        If ``fig`` is not a Figure, for an unknown or empty ``formats``, a
        ``dpi`` outside [20, 300], or a missing folder.
    """
    if not isinstance(fig, Figure):
        raise ValueError(f"fig={fig!r}: expected a matplotlib.figure.Figure")
    bad = [f for f in formats if f not in _FORMATS]
    if bad or not formats:
        raise ValueError(f"formats={formats!r}: expected a non-empty tuple drawn from {_FORMATS}")
    if not isinstance(dpi, (int, float)) or not (20 <= dpi <= 300):
        raise ValueError(f"dpi={dpi!r}: expected a number in [20, 300]")
    stem = Path(stem)
    if not stem.parent.is_dir():
        raise ValueError(f"stem={str(stem)!r}: folder {str(stem.parent)!r} does not exist")
    written = []
    with kit_style():
        for fmt in formats:
            path = stem.with_suffix("." + fmt)
            if fmt == "svg":
                fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
            else:
                fig.savefig(path, format="png", dpi=dpi, metadata={"Software": None})
            written.append(path)
    return written
