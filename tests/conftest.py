"""Shared test settings: paths, and the course notebooks as parameters."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

from dimples.base import one_blas_thread
from dimples.tooling.build import KERNEL_ENV

matplotlib.use("Agg")

# Tests run as the kit builds: one BLAS thread here and in every notebook kernel nbval starts (they
# inherit this environment), like `dimples execute`. With two workers on two cores this also keeps
# OpenBLAS's idle threads from spinning on the other worker's core.
os.environ.update(KERNEL_ENV)
one_blas_thread()  # for the rest of this test process

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"


def course_notebook_paths() -> list[Path]:
    """Every NN_*.ipynb in notebooks/, in order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


# Browser tests: deselected with one summary line where Chromium is missing,
# unless DIMPLES_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
# The browser fixtures (chromium, guarded, artifacts) are defined once, in browser_support.
from browser_support import artifacts, chromium, deselect_browser_tests, guarded, report_browser_skip  # noqa: E402, F401


def pytest_collection_modifyitems(config, items):
    deselect_browser_tests(config, items)


def pytest_terminal_summary(terminalreporter):
    report_browser_skip(terminalreporter)


# Show, once, how many cells nbval collected from each notebook (the proof that
# every notebook is replayed). Under pytest-xdist the workers collect, so the
# controller reports from the first worker's list of test ids.
def _nbval_lines(ids) -> list[str]:
    counts: dict[str, int] = {}
    for nodeid in ids:
        path = nodeid.split("::")[0]
        if path.endswith(".ipynb"):
            counts[path] = counts.get(path, 0) + 1
    return [f"nbval: {path}: {n} cells" for path, n in sorted(counts.items())]


def pytest_report_collectionfinish(config, start_path, items):
    return _nbval_lines(item.nodeid for item in items)


_reported = []


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    if _reported:
        return
    _reported.append(node)
    reporter = node.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        for line in _nbval_lines(ids):
            reporter.write_line(line)
