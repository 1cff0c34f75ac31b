"""Kernel-free interactive pieces: FrameSlider, FrameGrid, FrameSpace, Quiz and Picture.

Every picture is rendered once, while the notebook executes, and stored in
the notebook's saved widget state. Controls are linked to what they show in
the browser with :func:`ipywidgets.jslink`, so moving a slider or picking
an answer never calls back into Python: the same notebook works in
JupyterLab, in Notebook 7 and in a static render (nbconvert HTML, nbviewer).

The pictures of one control sit in a :func:`frame_stack`: an
``ipywidgets.Tab`` whose tab bar is hidden. It is a stack like
``ipywidgets.Stack``, but its view keeps every picture's view alive and only
shows one, while ``Stack``'s view creates a new image view (and decodes the
PNG again) on every change: measured with ``dimples bench`` in JupyterLab,
about 5-7 ms instead of about 17-22 ms from key press to new picture (and about 1.5 ms instead
of 8 ms in a static page).

Each frame is an ``ipywidgets.HTML`` holding ``<img src="data:..." alt="...">`` and
its caption, so every frame carries its own alt text into every viewer
(``ipywidgets.Image`` has no alt, and its ``tooltip`` breaks drawing in
``@jupyter-widgets/html-manager`` 1.0.15), and the caption changes with the
slider. Frames are PNG, WebP or JPEG (``format``) and are scaled to the
output's width. Every widget also carries a small script
(``widgets_a11y.js``, :data:`WIDGET_JS`) that names its slider handles and
toggle buttons for screen readers, gives a quiz's radios one group named by
the question, and makes its feedback a live region (what ipywidgets 8 leaves out).

Displaying one of them makes two outputs. The first is the widget view,
with a ``text/plain`` summary holding a fingerprint of every frame, which
nbval compares (a notebook whose stored frames no longer match its code
fails its test), and a one-line ``text/html`` note saying what the next
output is, for viewers that cannot draw widgets (an untrusted notebook in
JupyterLab, GitHub's preview). The second is the **fallback**: the picture
shown first, as ``image/png`` (a quiz: its question and answers, as
``text/html``). A separate output, because nbconvert (so nbviewer and the
kit's HTML pages) keeps only the widget view of a bundle that has one; so
where the widget script cannot load (a school network that blocks the CDN,
no JavaScript) the fallback is still there. Where the widget is drawn, a
style rule it carries (:data:`WIDGET_CSS`) hides the fallback right after
it, with CSS ``:has()`` and no script, the same way in JupyterLab,
Notebook 7, nbviewer and the static pages and slides. Another rule hides a
second drawing of a view: nbviewer runs two widget renderers over its pages
(its own and nbconvert's), each drawing every view.

Never use ``ipywidgets.Output``, ``interact`` or ``interactive_output`` in
the kit: nbval cannot replay captured output and static viewers show only
its last state.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import ipywidgets as w
import numpy as np
from matplotlib.figure import Figure

from dimples.base import lookup, one_blas_thread, short_repr
from dimples.style import png_bytes

#: Frames are compared on a grid of this many block-mean greys per side...
FINGERPRINT_GRID = 16
#: ...each rounded to a step of 1/FINGERPRINT_LEVELS of full scale. A change
#: that moves any block's mean grey by more than one step changes the fingerprint.
FINGERPRINT_LEVELS = 16


def frame_fingerprint(frames: Sequence[bytes]) -> str:
    """An 8-hex-digit fingerprint of frames (PNG, WebP or JPEG) that ignores sub-pixel noise.

    Each frame is reduced to a :data:`FINGERPRINT_GRID` x
    :data:`FINGERPRINT_GRID` grid of block-mean grey levels rounded to
    1/:data:`FINGERPRINT_LEVELS` of full scale; the fingerprint hashes those
    grids with each frame's size in pixels.

    Parameters
    ----------
    frames : sequence of bytes
        Image files: PNG, WebP or JPEG (see :data:`FORMATS`).

    Returns
    -------
    str
        Eight hexadecimal digits.
    """
    from PIL import Image

    if isinstance(frames, (bytes, str)) or not isinstance(frames, Sequence) or len(frames) == 0:
        raise ValueError(f"frames={short_repr(frames)}: expected a non-empty sequence of PNG, WebP or JPEG bytes")
    digest = hashlib.sha256()
    for i, png in enumerate(frames):
        if not isinstance(png, bytes) or _sniff(png) is None:
            raise ValueError(f"frames[{i}]: expected PNG, WebP or JPEG bytes")
        with Image.open(io.BytesIO(png)) as im:
            grey = np.asarray(im.convert("L"), dtype=float) / 255.0
        h, wd = grey.shape
        n = FINGERPRINT_GRID
        rows = np.array_split(np.arange(h), n)
        cols = np.array_split(np.arange(wd), n)
        means = np.array([[grey[np.ix_(r, c)].mean() for c in cols] for r in rows])
        levels = np.round(means * FINGERPRINT_LEVELS).astype(np.uint8)
        digest.update(f"{h}x{wd}".encode())
        digest.update(levels.tobytes())
    return digest.hexdigest()[:8]


#: Frame encodings :class:`FrameSlider` and :class:`FrameGrid` offer: ``format`` -> MIME subtype.
FORMATS = {"png": "png", "webp": "webp", "jpeg": "jpeg"}
#: Encoder settings of the lossy formats (photograph-like renders: WebP is often 5-10x smaller than PNG).
# WebP method 4 encodes these frames 2-3x faster than method 6 at the same size (measured, make bench).
_LOSSY = {"webp": {"quality": 55, "method": 4}, "jpeg": {"quality": 80, "optimize": True}}


def _sniff(data: bytes) -> str | None:
    # The format of an image file from its first bytes, or None.
    if data.startswith(b"\x89PNG"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def _check_format(format) -> str:
    if format not in FORMATS:
        raise ValueError(f"format={format!r}: expected one of {sorted(FORMATS)}")
    return format


def _as_png(data: bytes) -> bytes:
    # A PNG of any frame (the fallback output after a widget is always image/png).
    if _sniff(data) == "png":
        return data
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        small = im.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _check_labels(name: str, labels, n: int) -> list[str]:
    labels = [str(x) for x in labels]
    if len(labels) != n:
        raise ValueError(f"{name}: {len(labels)} labels for {n} values; expected one label per value")
    dupes = sorted({x for x in labels if labels.count(x) > 1})
    if dupes:
        raise ValueError(f"{name}={labels!r}: duplicate labels {dupes}; expected distinct labels")
    return labels


def _check_values(name: str, values) -> list:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ValueError(f"{name}={values!r}: expected a non-empty list of values")
    values = list(values)
    if not values:
        raise ValueError(f"{name}=[]: expected at least one value")
    return values


def _check_index(name: str, index, n: int) -> int:
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not (0 <= index < n):
        raise ValueError(f"{name}={index!r}: expected an integer index in [0, {n - 1}]")
    return int(index)


class ScaledPicture:
    """A picture computed small, scaled up (bicubic) to its frame's size only when the frame is encoded.

    A draw function that computes pixels (no figure) may return one instead of
    a PIL image: the frame builder then scales it in its encoding threads,
    beside the next frame's drawing, rather than between two drawings (for
    notebook 04's 1200 px frames, about 13 ms of each frame's 65 ms).

    Parameters
    ----------
    image : PIL.Image.Image
        The picture at its computed size.
    size : tuple of int
        (width, height) of the frame (px), each in [1, 10000].
    """

    def __init__(self, image, size):
        from PIL import Image

        if not isinstance(image, Image.Image):
            raise ValueError(f"image={short_repr(image)}: expected a PIL image")
        if (not isinstance(size, tuple) or len(size) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 10000 for v in size)):
            raise ValueError(f"size={size!r}: expected (width, height) in whole pixels, each in [1, 10000]")
        self.image, self.size = image, size

    def scaled(self):
        """The picture at :attr:`size` (a new PIL image)."""
        from PIL import Image

        return self.image.resize(self.size, Image.Resampling.BICUBIC)

    def _repr_png_(self) -> bytes:
        # Shown in a notebook as the picture it stands for, like a PIL image.
        return self.scaled()._repr_png_()


def _encode(picture, format: str) -> bytes:
    # A ready picture (a PIL image, or a ScaledPicture scaled here) as a file of ``format``.
    if isinstance(picture, ScaledPicture):
        picture = picture.scaled()
    out = io.BytesIO()
    if format == "png":
        picture.save(out, format="PNG", optimize=True)
    else:
        picture.convert("RGB").save(out, format=format.upper(), **_LOSSY[format])
    return out.getvalue()


def _draw(draw: Callable, value, dpi: float, format: str):
    # ``draw(value)`` as a PIL image still to encode, or (a matplotlib Figure) as the finished file.
    from PIL import Image

    fig = draw(value)
    if isinstance(fig, (Image.Image, ScaledPicture)):
        return fig
    if not isinstance(fig, Figure):
        raise ValueError(
            f"draw({value!r}) returned {type(fig).__name__}; expected the draw function to return a matplotlib "
            "Figure, a PIL image or a ScaledPicture"
        )
    if format == "png":
        return png_bytes(fig, dpi=dpi)
    with Image.open(io.BytesIO(png_bytes(fig, dpi=dpi, colours=None))) as im:
        return _encode(im, format)


def _render(draw: Callable, value, dpi: float, format: str = "png") -> bytes:
    # One frame's file. ``draw`` returns a matplotlib Figure (rendered at ``dpi``) or a ready picture
    # (a PIL image, encoded as it is: for frames computed as pixels, with no figure to draw).
    picture = _draw(draw, value, dpi, format)
    return picture if isinstance(picture, bytes) else _encode(picture, format)


def _render_all(draw: Callable, values, dpi: float, format: str = "png") -> list[bytes]:
    # Every frame's file, in order. Drawing runs here, one frame after another (matplotlib is not
    # thread-safe); encoding the pictures drawn as pixels runs in a pool of threads, since Pillow's
    # encoders release the GIL: notebook 04's 1200 px WebP frames build about twice as fast on two
    # cores. At most two pictures per thread wait, so memory stays small.
    import os
    from concurrent.futures import ThreadPoolExecutor

    workers = max(1, min(4, os.cpu_count() or 1))
    out: list = []  # each frame's file, or the future that will encode it
    # One BLAS thread (same frames on any machine; without it, on 2 cores, notebook 04's frames took
    # about a third more CPU time).
    with one_blas_thread(), ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dimples-encode") as pool:
        for v in values:
            picture = _draw(draw, v, dpi, format)
            out.append(picture if isinstance(picture, bytes) else pool.submit(_encode, picture, format))
            waiting = [f for f in out if not isinstance(f, bytes) and not f.done()]
            if len(waiting) > 2 * workers:
                waiting[0].result()
    return [f if isinstance(f, bytes) else f.result() for f in out]


#: Style of a frame's caption: 14 px text (readable when projected) at 12.6:1 on white.
_CAPTION_STYLE = "margin:2px 0;font-size:14px;line-height:1.4;color:#333"


def _frame(data: bytes, alt: str) -> w.HTML:
    # One frame: the picture with its own alt text, scaled to the output width, and its caption
    # (hidden from screen readers, which read the same words as the picture's alt text).
    # An HTML child rather than ipywidgets.Image: Image has no alt text (and its ``tooltip``
    # breaks drawing in @jupyter-widgets/html-manager 1.0.15).
    src = f"data:image/{_sniff(data)};base64,{base64.b64encode(data).decode('ascii')}"
    text = html.escape(alt)
    return w.HTML(value=(f'<figure class="{FRAME_CLASS}" style="margin:0">'
                         f'<img src="{src}" alt="{text}" style="max-width:100%;height:auto;display:block">'
                         f'<figcaption class="dimples-alt" aria-hidden="true" '
                         f'style="{_CAPTION_STYLE}">{text}</figcaption></figure>'),
                  layout=w.Layout(max_width="100%"))


def _frame_alts(name: str, alts, keys: list, labels: list[str], alt: str, what: str) -> list[str]:
    # One alt text per frame: alts(value), alts[i], or the widget's alt with the frame's label.
    if alts is None:
        return [f"{alt} ({what}: {lab})" if alt else f"{what}: {lab}" for lab in labels]
    if callable(alts):
        out = [alts(*k) if isinstance(k, tuple) else alts(k) for k in keys]
    elif isinstance(alts, Sequence) and not isinstance(alts, str) and len(alts) == len(keys):
        out = list(alts)
    else:
        raise ValueError(f"{name}={short_repr(alts)}: expected a function or a list of {len(keys)} strings")
    bad = [i for i, a in enumerate(out) if not isinstance(a, str) or not a.strip()]
    if bad:
        raise ValueError(f"{name}: frame {bad[0]} has alt text {out[bad[0]]!r}; expected a non-empty string per frame")
    return out


#: Class of every frame stack; the caption's style rule hides its tab bar.
FRAME_STACK_CLASS = "dimples-frames"
#: Class of every FrameSlider, FrameGrid and Quiz view: where it is in the page, the widget was drawn.
WIDGET_CLASS = "dimples-widget"
#: Class of one frame (an ``<figure>`` with the picture and its caption) inside a frame stack.
FRAME_CLASS = "dimples-frame"
#: Class of a quiz's question and of its feedback stack (the live region).
QUESTION_CLASS, FEEDBACK_CLASS = "dimples-question", "dimples-feedback"
#: Class of a quiz's fallback (its question and answers, shown where the widget is not drawn).
FALLBACK_CLASS = "dimples-fallback"
#: The style rules every widget of the kit carries in its own HTML (so they reach every viewer that
#: draws it, with no stylesheet to install). Each rule stands alone: a browser without ``:has()``
#: drops those rules and keeps the others.
WIDGET_CSS = (
    # A frame stack is a Tab whose tab bar nobody should see.
    f".{FRAME_STACK_CLASS} > .lm-TabBar, .{FRAME_STACK_CLASS} > .p-TabBar {{display: none !important;}}\n"
    f".{FRAME_STACK_CLASS} > .widget-tab-contents {{border: none !important; padding: 0 !important;}}\n"
    # A second widget renderer over the same page (nbviewer's beside nbconvert's) draws every view
    # again, after the first: show the first drawing only.
    f".jp-OutputArea-output:has(.{WIDGET_CLASS}) > .widget-subarea ~ .widget-subarea {{display: none !important;}}\n"
    # The output right after a drawn widget is its fallback (a picture, or a quiz's text): hide it.
    f".jp-OutputArea-child:has(> .jp-OutputArea-output .{WIDGET_CLASS}) + .jp-OutputArea-child:has("
    f"> .jp-RenderedImage, .{FALLBACK_CLASS}) {{display: none !important;}}\n"
    # A slider's readout shows its whole label (ipywidgets cuts it at about 150 px).
    f".{WIDGET_CLASS} .widget-readout {{max-width: none !important; overflow: visible !important;}}\n"
    # A frame is scaled to the output's width, whatever its size in pixels, and to at most 70 % of the
    # screen's height, so the picture and its controls fit together on a projector (1920 x 1080).
    f".{FRAME_CLASS} img {{max-width: 100% !important; max-height: 70vh !important; width: auto !important; "
    f"height: auto !important;}}\n"
    # JupyterLab marks a widget restored from the notebook with no kernel behind it as disconnected (a red
    # broken-link icon before each part); the kit's widgets need no kernel, so the mark would mislead.
    f".{WIDGET_CLASS}.jupyter-widgets-disconnected::before, .{WIDGET_CLASS} .jupyter-widgets-disconnected::before "
    f"{{display: none !important;}}\n"
    # A focus ring of 2 px at well over 3:1 on toggles, drop-downs, radios and slider handles
    # (ipywidgets' own is a 1 px line at about 2:1).
    f".{WIDGET_CLASS} button:focus-visible, .{WIDGET_CLASS} select:focus-visible, "
    f".{WIDGET_CLASS} input:focus-visible, .{WIDGET_CLASS} [role=slider]:focus-visible "
    f"{{outline: 2px solid #0B4F8A !important; outline-offset: 2px !important;}}\n"
)
#: The accessibility script every widget of the kit carries (see ``widgets_a11y.js``): names its
#: slider handles and toggles, groups a quiz's radios and makes its feedback a live region.
WIDGET_JS = (Path(__file__).with_name("widgets_a11y.js")).read_text(encoding="utf-8")
# Runs WIDGET_JS where the widget's HTML is inserted (an HTML widget's innerHTML runs no <script>,
# but does run an image's error handler); hidden and empty, so nothing shows.
_SCRIPT = f'<img src="data:," alt="" hidden onerror="{html.escape(WIDGET_JS, quote=True)}">'
_STYLE = f"<style>\n{WIDGET_CSS}</style>{_SCRIPT}"


def frame_stack(children, selected_index: int) -> w.Tab:
    """A stack of widgets that shows the one at ``selected_index``.

    An ``ipywidgets.Tab`` with the :data:`FRAME_STACK_CLASS` class, whose
    tab bar the kit's captions hide: switching only shows another, already
    rendered child (see the module docstring for why not ``ipywidgets.Stack``).

    Parameters
    ----------
    children : list of ipywidgets.Widget
        The frames (or inner stacks).
    selected_index : int
        Index of the child shown first.
    """
    children = _check_values("children", children)
    if not all(isinstance(c, w.Widget) for c in children):
        raise ValueError(f"children={children!r}: expected a list of ipywidgets widgets")
    stack = w.Tab(children, selected_index=_check_index("selected_index", selected_index, len(children)))
    stack.add_class(FRAME_STACK_CLASS)
    return stack


def _caption() -> w.HTML:
    # The kit's style rules (WIDGET_CSS) and accessibility script (WIDGET_JS); each frame carries its caption.
    return w.HTML(value=_STYLE)


class _Fallback:
    """Mixin: displays as the widget view, then its fallback output (see the module docstring)."""

    #: What the widget output says where a viewer cannot draw the widget (its fallback follows).
    _NOTE = ""

    def _fallback_bundle(self) -> dict:  # pragma: no cover - overridden
        raise NotImplementedError

    def _summary(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = self._summary()
        bundle["text/html"] = f'<p class="dimples-needs-widgets"><i>{html.escape(self._NOTE)}</i></p>'
        return bundle

    def _ipython_display_(self, **kwargs):
        # Two outputs, widget first: a viewer that keeps only the widget view of a bundle
        # (nbconvert) still has the fallback, and the widget's style rule can hide it once drawn.
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
        display(self._fallback_bundle(), raw=True)


class FrameSlider(_Fallback, w.VBox):
    """A slider that swaps precomputed pictures in the browser.

    Parameters
    ----------
    values : sequence
        The values the slider steps through (at least one).
    draw : callable
        ``draw(value) -> matplotlib.figure.Figure``; called once per value.
    labels : sequence of str, optional
        Slider label for each value (default ``str(value)``); must be distinct.
    description : str
        Text before the slider, e.g. ``"Body fat (%)"``.
    alt : str
        One-sentence description of what the pictures show; with ``alts``
        unset, each frame's alt text is this plus the frame's label.
    alts : callable or sequence of str, optional
        Each frame's own alt text (also its caption under the picture):
        ``alts(value) -> str``, or one string per value.
    initial : int
        Index of the value shown first (also in static renders).
    dpi : float
        Frame resolution in dots per inch (pixels = inches x dpi; 2x the
        display size for sharp frames: the page scales them to its width).
    format : {"png", "webp", "jpeg"}
        Frame encoding: PNG (a 128-colour palette, best for diagrams), or
        WebP / JPEG for photograph-like renders, where they are far smaller.
        The fallback picture after the widget is a PNG in every case.

    Attributes
    ----------
    slider : ipywidgets.SelectionSlider
    stack : ipywidgets.Tab
        A :func:`frame_stack` of one ``ipywidgets.HTML`` frame per value
        (the picture with its alt text, and its caption).
    frames : list of bytes
        The encoded frames.
    alts : list of str
        Each frame's alt text.
    links : list of ipywidgets.Link
        The browser-side links (slider index -> stack index).
    """

    def __init__(self, values, draw, *, labels=None, description="", alt="", alts=None, initial=0, dpi=80,
                 format="png"):
        values = _check_values("values", values)
        format = _check_format(format)
        if not callable(draw):
            raise ValueError(f"draw={draw!r}: expected a function value -> matplotlib Figure")
        labels = _check_labels("labels", labels if labels is not None else values, len(values))
        initial = _check_index("initial", initial, len(values))
        if not isinstance(description, str) or not isinstance(alt, str):
            raise ValueError("description and alt: expected strings")
        self.values = values
        self.labels = labels
        self.description = description
        self.alt, self.format = alt, format
        self.frames = _render_all(draw, values, dpi, format)
        self.alts = _frame_alts("alts", alts, values, labels, alt, description or "Showing")
        self.stack = frame_stack([_frame(f, a) for f, a in zip(self.frames, self.alts, strict=True)], initial)
        self.slider = w.SelectionSlider(
            options=[(lab, i) for i, lab in enumerate(labels)], index=initial, description=description,
            continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width="min(100%, 520px)"),
        )
        self.links = [w.jslink((self.slider, "index"), (self.stack, "selected_index"))]
        super().__init__([self.slider, self.stack, _caption()])
        self.add_class(WIDGET_CLASS)

    _NOTE = ("A slider; below, the picture it shows first. It moves where widgets run: JupyterLab or "
             "Notebook 7 with the notebook trusted, nbviewer, the kit's HTML pages.")

    def _summary(self) -> str:
        return (f"FrameSlider {self.description!r}: {len(self.frames)} frames "
                f"[{', '.join(self.labels)}], showing {self.labels[self.slider.index]!r}; "
                f"frames {frame_fingerprint(self.frames)}")

    def _fallback_bundle(self) -> dict:
        i = self.slider.index
        return {"image/png": base64.b64encode(_as_png(self.frames[i])).decode("ascii"),
                "text/plain": f"Picture at {self.labels[i]!r}: {self.alts[i]}"}


class FrameGrid(_Fallback, w.VBox):
    """Two controls over a grid of precomputed pictures (a stack of stacks).

    The first control (toggle buttons) picks a row, the second (a slider)
    picks a column; both are linked in the browser.

    Parameters
    ----------
    rows, cols : sequence
        Values of the first and second control (each at least one).
    draw : callable
        ``draw(row_value, col_value) -> matplotlib.figure.Figure``.
    row_labels, col_labels : sequence of str, optional
        Distinct labels (default ``str(value)``).
    row_description, col_description : str
        Text before each control.
    alt : str
        One-sentence description of the pictures; with ``alts`` unset, each
        frame's alt text is this plus the frame's two labels.
    alts : callable or nested sequence of str, optional
        Each frame's own alt text (also its caption):
        ``alts(row_value, col_value) -> str``, or ``alts[i][j]`` for
        ``rows[i]``, ``cols[j]``.
    initial : tuple of int
        (row index, column index) shown first.
    dpi : float
        Frame resolution in dots per inch.
    format : {"png", "webp", "jpeg"}
        Frame encoding (see :class:`FrameSlider`).

    Attributes
    ----------
    toggle : ipywidgets.ToggleButtons
    slider : ipywidgets.SelectionSlider
    stack : ipywidgets.Tab
        A :func:`frame_stack` of one inner frame stack of ``Image`` per row.
    frames : list of list of bytes
        ``frames[i][j]`` is the encoded frame for ``rows[i]``, ``cols[j]``.
    alts : list of list of str
        ``alts[i][j]`` is that frame's alt text.
    links : list of ipywidgets.Link
    """

    def __init__(self, rows, cols, draw, *, row_labels=None, col_labels=None, row_description="",
                 col_description="", alt="", alts=None, initial=(0, 0), dpi=80, format="png"):
        rows = _check_values("rows", rows)
        format = _check_format(format)
        cols = _check_values("cols", cols)
        if not callable(draw):
            raise ValueError(f"draw={draw!r}: expected a function (row, col) -> matplotlib Figure")
        row_labels = _check_labels("row_labels", row_labels if row_labels is not None else rows, len(rows))
        col_labels = _check_labels("col_labels", col_labels if col_labels is not None else cols, len(cols))
        if not isinstance(initial, tuple) or len(initial) != 2:
            raise ValueError(f"initial={initial!r}: expected a (row index, column index) tuple")
        r0 = _check_index("initial[0]", initial[0], len(rows))
        c0 = _check_index("initial[1]", initial[1], len(cols))
        self.rows, self.cols = rows, cols
        self.row_labels, self.col_labels = row_labels, col_labels
        self.row_description, self.col_description, self.alt = row_description, col_description, alt
        self.format = format
        if alts is not None and not callable(alts):
            if isinstance(alts, str) or not isinstance(alts, Sequence) or len(alts) != len(rows):
                raise ValueError(f"alts={short_repr(alts)}: expected a function or {len(rows)} lists of "
                                 f"{len(cols)} strings")
            flat_alts = [a for row in alts for a in (row if isinstance(row, Sequence) and not isinstance(row, str)
                                                     and len(row) == len(cols) else [None])]
        else:
            flat_alts = alts
        keys = [(r, c) for r in rows for c in cols]
        pair_labels = [f"{rl}, {cl}" for rl in row_labels for cl in col_labels]
        what = " and ".join(d for d in (row_description, col_description) if d) or "Showing"
        flat_frames = _render_all(lambda rc: draw(*rc), keys, dpi, format)
        self.frames = [flat_frames[i * len(cols):(i + 1) * len(cols)] for i in range(len(rows))]
        flat = _frame_alts("alts", flat_alts, keys, pair_labels, alt, what)
        self.alts = [flat[i * len(cols):(i + 1) * len(cols)] for i in range(len(rows))]
        inner = [frame_stack([_frame(f, a) for f, a in zip(row, row_alts, strict=True)], c0)
                 for row, row_alts in zip(self.frames, self.alts, strict=True)]
        self.stack = frame_stack(inner, r0)
        self.toggle = w.ToggleButtons(options=[(lab, i) for i, lab in enumerate(row_labels)], index=r0,
                                      description=row_description, style={"description_width": "initial"})
        self.slider = w.SelectionSlider(
            options=[(lab, i) for i, lab in enumerate(col_labels)], index=c0, description=col_description,
            continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width="min(100%, 520px)"),
        )
        self.links = [w.jslink((self.toggle, "index"), (self.stack, "selected_index"))]
        self.links += [w.jslink((self.slider, "index"), (s, "selected_index")) for s in inner]
        super().__init__([self.toggle, self.slider, self.stack, _caption()])
        self.add_class(WIDGET_CLASS)

    _NOTE = ("Buttons and a slider; below, the picture they show first. They work where widgets run: "
             "JupyterLab or Notebook 7 with the notebook trusted, nbviewer, the kit's HTML pages.")

    def _summary(self) -> str:
        flat = [f for row in self.frames for f in row]
        return (f"FrameGrid {self.row_description!r} x {self.col_description!r}: "
                f"{len(self.rows)} x {len(self.cols)} frames [{', '.join(self.row_labels)}] x "
                f"[{', '.join(self.col_labels)}], showing "
                f"({self.row_labels[self.toggle.index]!r}, {self.col_labels[self.slider.index]!r}); "
                f"frames {frame_fingerprint(flat)}")

    def _fallback_bundle(self) -> dict:
        i, j = self.toggle.index, self.slider.index
        where = f"({self.row_labels[i]!r}, {self.col_labels[j]!r})"
        return {"image/png": base64.b64encode(_as_png(self.frames[i][j])).decode("ascii"),
                "text/plain": f"Picture at {where}: {self.alts[i][j]}"}


class FrameSpace(_Fallback, w.VBox):
    """Several controls over every combination of their values (stacks of stacks, one level per control).

    Every control but the last is a row of toggle buttons; the last is a
    slider. A control's index is linked in the browser to every stack of its
    level, so any combination is one picture swap away. Beside the slider, an
    optional short text per combination (``notes``) changes with the
    controls, the same way (for example the body-fat band of the value shown).

    Parameters
    ----------
    controls : sequence of (str, sequence, sequence of str or None)
        ``(description, values, labels)`` per control, outermost first; at
        least two controls. ``labels`` may be None (``str(value)``).
    draw : callable
        ``draw(*values) -> matplotlib.figure.Figure``, one value per control.
    alt : str
        One sentence on the pictures; with ``alts`` unset each frame's alt text is this plus its labels.
    alts : callable, optional
        ``alts(*values) -> str``: each frame's own alt text (also its caption).
    notes : callable, optional
        ``notes(*values) -> str``: a short plain text shown beside the slider.
    initial : tuple of int, optional
        The index of each control shown first (default all 0).
    dpi : float
        Frame resolution in dots per inch.
    format : {"png", "webp", "jpeg"}
        Frame encoding (see :class:`FrameSlider`).

    Attributes
    ----------
    toggles : list of ipywidgets.ToggleButtons
    slider : ipywidgets.SelectionSlider
    stack : ipywidgets.Tab
    frames : dict of tuple of int to bytes
        The encoded frame for each combination of control indices.
    alts : dict of tuple of int to str
    links : list of ipywidgets.Link
    """

    def __init__(self, controls, draw, *, alt="", alts=None, notes=None, initial=None, dpi=80, format="png"):
        controls = _check_values("controls", controls)
        if len(controls) < 2:
            raise ValueError(f"controls: {len(controls)} control; expected at least two (use FrameSlider for one)")
        specs = []
        for k, c in enumerate(controls):
            if isinstance(c, (str, bytes)) or not isinstance(c, Sequence) or len(c) != 3 or not isinstance(c[0], str):
                raise ValueError(f"controls[{k}]={short_repr(c)}: expected (description, values, labels or None)")
            values = _check_values(f"controls[{k}] values", c[1])
            labels = _check_labels(f"controls[{k}] labels", c[2] if c[2] is not None else values, len(values))
            specs.append((c[0], values, labels))
        if not callable(draw):
            raise ValueError(f"draw={draw!r}: expected a function (*values) -> matplotlib Figure")
        for name, fn in (("alts", alts), ("notes", notes)):
            if fn is not None and not callable(fn):
                raise ValueError(f"{name}={short_repr(fn)}: expected a function (*values) -> str or None")
        initial = tuple([0] * len(specs)) if initial is None else initial
        if not isinstance(initial, tuple) or len(initial) != len(specs):
            raise ValueError(f"initial={initial!r}: expected a tuple of {len(specs)} indices")
        initial = tuple(_check_index(f"initial[{k}]", i, len(s[1])) for k, (i, s) in enumerate(zip(initial, specs, strict=True)))
        self.format = _check_format(format)
        self.controls, self.alt = specs, alt
        shape = [len(s[1]) for s in specs]
        keys = [tuple(int(i) for i in ix) for ix in np.ndindex(*shape)]
        values = {ix: tuple(s[1][i] for s, i in zip(specs, ix, strict=True)) for ix in keys}
        labels = ["; ".join(f"{s[0]}: {s[2][i]}" if s[0] else s[2][i] for s, i in zip(specs, ix, strict=True))
                  for ix in keys]
        # Frames first, then their alt texts: a view that draws and describes the same state can reuse
        # what it computed for the picture (notebook 04 keeps the numbers of each frame it drew).
        self.frames = dict(zip(keys, _render_all(lambda v: draw(*v), [values[ix] for ix in keys], dpi, self.format),
                               strict=True))
        flat_alts = _frame_alts("alts", alts, [values[ix] for ix in keys], labels, alt, "Showing")
        self.alts = dict(zip(keys, flat_alts, strict=True))
        self.notes = None
        if notes is not None:
            self.notes = {ix: notes(*values[ix]) for ix in keys}
            bad = [ix for ix, t in self.notes.items() if not isinstance(t, str)]
            if bad:
                raise ValueError(f"notes{values[bad[0]]!r} gave {self.notes[bad[0]]!r}; expected a string")
        levels: list[list[w.Tab]] = [[] for _ in specs]

        def nest(prefix: tuple, leaf) -> w.Widget:
            k = len(prefix)
            if k == len(specs):
                return leaf(prefix)
            stack = frame_stack([nest(prefix + (i,), leaf) for i in range(shape[k])], initial[k])
            levels[k].append(stack)
            return stack

        self.stack = nest((), lambda ix: _frame(self.frames[ix], self.alts[ix]))
        frame_levels, levels = levels, [[] for _ in specs]
        note_stack = None
        if self.notes is not None:
            note_stack = nest((), lambda ix: w.HTML(value=f'<span class="dimples-note">{html.escape(self.notes[ix])}</span>'))
        *outer, last = specs
        self.toggles = [w.ToggleButtons(options=[(lab, i) for i, lab in enumerate(s[2])], index=initial[k],
                                        description=s[0], style={"description_width": "initial"})
                        for k, s in enumerate(outer)]
        self.slider = w.SelectionSlider(
            options=[(lab, i) for i, lab in enumerate(last[2])], index=initial[-1], description=last[0],
            continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width="min(100%, 640px)"),
        )
        ctrls = [*self.toggles, self.slider]
        self.links = [w.jslink((ctrl, "index"), (st, "selected_index"))
                      for lv in (frame_levels, levels if note_stack is not None else [])
                      for ctrl, stacks in zip(ctrls, lv, strict=False) for st in stacks]
        slider_row = w.HBox([self.slider, note_stack]) if note_stack is not None else self.slider
        super().__init__([*self.toggles, slider_row, self.stack, _caption()])
        self.add_class(WIDGET_CLASS)

    _NOTE = ("Buttons and a slider; below, the picture they show first. They work where widgets run: "
             "JupyterLab or Notebook 7 with the notebook trusted, nbviewer, the kit's HTML pages.")

    def _index(self) -> tuple:
        return tuple(c.index for c in [*self.toggles, self.slider])

    def _summary(self) -> str:
        shown = ", ".join(repr(s[2][i]) for s, i in zip(self.controls, self._index(), strict=True))
        return (f"FrameSpace {' x '.join(repr(s[0]) for s in self.controls)}: "
                f"{' x '.join(str(len(s[1])) for s in self.controls)} frames, showing ({shown}); "
                f"frames {frame_fingerprint(list(self.frames.values()))}")

    def _fallback_bundle(self) -> dict:
        ix = self._index()
        return {"image/png": base64.b64encode(_as_png(self.frames[ix])).decode("ascii"),
                "text/plain": f"Picture: {self.alts[ix]}"}


class Quiz(_Fallback, w.VBox):
    """A multiple-choice question whose feedback needs no kernel.

    The choice widget's index is linked in the browser to a stack of
    feedback panels, one per choice. Nothing is chosen at first.

    Parameters
    ----------
    question : str
        The question (plain text; HTML is escaped).
    choices : sequence of str
        Two or more distinct answers.
    correct : int
        Index of the right answer.
    feedback : sequence of str
        One explanation per choice, saying why it is right or wrong.
    reread : str
        Where to reread, e.g. ``"03 how a dimple forms, section 2"``; shown
        with every wrong answer's feedback.
    compact : bool
        Offer the choices in a drop-down list instead of radio buttons: for
        many short questions with the same choices (a labelling exercise).
    label : str
        The drop-down's visible name (``compact`` only), e.g. ``"Marker 3"``:
        what a screen reader announces for it; distinct per quiz on a page.

    Attributes
    ----------
    choice : ipywidgets.RadioButtons or ipywidgets.Dropdown
    stack : ipywidgets.Stack
        One ``ipywidgets.HTML`` feedback panel per choice.
    links : list of ipywidgets.Link
    """

    def __init__(self, question, choices, correct, feedback, *, reread="", compact=False, label="Answer"):
        if not isinstance(question, str) or not question.strip():
            raise ValueError(f"question={question!r}: expected a non-empty string")
        choices = _check_values("choices", choices)
        if len(choices) < 2:
            raise ValueError(f"choices={choices!r}: expected at least two choices")
        choices = _check_labels("choices", choices, len(choices))
        correct = _check_index("correct", correct, len(choices))
        if isinstance(feedback, str) or len(feedback) != len(choices):
            raise ValueError(f"feedback: expected one string per choice ({len(choices)}), got {feedback!r}")
        if not isinstance(reread, str):
            raise ValueError(f"reread={reread!r}: expected a string")
        if not isinstance(compact, bool):
            raise ValueError(f"compact={compact!r}: expected True or False")
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"label={label!r}: expected a non-empty name for the drop-down")
        self.question, self.choices, self.correct = question, choices, correct
        self.feedback, self.reread = [str(f) for f in feedback], reread
        options = [(c, i) for i, c in enumerate(choices)]
        if compact:
            self.choice = w.Dropdown(options=options, index=None, description=label,
                                     layout=w.Layout(width="min(100%, 420px)"))
        else:
            self.choice = w.RadioButtons(options=options, index=None, layout=w.Layout(width="auto"))
        self.stack = w.Stack([w.HTML(value=self._panel(i)) for i in range(len(choices))], selected_index=None)
        self.stack.add_class(FEEDBACK_CLASS)  # the live region (WIDGET_JS), there before any answer
        self.links = [w.jslink((self.choice, "index"), (self.stack, "selected_index"))]
        heading = w.HTML(value=f'{_STYLE}<p class="{QUESTION_CLASS}"><b>Quiz.</b> {html.escape(question)}</p>')
        super().__init__([heading, self.choice, self.stack])
        self.add_class(WIDGET_CLASS)

    _NOTE = ("A quiz; below, its question and answers. Choosing an answer works where widgets run: "
             "JupyterLab or Notebook 7 with the notebook trusted, nbviewer, the kit's HTML pages.")

    def _verdict(self, i: int) -> str:
        # Words, not colour alone, carry right/wrong (accessibility).
        return "Right." if i == self.correct else "Not quite."

    def _panel(self, i: int) -> str:
        colour = "#009E73" if i == self.correct else "#D55E00"
        text = f"<b>{self._verdict(i)}</b> {html.escape(self.feedback[i])}"
        if i != self.correct and self.reread:
            text += f" <i>Reread: {html.escape(self.reread)}.</i>"
        return (f'<div style="border-left:4px solid {colour};padding:4px 8px;margin-top:4px">'
                f"{text}</div>")

    def _summary(self) -> str:
        return f"Quiz: {self.question} ({len(self.choices)} choices; answer: {self.choices[self.correct]!r})"

    def _fallback_bundle(self) -> dict:
        items = "".join(f"<li>{html.escape(c)}</li>" for c in self.choices)
        answers = "".join(f"<li>{html.escape(c)}: {self._verdict(i)} {html.escape(self.feedback[i])}</li>"
                          for i, c in enumerate(self.choices))
        return {"text/html": (f'<div class="{FALLBACK_CLASS}"><p><b>Quiz.</b> {html.escape(self.question)}</p>'
                              f"<ol type='a'>{items}</ol>"
                              f"<details><summary>Show the answers</summary><ul>{answers}</ul></details></div>"),
                "text/plain": f"Quiz: {self.question} ({len(self.choices)} choices)"}


class Picture:
    """A static figure for a notebook: the PNG plus a text summary nbval compares.

    Displays as ``text/html`` (the picture with its alt text, and a caption),
    ``image/png`` (for viewers that show no HTML) and ``text/plain``: the alt
    text and a fingerprint of the picture, so a stale stored figure fails nbval.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure (closed after rendering).
    alt : str
        One or two sentences saying what the figure shows.
    dpi : float
        Resolution in dots per inch.
    colours : int, optional
        Palette size of the PNG (see :func:`dimples.style.png_bytes`); default None, full colour.
    """

    def __init__(self, fig, alt, *, dpi=90, colours=None):
        if not isinstance(alt, str) or not alt.strip():
            raise ValueError(f"alt={alt!r}: expected a non-empty description of the figure")
        self.alt = alt
        self.png = png_bytes(fig, dpi=dpi, colours=colours)

    def _repr_mimebundle_(self, **kwargs):
        data = base64.b64encode(self.png).decode("ascii")
        text = html.escape(self.alt)
        figure = (f'<figure class="{FRAME_CLASS} dimples-picture" style="margin:0">'
                  f'<img src="data:image/png;base64,{data}" alt="{text}" style="max-width:100%;height:auto">'
                  f'<figcaption class="dimples-alt" aria-hidden="true" style="{_CAPTION_STYLE}">'
                  f"{text}</figcaption></figure>")
        return {"text/html": figure, "image/png": data,
                "text/plain": f"Figure: {self.alt} [{frame_fingerprint([self.png])}]"}


def quiz_from(registry, key, what: str) -> Quiz:
    """Build the :class:`Quiz` stored under ``key`` in a view's quiz registry.

    Parameters
    ----------
    registry : mapping of str to dict
        Quiz key -> the keyword arguments of :class:`Quiz` (``question``,
        ``choices``, ``correct``, ``feedback``, ``reread``...), as each
        notebook's view module keeps them in its ``QUIZZES``.
    key : str
        Which quiz.
    what : str
        What the registry holds, for the error message (``"quiz of notebook 06"``).

    Returns
    -------
    Quiz

    Raises
    ------
    ValueError
        If ``key`` is not in ``registry``.
    """
    return Quiz(**lookup(registry, key, what))


def quiz_picker(registry, notebook: str, module: str) -> Callable[[str], Quiz]:
    """Make a view's ``quiz(key)`` function: the :class:`Quiz` stored under ``key`` in its ``QUIZZES``.

    Every view module keeps its notebook's quizzes as data in ``QUIZZES`` and
    exposes ``quiz = quiz_picker(QUIZZES, "NN", __name__)``, so a notebook
    cell reads ``quiz("key")`` and the lookup is written once.

    Parameters
    ----------
    registry : mapping of str to dict
        Quiz key -> the keyword arguments of :class:`Quiz`.
    notebook : str
        The notebook's two-digit number, for messages and the docstring (``"03"``).
    module : str
        The view module's name (``__name__``), so the function is documented and tested there.

    Returns
    -------
    callable
        ``quiz(key) -> Quiz``, raising ValueError for an unknown key.

    Raises
    ------
    ValueError
        If ``registry`` is not a mapping or ``notebook`` / ``module`` is not a string.
    """
    if not isinstance(registry, Mapping):
        raise ValueError(f"registry={short_repr(registry)}: expected a mapping of quiz keys to Quiz arguments")
    for name, value in (("notebook", notebook), ("module", module)):
        if not isinstance(value, str):
            raise ValueError(f"{name}={value!r}: expected a string")

    def quiz(key: str) -> Quiz:
        return quiz_from(registry, key, f"quiz of notebook {notebook}")

    quiz.__module__ = module
    quiz.__doc__ = f"""The quiz of notebook {notebook} called ``key``, one of its view's ``QUIZZES``.

    Parameters
    ----------
    key : str
        A key of ``QUIZZES``.

    Returns
    -------
    dimples.widgets.Quiz
        The multiple-choice widget, with feedback for every choice.

    Raises
    ------
    ValueError
        If ``key`` is not a key of ``QUIZZES``.
    """
    return quiz
