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
