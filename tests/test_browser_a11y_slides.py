"""axe-core (WCAG 2.0/2.1 A and AA) on every slide of every slide deck, each slide visited.

Builds the reveal.js slides of every notebook with ``--offline``, serves them on loopback,
and in headless Chromium goes to each slide in turn (by its URL hash: reveal.js is loaded
through require.js, so it is no global) and audits the slide shown, then the whole deck once
(its controls and progress bar). The slides' own accessibility fixes are tested here too: a slide that is
not shown is inert (Tab cannot reach into it).
"""

from __future__ import annotations

import pytest
from browser_support import NOTEBOOK_IDS, NOTEBOOKS, axe_problems

from dimples.tooling import browser as web
from dimples.tooling.pages import render

pytestmark = pytest.mark.browser

_SLIDES_JS = """() => [...document.querySelectorAll('.reveal .slides > section')].flatMap((s, h) => {
  const subs = [...s.children].filter(c => c.tagName === 'SECTION');
  return subs.length ? subs.map((c, v) => '#/' + h + '/' + v) : ['#/' + h]; })"""

_CURRENT_JS = """(hash) => new Promise(resolve => {
  const t0 = performance.now();
  const check = () => {
    const cur = [...document.querySelectorAll('.reveal .slides section.present')].filter(
      s => !s.querySelector('section.present')).pop();
    const leaked = [...document.querySelectorAll('.reveal .slides section:not(.present)')].filter(s => !s.inert).length;
    // The page's script makes slides inert on the next animation frame after reveal.js moves:
    // wait for that too, so only a slide that stays reachable counts as leaked.
    if ((cur && location.hash === hash && !leaked) || performance.now() - t0 > 3000) resolve({ok: !!cur, leaked});
    else setTimeout(check, 20);
  };
  location.hash = hash; check(); })"""


@pytest.fixture(scope="module")
def decks(chromium, tmp_path_factory):
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/")
    out = tmp_path_factory.mktemp("slides")
    render(NOTEBOOKS, out, kind="slides", offline=True, log=lambda s: None)
    with web.serve_directory(out) as base:
        yield base


@pytest.fixture(scope="module")
def tab(guarded):
    context, guard = guarded
    page = guard.watch(context.new_page())
    yield page, guard
    page.close()


@pytest.mark.parametrize("nb_id", NOTEBOOK_IDS)
def test_every_slide_passes_axe(nb_id, decks, tab):
    page, guard = tab
    page.goto(f"{decks}/{nb_id}.slides.html", wait_until="load")
    page.wait_for_selector(".reveal.ready", state="attached", timeout=15000)
    # No slide transitions in the test: axe must see a slide at full opacity, not mid-fade.
    page.add_style_tag(content=".reveal .slides section, .reveal .slides > section > section "
                               "{transition: none !important;}")
    unrendered = page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
    problems = [f"{nb_id} slides: widget view {m} did not render" for m in unrendered]
    # The deck's own chrome (controls, progress bar) once; the slides one by one below.
    problems += axe_problems(f"{nb_id} slides, deck chrome", web.axe_audit(page, {"exclude": [[".reveal .slides"]]}))
    for hash_ in page.evaluate(_SLIDES_JS):
        state = page.evaluate(_CURRENT_JS, hash_)
        if not state["ok"]:
            problems.append(f"{nb_id} slides: slide {hash_} did not show")
            continue
        if state["leaked"]:
            problems.append(f"{nb_id} slides {hash_}: {state['leaked']} slides not shown are not inert")
        problems += axe_problems(f"{nb_id} slide {hash_}", web.axe_audit(page, ".reveal .slides section.present"))
    blocked, errors = guard.take()
    problems += [f"{nb_id} slides: request left loopback (blocked): {u}" for u in blocked] + errors
    assert not problems, "\n".join(problems[:30])
