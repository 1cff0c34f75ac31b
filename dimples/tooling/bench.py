"""``dimples bench``: how fast the model and the notebook frames are (benchmarks, not tests).

Each entry of :data:`BENCHMARKS` is a :class:`Benchmark`: a name, a function
that runs the work once, how many times to repeat it, and a goal. ``main``
runs them all (or those named on the command line), prints the median and
says whether the goal is met. Another benchmark (for example the browser
latency of a slider) is added by appending a ``Benchmark`` to
:data:`BENCHMARKS` from its own module, or by listing it here.

Goals: one frame's model + shading on the default grid under 20 ms median;
one whole-back frame of notebook 04 under 0.1 s; all frames of notebook 04
under 15 s; every notebook under 2 MB (``sizes`` prints them).
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
        Runs the measured work once (no arguments). It may check goals of its own and print them
        (sizes, browser latency): returning ``False`` then says one of them was missed.
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

    view.labelled_back_picture()
    view.lower_back_space()
    view.light_tone_grid()
    view.contrast_by_light_slider()
    for sex in ("female", "male"):
        view.chain_table(sex, (15, 25, 35))
    view.claim_table()


def _lower_back_frame():
    # One frame of notebook 04's main slider as the notebook makes it: chain (model solve + contrast),
    # torso, shading, 1200 px picture and its WebP bytes (nothing is cached between runs).
    from dimples.views import nb04_visibility as view
    from dimples.widgets import _render

    _render(lambda v: view.back_frame(*v), ("female", "rigid", 28.0), 100, "webp")


#: Largest size of a notebook as built (MB).
NOTEBOOK_BUDGET_MB = 2.0


def _sizes():
    # Bytes per notebook and per stored frame (from the notebooks as built): the 2 MB budget per notebook.
    import base64
    import json
    import re

    from dimples.tooling import ROOT
    from dimples.tooling.build import WIDGET_STATE_KEY

    ok = True
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})
        frames = {}
        for m in state.values():
            found = re.search(r'data:image/(\w+);base64,([A-Za-z0-9+/=]+)', m.get("state", {}).get("value", ""))
            if found and 'class="dimples-frame"' in m["state"]["value"]:
                frames.setdefault(found.group(1), []).append(len(base64.b64decode(found.group(2))))
        per = "; ".join(f"{len(v)} {k} frames, median {statistics.median(v) / 1000:.1f} kB, largest "
                        f"{max(v) / 1000:.1f} kB" for k, v in sorted(frames.items()))
        size_mb = path.stat().st_size / 1e6
        ok &= size_mb <= NOTEBOOK_BUDGET_MB
        print(f"  {path.name:38s} {size_mb:5.2f} MB (budget {NOTEBOOK_BUDGET_MB:g} MB)  {per or 'no frames'}")
    return ok


#: The benchmarks ``dimples bench`` runs, in order. Append to add one.
BENCHMARKS: list[Benchmark] = [
    Benchmark("frame", _frame_once, 50, 0.020,
              "one equilibrium solve (compliant anchoring, 30 x 20 cm grid at 1.25 mm) + shading + contrast",
              setup=_frame_once),
    Benchmark("sweep", _sweep, 3, 10.0,
              "the whole regime sweep notebook 04 shows (9 stiffnesses x 5 muscles x 12 fats)", setup=_frame_once),
    Benchmark("nb04", _nb04_frames, 1, 15.0,
              "every frame and figure of notebook 04 but the regime map (120-frame body-fat slider, light x tone "
              "grid, contrast by light, tables), rendered", setup=_frame_once),
    Benchmark("lower_back_frame", _lower_back_frame, 15, 0.100,
              "one frame of notebook 04's body-fat slider (1200 px): chain, torso, shading, WebP bytes",
              setup=_lower_back_frame),
    Benchmark("sizes", _sizes, 1, None, "bytes per notebook and per stored frame, printed above"),
]



def _browser_latency():
    # Slider response in Chromium (JupyterLab and static HTML); prints its own report and goals.
    from dimples.tooling.bench_browser import run_once

    return run_once()


BENCHMARKS.append(Benchmark(
    "browser", _browser_latency, 1, None,
    "whole browser latency run (~60 s): FrameSlider in JupyterLab (notebook as built, and cell run), "
    "naive interact re-plots, FrameSlider in the static HTML, page memory; printed above"))

def run(bench: Benchmark) -> tuple[list[float], bool]:
    """Run one benchmark; return its times in seconds and whether the goals it checks itself were met."""
    if not isinstance(bench, Benchmark):
        raise ValueError(f"bench={bench!r}: expected a dimples.tooling.bench.Benchmark")
    if bench.setup is not None:
        bench.setup()
    times = []
    for _ in range(bench.repeat):
        t0 = time.perf_counter()
        outcome = bench.func()
        times.append(time.perf_counter() - t0)
    return times, outcome is not False


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
        times, own_goals_met = run(b)
        med = statistics.median(times)
        verdict = ""
        if b.goal_s is not None:
            met = med < b.goal_s
            ok &= met
            verdict = f"  goal < {_fmt(b.goal_s)}: {'met' if met else 'MISSED'}"
        if not own_goals_met:
            ok = False
            verdict += "  a goal printed above: MISSED"
        print(f"{b.name:8s} median {_fmt(med)} over {len(times)} runs{verdict}  ({b.description})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
