"""The notebooks work in a live JupyterLab: run all cells, then a slider moves its picture.

Starts ``jupyter lab`` on a free loopback port with a random token in a
temporary working copy of the notebooks, trusted as ``make lab`` trusts them
(killed at the end whatever happens), opens each notebook in headless
Chromium and, before running anything, moves the first slider: the saved
widget state alone must make it work. It checks the keyboard too: arrow keys
on a focused slider or quiz answer move the widget, not the notebook's cursor,
and the notebook's own arrow-key shortcuts still work on a selected cell (the
kit's environment re-scopes them; see test_jupyter_settings.py), and that each drawn widget's
fallback output has stepped aside. Then it runs all cells from the Run menu, checks no cell failed,
and moves the first slider again. Requests leaving loopback are blocked and reported. Notebook 7: test_browser_notebook7.py.
Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import os
import warnings

import pytest
from browser_support import (
    BESIDE_DRAWN_WIDGETS_JS,
    NOTEBOOK_IDS,
    NOTEBOOKS,
    axe_problems,
    check_notebook_keys,
    describe,
    shot_name,
    split_violations,
)

from dimples.tooling import browser as web

pytestmark = pytest.mark.browser

#: How the guard reports jupyterlab-manager's "widget model not found" console error.
_MODEL_NOT_FOUND = "console error: Error: widget model not found"
#: Widget outputs that say "Error displaying widget", and whether the output after each is shown.
_RACED_VIEWS_JS = """(scope) => [...document.querySelectorAll(scope + ' .jp-OutputArea-child')]
  .filter(c => /Error displaying widget/.test(c.textContent))
  .map(c => { const next = c.nextElementSibling;
              const shown = !!next && next.offsetParent !== null && !!next.querySelector('img, table, p, pre');
              return {text: c.textContent.trim().slice(0, 80), fallbackShown: shown}; })"""

#: Seconds allowed for one notebook to run all its cells in the live kernel.
RUN_TIMEOUT = 180
#: Running every notebook live takes about 80 s on 2 cores; by default (make test) only the
#: first and the last run here, DIMPLES_LAB_ALL=1 (CI) runs them all. The static test covers
#: every widget of every notebook either way.
LAB_ALL = os.environ.get("DIMPLES_LAB_ALL") == "1"
LAB_DEFAULT = {NOTEBOOK_IDS[0], NOTEBOOK_IDS[-1]} if NOTEBOOK_IDS else set()


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium):  # chromium first: skip before starting a server
    """A JupyterLab server on loopback over a temporary copy of the notebooks."""
    if not NOTEBOOKS:
        pytest.skip("no notebooks in notebooks/")
    work = web.copy_working_tree(tmp_path_factory.mktemp("lab"), NOTEBOOKS)
    copies = sorted(str(p) for p in (work / "notebooks").glob("*.ipynb"))
    web.trust_notebooks(copies)
    with web.jupyter_lab(work) as (base, token):
        yield base, token


def _move_first_slider(page, nb_id: str, when: str, problems: list[str]) -> bool:
    """Move the first slider of the open notebook; report if its picture does not change."""
    roots = [r for r in page.evaluate(web.DESCRIBE_WIDGETS_JS, ".jp-Notebook .jp-OutputArea-output") if r["sliders"]]
    if not roots:
        return False
    root, slider = roots[0], roots[0]["sliders"][0]
    before = web.shown_picture(page, root["sel"])
    key = "ArrowRight" if slider["index"] < slider["max"] else "ArrowLeft"
    web.press_on_handle(page, slider["sel"], key)
    after = web.shown_picture(page, root["sel"], differs_from=before)
    if before is None or after is None or after == before:
        problems.append(f"{nb_id}: {describe(root)}: {key} on the slider did not change the picture "
                        f"in JupyterLab {when} ({before} -> {after})")
    return True


def _wait_for_slider(page, timeout_ms: int = 15000) -> None:
    try:
        page.wait_for_selector(".jp-Notebook .jp-OutputArea-output .widget-slider", timeout=timeout_ms)
    except Exception:  # reported by the caller, which knows which notebook it is
        pass


def _audit_panel(page, nb_id: str, when: str, problems: list[str]) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA) on the notebook panel: the kit's content fails, JupyterLab's chrome is reported."""
    page.evaluate("""async () => { const imgs = [...document.querySelectorAll('.jp-Notebook img')];
        await Promise.all(imgs.map(i => i.decode().catch(() => null))); }""")
    kit, chrome = split_violations(page, web.axe_audit(page, ".jp-NotebookPanel:not(.lm-mod-hidden)"))
    problems += axe_problems(f"{nb_id} in JupyterLab {when}, the kit's content", kit)
    if chrome:  # JupyterLab's own chrome: reported, not failed (it belongs upstream)
        print(f"{nb_id} in JupyterLab {when}: JupyterLab's own chrome, reported only: {web.impact_counts(chrome)} "
              f"{sorted(v['id'] for v in chrome)}")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebook_runs_and_slider_moves_in_jupyterlab(notebook, lab, guarded, artifacts):
    nb_id = notebook.stem
    if not LAB_ALL and nb_id not in LAB_DEFAULT:
        pytest.skip("live JupyterLab runs the first and last notebook only; DIMPLES_LAB_ALL=1 runs all")
    base, token = lab
    context, guard = guarded
    problems: list[str] = []
    page = guard.watch(context.new_page())
    try:
        has_slider = '"SelectionSliderModel"' in notebook.read_text(encoding="utf-8")
        web.lab_open_notebook(page, base, token, f"notebooks/{notebook.name}")
        if has_slider:
            _wait_for_slider(page)
            if not _move_first_slider(page, nb_id, "before any cell ran (saved widget state)", problems):
                problems.append(f"{nb_id}: no slider rendered from the saved widget state on opening")
        shown = page.evaluate(BESIDE_DRAWN_WIDGETS_JS, ".jp-Notebook")
        problems += [f"{nb_id}: on opening, beside a drawn widget its cell still shows {w!r}" for w in shown]
        _audit_panel(page, nb_id, "on opening", problems)
        check_notebook_keys(page, f"{nb_id} in JupyterLab", problems)
        # On opening, @jupyter-widgets/jupyterlab-manager can mark itself restored once the kernel
        # connects, while the notebook's saved models are still being created (a race in its
        # restoreWidgets, seen on long notebooks under load): a view drawn in that moment says
        # "Error displaying widget: model not found" and logs the same. The saved state itself is
        # complete (test_notebooks.py checks every view's model is in it). What the kit controls is
        # that such a reader still sees the widget's fallback picture, right after it: checked here.
        raced = page.evaluate(_RACED_VIEWS_JS, ".jp-Notebook")
        problems += [f"{nb_id}: on opening, a widget shows {r['text']!r} and no fallback after it"
                     for r in raced if not r["fallbackShown"]]
        if raced:
            warnings.warn(f"{nb_id}: on opening, {len(raced)} widget view(s) hit jupyterlab-manager's "
                          "restore race ('model not found'); their fallback pictures showed", stacklevel=1)
        opened_blocked, opened_errors = guard.take()  # everything up to here counts as it is
        if raced:
            opened_errors = [e for e in opened_errors if not e.startswith(_MODEL_NOT_FOUND)]
        problems += [f"{nb_id}: request left loopback (blocked): {u}" for u in opened_blocked]
        problems += [f"{nb_id}: {e}" for e in opened_errors]
        failed = web.lab_run_all(page, timeout=RUN_TIMEOUT)
        problems += [f"{nb_id}: cell {i} failed in JupyterLab: {text[:300]}" for i, text in failed]
        if has_slider:
            _wait_for_slider(page)
            if not _move_first_slider(page, nb_id, "after Run All Cells", problems):
                problems.append(f"{nb_id}: no slider rendered after Run All Cells")
        shown = page.evaluate(BESIDE_DRAWN_WIDGETS_JS, ".jp-Notebook")
        problems += [f"{nb_id}: after Run All Cells, beside a drawn widget its cell still shows {w!r}" for w in shown]
        _audit_panel(page, nb_id, "after Run All Cells", problems)
        broken = page.evaluate("() => [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')]"
                               ".filter(o => /Error displaying widget/.test(o.textContent)).length")
        if broken:
            problems.append(f"{nb_id}: after Run All Cells, {broken} output(s) say 'Error displaying widget'")
        page.screenshot(path=artifacts / f"lab-{shot_name(nb_id)}.png")
    finally:
        blocked, errors = guard.take()
        web.lab_shutdown_kernels(base, token)
        page.close()
    # While Run All Cells replaces every output, JupyterLab's widget manager can still be drawing a view
    # of an output the clear has just dropped, and logs "widget model not found" (a race in
    # @jupyter-widgets/jupyterlab-manager, seen about one run in three on a long notebook). What a user
    # would see of it, an output saying "Error displaying widget", is checked above; the log line alone
    # is not a failure of the kit.
    errors = [e for e in errors if not e.startswith(_MODEL_NOT_FOUND)]
    problems += [f"{nb_id}: request left loopback (blocked): {u}" for u in blocked]
    problems += [f"{nb_id}: {e}" for e in errors]
    assert not problems, "\n".join(problems)
