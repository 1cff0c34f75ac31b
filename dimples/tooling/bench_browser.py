"""Browser latency of a slider: precomputed frames vs a naive kernel re-plot (a benchmark, not a test).

The same figure (notebook 04's whole lower back, 1200 px) on a slider, in
headless Chromium; for each variant the page measures with
``performance.now()`` the time from the key press on the slider handle to the
new picture being in the page and decoded, over :data:`MOVES` moves:

* the kit's :class:`FrameSlider` in JupyterLab, in a notebook **as built**
  (``make notebooks`` stores the widget state; ``make lab`` trusts the
  notebooks, so JupyterLab draws the sliders on opening, with no kernel):
  how a student meets the kit's sliders;
* the same FrameSlider in JupyterLab **after its cell is run** (a live
  kernel): every move is also sent to the kernel, which answers with
  status and echo messages JupyterLab then processes;
* a **naive** ``ipywidgets.interact`` that re-draws the picture in the
  kernel on every move, written as a user would: ``interact(picture, ...)``
  showing the returned picture (IPython sends a PIL image as PNG and JPEG);
* the same re-plot sending the kit's own WebP bytes (the kernel round trip
  without the heavier encoding), for comparison;
* the FrameSlider in the static render (offline nbconvert HTML, no kernel).

The two re-plots exist only in a temporary notebook, never in the kit.

Keeping every frame in the page costs memory: :func:`page_memory` measures
Chromium's renderer for notebook 04's static page (every frame of the kit's
largest slider set in the page) against notebook 00's.
Goals: every FrameSlider median at or under 16 ms (one frame at 60 Hz) and at
least 20x faster than the naive re-plot, in each JupyterLab state.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

#: Slider moves measured per variant.
MOVES = 24
#: Goals.
FRAME_GOAL_MS = 16.0
RATIO_GOAL = 20.0

_SETUP = '''\
import ipywidgets as w
from IPython.display import Image, display
from dimples.widgets import FrameSlider, _render
from dimples.views.nb04_visibility import back_frame, back_image  # notebook 04's frames: the whole back, 1200 px
VALUES = [10, 14, 18, 22, 26, 30, 34, 38, 42]  # body fat, % (all inside women's bands)


def draw(percent):  # a frame as notebook 04 builds it (scaled when encoded)
    return back_frame("female", "rigid", percent)


def picture(percent):  # the same picture as a PIL image, as a user would show it
    return back_image("female", "rigid", percent)
'''
_FAST = 'FrameSlider(VALUES, draw, description="frames", format="webp")'
_NAIVE = '''\
w.interact(picture, percent=w.SelectionSlider(options=VALUES, description="naive", continuous_update=True));
'''
_WEBP = '''\
def replot(value):
    display(Image(_render(draw, value, 100, "webp"), format="webp"))  # the frames' own bytes, via the kernel
w.interact(replot, value=w.SelectionSlider(options=VALUES, description="webp", continuous_update=True));
'''


def _notebook(cells: list[str]):
    import nbformat.v4 as v4

    nb = v4.new_notebook(cells=[v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    return nb


def _moves(page, root_sel: str, slider_sel: str, n: int, pause_ms: int) -> list[float]:
    from dimples.tooling import browser as web

    times, right = [], True
    maximum = page.evaluate("(s) => Number(document.querySelector(s + ' [role=slider]')"
                            ".getAttribute('aria-valuemax'))", slider_sel)
    for _ in range(n):
        index, _label = web.slider_state(page, slider_sel)
        right = index < maximum if (index >= maximum or index <= 0) else right  # bounce between the ends
        times.append(web.measure_move(page, root_sel, slider_sel, "ArrowRight" if right else "ArrowLeft"))
        page.wait_for_timeout(pause_ms)
    return times


def _find(page, scope: str, label: str):
    from dimples.tooling import browser as web

    roots = page.evaluate(web.DESCRIBE_WIDGETS_JS, scope)
    for r in roots:
        for s in r["sliders"]:
            if s["label"].strip() == label:
                return r["sel"], s["sel"]
    raise RuntimeError(f"no slider labelled {label!r} in the page")


def measure(moves: int = MOVES, log=print) -> dict[str, list[float]]:
    """Measure slider response times in the browser.

    Parameters
    ----------
    moves : int
        Moves per variant, in [5, 500].
    log : callable
        Receives progress lines.

    Returns
    -------
    dict
        Milliseconds per move for each of :data:`VARIANTS`' keys.
    """
    import shutil

    import nbformat

    from dimples.tooling import browser as web
    from dimples.tooling.build import execute_notebook
    from dimples.tooling.pages import render

    if isinstance(moves, bool) or not isinstance(moves, int) or not 5 <= moves <= 500:
        raise ValueError(f"moves={moves!r}: expected a whole number of moves in [5, 500]")
    why = web.chromium_missing()
    if why:
        raise RuntimeError(f"browser benchmark needs Chromium: {why}")
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="dimples-bench-") as tmp:
        tmp = Path(tmp)
        log("building the frames notebook as `make notebooks` does ...")
        built = tmp / "built" / "bench_built.ipynb"
        built.parent.mkdir()
        nbformat.write(_notebook([_SETUP, _FAST]), built)
        execute_notebook(built)  # stores the widget state, like the kit's notebooks
        lab_root = tmp / "lab"
        lab_root.mkdir()
        shutil.copy2(built, lab_root / built.name)
        web.trust_notebooks([lab_root / built.name])
        nbformat.write(_notebook([_SETUP, _FAST, _NAIVE, _WEBP]), lab_root / "bench_latency.ipynb")
        with web.launch() as browser:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            guard = web.Guard(context)
            page = guard.watch(context.new_page())
            scope = ".jp-Notebook .jp-OutputArea-output"
            with web.jupyter_lab(lab_root) as (base, token):
                log("JupyterLab: the built notebook, opened (no cell run) ...")
                web.lab_open_notebook(page, base, token, built.name)
                page.wait_for_function("(s) => document.querySelector(s + ' [role=slider]')", arg=scope,
                                       timeout=30000)
                root, slider = _find(page, scope, "frames")
                _moves(page, root, slider, 2, 50)  # warm-up
                results["lab_built"] = _moves(page, root, slider, moves, 50)
                web.lab_shutdown_kernels(base, token)
                log("JupyterLab: the benchmark notebook, run ...")
                web.lab_open_notebook(page, base, token, "bench_latency.ipynb")
                failed = web.lab_run_all(page)
                if failed:
                    raise RuntimeError(f"benchmark notebook failed in JupyterLab: {failed}")
                for key, label, pause in (("lab_live", "frames", 50), ("lab_naive", "naive", 150),
                                          ("lab_webp", "webp", 150)):
                    root, slider = _find(page, scope, label)
                    _moves(page, root, slider, 2, pause)  # warm-up
                    results[key] = _moves(page, root, slider, moves, pause)
                web.lab_shutdown_kernels(base, token)
            log("static render: building the offline page ...")
            render([built], tmp / "html", kind="html", offline=True, log=lambda s: None)
            with web.serve_directory(tmp / "html") as url:
                page.goto(f"{url}/{built.stem}.html")
                page.evaluate(web.WAIT_STATIC_WIDGETS_JS, 15000)
                root, slider = _find(page, ".jp-OutputArea-output", "frames")
                _moves(page, root, slider, 2, 50)
                results["static"] = _moves(page, root, slider, moves, 50)
            blocked, errors = guard.take()
            context.close()
    if blocked:
        log(f"note: blocked {len(blocked)} request(s) leaving loopback, e.g. {blocked[0]}")
    return results


#: What :func:`measure` measures, in report order: key, description, whether it is a FrameSlider.
VARIANTS = (
    ("lab_built", "JupyterLab, FrameSlider, notebook as built (no kernel)", True),
    ("lab_live", "JupyterLab, FrameSlider, cell run (live kernel)", True),
    ("lab_naive", "JupyterLab, naive interact re-plot (PNG)", False),
    ("lab_webp", "JupyterLab, re-plot sending WebP frames", False),
    ("static", "static HTML, FrameSlider (no kernel)", True),
)


def report(results: dict[str, list[float]]) -> tuple[str, bool]:
    """Text report of :func:`measure`'s results and whether every goal is met."""
    med = {k: statistics.median(v) for k, v in results.items()}
    p90 = {k: sorted(v)[int(0.9 * (len(v) - 1))] for k, v in results.items()}
    lines = [f"  {name:56s} median {med[k]:7.1f} ms  p90 {p90[k]:7.1f} ms  ({len(results[k])} moves)"
             for k, name, _frames in VARIANTS if k in results]
    ok = True
    for k, name, frames in VARIANTS:
        if frames and k in med:
            met = med[k] <= FRAME_GOAL_MS
            ok &= met
            line = f"  {name}: {med[k]:.1f} ms (goal <= {FRAME_GOAL_MS:.0f}: {'met' if met else 'MISSED'})"
            if k.startswith("lab_"):
                ratio = med["lab_naive"] / med[k]
                ok &= ratio >= RATIO_GOAL
                line += (f"; naive re-plot / this: {ratio:.1f}x (goal >= {RATIO_GOAL:.0f}x: "
                         f"{'met' if ratio >= RATIO_GOAL else 'MISSED'}); WebP re-plot / this: "
                         f"{med['lab_webp'] / med[k]:.1f}x")
            lines.append(line)
    return "\n".join(lines), ok


