"""On nbviewer: every widget drawn once and working, and a picture or quiz where the widget script cannot load.

nbviewer (github.com/jupyter/nbviewer, default settings) pastes the page
nbconvert's HTML exporter makes of a notebook (lab template) into a page of
its own, and both load the widget renderer: nbviewer's page appends
``@jupyter-widgets/html-manager@*/dist/embed-amd.js`` when the document is
parsed (with its own require.js), and nbconvert's page carries its own loader
of the same script. :func:`dimples.tooling.browser.nbviewer_site` builds
such pages for every notebook, once per session, with require.js and the
renderer served on loopback from the npm cache (``build/npm``) under the
paths nbviewer asks unpkg.com for. Each page is opened in headless Chromium
with every request leaving loopback blocked.

* With the renderer: each saved widget view must be drawn exactly once (two
  renderers each draw every view; the kit's widgets hide a second copy), no
  fallback picture may show beside a drawn widget, and every slider, toggle
  and quiz must work.
* With the renderer blocked (a school network that blocks the CDNs, so
  MathJax too; no JavaScript): every slider and grid must show its first picture (the one
  its widget shows first, read from the saved widget state) and every quiz
  its question and answers.

Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import os
import re

import nbformat
import pytest
from browser_support import (
    NOTEBOOK_IDS,
    NOTEBOOKS,
    SETTLE_WIDGETS_JS,
    VIEWS_ON_PAGE_JS,
    data_url_sha,
    saved_widgets,
    shot_name,
    walk_widgets,
)

from dimples.tooling import browser as web
from dimples.tooling.web_assets import OfflineAssetsError

pytestmark = pytest.mark.browser

#: The console line Chromium logs for each script the blocked-script test aborts.
BLOCKED_SCRIPT_ERROR = "Failed to load resource: net::ERR_FAILED"


@pytest.fixture(scope="session")
def nbviewer(tmp_path_factory, chromium):  # chromium first: skip before building
    """The nbviewer-shaped pages of every notebook, built once, served on loopback."""
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/")
    out = tmp_path_factory.mktemp("nbviewer")
    try:
        web.nbviewer_site(NOTEBOOKS, out)
    except OfflineAssetsError as exc:  # no npm and nothing cached in build/npm
        if os.environ.get("DIMPLES_REQUIRE_BROWSER") == "1":
            pytest.fail(f"nbviewer browser tests required but the npm packages are missing: {exc}", pytrace=False)
        pytest.skip(f"nbviewer browser tests skipped: {exc}")
    with web.serve_directory(out) as base:
        yield base


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_nbviewer_draws_every_widget_once_and_every_control_works(notebook, nbviewer, guarded, artifacts):
    context, guard = guarded
    nb = nbformat.read(notebook, as_version=4)
    nb_id = notebook.stem
    saved = saved_widgets(nb)
    problems: list[str] = []
    page = guard.watch(context.new_page())
    try:
        page.goto(f"{nbviewer}/{nb_id}.html", wait_until="load")
        unrendered = page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
        problems += [f"{nb_id}: widget view {m} did not render" for m in unrendered]
        renderers = page.evaluate(SETTLE_WIDGETS_JS, 10000)  # let the second renderer finish too
        if renderers != 2:
            problems.append(f"{nb_id}: the page has {renderers} widget renderer scripts; nbviewer's have 2")
        views = page.evaluate(VIEWS_ON_PAGE_JS)
        drawn = sum(v["drawn"] for v in views)
        if drawn != len(saved) or len(views) != len(saved):
            problems.append(f"{nb_id}: {drawn} widgets drawn for {len(saved)} saved views "
                            f"({sum(v['in_page'] for v in views)} rendered into the page)")
        for view, widget in zip(views, saved, strict=False):
            if view["drawn"] != 1:
                problems.append(f"{nb_id}: {widget['kind']} {view['model_id']} (cell {widget['cell']}) is drawn "
                                f"{view['drawn']} times")
            if view["drawn"] and (view["pictures"] or view["text"]):
                problems.append(f"{nb_id}: {widget['kind']} {view['model_id']} (cell {widget['cell']}): beside the "
                                f"drawn widget its cell still shows {len(view['pictures'])} picture(s) and "
                                f"{view['text'][:60]!r}")
        walk_widgets(page, nb, nb_id, ".jp-OutputArea-output", problems, slider_keys=())
        page.screenshot(path=artifacts / f"nbviewer-{shot_name(nb_id)}.png")
    finally:
        blocked, errors = guard.take()
        page.close()
    problems += [f"{nb_id}: request left loopback (blocked): {u}" for u in blocked]
    problems += [f"{nb_id}: {e}" for e in errors]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_nbviewer_without_the_widget_script_shows_every_picture_and_quiz(notebook, nbviewer, guarded, artifacts):
    context, guard = guarded
    nb = nbformat.read(notebook, as_version=4)
    nb_id = notebook.stem
    saved = saved_widgets(nb)
    problems: list[str] = []
    page = guard.watch(context.new_page())
    # The network blocks the CDNs: the widget renderer (and MathJax, also from a CDN on nbviewer) cannot load.
    for blocked_url in ("**/embed-amd.js", "**/mathjax/**"):
        page.route(blocked_url, lambda route: route.abort())
    try:
        page.goto(f"{nbviewer}/{nb_id}.html", wait_until="load")
        page.evaluate("async () => { await Promise.all([...document.images].map(i => i.decode().catch(() => null))); }")
        views = page.evaluate(VIEWS_ON_PAGE_JS)
        if len(views) != len(saved):
            problems.append(f"{nb_id}: {len(views)} widget views in the page for {len(saved)} saved")
        for view, widget in zip(views, saved, strict=False):
            where = f"{nb_id}: {widget['kind']} {view['model_id']} (cell {widget['cell']})"
            if view["drawn"]:
                problems.append(f"{where}: drawn although the widget script was blocked")
            if widget["kind"] == "picture":
                shas = [data_url_sha(u) for u in view["pictures"]]
                if widget["sha"] not in shas:
                    problems.append(f"{where}: shows {len(shas)} picture(s) in its cell, not the slider's first "
                                    f"picture{'; the output is empty' if not shas and not view['text'] else ''}")
            elif widget["kind"] == "quiz":
                text = _words(view["text"])
                missing = [a for a in [widget["question"], *widget["answers"]] if _words(a) not in text]
                if missing:
                    problems.append(f"{where}: its cell does not show {missing[:3]} (shows {text[:80]!r})")
        page.screenshot(path=artifacts / f"nbviewer-blocked-{shot_name(nb_id)}.png")
    finally:
        blocked, errors = guard.take()
        page.close()
    problems += [f"{nb_id}: request left loopback (blocked): {u}" for u in blocked]
    problems += [f"{nb_id}: {e}" for e in errors if BLOCKED_SCRIPT_ERROR not in e]
    assert not problems, "\n".join(problems)
