"""The ``dimples`` command: a thin dispatcher to the module that does each job.

    dimples execute [NOTEBOOK ...]   build notebooks (dimples.build)
    dimples figures                  export every diagram to figures/ (dimples.figures)
    dimples html [--offline]         static HTML pages in build/html (dimples.static_html)
    dimples slides                   reveal.js slides in build/slides (dimples.slides)
    dimples bench                    benchmarks (dimples.bench)
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "execute": "dimples.build",
    "figures": "dimples.figures",
    "html": "dimples.static_html",
    "slides": "dimples.slides",
    "bench": "dimples.bench",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(__doc__.strip())
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\nunknown command {argv[0]!r}; expected one of {', '.join(COMMANDS)}", file=sys.stderr)
            return 2
        return 0 if argv else 2
    module = importlib.import_module(COMMANDS[argv[0]])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