#: Body-fat slider moves after which the page's memory is measured again (decoded frames kept by Chromium).
MEMORY_MOVES = 20

def _renderer_mb(browser) -> float:
    # Resident memory (MB) of the browser's largest renderer process: the page's own.
    session = browser.new_browser_cdp_session()
    try:
        processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    finally:
        session.detach()
    sizes = []
    for proc in processes:
        if proc["type"] == "renderer":
            try:
                status = Path(f"/proc/{proc['id']}/status").read_text()
            except OSError:
                continue
            sizes += [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")]
    if not sizes:
        raise RuntimeError("no renderer process found in /proc (the memory measurement needs Linux)")
    return max(sizes)


def page_memory(log=print) -> dict[str, float]:
    """Chromium's memory for the static pages of notebooks 00 and 04 as built (every frame in the page).

    Each page opens in a fresh context at 1920 x 1080; once its widgets are
    drawn (no picture decoded by the measurement), the resident memory of its
    renderer process is read from ``/proc`` (Linux). Notebook 04's page is
    measured again after :data:`MEMORY_MOVES` moves of its body-fat slider,
    which leave that many frames decoded in Chromium's (purgeable) image cache.

    Returns
    -------
    dict
        ``{"00": MB, "04": MB, "04_moved": MB}``.
    """
    from dimples.tooling import browser as web
    from dimples.tooling.build import course_notebooks
    from dimples.tooling.pages import render

    pages = {p.name[:2]: p for p in course_notebooks() if p.name[:2] in ("00", "04")}
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="dimples-mem-") as tmp:
        render(list(pages.values()), Path(tmp), kind="html", offline=True, log=lambda s: None)
        with web.launch() as browser, web.serve_directory(tmp) as url:
            for key, nb in sorted(pages.items()):
                log(f"page memory: {nb.stem} ...")
                context = browser.new_context(viewport={"width": 1920, "height": 1080})
                page = context.new_page()
                page.goto(f"{url}/{nb.stem}.html", wait_until="load")
                page.wait_for_function(web.STATIC_WIDGETS_DRAWN_JS, timeout=30000)
                page.wait_for_timeout(2000)  # let the first paint and its decodes settle
                out[key] = _renderer_mb(browser)
                if key == "04":
                    roots = [r for r in page.evaluate(web.DESCRIBE_WIDGETS_JS, ".jp-OutputArea-output") if r["sliders"]]
                    body_fat = roots[0]["sliders"][-1]["sel"]
                    for _ in range(MEMORY_MOVES):
                        web.press_on_handle(page, body_fat, "ArrowRight")
                    page.wait_for_timeout(2000)
                    out["04_moved"] = _renderer_mb(browser)
                context.close()
    return out


