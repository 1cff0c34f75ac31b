"""Unit tests of the kernel-free widgets: frames, labels, links, fallbacks, bad input."""

from __future__ import annotations

import base64

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget_link import Link

from dimples.style import new_figure
from dimples.widgets import (
    FALLBACK_CLASS,
    WIDGET_CLASS,
    WIDGET_CSS,
    FrameGrid,
    FrameSlider,
    FrameSpace,
    Picture,
    Quiz,
    frame_fingerprint,
)


def draw_line(slope):
    fig, ax = new_figure(3, 2)
    ax.plot([0, 1], [0, slope])
    ax.set_ylim(-3, 3)
    return fig


VIEW = "application/vnd.jupyter.widget-view+json"


def displayed(widget, monkeypatch) -> list[dict]:
    """The bundles ``display(widget)`` publishes, in order."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append(obj) if raw else None)
    widget._ipython_display_()
    return shown


def link_pairs(widget):
    return [((lk.source[0], lk.source[1]), (lk.target[0], lk.target[1])) for lk in widget.links]


class TestFrameSlider:
    def test_frames_labels_and_initial_index(self):
        s = FrameSlider([1, 2, 3], draw_line, labels=["one", "two", "three"], description="Slope", initial=2)
        assert len(s.frames) == 3 and len(s.stack.children) == 3
        assert all(isinstance(c, w.HTML) and base64.b64encode(f).decode() in c.value
                   for c, f in zip(s.stack.children, s.frames, strict=True))
        assert [label for label, _ in s.slider.options] == ["one", "two", "three"]
        assert s.slider.index == 2 and s.stack.selected_index == 2
        assert len(set(s.frames)) == 3, "different values must give different frames"

    def test_slider_index_is_linked_to_stack_in_the_browser(self):
        s = FrameSlider([1, 2], draw_line)
        assert link_pairs(s) == [((s.slider, "index"), (s.stack, "selected_index"))]
        assert all(isinstance(lk, Link) for lk in s.links)

    def test_display_bundle_has_widget_view_note_and_fingerprint(self):
        s = FrameSlider([1, 2, 3], draw_line, initial=1, description="Slope")
        bundle = s._repr_mimebundle_()
        assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == s.model_id
        assert "3 frames" in bundle["text/plain"] and frame_fingerprint(s.frames) in bundle["text/plain"]
        assert "showing '2'" in bundle["text/plain"]
        assert "image/png" not in bundle, "the picture is the next output's, not shown twice where widgets do not run"
        assert "dimples-needs-widgets" in bundle["text/html"] and "slider" in bundle["text/html"]

    def test_displays_the_widget_then_its_first_picture(self, monkeypatch):
        s = FrameSlider([1, 2, 3], draw_line, initial=1, description="Slope", alt="Three lines.")
        shown = displayed(s, monkeypatch)
        assert len(shown) == 2 and shown[0][VIEW]["model_id"] == s.model_id
        assert set(shown[1]) == {"image/png", "text/plain"}, "the fallback: a picture nbconvert keeps"
        assert base64.b64decode(shown[1]["image/png"]) == s.frames[1]
        assert shown[1]["text/plain"] == "Picture at '2': Three lines. (Slope: 2)"
        assert WIDGET_CLASS in s._dom_classes

    def test_frames_are_small_palette_pngs(self):
        s = FrameSlider([1], draw_line)
        assert s.frames[0].startswith(b"\x89PNG") and len(s.frames[0]) < 20_000

    def test_rendering_is_deterministic(self):
        assert FrameSlider([1, 2], draw_line).frames == FrameSlider([1, 2], draw_line).frames

    @pytest.mark.parametrize(
        "kwargs, match",
        [
            (dict(values=[], draw=draw_line), "values"),
            (dict(values="abc", draw=draw_line), "values"),
            (dict(values=[1, 2], draw="not callable"), "draw"),
            (dict(values=[1, 2], draw=lambda v: None), "matplotlib Figure"),
            (dict(values=[1, 2], draw=draw_line, labels=["a", "a"]), "duplicate"),
            (dict(values=[1, 2], draw=draw_line, labels=["a"]), "one label per value"),
            (dict(values=[1, 2], draw=draw_line, initial=2), "initial"),
            (dict(values=[1, 2], draw=draw_line, initial=-1), "initial"),
        ],
    )
    def test_bad_arguments_raise_value_error_naming_them(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            FrameSlider(**kwargs)


def draw3(sign, scale, slope):
    return draw_line(sign * scale * slope)


SPACE = [("Sign", [1, -1], ["up", "down"]), ("Scale", [0.5, 1.0, 2.0], None), ("Slope", [0.5, 1.0, 1.5, 2.0], None)]


class TestFrameSpace:
    def test_nested_stacks_one_level_per_control_each_control_linked_to_its_level(self):
        fs = FrameSpace(SPACE, draw3, initial=(1, 2, 3))
        assert len(fs.frames) == 2 * 3 * 4 and len(fs.toggles) == 2
        outer = fs.stack
        assert len(outer.children) == 2 and all(len(s.children) == 3 for s in outer.children)
        leaves = [t for s in outer.children for t in s.children]
        assert all(len(t.children) == 4 for t in leaves)
        pairs = link_pairs(fs)
        assert ((fs.toggles[0], "index"), (outer, "selected_index")) in pairs
        assert all(((fs.toggles[1], "index"), (s, "selected_index")) in pairs for s in outer.children)
        assert all(((fs.slider, "index"), (t, "selected_index")) in pairs for t in leaves)
        assert len(pairs) == 1 + 2 + 6
        # The frame shown first is the initial combination's, and each frame is its own drawing.
        shown = outer.children[1].children[2].children[3]
        assert base64.b64encode(fs.frames[(1, 2, 3)]).decode() in shown.value
        assert fs.frames[(1, 2, 3)] == FrameSlider([-4.0], draw_line).frames[0]

    def test_alts_and_notes_follow_every_control(self):
        fs = FrameSpace(SPACE, draw3, alts=lambda a, b, c: f"sign {a} scale {b} slope {c}",
                        notes=lambda a, b, c: f"note {a}/{c}", format="webp")
        assert fs.alts[(1, 0, 2)] == "sign -1 scale 0.5 slope 1.5"
        assert 'alt="sign -1 scale 0.5 slope 1.5"' in fs.stack.children[1].children[0].children[2].value
        assert fs.frames[(0, 0, 0)][8:12] == b"WEBP"
        assert fs.notes[(0, 1, 3)] == "note 1/2.0"
        assert len(link_pairs(fs)) == 2 * (1 + 2 + 6), "the notes beside the slider are stacks linked the same way"

    def test_fallback_is_the_initial_frame_as_png(self, monkeypatch):
        fs = FrameSpace(SPACE, draw3, initial=(0, 1, 2), format="webp", alt="Lines.")
        shown = displayed(fs, monkeypatch)
        assert shown[1]["image/png"] and base64.b64decode(shown[1]["image/png"]).startswith(b"\x89PNG")
        assert "2 x 3 x 4 frames" in shown[0]["text/plain"] and "showing ('up', '1.0', '1.5')" in shown[0]["text/plain"]

    @pytest.mark.parametrize(
        "kwargs, match",
        [
            (dict(controls=[("Sign", [1], None)], draw=draw3), "at least two"),
            (dict(controls=[("Sign", [1], None), "Scale"], draw=draw3), r"controls\[1\]"),
            (dict(controls=[("Sign", [], None), ("Scale", [1], None)], draw=draw3), "values"),
            (dict(controls=SPACE, draw=draw3, initial=(0, 0)), "initial"),
            (dict(controls=SPACE, draw=draw3, initial=(0, 0, 4)), r"initial\[2\]"),
            (dict(controls=SPACE, draw=draw3, alts="x"), "alts"),
            (dict(controls=SPACE, draw=draw3, notes=lambda *v: 3), "notes"),
            (dict(controls=SPACE, draw=draw3, format="gif"), "format"),
        ],
    )
    def test_bad_arguments_raise_value_error_naming_them(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            FrameSpace(**kwargs)


class TestFrameGrid:
    def test_stack_of_stacks_with_both_controls_linked(self):
        g = FrameGrid(["a", "b"], [1, 2, 3], lambda r, c: draw_line(c if r == "a" else -c),
                      row_description="Row", col_description="Col", initial=(1, 2))
        assert len(g.stack.children) == 2 and all(len(s.children) == 3 for s in g.stack.children)
        assert g.toggle.index == 1 and g.stack.selected_index == 1
        assert all(s.selected_index == 2 for s in g.stack.children)
        pairs = link_pairs(g)
        assert pairs[0] == ((g.toggle, "index"), (g.stack, "selected_index"))
        assert pairs[1:] == [((g.slider, "index"), (s, "selected_index")) for s in g.stack.children]
        assert g.frames[0][0] != g.frames[1][0]

    def test_fallback_shows_initial_cell(self, monkeypatch):
        g = FrameGrid(["a", "b"], [1, 2], lambda r, c: draw_line(c if r == "a" else -c), initial=(1, 0))
        view, fallback = displayed(g, monkeypatch)
        assert base64.b64decode(fallback["image/png"]) == g.frames[1][0]
        assert "2 x 2 frames" in view["text/plain"] and "image/png" not in view
        assert fallback["text/plain"].startswith("Picture at ('b', '1')")
        assert WIDGET_CLASS in g._dom_classes

    @pytest.mark.parametrize(
        "kwargs, match",
        [
            (dict(rows=[], cols=[1]), "rows"),
            (dict(rows=[1], cols=[]), "cols"),
            (dict(rows=[1, 2], cols=[1], row_labels=["x", "x"]), "duplicate"),
            (dict(rows=[1], cols=[1, 2], col_labels=["x"]), "one label per value"),
            (dict(rows=[1], cols=[1], initial=(0, 1)), r"initial\[1\]"),
            (dict(rows=[1], cols=[1], initial=0), "initial"),
        ],
    )
    def test_bad_arguments(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            FrameGrid(draw=lambda r, c: draw_line(c), **kwargs)

    def test_draw_must_return_a_figure(self):
        with pytest.raises(ValueError, match="matplotlib Figure"):
            FrameGrid([1], [1], lambda r, c: "nope")


class TestQuiz:
    def make(self):
        return Quiz("Where are the dimples?", ["Over the PSIS", "Over L1"], 0, ["Yes, over the PSIS.", "No."],
                    reread="01 surface anatomy")

    def test_choices_link_to_feedback_and_nothing_is_chosen_first(self):
        q = self.make()
        assert q.choice.index is None and q.stack.selected_index is None
        assert link_pairs(q) == [((q.choice, "index"), (q.stack, "selected_index"))]
        panels = [c.value for c in q.stack.children]
        assert "Right." in panels[0] and "Not quite." in panels[1]
        assert "Reread: 01 surface anatomy" in panels[1] and "Reread" not in panels[0]

    def test_fallback_is_html_with_answers_folded(self, monkeypatch):
        q = self.make()
        view, fallback = displayed(q, monkeypatch)
        assert "answer: 'Over the PSIS'" in view["text/plain"] and "<details>" not in view["text/html"]
        assert fallback["text/html"].startswith(f'<div class="{FALLBACK_CLASS}">')
        assert "<details>" in fallback["text/html"] and "Over L1" in fallback["text/html"]
        assert fallback["text/plain"] == "Quiz: Where are the dimples? (2 choices)"
        assert WIDGET_CLASS in q._dom_classes and WIDGET_CSS in q.children[0].value

    def test_feedback_is_escaped(self):
        q = Quiz("2 < 3?", ["yes", "no"], 0, ["<b>x</b>", "y"])
        assert "&lt;b&gt;x&lt;/b&gt;" in q.stack.children[0].value

    @pytest.mark.parametrize(
        "args, match",
        [
            (("", ["a", "b"], 0, ["x", "y"]), "question"),
            (("Q", ["a"], 0, ["x"]), "at least two"),
            (("Q", ["a", "a"], 0, ["x", "y"]), "duplicate"),
            (("Q", ["a", "b"], 2, ["x", "y"]), "correct"),
            (("Q", ["a", "b"], 0, ["x"]), "feedback"),
            (("Q", ["a", "b"], 0, "xy"), "feedback"),
        ],
    )
    def test_bad_arguments(self, args, match):
        with pytest.raises(ValueError, match=match):
            Quiz(*args)


class TestFingerprintAndPicture:
    def test_fingerprint_ignores_tiny_pixel_noise_but_sees_content(self):
        from io import BytesIO

        import numpy as np
        from PIL import Image

        base = np.full((320, 320, 3), 200, np.uint8)
        base[100:200, 100:200] = 30

        def png(a):
            buf = BytesIO()
            Image.fromarray(a).save(buf, format="PNG")
            return buf.getvalue()

        noisy = base.copy()
        noisy[0, 0] = 0  # one pixel: far below one quantisation step of a block mean
        moved = np.roll(base, 60, axis=1)
        assert frame_fingerprint([png(base)]) == frame_fingerprint([png(noisy)])
        assert frame_fingerprint([png(base)]) != frame_fingerprint([png(moved)])

    @pytest.mark.parametrize("frames", [[], b"abc", [b"not a png"]])
    def test_fingerprint_bad_input(self, frames):
        with pytest.raises(ValueError, match="frames"):
            frame_fingerprint(frames)

    def test_picture_bundle(self):
        p = Picture(draw_line(1), alt="A rising line.")
        bundle = p._repr_mimebundle_()
        assert bundle["text/plain"].startswith("Figure: A rising line.")
        assert base64.b64decode(bundle["image/png"]) == p.png

    def test_picture_needs_alt_text(self):
        with pytest.raises(ValueError, match="alt"):
            Picture(draw_line(1), alt=" ")


def test_compact_quiz_uses_a_dropdown_linked_the_same_way():
    q = Quiz("Marker 1?", ["PSIS", "S2"], 0, ["Yes.", "No."], compact=True)
    assert isinstance(q.choice, w.Dropdown) and q.choice.index is None
    assert link_pairs(q) == [((q.choice, "index"), (q.stack, "selected_index"))]
    with pytest.raises(ValueError, match="compact"):
        Quiz("Q", ["a", "b"], 0, ["x", "y"], compact="yes")


def test_frame_stacks_keep_every_frame_rendered_and_hide_their_tab_bar():
    from dimples.widgets import FRAME_STACK_CLASS

    s = FrameSlider([1, 2], draw_line, alt="Two lines.")
    g = FrameGrid(["a", "b"], [1, 2], lambda r, c: draw_line(c))
    for stack in (s.stack, g.stack, *g.stack.children):
        assert isinstance(stack, w.Tab) and FRAME_STACK_CLASS in stack._dom_classes
    captions = [c for c in s.children if isinstance(c, w.HTML)]
    assert len(captions) == 1 and f".{FRAME_STACK_CLASS} > .lm-TabBar" in captions[0].value
    assert "Two lines." in s.stack.children[0].value, "each frame carries its caption"


def test_style_hides_a_drawn_widgets_fallback_and_a_second_drawing():
    """The rules each widget carries: one per purpose, so a browser without :has() keeps the tab-bar rules."""
    rules = [r for r in WIDGET_CSS.splitlines() if r]
    fallback = next(r for r in rules if f"+ .jp-OutputArea-child:has(> .jp-RenderedImage, .{FALLBACK_CLASS})" in r)
    assert f".jp-OutputArea-child:has(> .jp-OutputArea-output .{WIDGET_CLASS})" in fallback
    assert any(f":has(.{WIDGET_CLASS}) > .widget-subarea ~ .widget-subarea" in r for r in rules)
    assert any(f".{WIDGET_CLASS} .widget-readout {{max-width: none" in r for r in rules), "readouts show their whole label"
    assert any(r.startswith(f".{WIDGET_CLASS}.jupyter-widgets-disconnected::before") and "display: none" in r
               for r in rules), "no disconnected mark on a widget that needs no kernel"
    assert all(r.endswith("!important;}") for r in rules) and len(rules) == 8
    ring = next(r for r in rules if ":focus-visible" in r)
    assert "outline: 2px solid" in ring and "select:focus-visible" in ring and "button:focus-visible" in ring
    s = FrameSlider([1], draw_line)
    assert WIDGET_CSS in s.children[-1].value


class TestTextAlternatives:
    def test_each_frame_carries_its_own_alt_text_and_caption(self):
        s = FrameSlider([1, 2], draw_line, description="Slope", alts=lambda v: f"A line of slope {v}.")
        assert s.alts == ["A line of slope 1.", "A line of slope 2."]
        for child, alt in zip(s.stack.children, s.alts, strict=True):
            assert f'alt="{alt}"' in child.value and f">{alt}</figcaption>" in child.value
            assert "max-width:100%" in child.value and "height:auto" in child.value
        listed = FrameSlider([1, 2], draw_line, alts=["one", "two"])
        assert listed.alts == ["one", "two"]

    def test_default_alt_names_the_frame(self):
        s = FrameSlider([1, 2], draw_line, description="Slope", alt="Lines.")
        assert s.alts == ["Lines. (Slope: 1)", "Lines. (Slope: 2)"]

    def test_grid_alts(self):
        g = FrameGrid([1, 2], [0.5, 1.0], lambda r, c: draw_line(r * c), alts=lambda r, c: f"{r}x{c}")
        assert g.alts == [["1x0.5", "1x1.0"], ["2x0.5", "2x1.0"]]
        nested = FrameGrid([1, 2], [1], lambda r, c: draw_line(r), alts=[["a"], ["b"]])
        assert [s.children[0].value.count('alt="a"') for s in nested.stack.children] == [1, 0]

    @pytest.mark.parametrize("alts", [["only one"], 3, [""], lambda v: 7])
    def test_bad_alts(self, alts):
        with pytest.raises(ValueError, match="alts"):
            FrameSlider([1, 2], draw_line, alts=alts)

    def test_picture_has_html_with_alt(self):
        p = Picture(draw_line(1), alt="A rising line.")
        bundle = p._repr_mimebundle_()
        assert 'alt="A rising line."' in bundle["text/html"] and "image/png" in bundle

    def test_quiz_names_its_dropdown_and_marks_live_region(self):
        from dimples.widgets import FEEDBACK_CLASS, QUESTION_CLASS

        q = Quiz("Where?", ["a", "b"], 0, ["yes", "no"], compact=True, label="Marker 3")
        assert q.choice.description == "Marker 3"
        assert FEEDBACK_CLASS in q.stack._dom_classes and QUESTION_CLASS in q.children[0].value
        with pytest.raises(ValueError, match="label"):
            Quiz("Where?", ["a", "b"], 0, ["yes", "no"], compact=True, label="")


class TestFormats:
    @pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("webp", b"RIFF"), ("jpeg", b"\xff\xd8")])
    def test_frames_in_each_format_with_png_fallback(self, fmt, magic, monkeypatch):
        s = FrameSlider([1, 2], draw_line, format=fmt, initial=1)
        assert all(f.startswith(magic) for f in s.frames)
        assert f"data:image/{fmt};base64," in s.stack.children[0].value
        shown = displayed(s, monkeypatch)
        assert base64.b64decode(shown[1]["image/png"]).startswith(b"\x89PNG")
        assert len(frame_fingerprint(s.frames)) == 8 and frame_fingerprint(s.frames) in shown[0]["text/plain"]

    def test_webp_is_smaller_for_photo_like_frames(self):
        import numpy as np

        def photo(v):
            fig, ax = new_figure(6, 4)
            y, x = np.mgrid[0:200, 0:300]
            ax.imshow(np.sin(x / (9 + v)) * np.cos(y / 13) + 0.2 * np.random.default_rng(v).random((200, 300)),
                      cmap="gray")
            return fig

        png = FrameSlider([1], photo, dpi=120).frames[0]
        webp = FrameSlider([1], photo, dpi=120, format="webp").frames[0]
        assert len(webp) < len(png) / 2

    def test_grid_formats_and_bad_format(self):
        g = FrameGrid([1], [1, 2], lambda r, c: draw_line(c), format="webp")
        assert g.frames[0][0].startswith(b"RIFF")
        with pytest.raises(ValueError, match="format='gif'"):
            FrameSlider([1], draw_line, format="gif")


def test_pictures_encoded_in_threads_keep_their_order():
    """Frames drawn as pixels are encoded in a pool of threads; each file stays with its value."""
    from PIL import Image

    from dimples.widgets import _render, _render_all

    def grey(level):
        return Image.new("RGB", (40, 30), (level, level, level)) if level % 2 else draw_line(level / 100)

    values = list(range(0, 120, 7))  # odd levels are pictures, even ones figures: both paths, interleaved
    files = _render_all(grey, values, 50, "png")
    assert files == [_render(grey, v, 50, "png") for v in values]
    with pytest.raises(ValueError, match=r"draw\('x'\) returned str"):
        _render_all(lambda v: "not a picture", ["x"], 50, "png")


class TestScaledPicture:
    """A picture computed small and scaled when its frame is encoded (in the encoding threads)."""

    @staticmethod
    def small(level):
        import numpy as np
        from PIL import Image

        rng = np.random.default_rng(level)
        return Image.fromarray(rng.integers(0, 256, (12, 16, 3), dtype=np.uint8))

    @pytest.mark.parametrize("fmt", ["png", "webp"])
    def test_frames_are_the_scaled_pictures(self, fmt):
        from dimples.widgets import ScaledPicture, _encode

        s = FrameSlider([1, 2, 3], lambda v: ScaledPicture(self.small(v), (64, 48)), format=fmt)
        assert s.frames == [_encode(self.small(v).resize((64, 48), 3), fmt) for v in (1, 2, 3)]  # 3: bicubic
        assert ScaledPicture(self.small(1), (64, 48)).scaled().size == (64, 48)

    def test_a_notebook_shows_it_as_the_scaled_picture(self):
        import io

        from PIL import Image

        from dimples.widgets import ScaledPicture

        png = ScaledPicture(self.small(1), (64, 48))._repr_png_()
        with Image.open(io.BytesIO(png)) as im:
            assert im.size == (64, 48)

    @pytest.mark.parametrize("image, size, match", [
        ("picture.png", (64, 48), "image='picture.png'"),
        (None, [64, 48], r"size=\[64, 48\]"),
        (None, (0, 48), r"size=\(0, 48\)"),
        (None, (64.0, 48), r"size=\(64.0, 48\)"),
    ])
    def test_bad_input_names_the_parameter(self, image, size, match):
        from dimples.widgets import ScaledPicture

        with pytest.raises(ValueError, match=match):
            ScaledPicture(self.small(1) if image is None else image, size)


def test_frames_draw_with_one_blas_thread_and_leave_the_users_setting():
    """Idle BLAS threads would spin on the cores that encode frames; the user's setting comes back after."""
    from threadpoolctl import threadpool_info, threadpool_limits

    def blas_threads():
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    seen = []

    def draw(v):
        seen.append(blas_threads())
        return draw_line(v)

    with threadpool_limits(limits=2, user_api="blas"):  # the user's setting (the test process has one)
        before = blas_threads()
        assert before and all(n == 2 for n in before), f"numpy's BLAS as threadpoolctl sees it: {before}"
        FrameSlider([1, 2], draw)
        assert seen and all(n == [1] * len(before) for n in seen)
        assert blas_threads() == before
