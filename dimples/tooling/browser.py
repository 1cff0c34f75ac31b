"""Drive the kit's pages in headless Chromium: shared by the browser tests and the latency benchmark.

Uses Playwright (a test dependency, imported lazily) with Debian's Chromium
at :data:`CHROMIUM`; Playwright's own browser download is never used. Gives:

- :func:`chromium_missing`: why the browser cannot run here, or ``None``;
- :func:`launch`: a Chromium browser (context manager);
- :func:`serve_directory`: a loopback HTTP server for static pages;
- :func:`jupyter_lab`: a JupyterLab server on a free loopback port with a
  random token, killed on exit whatever happens;
- :class:`Guard`: blocks and records every request that would leave
  loopback, and records console errors;
- page helpers that wait for widgets, read the picture a widget shows,
  and move sliders with the keyboard.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from dimples.tooling import ROOT

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_missing() -> str | None:
    """Why browser checks cannot run here (one line), or None when they can."""
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install playwright; no browser download needed)"
    return None


@contextlib.contextmanager
def launch():
    """A headless Chromium (Playwright ``Browser``); closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serve_directory(directory: str | Path):
    """Serve ``directory`` on a free loopback port; yields the base URL (no trailing slash)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"directory={str(directory)!r}: not a folder")
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_LAB_SETTINGS = {
    # Attach every cell to the page, so widgets below the fold exist in the DOM.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # No requests to the internet from the page.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
}


@contextlib.contextmanager
def jupyter_lab(root_dir: str | Path, startup_timeout: float = 60.0):
    """Run JupyterLab on loopback in ``root_dir``; yields ``(base_url, token)``.

    The server gets a free port, a random token, its own settings and
    runtime folders under ``root_dir/.lab``, and is killed (its whole
    process group, kernels included) on exit, whatever happens.

    Parameters
    ----------
    root_dir : str or Path
        Folder the server serves (a temporary working copy).
    startup_timeout : float
        Seconds to wait for the server to answer.
    """
    root = Path(root_dir).resolve()
    if not root.is_dir():
        raise ValueError(f"root_dir={str(root)!r}: not a folder")
    lab = root / ".lab"
    for name, value in _LAB_SETTINGS.items():
        f = lab / "settings" / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value))
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [str(jupyter) if jupyter.exists() else "jupyter", "lab", "--no-browser",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           f"--LabApp.user_settings_dir={lab / 'settings'}", f"--LabApp.workspaces_dir={lab / 'workspaces'}",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
        cmd.append("--allow-root")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(lab / "runtime"), PYDEVD_DISABLE_FILE_VALIDATION="1")
    log = open(lab / "server.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {proc.returncode}; see {lab / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"jupyter lab did not answer within {startup_timeout} s; see {lab / 'server.log'}")
            time.sleep(0.2)
        yield base, token
    finally:
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):  # ask politely: the server also stops its kernels
            req = urllib.request.Request(f"{base}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(req, timeout=5).close()
            proc.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


def copy_working_tree(dest: str | Path, notebooks, extra_dirs=("figures",)) -> Path:
    """Copy notebooks and the folders they link to into ``dest`` (a lab's working copy).

    The kernel imports ``dimples`` from the installed (editable) package, so
    the package itself is not copied.
    """
    dest = Path(dest)
    (dest / "notebooks").mkdir(parents=True, exist_ok=True)
    for nb in notebooks:
        nb = Path(nb)
        shutil.copy2(nb, dest / "notebooks" / nb.name)
        for sibling in nb.parent.glob("*.md"):
            shutil.copy2(sibling, dest / "notebooks" / sibling.name)
    root = ROOT
    for d in extra_dirs:
        if (root / d).is_dir():
            shutil.copytree(root / d, dest / d, dirs_exist_ok=True)
    return dest


class Guard:
    """Blocks every request that leaves loopback; records them and console errors.

    Parameters
    ----------
    context : playwright BrowserContext
    """

    def __init__(self, context):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        scheme = urlsplit(url).scheme
        if url.endswith("/favicon.ico"):
            route.fulfill(status=204, body="")
        elif scheme in ("data", "blob") or urlsplit(url).hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def watch(self, page):
        """Record console errors and uncaught exceptions of ``page``."""
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        return page

    def take(self) -> tuple[list[str], list[str]]:
        """Blocked requests and errors since the last call (then forgets them)."""
        out = (self.blocked[:], self.errors[:])
        self.blocked.clear()
        self.errors.clear()
        return out


# ---------------------------------------------------------------- page helpers (JavaScript run in the page)

#: Resolves when every saved widget view in a static page has been drawn; returns
#: the model ids of views that did not render after ``timeout`` ms.
WAIT_STATIC_WIDGETS_JS = """async (timeout) => {
  const t0 = performance.now();
  const pending = () => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
      .filter(s => !(s.previousElementSibling && s.previousElementSibling.classList.contains('widget-subarea')));
  while (pending().length && performance.now() - t0 < timeout) await new Promise(r => setTimeout(r, 50));
  const imgs = [...document.querySelectorAll('.widget-subarea img')];
  await Promise.all(imgs.map(i => i.decode().catch(() => null)));
  return pending().map(s => { try { return JSON.parse(s.textContent).model_id; } catch (e) { return '?'; } });
}"""

#: Describes the widget in every output container matching ``scope`` (a CSS selector):
#: its sliders, toggle buttons, radio buttons and drop-down options, and marks each with data-dimples ids.
DESCRIBE_WIDGETS_JS = """(scope) => {
  const roots = [];
  let n = 0;
  for (const out of document.querySelectorAll(scope)) {
    const root = out.querySelector('.jupyter-widgets');  // the outermost widget of the output
    if (!root) continue;
    const sub = out;
    const id = 'w' + (n++);
    root.setAttribute('data-dimples', id);
    const cell = sub.closest('.jp-Cell, .jp-CodeCell, section');
    const cells = [...document.querySelectorAll('.jp-Cell, .jp-CodeCell')];
    const sliders = [...root.querySelectorAll('.widget-slider')].map((s, i) => {
      s.setAttribute('data-dimples-slider', id + 's' + i);
      const h = s.querySelector('[role=slider]');
      return {sel: '[data-dimples-slider="' + id + 's' + i + '"]',
              label: (s.querySelector('.widget-label') || {}).textContent || '',
              readout: (s.querySelector('.widget-readout') || {}).textContent || '',
              index: h ? Number(h.getAttribute('aria-valuenow')) : null,
              max: h ? Number(h.getAttribute('aria-valuemax')) : null};
    });
    const toggles = [...root.querySelectorAll('.widget-toggle-buttons button')].map(b => b.textContent.trim());
    const radios = [...root.querySelectorAll('.widget-radio-box label')].map(l => l.textContent.trim());
    const options = [...root.querySelectorAll('.widget-dropdown select option')].map(o => o.textContent.trim());
    const heading = (root.querySelector('.widget-html-content') || {}).textContent || '';
    roots.push({id, sel: '[data-dimples="' + id + '"]', cell: cell ? cells.indexOf(cell) : -1,
                sliders, toggles, radios, options, heading: heading.trim().slice(0, 80),
                images: root.querySelectorAll('img').length});
  }
  return roots;
}"""

#: A digest of the picture a widget root shows now (its visible <img>), or null.
SHOWN_PICTURE_JS = """async (sel) => {
  const root = document.querySelector(sel);
  if (!root) return null;
  const img = [...root.querySelectorAll('img')].find(i => i.offsetParent !== null && i.getBoundingClientRect().width > 0);
  if (!img) return null;
  try { await img.decode(); } catch (e) { return 'undecodable:' + img.src.slice(0, 60); }
  const buf = await (await fetch(img.src)).arrayBuffer();
  if (crypto.subtle) {
    const d = await crypto.subtle.digest('SHA-256', buf);
    return [...new Uint8Array(d)].slice(0, 8).map(b => b.toString(16).padStart(2, '0')).join('');
  }
  let h = 0; for (const b of new Uint8Array(buf)) h = (h * 31 + b) >>> 0;
  return buf.byteLength + ':' + h;
}"""


def shown_picture(page, root_sel: str, differs_from: str | None = None, equals: str | None = None,
                  timeout: float = 5.0) -> str | None:
    """Digest of the picture a widget root shows (its visible, decoded ``<img>``).

    With ``differs_from`` (or ``equals``), polls until a decoded picture that
    differs from (or equals) that digest is shown, or ``timeout`` seconds pass,
    and returns the last digest read.
    """
    deadline = time.monotonic() + timeout
    while True:
        now = page.evaluate(SHOWN_PICTURE_JS, root_sel)
        settled = now is not None and not now.startswith("undecodable:")
        if differs_from is None and equals is None and (settled or time.monotonic() > deadline):
            return now
        if settled and (differs_from is None or now != differs_from) and (equals is None or now == equals):
            return now
        if time.monotonic() > deadline:
            return now
        page.wait_for_timeout(30)


def slider_state(page, slider_sel: str) -> tuple[int | None, str]:
    """(index, readout text) of a slider."""
    return page.evaluate("""(sel) => { const s = document.querySelector(sel); if (!s) return [null, ''];
        const h = s.querySelector('[role=slider]'); const r = s.querySelector('.widget-readout');
        return [h ? Number(h.getAttribute('aria-valuenow')) : null, r ? r.textContent : '']; }""", slider_sel)


def press_on_handle(page, slider_sel: str, key: str) -> None:
    """Focus a slider's handle and press ``key`` (e.g. ``"ArrowRight"``) as a user would."""
    handle = page.locator(f"{slider_sel} [role=slider]").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    handle.press(key)


#: Installs, once per page, ``window.__dimplesMeasure(rootSel, trigger)``: the time in ms from
#: the trusted keydown on a slider handle inside ``rootSel`` to the next new picture in
#: ``rootSel`` being in the page and decoded. Used by the latency benchmark.
MEASURE_INSTALL_JS = """() => {
  if (window.__dimplesArm) return;
  window.__dimplesArm = (sel) => new Promise((resolve) => {
    const root = document.querySelector(sel);
    const visible = () => [...root.querySelectorAll('img')].find(i => i.offsetParent !== null);
    const before = visible();
    const beforeSrc = before ? before.src : null;
    let t0 = null, done = false;
    const onKey = (e) => { if (t0 === null) t0 = performance.now(); };
    document.addEventListener('keydown', onKey, true);
    const check = async () => {
      if (done || t0 === null) return;
      const img = visible();
      if (!img || img.src === beforeSrc) return;
      done = true; obs.disconnect(); document.removeEventListener('keydown', onKey, true);
      try { await img.decode(); } catch (e) {}
      resolve(performance.now() - t0);
    };
    const obs = new MutationObserver(check);
    obs.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'style', 'class']});
    window.__dimplesCheck = check;
  });
}"""


def measure_move(page, root_sel: str, slider_sel: str, key: str, timeout: float = 10.0) -> float:
    """Milliseconds from pressing ``key`` on the slider handle to the new picture decoded in ``root_sel``."""
    page.evaluate(MEASURE_INSTALL_JS)
    page.evaluate("(sel) => { window.__dimplesPending = window.__dimplesArm(sel); }", root_sel)
    press_on_handle(page, slider_sel, key)
    return float(page.evaluate(f"""() => Promise.race([window.__dimplesPending,
        new Promise((_, rej) => setTimeout(() => rej(new Error('no new picture within {timeout} s')), {int(timeout * 1000)}))])"""))


# ---------------------------------------------------------------- JupyterLab helpers

_LAB_STATUS_JS = """() => {
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
  const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
  const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return {prompts, status: ind ? ind.getAttribute('data-status') : null};
}"""


def lab_open_notebook(page, base: str, token: str, path: str, timeout: float = 60.0) -> None:
    """Open ``path`` (relative to the server's root) in JupyterLab and wait for its kernel to be idle."""
    page.goto(f"{base}/lab/tree/{path}?token={token}&reset", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while True:
        select = page.locator(".jp-Dialog button.jp-mod-accept")
        if select.count():  # "Select Kernel" dialog: take the notebook's own kernel
            select.first.click()
        ready = page.evaluate("""() => {
            const k = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName, .jp-KernelName');
            const i = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return !!(k && /Python/.test(k.textContent) && i && i.getAttribute('data-status') === 'idle'); }""")
        if ready:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path}: kernel not idle within {timeout} s")
        page.wait_for_timeout(100)


def _lab_menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=menu).first.click()
    page.get_by_role("menuitem", name=item, exact=True).click()


