"""``dimples slides``: reveal.js slides of the notebooks for classroom walkthroughs.

nbconvert's slides exporter cuts each notebook into slides from the cells'
``slideshow`` metadata (a slide per ``## `` section, exercises and quizzes
as sub-slides) and writes ``build/slides/NN_name.slides.html`` with an
``index.html``. The saved widget state makes the sliders and quizzes work
in the slides exactly as in the static pages. ``--offline`` also puts
reveal.js and jQuery beside the slides (see :mod:`dimples.web_assets`).

In the slides: arrow keys or space move between slides; ``s`` opens the
speaker view; ``f`` goes full screen.
"""

from __future__ import annotations

from .static_html import cli


def main(argv: list[str]) -> int:
    """``dimples slides [--offline] [--out DIR] [NOTEBOOK ...]``."""
    return cli(argv, "slides")