def memory_report(mb: dict[str, float]) -> str:
    """Text report of :func:`page_memory`."""
    return (f"  static page memory (Chromium renderer, resident): notebook 00 {mb['00']:.0f} MB; notebook 04, "
            f"every frame in the page, {mb['04']:.0f} MB ({mb['04'] - mb['00']:+.0f} MB); after {MEMORY_MOVES} "
            f"body-fat moves {mb['04_moved']:.0f} MB (decoded frames Chromium may drop under memory pressure)")


def run_once() -> bool:
    """Measure and print the report (for :data:`dimples.tooling.bench.BENCHMARKS`); whether every goal is met."""
    text, ok = report(measure(log=lambda s: None))
    print("browser slider latency, key press to new picture decoded:\n" + text)
    print(memory_report(page_memory(log=lambda s: None)))
    return ok


def notebook_sizes_and_times(notebooks=None, log=print) -> list[tuple[str, float, float]]:
    """Size (MB) and execution time (s, fresh kernel, in a temporary copy) of each notebook."""
    import shutil

    from dimples.tooling.build import course_notebooks, execute_notebook

    rows = []
    paths = [Path(p) for p in notebooks] if notebooks else course_notebooks()
    with tempfile.TemporaryDirectory(prefix="dimples-nbtime-") as tmp:
        for p in paths:
            copy = Path(tmp) / "notebooks" / p.name
            copy.parent.mkdir(exist_ok=True)
            shutil.copy2(p, copy)
            t0 = time.perf_counter()
            execute_notebook(copy)
            rows.append((p.name, p.stat().st_size / 1e6, time.perf_counter() - t0))
            log(f"  {p.name:36s} {rows[-1][1]:5.2f} MB  executes in {rows[-1][2]:5.1f} s")
    return rows


def main(argv: list[str] | None = None) -> int:
    """``python -m dimples.tooling.bench_browser [--moves N]``: print the latency report; 1 if a goal is missed."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m dimples.tooling.bench_browser", description=main.__doc__)
    parser.add_argument("--moves", type=int, default=MOVES, help=f"moves per variant (default {MOVES})")
    parser.add_argument("--notebooks", action="store_true", help="also print each notebook's size and execution time")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        results = measure(args.moves, log=lambda s: print(s, file=sys.stderr))
    except (RuntimeError, ValueError) as exc:
        print(f"browser benchmark: {exc}", file=sys.stderr)
        return 1
    text, ok = report(results)
    print("browser slider latency, key press to new picture decoded:\n" + text)
    print(memory_report(page_memory(log=lambda s: print(s, file=sys.stderr))))
    if args.notebooks:
        print("notebooks:")
        notebook_sizes_and_times()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
