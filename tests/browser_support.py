"""Fixtures and helpers shared by the browser tests (test_browser_static.py, test_browser_lab.py).

The machinery (launching Chromium, loopback servers, JupyterLab and
Notebook 7, the nbviewer-shaped pages, reading widgets in a page) lives in
:mod:`dimples.tooling.browser`, which the latency benchmark uses too; this
module adds the pytest side: the skip-or-fail rule, the session fixtures
every browser test uses (``chromium``, ``guarded``, ``artifacts``), which
``tests/conftest.py`` makes available to every test module, and the walk
that moves every slider and answers every quiz of a page (:func:`walk_widgets`),
shared by the static-page and nbviewer tests.

Where ``/usr/bin/chromium`` (or the playwright package) is missing, every
browser test skips with one line, unless ``DIMPLES_REQUIRE_BROWSER=1``
(set by CI), in which case they fail.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import time
from pathlib import Path

import pytest

from dimples.tooling import browser as web
from dimples.tooling.build import WIDGET_STATE_KEY, course_notebooks

ROOT = Path(__file__).resolve().parent.parent
#: Screenshots for a person to look at (ignored by git).
ARTIFACTS = ROOT / "build" / "test-artifacts"
#: The course notebooks, in order (collected once, at import). DIMPLES_BROWSER_NOTEBOOKS
#: (paths separated by os.pathsep) tests other notebooks instead, e.g. while writing one.
NOTEBOOKS = ([Path(p) for p in os.environ["DIMPLES_BROWSER_NOTEBOOKS"].split(os.pathsep) if p]
             if os.environ.get("DIMPLES_BROWSER_NOTEBOOKS") else course_notebooks())
NOTEBOOK_IDS = [p.stem for p in NOTEBOOKS]


def require_browser() -> None:
    """Skip (or, under DIMPLES_REQUIRE_BROWSER=1, fail) when Chromium cannot run here."""
    why = web.chromium_missing()
    if why is None:
        return
    if os.environ.get("DIMPLES_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (DIMPLES_REQUIRE_BROWSER=1) but {why}", pytrace=False)
    pytest.skip(f"browser tests skipped: {why}")


_shared: dict = {"users": 0, "cm": None, "browser": None}


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session.

    Playwright's sync API allows one browser per process; every browser test shares this one.
    """
    require_browser()
    if _shared["users"] == 0:
        _shared["cm"] = web.launch()
        _shared["browser"] = _shared["cm"].__enter__()
    _shared["users"] += 1
    try:
        yield _shared["browser"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _shared["cm"].__exit__(None, None, None)


#: Browser window of every browser test: a classroom projector.
VIEWPORT = {"width": 1920, "height": 1080}


@pytest.fixture(scope="session")
def guarded(chromium):
    """A browser context at :data:`VIEWPORT` that blocks and records requests leaving loopback.

    Yields ``(context, guard)``; ``guard.take()`` returns (and clears) what a page tried to fetch from outside and its console errors.
    """
    context = chromium.new_context(viewport=VIEWPORT)
    guard = web.Guard(context)
    yield context, guard
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def shot_name(text: str) -> str:
    """A file-name-safe version of ``text``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def describe(root: dict) -> str:
    """How a failure names a widget: its kind, its label and its cell."""
    if root["sliders"]:
        kind = "FrameGrid" if root["toggles"] else "FrameSlider"
        name = " x ".join(s["label"].strip() or "?" for s in root["sliders"])
    elif root["radios"] or root.get("options"):
        kind, name = "Quiz", root["heading"]
    else:
        kind, name = "widget", root["heading"]
    return f"{kind} {name!r} (code cell near cell {root['cell']})"


# ---------------------------------------------------------------- what a notebook saved, and the walk

VIEW_MIME = "application/vnd.jupyter.widget-view+json"


def _state(nb) -> dict:
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})


def _child_ids(model: dict) -> list[str]:
    return [c.removeprefix("IPY_MODEL_") for c in model.get("state", {}).get("children", [])]


def _frame_png(model: dict) -> bytes:
    """The PNG a frame model's fallback shows: an HTML frame's ``<img>`` (as PNG), or an Image's bytes."""
    from dimples.widgets import _as_png

    if model["model_name"] == "HTMLModel":
        m = re.search(r'src="data:image/[a-z]+;base64,([^"]+)"', model["state"]["value"])
        return _as_png(base64.b64decode(m.group(1)))
    buffer = next(b for b in model.get("buffers", []) if b["path"] == ["value"])
    return base64.b64decode(buffer["data"])


def saved_widgets(nb) -> list[dict]:
    """What every widget view of a notebook shows first, read from its saved widget state.

    One dict per widget-view output, in notebook order: ``model_id``,
    ``cell`` (index among the notebook's cells), ``kind`` (``"picture"`` for
    a slider or grid, ``"quiz"``, or ``"other"``), and for a picture the
    ``png`` bytes of the frame its stacks select first (hashed in ``sha``), for a
    quiz its ``question`` and ``answers`` as shown.
    """
    state = _state(nb)
    found = []
    for ci, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(VIEW_MIME)
            if not view or view["model_id"] not in state:
                continue
            mid = view["model_id"]
            children = [state[c] for c in _child_ids(state[mid]) if c in state]
            names = [c["model_name"] for c in children]
            item = {"model_id": mid, "cell": ci, "kind": "other"}
            if "TabModel" in names:
                model = children[names.index("TabModel")]
                while model["model_name"] in ("TabModel", "StackModel"):
                    model = state[_child_ids(model)[model["state"]["selected_index"]]]
                png = _frame_png(model)
                item.update(kind="picture", png=png, sha=hashlib.sha256(png).hexdigest())
            elif "RadioButtonsModel" in names or "DropdownModel" in names:
                choice = children[names.index("RadioButtonsModel" if "RadioButtonsModel" in names else "DropdownModel")]
                heading = children[names.index("HTMLModel")]["state"]["value"]
                text = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", "", heading, flags=re.S)).strip()
                item.update(kind="quiz", question=text.removeprefix("Quiz.").strip(),
                            answers=list(choice["state"]["_options_labels"]))
            found.append(item)
    return found


def slider_labels(nb) -> dict[tuple[str, str], list[list[str]]]:
    """(description, label shown first) -> label lists of the notebook's SelectionSlider models."""
    found: dict = {}
    for m in _state(nb).values():
        s = m.get("state", {})
        if m.get("model_name") == "SelectionSliderModel":
            labels = s.get("_options_labels", [])
            idx = s.get("index", 0)
            key = (s.get("description", ""), labels[idx] if labels else "")
            found.setdefault(key, []).append(labels)
    return found


def check_slider(page, nb_id, root, slider, expected_labels, problems, keys=None):
    """Move a slider with the keyboard (by default one step, to the end, to the start); each move must swap the picture."""
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
    for key in (step, *(("End", "Home") if keys is None else keys)):
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


def check_toggles(page, nb_id, root, problems):
    """Press another toggle button of a grid: the picture must change."""
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


#: Chooses answers ``from`` .. last of the quiz at ``sel`` in the page (a click on the radio button,
#: or a change of the drop-down list, as the browser sends them) and returns, for each, the
#: feedback then shown. One round trip for a whole quiz.
_ANSWER_QUIZ_JS = """async ([sel, from]) => {
  const root = document.querySelector(sel);
  const radios = [...root.querySelectorAll('.widget-radio-box input[type=radio]')];
  const select = root.querySelector('.widget-dropdown select');
  const n = radios.length || (select ? select.options.length : 0);
  const feedback = () => [...root.querySelectorAll('.widget-html-content')].slice(1)
      .filter(b => b.offsetParent !== null).map(b => b.textContent).join(' ').trim();
  const texts = [];
  for (let i = from; i < n; i++) {
    const before = feedback();
    if (radios.length) radios[i].click();
    else { select.selectedIndex = i; select.dispatchEvent(new Event('change', {bubbles: true})); }
    let text = '';
    for (const t0 = performance.now(); performance.now() - t0 < 2000; await new Promise(r => setTimeout(r, 10))) {
      text = feedback();
      if (text && text !== before) break;
    }
    texts.push(text);
  }
  return texts;
}"""


def check_quiz(page, nb_id, root, problems):
    """Choose every answer of a quiz: one must say 'Right.', the others 'Not quite.' with a reason.

    The first answer is chosen as a user would (Playwright clicks it, so it must be visible and
    not covered); the others in the page, in one round trip.
    """
    where = f"{nb_id}: {describe(root)}"
    labels = root["radios"] or root["options"]
    if root["radios"]:
        page.locator(f"{root['sel']} .widget-radio-box input[type=radio]").nth(0).check()
    else:  # a compact quiz: the same answers in a drop-down list
        page.locator(f"{root['sel']} .widget-dropdown select").select_option(index=0)
    first = ""
    for _ in range(40):
        first = page.evaluate("""(sel) => { const r = document.querySelector(sel);
            const boxes = [...r.querySelectorAll('.widget-html-content')].slice(1);
            return boxes.filter(b => b.offsetParent !== null).map(b => b.textContent).join(' ').trim(); }""",
                              root["sel"])
        if first:
            break
        page.wait_for_timeout(50)
    texts = [first, *page.evaluate(_ANSWER_QUIZ_JS, [root["sel"], 1])]
    verdicts = []
    for label, text in zip(labels, texts, strict=False):
        if text.startswith("Right."):
            verdicts.append("right")
        elif text.startswith("Not quite."):
            verdicts.append("wrong")
            if len(text) < len("Not quite.") + 10:
                problems.append(f"{where}: answer {label!r} says 'Not quite.' without explaining")
        else:
            problems.append(f"{where}: answer {label!r} shows {text[:60]!r}, expected 'Right.' or 'Not quite.'")
            verdicts.append("?")
    if len(texts) != len(labels):
        problems.append(f"{where}: {len(texts)} answers could be chosen for {len(labels)} shown")
    if verdicts.count("right") != 1 or "wrong" not in verdicts:
        problems.append(f"{where}: expected one right and at least one wrong answer, got {verdicts}")


def walk_widgets(page, nb, nb_id: str, scope: str, problems: list[str], slider_keys=None) -> list[dict]:
    """Move every slider, press every grid's toggle, answer every quiz in the widgets under ``scope``.

    ``slider_keys``: the keys pressed after the first step (default End, Home; ``()``: one step only).
    Returns the widgets found (see :data:`dimples.tooling.browser.DESCRIBE_WIDGETS_JS`).
    """
    roots = page.evaluate(web.DESCRIBE_WIDGETS_JS, scope)
    labels = slider_labels(nb)
    for root in roots:
        for slider in root["sliders"]:
            expected = labels.get((slider["label"], slider["readout"]), [])
            check_slider(page, nb_id, root, slider, expected, problems, keys=slider_keys)
        if root["toggles"]:
            check_toggles(page, nb_id, root, problems)
        if root["radios"] or root["options"]:
            check_quiz(page, nb_id, root, problems)
    return roots


#: For every saved widget view of a static page, in page order: how many copies of it are drawn
#: (rendered and displayed), how many are in the page at all, and what the rest of its cell's
#: output shows outside the drawn widgets (visible pictures as data URLs, visible text).
VIEWS_ON_PAGE_JS = """() => {
  const shown = (e) => e.checkVisibility ? e.checkVisibility() : e.getClientRects().length > 0;
  return [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')].map(s => {
    const subs = [...s.parentElement.children].filter(e => e.classList.contains('widget-subarea'));
    const area = s.closest('.jp-OutputArea') || s.parentElement;
    const outside = (e) => !e.closest('.widget-subarea');
    const imgs = [...area.querySelectorAll('img')].filter(i => outside(i) && shown(i) && i.naturalWidth > 0);
    let text = '';
    for (const child of area.children) if (shown(child) && !child.querySelector('.widget-subarea')) text += ' ' + child.innerText;
    let id = '?'; try { id = JSON.parse(s.textContent).model_id; } catch (e) {}
    return {model_id: id, in_page: subs.length, drawn: subs.filter(e => e.children.length && shown(e)).length,
            pictures: imgs.map(i => i.src), text: text.replace(/\\s+/g, ' ').trim()};
  });
}"""

#: Resolves once every widget renderer of a static page has drawn every saved view (each renderer
#: script, ``embed-amd.js``, puts one drawing of each view in the page: nbviewer's pages have two),
#: or after ``timeout`` ms; returns the number of renderer scripts.
SETTLE_WIDGETS_JS = """async (timeout) => {
  const t0 = performance.now();
  const renderers = () => document.querySelectorAll('script[src$="embed-amd.js"]').length;
  const done = () => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
      .every(s => [...s.parentElement.children].filter(e => e.classList.contains('widget-subarea')
                                                        && e.children.length).length >= renderers());
  while (!done() && performance.now() - t0 < timeout) await new Promise(r => setTimeout(r, 25));
  return renderers();
}"""


#: What an output area shows beside the widgets drawn in it (a fallback that should have stepped
#: aside): one line per visible output that holds no drawn widget, in areas under ``scope`` that hold one.
BESIDE_DRAWN_WIDGETS_JS = """(scope) => {
  const shown = (e) => e.checkVisibility ? e.checkVisibility() : e.getClientRects().length > 0;
  const drawn = (e) => [...e.querySelectorAll('.jupyter-widgets')].some(w => w.querySelector('.widget-box') && shown(w));
  const found = [];
  for (const area of document.querySelectorAll(scope + ' .jp-OutputArea')) {
    if (!drawn(area)) continue;
    for (const child of area.children) {
      if (drawn(child) || !shown(child)) continue;
      const text = child.innerText.replace(/\\s+/g, ' ').trim();
      if (child.querySelector('img') || text) found.push(text.slice(0, 60) || 'a picture');
    }
  }
  return found;
}"""


def data_url_sha(url: str) -> str | None:
    """SHA-256 (hex) of the bytes of a base64 ``data:`` URL, or None for another URL."""
    m = re.match(r"data:[^;,]+;base64,(.*)$", url, re.S)
    return hashlib.sha256(base64.b64decode(m.group(1))).hexdigest() if m else None


# ---------------------------------------------------------------- keys in a live notebook (JupyterLab, Notebook 7)

#: Where the open notebook stands: how many cells, which is active, how many are folded away
#: (hidden under a collapsed heading), and what has the keyboard focus.
NOTEBOOK_STATE_JS = """() => { const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
  const f = document.activeElement;
  return {cells: cells.length, active: cells.findIndex(c => c.classList.contains('jp-mod-active')),
          folded: cells.filter(c => c.classList.contains('lm-mod-hidden') || !c.checkVisibility()).length,
          focus: f ? (f.getAttribute('role') || f.tagName.toLowerCase()) : null}; }"""


def _state_when(page, condition, timeout: float = 2.0) -> dict:
    """The notebook's state (:data:`NOTEBOOK_STATE_JS`) once ``condition(state)`` holds, or after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        state = page.evaluate(NOTEBOOK_STATE_JS)
        if condition(state) or time.monotonic() > deadline:
            return state
        page.wait_for_timeout(25)


def check_notebook_keys(page, where: str, problems: list[str]) -> None:
    """The keyboard in an open notebook: widgets take their keys, the notebook keeps its own.

    With a slider's handle focused, ArrowRight then ArrowLeft must move the
    slider and swap its picture, leave the active cell where it is and fold
    no section; with a quiz's radio button focused, ArrowDown must pick the
    next answer; with a heading cell selected (command mode), the notebook's
    own ArrowLeft / ArrowRight must still fold and unfold its section and
    ArrowDown move to the next cell.
    """
    first_problem = len(problems)
    try:  # the saved widgets are drawn once the page has the widget manager
        page.wait_for_selector(".jp-Notebook .jp-OutputArea-output .jupyter-widgets", timeout=15000)
    except Exception:  # a notebook without widgets: only the notebook's own keys are checked
        pass
    roots = page.evaluate(web.DESCRIBE_WIDGETS_JS, ".jp-Notebook .jp-OutputArea-output")
    with_slider = [r for r in roots if r["sliders"]]
    if with_slider:
        root = with_slider[0]
        slider = root["sliders"][0]
        handle = page.locator(f"{slider['sel']} [role=slider]").first
        handle.scroll_into_view_if_needed()
        handle.focus()
        before = _state_when(page, lambda st: st["focus"] == "slider")
        index, picture = web.slider_state(page, slider["sel"])[0], web.shown_picture(page, root["sel"])
        forward = "ArrowRight" if slider["index"] < slider["max"] else "ArrowLeft"
        for key in (forward, "ArrowLeft" if forward == "ArrowRight" else "ArrowRight"):
            page.keyboard.press(key)
            new_picture = web.shown_picture(page, root["sel"], differs_from=picture)
            new_index = web.slider_state(page, slider["sel"])[0]
            after = page.evaluate(NOTEBOOK_STATE_JS)
            name = f"{where}: {describe(root)}: {key} on the focused slider handle"
            if new_index == index or new_picture == picture:
                problems.append(f"{name} did not move the slider (index {index} -> {new_index}) "
                                f"or change its picture ({picture} -> {new_picture})")
            if after["folded"] != before["folded"]:
                problems.append(f"{name} folded or unfolded a section ({before['folded']} -> {after['folded']} "
                                f"cells hidden)")
            if after["active"] != before["active"] or after["focus"] != "slider":
                problems.append(f"{name} moved the notebook's cursor (active cell {before['active']} -> "
                                f"{after['active']}, focus on {after['focus']!r})")
            index, picture = new_index, new_picture
            if len(problems) > first_problem:
                break
    radios = page.locator(".jp-Notebook .widget-radio-box input[type=radio]")
    if radios.count() >= 2:
        radios.first.scroll_into_view_if_needed()
        radios.first.check()
        before = page.evaluate(NOTEBOOK_STATE_JS)
        page.keyboard.press("ArrowDown")
        second = "() => document.querySelector('.jp-Notebook .widget-radio-box').querySelectorAll('input')[1].checked"
        for _ in range(40):
            if page.evaluate(second) or page.evaluate(NOTEBOOK_STATE_JS)["active"] != before["active"]:
                break
            page.wait_for_timeout(25)
        page.wait_for_timeout(100)  # and nothing else happens
        checked = page.evaluate(second)
        after = page.evaluate(NOTEBOOK_STATE_JS)
        if not checked or after["active"] != before["active"]:
            problems.append(f"{where}: ArrowDown on a quiz's first answer did not pick the second one "
                            f"(second checked: {checked}; active cell {before['active']} -> {after['active']})")
    # A "## " heading cell with something under it to fold (not straight followed by another heading).
    has_section = page.evaluate("""() => { const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
        const head = (c) => c && c.classList.contains('jp-MarkdownCell') && c.querySelector('h1, h2');
        const i = cells.findIndex((c, k) => head(c) && c.querySelector('h2') && !c.querySelector('h1')
                                            && cells[k + 1] && !head(cells[k + 1]));
        if (i >= 0) cells[i].setAttribute('data-dimples-heading', '');
        return i >= 0; }""")
    if not has_section:
        return
    heading = page.locator(".jp-Notebook .jp-Cell[data-dimples-heading]")
    heading.scroll_into_view_if_needed()
    heading.click()
    start = _state_when(page, lambda st: st["active"] >= 0 and st["focus"] != "slider")
    page.keyboard.press("ArrowLeft")
    folded = _state_when(page, lambda st: st["folded"] > start["folded"])
    page.keyboard.press("ArrowRight")
    unfolded = _state_when(page, lambda st: st["folded"] == start["folded"])
    page.keyboard.press("ArrowDown")
    moved = _state_when(page, lambda st: st["active"] != unfolded["active"])
    if not folded["folded"] > start["folded"] or unfolded["folded"] != start["folded"]:
        problems.append(f"{where}: the notebook's own ArrowLeft / ArrowRight on a selected heading no longer "
                        f"fold / unfold its section ({start['folded']} -> {folded['folded']} -> "
                        f"{unfolded['folded']} cells hidden)")
    if moved["active"] != unfolded["active"] + 1:
        problems.append(f"{where}: the notebook's own ArrowDown no longer selects the next cell "
                        f"(active cell {unfolded['active']} -> {moved['active']})")


# ---------------------------------------------------------------- hooks for tests/conftest.py
# Without Chromium, the fixtures above skip each browser test (a few grouped lines under -ra).
# These two hooks, called from tests/conftest.py, instead leave the browser tests out and say
# so in ONE line. Under DIMPLES_REQUIRE_BROWSER=1 they do nothing, so the tests run and fail.
_NO_BROWSER_KEY = pytest.StashKey[str]()


def deselect_browser_tests(config, items) -> None:
    """Call from ``pytest_collection_modifyitems``: drop ``browser`` tests where Chromium is missing."""
    why = web.chromium_missing()
    if why is None or os.environ.get("DIMPLES_REQUIRE_BROWSER") == "1":
        return
    dropped = [i for i in items if i.get_closest_marker("browser")]
    if dropped:
        items[:] = [i for i in items if not i.get_closest_marker("browser")]
        config.hook.pytest_deselected(items=dropped)
        config.stash[_NO_BROWSER_KEY] = f"browser tests skipped ({len(dropped)}): {why}"


def report_browser_skip(terminalreporter) -> None:
    """Call from ``pytest_terminal_summary``: print the one line saying browser tests were left out."""
    line = terminalreporter.config.stash.get(_NO_BROWSER_KEY, None)
    if line is None and os.environ.get("DIMPLES_REQUIRE_BROWSER") != "1":
        # Under pytest-xdist the workers deselect; the controller only knows why.
        why = web.chromium_missing()
        line = f"browser tests skipped: {why}" if why else None
    if line:
        terminalreporter.write_line(line, yellow=True)


# ---------------------------------------------------------------- accessibility checks (axe, keyboard, tree)

#: Outputs and rendered Markdown: what the kit puts in a page (in JupyterLab, everything else, prompts
#: and their collapse buttons included, is
#: JupyterLab's own chrome).
KIT_CONTENT = ".jp-OutputArea-output, .jp-RenderedHTMLCommon"

_SPLIT_JS = """([violations, scope]) => violations.map(v => {
  const mine = v.nodes.filter(n => { try { const el = document.querySelector(n.target[n.target.length - 1]);
    return !!(el && el.closest(scope)); } catch (e) { return false; } });
  return [Object.assign({}, v, {nodes: mine}), Object.assign({}, v, {nodes: v.nodes.filter(n => !mine.includes(n))})];
})"""


def split_violations(page, violations: list[dict], scope: str = KIT_CONTENT) -> tuple[list[dict], list[dict]]:
    """(the kit's, the rest) of axe violations: nodes inside ``scope`` are the kit's own content."""
    pairs = page.evaluate(_SPLIT_JS, [violations, scope])
    kit = [a for a, _ in pairs if a["nodes"]]
    rest = [b for _, b in pairs if b["nodes"]]
    return kit, rest


def axe_problems(where: str, violations: list[dict]) -> list[str]:
    """One problem line per violated rule (with its first nodes), for an assertion message."""
    if not violations:
        return []
    return [f"{where}: axe (WCAG 2.0/2.1 A+AA) violations {web.impact_counts(violations)}:\n"
            + web.describe_violations(violations)]


#: The focused element, described: what it is and the widget it belongs to.
FOCUS_JS = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  if (!a.dataset.dimplesFocus) a.dataset.dimplesFocus = String(++window.__dimplesFocusN || (window.__dimplesFocusN = 1));
  const root = a.closest('.dimples-widget');
  const img = root && [...root.querySelectorAll('img')].find(i => !i.hidden && i.offsetParent !== null);
  const fb = root && root.querySelector('.dimples-feedback');
  const kind = a.getAttribute('role') === 'slider' ? 'slider'
    : a.closest('.widget-toggle-buttons') && a.tagName === 'BUTTON' ? 'toggle'
    : a.type === 'radio' ? 'radio' : a.tagName === 'SELECT' ? 'select' : 'other';
  return {id: a.dataset.dimplesFocus, kind, root: root ? (root.dataset.dimplesRoot || (root.dataset.dimplesRoot = 'r' + a.dataset.dimplesFocus)) : null,
          valuetext: a.getAttribute('aria-valuetext'), name: a.getAttribute('aria-labelledby') ?
            [...a.getAttribute('aria-labelledby').split(' ')].map(i => (document.getElementById(i) || {}).textContent || '').join(' ').trim() : '',
          readout: (a.closest('.widget-slider') && (a.closest('.widget-slider').querySelector('.widget-readout') || {}).textContent) || '',
          pressed: a.getAttribute('aria-pressed'), alt: img ? img.alt : null,
          group: a.closest('.widget-toggle-buttons') ? (a.closest('.widget-toggle-buttons').dataset.dimplesGroup ||
            (a.closest('.widget-toggle-buttons').dataset.dimplesGroup = 'g' + a.dataset.dimplesFocus)) : null,
          feedback: fb ? fb.textContent.trim() : null, live: fb ? fb.getAttribute('aria-live') : null};
}"""


def keyboard_walk(page, nb_id: str, problems: list[str], limit: int = 400) -> dict:
    """Walk a static page with Tab only, moving every slider and answering every quiz by keyboard.

    Keys used: Tab, arrows and Space. Each slider is moved with an arrow key and must change
    its ``aria-valuetext`` (to the label shown) and the picture's alt text; each toggle group is
    switched with Space and must change ``aria-pressed`` and the alt text; each quiz is answered
    (Space on a radio, an arrow on a drop-down) and its live region must hold the feedback.

    Returns
    -------
    dict
        ``to_first_slider`` (Tab presses, or None), ``stops`` (distinct Tab stops), and the
        counts of sliders, toggle groups and quizzes found and worked.
    """
    counts = page.evaluate("""() => ({sliders: document.querySelectorAll('.dimples-widget [role=slider]').length,
        toggles: document.querySelectorAll('.dimples-widget .widget-toggle-buttons').length,
        quizzes: document.querySelectorAll('.dimples-widget .dimples-feedback').length})""")
    page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }")
    seen, moved, toggled, answered = set(), set(), set(), set()
    first_slider = None
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUS_JS)
        if f is None:
            continue
        if f["id"] in seen:
            break
        seen.add(f["id"])
        if f["kind"] == "slider":
            first_slider = first_slider or n
            if not f["name"]:
                problems.append(f"{nb_id}: a slider handle has no name")
            if f["valuetext"] != f["readout"].strip():
                problems.append(f"{nb_id}: slider {f['name']!r}: aria-valuetext {f['valuetext']!r} is not the "
                                f"label shown {f['readout']!r}")
            before = f
            page.keyboard.press("ArrowRight")
            after = _settle(page, lambda g, b=before: g["alt"] != b["alt"])
            if after["valuetext"] == before["valuetext"]:
                page.keyboard.press("ArrowLeft")
                page.keyboard.press("ArrowLeft")
                after = _settle(page, lambda g, b=before: g["alt"] != b["alt"])
            if after["valuetext"] == before["valuetext"] or after["alt"] == before["alt"]:
                problems.append(f"{nb_id}: slider {f['name']!r}: an arrow key did not change its value and alt text "
                                f"({before['valuetext']!r}, {before['alt']!r} -> {after['valuetext']!r}, {after['alt']!r})")
            else:
                moved.add((f["root"], f["id"]))
        elif f["kind"] == "toggle" and f["group"] not in toggled and f["pressed"] == "false":
            page.keyboard.press("Space")
            after = _settle(page, lambda g, b=f: g["alt"] != b["alt"])
            if after["pressed"] != "true" or after["alt"] == f["alt"]:
                problems.append(f"{nb_id}: Space on a toggle button did not press it and change the picture's alt text "
                                f"(aria-pressed {after['pressed']!r})")
            else:
                toggled.add(f["group"])
        elif f["kind"] in ("radio", "select") and f["root"] not in answered:
            if f["live"] != "polite":
                problems.append(f"{nb_id}: a quiz's feedback is not a live region before an answer is chosen")
            page.keyboard.press("Space" if f["kind"] == "radio" else "ArrowDown")
            after = _settle(page, lambda g: bool(g["feedback"]))
            if not after["feedback"] or after["live"] != "polite":
                problems.append(f"{nb_id}: answering a quiz by keyboard showed no feedback in its live region")
            else:
                answered.add(f["root"])
    result = dict(to_first_slider=first_slider, stops=len(seen), sliders=counts["sliders"], moved=len(moved),
                  toggles=counts["toggles"], toggled=len(toggled), quizzes=counts["quizzes"], answered=len(answered))
    if len(moved) < counts["sliders"]:
        problems.append(f"{nb_id}: the keyboard walk moved {len(moved)} of {counts['sliders']} sliders")
    if len(toggled) < counts["toggles"]:
        problems.append(f"{nb_id}: the keyboard walk switched {len(toggled)} of {counts['toggles']} toggle groups")
    if len(answered) < counts["quizzes"]:
        problems.append(f"{nb_id}: the keyboard walk answered {len(answered)} of {counts['quizzes']} quizzes")
    return result


def _settle(page, done, timeout: float = 2.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        f = page.evaluate(FOCUS_JS) or {}
        if (f and done(f)) or time.monotonic() > deadline:
            return f
        page.wait_for_timeout(25)
