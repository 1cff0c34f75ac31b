"""Tooling of the kit: it builds, exports, serves and measures; nothing in the engine imports it.

* :mod:`dimples.tooling.build`: execute every notebook in a fresh kernel and store it (``dimples execute``);
* :mod:`dimples.tooling.figures`: export every diagram to ``figures/`` (``dimples figures``);
* :mod:`dimples.tooling.pages`: static HTML pages and reveal.js slides (``dimples html``, ``dimples slides``);
* :mod:`dimples.tooling.web_assets`: the widget renderer and slide scripts, from npm, for offline pages;
* :mod:`dimples.tooling.browser`: the Playwright / Chromium harness the browser tests and benchmarks share;
* :mod:`dimples.tooling.bench` and :mod:`dimples.tooling.bench_browser`: ``dimples bench``.
"""

from pathlib import Path

#: The kit's folder (holds ``notebooks/``, ``figures/``, ``build/``).
ROOT: Path = Path(__file__).resolve().parents[2]
