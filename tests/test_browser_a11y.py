"""Accessibility in the browser: a keyboard-only walk and the accessibility tree of the static pages.

Builds the static pages of the body-fat notebook (04) and the review (07) (with the glossary,
the instructor guide and the index, which the build writes beside them), serves them on
loopback and, in headless Chromium:

- audits the index, glossary and guide with axe-core (WCAG 2.0/2.1 A and AA); every notebook
  page is audited in test_browser_static.py, every slide in test_browser_a11y_slides.py and
  every notebook panel of JupyterLab in test_browser_lab.py;
- walks each notebook page with the keyboard only (Tab, arrows, Space): every slider is
  reached and moved, its value announced as the label shown and the picture's alt text
  changing; every toggle group switched; every quiz answered with its feedback in a live
  region. The number of Tab stops before the first slider is reported and must stay under 10;
- reads Playwright's aria snapshot of every widget: sliders named by their description with
  their label as value, pictures with their alt text, toggles pressed or not, quizzes as
  named radio groups, drop-downs named "Marker N".
"""

from __future__ import annotations

import json
import re

import pytest
from browser_support import ARTIFACTS, NOTEBOOKS, axe_problems, keyboard_walk

from dimples.tooling import browser as web
from dimples.tooling.pages import render

pytestmark = pytest.mark.browser

#: The pages walked by keyboard: the body-fat notebook and the review (by number, whatever their names).
WALKED = [p for p in NOTEBOOKS if p.name[:2] in ("04", "07")]
#: Tab presses allowed before the first slider of a page has the focus.
MAX_TABS_TO_SLIDER = 10


@pytest.fixture(scope="module")
def pages(chromium, tmp_path_factory):
    if not WALKED:
        pytest.skip("neither notebook 04 nor 07 is here")
    out = tmp_path_factory.mktemp("a11y")
    render(WALKED, out, kind="html", offline=True, log=lambda s: None)
    with web.serve_directory(out) as base:
        yield base


@pytest.fixture(scope="module")
def tab(guarded):
    context, guard = guarded
    page = guard.watch(context.new_page())
    yield page, guard
    page.close()


def _open(page, url):
    page.goto(url, wait_until="load")
    unrendered = page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
    assert not unrendered, f"{url}: widget views did not render: {unrendered}"


def test_kit_pages_pass_axe(pages, tab):
    page, guard = tab
    problems = []
    for name in ("index.html", "glossary.html", "instructor_guide.html"):
        page.goto(f"{pages}/{name}", wait_until="load")
        if page.title():
            problems += axe_problems(name, web.axe_audit(page))
    blocked, errors = guard.take()
    assert not problems and not blocked and not errors, "\n".join(problems + blocked + errors)


@pytest.mark.parametrize("notebook", WALKED, ids=[p.stem for p in WALKED])
def test_keyboard_walk(notebook, pages, tab):
    page, guard = tab
    _open(page, f"{pages}/{notebook.stem}.html")
    problems: list[str] = []
    result = keyboard_walk(page, notebook.stem, problems)
    report = ARTIFACTS / "keyboard-walk.json"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    known = json.loads(report.read_text()) if report.is_file() else {}
    known[notebook.stem] = result
    report.write_text(json.dumps(known, indent=1))
    print(f"{notebook.stem}: {result}")
    if result["sliders"]:
        if result["to_first_slider"] is None or result["to_first_slider"] >= MAX_TABS_TO_SLIDER:
            problems.append(f"{notebook.stem}: {result['to_first_slider']} Tab stops to the first slider "
                            f"(at most {MAX_TABS_TO_SLIDER - 1} allowed)")
    blocked, errors = guard.take()
    problems += blocked + errors
    assert not problems, "\n".join(problems)


_TREE_JS = """() => [...document.querySelectorAll('.dimples-widget')].filter(w => !w.parentElement.closest('.dimples-widget'))
  .map((w, i) => { w.setAttribute('data-tree', String(i));
    const shown = [...w.querySelectorAll('img')].find(im => !im.hidden && im.offsetParent !== null);
    return {i, sliders: [...w.querySelectorAll('.widget-slider')].map(s => [
              (s.querySelector('.widget-label') || {}).textContent || '',
              (s.querySelector('.widget-readout') || {}).textContent || '']),
            alt: shown ? shown.alt : null,
            toggles: [...w.querySelectorAll('.widget-toggle-buttons button')].map(b => [b.textContent.trim(),
              b.classList.contains('mod-active')]),
            question: ((w.querySelector('.dimples-question') || {}).textContent || '').trim(),
            radios: w.querySelectorAll('input[type=radio]').length,
            select: ((w.querySelector('.widget-dropdown .widget-label') || {}).textContent || '').trim()}; })"""


@pytest.mark.parametrize("notebook", WALKED, ids=[p.stem for p in WALKED])
def test_accessibility_tree_names_and_values(notebook, pages, tab):
    page, guard = tab
    _open(page, f"{pages}/{notebook.stem}.html")
    problems = []
    for w in page.evaluate(_TREE_JS):
        tree = page.locator(f'[data-tree="{w["i"]}"]').aria_snapshot()
        where = f"{notebook.stem} widget {w['i']}"
        for label, _readout in w["sliders"]:
            if not re.search(rf'- slider "{re.escape(label.strip())}"[^\n]*', tree):
                problems.append(f"{where}: no slider named {label!r} in\n{tree}")
        # A snapshot line holding ": " is YAML-quoted in single quotes, which doubles each apostrophe.
        img = f'img "{w["alt"]}"'
        if w["alt"] is not None and img not in tree and img.replace("'", "''") not in tree:
            problems.append(f"{where}: the picture shown is not an image named by its alt text {w['alt']!r} in\n{tree}")
        for text, on in w["toggles"]:
            want = f'button "{text}" [pressed]' if on else f'button "{text}"'
            if want not in tree or (not on and f'button "{text}" [pressed]' in tree):
                problems.append(f"{where}: toggle {text!r} should be {'pressed' if on else 'not pressed'}")
        if w["radios"] and f'radiogroup "{w["question"]}"' not in tree:
            problems.append(f"{where}: the quiz's radios are not a group named by the question {w['question']!r}")
        if w["select"] and not re.search(rf'combobox "{re.escape(w["select"])}"', tree):
            problems.append(f"{where}: the drop-down is not named {w['select']!r}")
    # The values a screen reader announces: Chromium's own accessibility tree (over CDP).
    want = [tuple(x.strip() for x in pair) for w in page.evaluate(_TREE_JS) for pair in w["sliders"]]
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    # Names from Chromium's tree; the value read is aria-valuetext (CDP's "valuetext" property
    # comes back empty for noUiSlider's handle in Chromium here, so it is read from the element).
    texts = page.evaluate("() => [...document.querySelectorAll('.dimples-widget [role=slider]')]"
                          ".filter(h => h.offsetParent !== null).map(h => h.getAttribute('aria-valuetext') || '')")
    names = [(n.get("name") or {}).get("value", "")
             for n in nodes if (n.get("role") or {}).get("value") == "slider" and not n.get("ignored")]
    got = list(zip(names, texts, strict=False)) if len(names) == len(texts) else [(n, "?") for n in names]
    if got != want:
        problems.append(f"{notebook.stem}: sliders in the accessibility tree (name, value) are {got}; expected {want}")
    blocked, errors = guard.take()
    problems += blocked + errors
    assert not problems, "\n".join(problems[:20])
