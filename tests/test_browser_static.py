"""The static render works in a real browser: every slider moves its picture, every quiz answers.

Each widget's fallback (its first picture, a quiz's question and answers, in the output after it)
must have stepped aside once the widget is drawn.

Builds the HTML pages and the slides once with ``--offline`` into a temporary
folder, serves them on loopback, and opens each in headless Chromium with
every request leaving loopback blocked (and counted as a failure). No
kernel is involved: what moves the pictures is the saved widget state.
Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import os

import nbformat
import pytest
from browser_support import (
    BESIDE_DRAWN_WIDGETS_JS,
    NOTEBOOK_IDS,
    NOTEBOOKS,
    axe_problems,
    describe,
    shot_name,
    walk_widgets,
)

from dimples.tooling import browser as web
from dimples.tooling.pages import render, widget_state_problems
from dimples.tooling.web_assets import OfflineAssetsError

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def static_site(tmp_path_factory, chromium):  # chromium first: skip before building
    """The offline HTML pages and slides of every notebook, built once, served on loopback."""
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/")
    out = tmp_path_factory.mktemp("site")
    try:
        render(NOTEBOOKS, out / "html", kind="html", offline=True, log=lambda s: None)
        render(NOTEBOOKS, out / "slides", kind="slides", offline=True, log=lambda s: None)
    except OfflineAssetsError as exc:  # no npm and nothing cached in build/npm
        if os.environ.get("DIMPLES_REQUIRE_BROWSER") == "1":
            pytest.fail(f"static browser tests required but the offline build failed: {exc}", pytrace=False)
        pytest.skip(f"static browser tests skipped: {exc}")
    with web.serve_directory(out) as base:
        yield base


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_page_widgets_work_without_kernel(notebook, static_site, guarded, artifacts):
    context, guard = guarded
    nb = nbformat.read(notebook, as_version=4)
    nb_id = notebook.stem
    problems = [f"{nb_id}: {p}" for p in widget_state_problems(nb)]
    page = guard.watch(context.new_page())
    try:
        page.goto(f"{static_site}/html/{nb_id}.html", wait_until="load")
        unrendered = page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
        problems += [f"{nb_id}: widget view {m} did not render" for m in unrendered]
        shown = page.evaluate(BESIDE_DRAWN_WIDGETS_JS, "body")
        problems += [f"{nb_id}: beside a drawn widget its cell still shows {what!r}" for what in shown]
        # WCAG 2.0/2.1 A and AA (axe-core) on the page as it opens, every widget drawn.
        problems += axe_problems(f"{nb_id} page", web.axe_audit(page))
        walk_widgets(page, nb, nb_id, ".jp-OutputArea-output", problems)
        # The whole page, for a person to look at; JPEG: a tall page encodes twice as fast as PNG.
        page.screenshot(path=artifacts / f"static-{shot_name(nb_id)}.jpg", full_page=True, type="jpeg", quality=80)
    finally:
        blocked, errors = guard.take()
        page.close()
    problems += [f"{nb_id}: request left loopback (blocked): {u}" for u in blocked]
    problems += [f"{nb_id}: {e}" for e in errors]
    assert not problems, "\n".join(problems)


def test_index_links_every_page_in_order(static_site, guarded):
    context, guard = guarded
    page = guard.watch(context.new_page())
    try:
        for kind, suffix in (("html", ".html"), ("slides", ".slides.html")):
            page.goto(f"{static_site}/{kind}/index.html")
            hrefs = page.eval_on_selector_all("ol a", "as => as.map(a => a.getAttribute('href'))")
            expected = [f"{i}{suffix}" for i in NOTEBOOK_IDS]
            if kind == "html":  # then the glossary and the instructor guide
                expected += [f"{md.stem}.html" for md in sorted(NOTEBOOKS[0].parent.glob("*.md"))]
            assert hrefs == expected, f"{kind}/index.html links {hrefs}"
    finally:
        blocked, errors = guard.take()
        page.close()
    assert not blocked and not errors, blocked + errors


def test_slides_render_widgets_and_move_a_slider(static_site, guarded, artifacts):
    """In the reveal.js slides of the first notebook with a slider, the widgets render and a slider moves."""
    context, guard = guarded
    with_slider = [p for p in NOTEBOOKS if '"SelectionSliderModel"' in p.read_text(encoding="utf-8")]
    if not with_slider:
        pytest.skip("no notebook has a slider yet")
    nb_id = with_slider[0].stem
    page = guard.watch(context.new_page())
    problems = []
    try:
        page.goto(f"{static_site}/slides/{nb_id}.slides.html", wait_until="load")
        page.wait_for_selector(".reveal.ready", state="attached", timeout=15000)
        unrendered = page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
        problems += [f"{nb_id} slides: widget view {m} did not render" for m in unrendered]
        shown = page.evaluate(BESIDE_DRAWN_WIDGETS_JS, ".reveal")
        problems += [f"{nb_id} slides: beside a drawn widget its cell still shows {what!r}" for what in shown]
        roots = [r for r in page.evaluate(web.DESCRIBE_WIDGETS_JS, ".reveal .jp-OutputArea-output") if r["sliders"]]
        root = roots[0]
        # Go to the slide holding the widget, then move its slider.
        # (reveal.js is loaded through require.js, so it is not a global: use its URL hash.)
        page.evaluate("""(sel) => { const s = document.querySelector(sel).closest('section');
            const top = s.parentElement.closest('section');
            const hs = [...document.querySelectorAll('.reveal .slides > section')];
            location.hash = top ? '#/' + hs.indexOf(top) + '/' + [...top.children].filter(
                c => c.tagName === 'SECTION').indexOf(s) : '#/' + hs.indexOf(s); }""", root["sel"])
        page.wait_for_timeout(900)  # slide transition
        slider = root["sliders"][0]
        before = web.shown_picture(page, root["sel"])
        key = "ArrowRight" if slider["index"] < slider["max"] else "ArrowLeft"
        slide = page.evaluate("() => location.hash")
        web.press_on_handle(page, slider["sel"], key)
        after = web.shown_picture(page, root["sel"], differs_from=before)
        page.wait_for_timeout(300)
        if page.evaluate("() => location.hash") != slide:
            problems.append(f"{nb_id} slides: {key} on {describe(root)} also changed the slide")
        if before is None or after == before:
            problems.append(f"{nb_id} slides: {describe(root)}: the picture did not change")
        page.screenshot(path=artifacts / f"slides-{shot_name(nb_id)}.png")
    finally:
        blocked, errors = guard.take()
        page.close()
    problems += [f"{nb_id} slides: request left loopback (blocked): {u}" for u in blocked]
    problems += [f"{nb_id} slides: {e}" for e in errors]
    assert not problems, "\n".join(problems)


def test_markdown_pages_render_tables_and_point_links_at_pages(tmp_path):
    """The glossary and instructor guide become pages whose notebook links open the rendered pages."""
    from dimples.tooling.pages import markdown_page

    md = tmp_path / "guide.md"
    md.write_text("# Guide\n\n| a | b |\n|---|---|\n| [one](01_x.ipynb#top) | [g](glossary.md) |\n"
                  "[other](02_y.ipynb)\n", encoding="utf-8")
    page = markdown_page(md, built={"01_x"})
    assert "<table>" in page and "<title>Guide</title>" in page
    assert 'href="01_x.html#top"' in page and 'href="glossary.html"' in page
    assert 'href="02_y.ipynb"' in page, "a notebook not rendered beside the page keeps its link"
    with pytest.raises(ValueError, match="path="):
        markdown_page(tmp_path / "missing.md", built=set())
