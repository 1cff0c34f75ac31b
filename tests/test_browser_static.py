"""The static render works in a real browser: every slider moves its picture, every quiz answers.

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
from browser_support import NOTEBOOK_IDS, NOTEBOOKS, describe, shot_name

from dimples.tooling import browser as web
from dimples.tooling.build import WIDGET_STATE_KEY
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


def _slider_labels(nb) -> dict[tuple[str, str], list[list[str]]]:
    """(description, label shown first) -> label lists of the notebook's SelectionSlider models."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})
    found: dict = {}
    for m in state.values():
        s = m.get("state", {})
        if m.get("model_name") == "SelectionSliderModel":
            labels = s.get("_options_labels", [])
            idx = s.get("index", 0)
            key = (s.get("description", ""), labels[idx] if labels else "")
            found.setdefault(key, []).append(labels)
    return found


def _check_slider(page, nb_id, root, slider, expected_labels, problems):
    """Move a slider with the keyboard (one step, to the end, to the start); each move must swap the picture."""
    where = f"{nb_id}: {describe(root)}, slider {slider['label'].strip()!r}"
    if slider["index"] is None or slider["max"] is None:
        problems.append(f"{where}: no slider handle rendered")
        return
    if slider["max"] < 1:
        return  # a one-value slider cannot move
    picture = web.shown_picture(page, root["sel"])
    if picture is None or picture.startswith("undecodable"):
        problems.append(f"{where}: shows no picture ({picture})")
        return
    index, readout = slider["index"], slider["readout"]
    step = "ArrowRight" if index < slider["max"] else "ArrowLeft"
    for key in (step, "End", "Home"):
        new_index, new_readout = index, readout
        web.press_on_handle(page, slider["sel"], key)
        for _ in range(50):
            new_index, new_readout = web.slider_state(page, slider["sel"])
            if new_index != index:
                break
            page.wait_for_timeout(20)
        if new_index == index:
            if key == step:  # End/Home may legitimately stay put (already there)
                problems.append(f"{where}: {key} on the handle did not move the slider (index stays {index})")
                return
            continue
        new_picture = web.shown_picture(page, root["sel"], differs_from=picture)
        if new_picture == picture:
            problems.append(f"{where}: {key} moved the slider to index {new_index} ({new_readout!r}) "
                            f"but the picture did not change")
        if new_readout == readout:
            problems.append(f"{where}: {key}: the readout stayed {readout!r} at index {new_index}")
        if expected_labels and not any(0 <= new_index < len(lab) and lab[new_index] == new_readout
                                       for lab in expected_labels):
            problems.append(f"{where}: {key}: readout {new_readout!r} at index {new_index} is not that "
                            f"position's label")
        index, readout, picture = new_index, new_readout, new_picture


def _check_toggles(page, nb_id, root, problems):
    where = f"{nb_id}: {describe(root)}"
    buttons = page.locator(f"{root['sel']} .widget-toggle-buttons button")
    if buttons.count() < 2:
        return
    before = web.shown_picture(page, root["sel"])
    pressed = [b.get_attribute("class") or "" for b in buttons.all()]
    other = next((i for i, c in enumerate(pressed) if "mod-active" not in c), 1)
    buttons.nth(other).click()
    after = web.shown_picture(page, root["sel"], differs_from=before)
    if after == before:
        problems.append(f"{where}: choosing {root['toggles'][other]!r} did not change the picture")


def _check_quiz(page, nb_id, root, problems):
    where = f"{nb_id}: {describe(root)}"
    verdicts = []
    for i, label in enumerate(root["radios"] or root["options"]):
        if root["radios"]:
            page.locator(f"{root['sel']} .widget-radio-box input[type=radio]").nth(i).check()
        else:  # a compact quiz: the same answers in a drop-down list
            page.locator(f"{root['sel']} .widget-dropdown select").select_option(index=i)
        text = ""
        for _ in range(40):
            text = page.evaluate("""(sel) => { const r = document.querySelector(sel);
                const boxes = [...r.querySelectorAll('.widget-html-content')].slice(1);
                return boxes.filter(b => b.offsetParent !== null).map(b => b.textContent).join(' ').trim(); }""",
                                 root["sel"])
            if text:
                break
            page.wait_for_timeout(50)
        if text.startswith("Right."):
            verdicts.append("right")
        elif text.startswith("Not quite."):
            verdicts.append("wrong")
            if len(text) < len("Not quite.") + 10:
                problems.append(f"{where}: answer {label!r} says 'Not quite.' without explaining")
        else:
            problems.append(f"{where}: answer {label!r} shows {text[:60]!r}, expected 'Right.' or 'Not quite.'")
            verdicts.append("?")
    if verdicts.count("right") != 1 or "wrong" not in verdicts:
        problems.append(f"{where}: expected one right and at least one wrong answer, got {verdicts}")


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
        roots = page.evaluate(web.DESCRIBE_WIDGETS_JS, ".jp-OutputArea-output")
        labels = _slider_labels(nb)
        for root in roots:
            for slider in root["sliders"]:
                expected = labels.get((slider["label"], slider["readout"]), [])
                _check_slider(page, nb_id, root, slider, expected, problems)
            if root["toggles"]:
                _check_toggles(page, nb_id, root, problems)
            if root["radios"] or root["options"]:
                _check_quiz(page, nb_id, root, problems)
        page.screenshot(path=artifacts / f"static-{shot_name(nb_id)}.png", full_page=True)
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