def lab_run_all(page, timeout: float = 180.0) -> list[tuple[int, str]]:
    """Clear all outputs, Run > Run All Cells, wait until every code cell has run.

    Returns
    -------
    list of (int, str)
        (cell number from 1, text) of every error or stderr output.
    """
    _lab_menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => ![...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
                           ".some(p => /\\[\\d+\\]/.test(p.textContent))", timeout=10000)
    _lab_menu(page, "Run", "Run All Cells")
    deadline = time.monotonic() + timeout
    while True:
        st = page.evaluate(_LAB_STATUS_JS)
        done = st["prompts"] and all(re.search(r"\[\d+\]", p) for p in st["prompts"])
        if done and st["status"] == "idle":
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"cells still running after {timeout} s: prompts {st['prompts']}")
        page.wait_for_timeout(100)
    page.evaluate("""async () => { const imgs = [...document.querySelectorAll('.jp-OutputArea-output img')];
        await Promise.all(imgs.map(i => i.decode().catch(() => null))); }""")
    return page.evaluate("""() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].flatMap((c, i) =>
        [...c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .map(o => [i + 1, o.textContent]))""")


def lab_shutdown_kernels(base: str, token: str) -> None:
    """Shut down every kernel of the server (frees the CPU between notebooks)."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{base}/api/kernels", headers=headers), timeout=10) as r:
        kernels = json.load(r)
    for k in kernels:
        req = urllib.request.Request(f"{base}/api/kernels/{k['id']}", method="DELETE", headers=headers)
        with contextlib.suppress(OSError):
            urllib.request.urlopen(req, timeout=10).close()
