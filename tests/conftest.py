"""Shared test settings: paths, and the course notebooks as parameters."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"


def course_notebook_paths() -> list[Path]:
    """Every NN_*.ipynb in notebooks/, in order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


# Browser tests: deselected with one summary line where Chromium is missing,
# unless DIMPLES_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
from browser_support import deselect_browser_tests, report_browser_skip  # noqa: E402


def pytest_collection_modifyitems(config, items):
    deselect_browser_tests(config, items)


def pytest_terminal_summary(terminalreporter):
    report_browser_skip(terminalreporter)
