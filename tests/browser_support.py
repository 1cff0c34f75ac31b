"""Fixtures and helpers shared by the browser tests (test_browser_static.py, test_browser_lab.py).

The machinery (launching Chromium, loopback servers, JupyterLab, reading
widgets in a page) lives in :mod:`dimples.tooling.browser`, which the latency
benchmark uses too; this module adds the pytest side: the skip-or-fail rule
and the session fixtures every browser test uses (``chromium``,
``guarded``, ``artifacts``), which ``tests/conftest.py`` makes available to
every test module.

Where ``/usr/bin/chromium`` (or the playwright package) is missing, every
browser test skips with one line, unless ``DIMPLES_REQUIRE_BROWSER=1``
(set by CI), in which case they fail.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from dimples.tooling import browser as web
from dimples.tooling.build import course_notebooks

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
