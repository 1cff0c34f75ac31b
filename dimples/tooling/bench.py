"""``dimples bench``: how fast the model and the notebook frames are (benchmarks, not tests).

Each entry of :data:`BENCHMARKS` is a :class:`Benchmark`: a name, a function
that runs the work once, how many times to repeat it, and a goal. ``main``
runs them all (or those named on the command line), prints the median and
says whether the goal is met. Another benchmark (for example the browser
latency of a slider) is added by appending a ``Benchmark`` to
:data:`BENCHMARKS` from its own module, or by listing it here.

Goals (issue 4): one frame's model + shading on the default grid under
20 ms median; all frames of notebook 04 under 5 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Benchmark", "BENCHMARKS", "run", "main"]


@dataclass(frozen=True)
class Benchmark:
    """One benchmark.

    Attributes
    ----------
    name : str
        Short identifier used on the command line.
    func : callable
        Runs the measured work once (no arguments).
    repeat : int
        Number of timed runs (the median is reported).
    goal_s : float or None
        Median time goal in seconds; ``None`` = just report.
    description : str
        What is measured.
    setup : callable or None
        Run once before timing (warm-up, imports).
    """

    name: str
    func: Callable[[], object]
    repeat: int
    goal_s: float | None
    description: str
    setup: Callable[[], object] | None = None


def _frame_once():
    from dimples import model, render

    surf = model.surface(15.0, anchoring="compliant")
    render.weber_contrast(surf)


def _sweep():
    from dimples import regimes

    regimes.fractions(regimes.sweep())


def _nb04_frames():
    from dimples.views import nb04_visibility as view

    view.visibility_grid()
    view.contrast_vs_bodyfat_picture()
    for sex in ("female", "male"):
        view.chain_table(sex, (15, 25, 35))
    view.claim_table()


#: The benchmarks ``dimples bench`` runs, in order. Append to add one.
BENCHMARKS: list[Benchmark] = [
    Benchmark("frame", _frame_once, 50, 0.020,
              "one equilibrium solve (compliant anchoring, 30 x 20 cm grid at 1.25 mm) + shading + contrast",
              setup=_frame_once),
    Benchmark("sweep", _sweep, 3, 10.0,
              "the whole regime sweep notebook 04 shows (9 stiffnesses x 5 muscles x 12 fats)", setup=_frame_once),
    Benchmark("nb04", _nb04_frames, 3, 5.0,
              "every frame and figure of notebook 04 but the regime map (12-frame grid, curves, tables), rendered",
              setup=_frame_once),
]



def _browser_latency():
    # Issue 5: slider response in Chromium (JupyterLab and static HTML); prints its own report.
    from dimples.tooling.bench_browser import run_once

    run_once()


BENCHMARKS.append(Benchmark(
    "browser", _browser_latency, 1, None,
    "whole browser latency run (~40 s): FrameSlider vs naive interact re-plot in live JupyterLab, "
    "and FrameSlider in the static HTML; medians printed above"))

def run(bench: Benchmark) -> list[float]:
    """Run one benchmark; return its times in seconds."""
    if not isinstance(bench, Benchmark):
        raise ValueError(f"bench={bench!r}: expected a dimples.tooling.bench.Benchmark")
    if bench.setup is not None:
        bench.setup()
    times = []
    for _ in range(bench.repeat):
        t0 = time.perf_counter()
        bench.func()
        times.append(time.perf_counter() - t0)
    return times


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in ``argv`` (default: all) and print their medians.

    Returns 0 when every goal is met, 1 otherwise, 2 for an unknown name.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        print("\nbenchmarks: " + ", ".join(b.name for b in BENCHMARKS))
        return 0
    known = {b.name: b for b in BENCHMARKS}
    unknown = [a for a in argv if a not in known]
    if unknown:
        print(f"unknown benchmark(s) {unknown}; expected any of {list(known)}", file=sys.stderr)
        return 2
    chosen = [known[a] for a in argv] if argv else BENCHMARKS
    ok = True
    for b in chosen:
        times = run(b)
        med = statistics.median(times)
        verdict = ""
        if b.goal_s is not None:
            met = med < b.goal_s
            ok &= met
            verdict = f"  goal < {_fmt(b.goal_s)}: {'met' if met else 'MISSED'}"
        print(f"{b.name:8s} median {_fmt(med)} over {len(times)} runs{verdict}  ({b.description})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
