"""The ``dimples`` command: a thin dispatcher to the module that does each job.

    dimples execute [NOTEBOOK ...]   build notebooks (dimples.tooling.build)
    dimples figures                  export every diagram to figures/ (dimples.tooling.figures)
    dimples html [--offline]         static HTML pages in build/html (dimples.tooling.pages)
    dimples slides [--offline]       reveal.js slides in build/slides (dimples.tooling.pages)
    dimples bench                    benchmarks (dimples.tooling.bench)
"""

from __future__ import annotations

import importlib
import sys

#: Command -> (module, function taking the remaining arguments and returning an exit code).
COMMANDS: dict[str, tuple[str, str]] = {
    "execute": ("dimples.tooling.build", "main"),
    "figures": ("dimples.tooling.figures", "main"),
    "html": ("dimples.tooling.pages", "main"),
    "slides": ("dimples.tooling.pages", "main_slides"),
    "bench": ("dimples.tooling.bench", "main"),
}


def main(argv: list[str] | None = None) -> int:
    """Run ``dimples COMMAND ...``; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The command and its arguments (default: ``sys.argv[1:]``).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(__doc__.strip())
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\nunknown command {argv[0]!r}; expected one of {', '.join(COMMANDS)}", file=sys.stderr)
            return 2
        return 0 if argv else 2
    module, function = COMMANDS[argv[0]]
    return getattr(importlib.import_module(module), function)(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
