"""Drive the kit's pages in headless Chromium: shared by the browser tests and the latency benchmark.

Uses Playwright (a test dependency, imported lazily) with Debian's Chromium
at :data:`CHROMIUM`; Playwright's own browser download is never used. Gives:

- :func:`chromium_missing`: why the browser cannot run here, or ``None``;
- :func:`launch`: a Chromium browser (context manager);
- :func:`serve_directory`: a loopback HTTP server for static pages;
- :func:`jupyter_server` (and :func:`jupyter_lab`): a JupyterLab or
  Notebook 7 server on a free loopback port with a random token, killed on
  exit whatever happens;
- :func:`nbviewer_site`: the notebooks as nbviewer shows them (nbconvert's
  page inside nbviewer's own page, each loading the widget renderer), with
  require.js and the renderer served from the local npm cache;
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


#: Jupyter front ends :func:`jupyter_server` can start: the ``jupyter`` subcommand and the
#: configurable class holding the front end's settings and workspaces folders.
FRONT_ENDS = {"lab": "LabApp", "notebook": "JupyterNotebookApp"}


@contextlib.contextmanager
def jupyter_server(root_dir: str | Path, app: str = "lab", startup_timeout: float = 60.0, user_settings=None):
    """Run JupyterLab or Notebook 7 on loopback in ``root_dir``; yields ``(base_url, token)``.

    Either command starts one Jupyter server that serves every front end
    installed: JupyterLab under ``/lab``, Notebook 7 under ``/tree`` and
    ``/notebooks``. The server gets a free port on 127.0.0.1, a random token, its own user
    settings and runtime folders under ``root_dir/.lab`` (the environment's
    own settings, ``share/jupyter/lab/settings`` of the Python prefix, still
    apply, as for a reader), and is killed (its whole process group, kernels
    included) on exit, whatever happens.

    Parameters
    ----------
    root_dir : str or Path
        Folder the server serves (a temporary working copy).
    app : {"lab", "notebook"}
        ``jupyter lab`` (JupyterLab) or ``jupyter notebook`` (Notebook 7).
    startup_timeout : float
        Seconds to wait for the server to answer.
    user_settings : dict, optional
        Settings file name (``plugin-package/plugin.jupyterlab-settings``) ->
        its content, written to the user settings folder; default: every
        cell attached to the page, no news fetched from the internet.
    """
    if app not in FRONT_ENDS:
        raise ValueError(f"app={app!r}: expected one of {sorted(FRONT_ENDS)}")
    if isinstance(startup_timeout, bool) or not isinstance(startup_timeout, (int, float)) or not startup_timeout > 0:
        raise ValueError(f"startup_timeout={startup_timeout!r}: expected a positive number of seconds")
    root = Path(root_dir).resolve()
    if not root.is_dir():
        raise ValueError(f"root_dir={str(root)!r}: not a folder")
    if user_settings is None:
        user_settings = _LAB_SETTINGS
    if not isinstance(user_settings, dict):
        raise ValueError(f"user_settings={user_settings!r}: expected a dict of settings file name -> settings")
    lab = root / ".lab"
    (lab / "settings").mkdir(parents=True, exist_ok=True)
    for name, value in user_settings.items():
        f = lab / "settings" / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value))
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [str(jupyter) if jupyter.exists() else "jupyter", app, "--no-browser",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    for front in FRONT_ENDS.values():  # one server serves both front ends (/lab and /notebooks) when both are installed
        cmd += [f"--{front}.user_settings_dir={lab / 'settings'}", f"--{front}.workspaces_dir={lab / 'workspaces'}"]
    cmd += ["--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
        cmd.append("--allow-root")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(lab / "runtime"), PYDEVD_DISABLE_FILE_VALIDATION="1")
    log = open(lab / f"server-{app}.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"jupyter {app} exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"jupyter {app} did not answer within {startup_timeout} s; see {log.name}")
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


def jupyter_lab(root_dir: str | Path, startup_timeout: float = 60.0):
    """Run JupyterLab on loopback in ``root_dir``: :func:`jupyter_server` with ``app="lab"``.

    Parameters
    ----------
    root_dir : str or Path
        Folder the server serves (a temporary working copy).
    startup_timeout : float
        Seconds to wait for the server to answer.
    """
    return jupyter_server(root_dir, "lab", startup_timeout)


def trust_notebooks(paths) -> None:
    """Trust notebooks as ``make lab`` does (``jupyter trust``), so JupyterLab restores their saved widgets."""
    import subprocess
    import sys

    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run([str(jupyter), "trust", *(str(p) for p in paths)], check=True, capture_output=True)


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


#: Where an nbviewer-shaped site keeps its "CDN": the widget renderer and require.js, from the
#: npm cache, under the same paths as on unpkg.com (nbviewer's and nbconvert's default CDN).
NBVIEWER_CDN = "cdn/"
#: The widget renderer's version range nbviewer asks for (its default, and nbconvert's).
NBVIEWER_HTML_MANAGER_RANGE = "*"

# nbviewer's page around nbconvert's (github.com/jupyter/nbviewer, nbviewer/templates/layout.html
# and notebook.html, default settings): its own loader of the widget renderer in the head, its own
# require.js at the top of the body, then nbconvert's whole lab-template page pasted into the body,
# with that page's own require.js and its own loader of the same renderer.
_NBVIEWER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - nbviewer-shaped page</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<script>
  (function() {{
    function addWidgetsRenderer() {{
      var mimeElement = document.querySelector('script[type="application/vnd.jupyter.widget-view+json"]');
      var scriptElement = document.createElement('script');
      var widgetRendererSrc = '{cdn}@jupyter-widgets/html-manager@{range}/dist/embed-amd.js';
      var widgetState;
      try {{
        widgetState = mimeElement && JSON.parse(mimeElement.innerHTML);
        if (widgetState && (widgetState.version_major < 2 || !widgetState.version_major)) {{
          widgetRendererSrc = '{cdn}jupyter-js-widgets@*/dist/embed.js';
        }}
      }} catch(e) {{}}
      scriptElement.src = widgetRendererSrc;
      document.body.appendChild(scriptElement);
    }}
    document.addEventListener('DOMContentLoaded', addWidgetsRenderer);
  }}());
</script>
</head>
<body class="nbviewer">
<script src="{cdn}requirejs@{requirejs}/require.js"></script>
<nav id="menubar" class="navbar"><a href="index.html">nbviewer-shaped test page</a></nav>
<div class="container container-main">
{body}
</div>
</body>
</html>
"""


def nbviewer_site(notebooks, out_dir: str | Path, npm_cache: str | Path | None = None) -> list[Path]:
    """Write the notebooks as nbviewer serves them, for a browser test on loopback.

    Each page is nbconvert's HTML exporter with its lab template and
    nbviewer's defaults (what nbviewer renders a notebook with), pasted into
    a page shaped like nbviewer's own, which loads require.js and appends
    the widget renderer (``@jupyter-widgets/html-manager``'s
    ``embed-amd.js``) itself, as nbviewer does. Where nbviewer loads these
    from unpkg.com and cdnjs, the pages load copies from the npm cache,
    under ``out_dir/cdn/`` (unpkg's paths) and ``out_dir/_static/``, so
    serving ``out_dir`` on loopback needs no internet.

    Parameters
    ----------
    notebooks : sequence of str or Path
        ``.ipynb`` files.
    out_dir : str or Path
        Output folder (created); pages are ``out_dir/NN_name.html``.
    npm_cache : str or Path, optional
        npm package cache (default :data:`dimples.tooling.web_assets.DEFAULT_NPM_CACHE`).

    Returns
    -------
    list of Path
        The pages written, in the order of ``notebooks``.

    Raises
    ------
    ValueError
        For no notebooks or a path that is not a notebook.
    dimples.tooling.web_assets.OfflineAssetsError
        If the npm packages are not cached and cannot be fetched.
    """
    import html as html_mod

    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from dimples.tooling import web_assets

    if isinstance(notebooks, (str, Path)) or not hasattr(notebooks, "__iter__"):
        raise ValueError(f"notebooks={notebooks!r}: expected a list of .ipynb files")
    paths = [Path(p) for p in notebooks]
    bad = [str(p) for p in paths if p.suffix != ".ipynb" or not p.is_file()]
    if not paths or bad:
        raise ValueError(f"notebooks={[str(p) for p in paths]!r}: expected existing .ipynb files (bad: {bad})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cache = web_assets.DEFAULT_NPM_CACHE if npm_cache is None else Path(npm_cache)
    web_assets.install_static(out, "html", cache)  # require.js, the renderer, MathJax in _static/
    static = web_assets.STATIC_DIR
    renderer = out / NBVIEWER_CDN / "@jupyter-widgets" / f"html-manager@{NBVIEWER_HTML_MANAGER_RANGE}"
    renderer.mkdir(parents=True, exist_ok=True)
    if not (renderer / "dist").exists():
        (renderer / "dist").symlink_to(Path("..", "..", "..", static, "html-manager"), target_is_directory=True)
    requirejs = web_assets.NPM_PACKAGES["requirejs"]
    require_dir = out / NBVIEWER_CDN / f"requirejs@{requirejs}"
    require_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(out / static / "require.js", require_dir / "require.js")
    config = Config()
    # nbconvert's defaults, as nbviewer leaves them, with the hosts moved to loopback.
    config.HTMLExporter.jupyter_widgets_base_url = NBVIEWER_CDN
    config.HTMLExporter.html_manager_semver_range = NBVIEWER_HTML_MANAGER_RANGE
    config.HTMLExporter.require_js_url = f"{NBVIEWER_CDN}requirejs@{requirejs}/require.js"
    config.HTMLExporter.mathjax_url = f"{static}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    exporter = HTMLExporter(config=config, template_name="lab")
    written = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": p.stem, "path": str(p.parent)}})
        page = out / f"{p.stem}.html"
        page.write_text(_NBVIEWER_PAGE.format(title=html_mod.escape(p.stem), cdn=NBVIEWER_CDN,
                                              range=NBVIEWER_HTML_MANAGER_RANGE, requirejs=requirejs, body=body),
                        encoding="utf-8")
        written.append(page)
    return written


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

# The saved widget views of a static page not drawn yet (a drawn view's area comes right before its script).
_PENDING_VIEWS_JS = """() => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
      .filter(s => !(s.previousElementSibling && s.previousElementSibling.classList.contains('widget-subarea')))"""

#: True once every saved widget view of a static page is drawn (decodes no picture: for measuring
#: the page as a reader's browser holds it).
STATIC_WIDGETS_DRAWN_JS = f"() => !({_PENDING_VIEWS_JS})().length"

#: Resolves when every saved widget view in a static page has been drawn and its pictures decoded;
#: returns the model ids of views that did not render after ``timeout`` ms.
WAIT_STATIC_WIDGETS_JS = f"""async (timeout) => {{
  const t0 = performance.now();
  const pending = {_PENDING_VIEWS_JS};
  while (pending().length && performance.now() - t0 < timeout) await new Promise(r => setTimeout(r, 50));
  const imgs = [...document.querySelectorAll('.widget-subarea img')];
  await Promise.all(imgs.map(i => i.decode().catch(() => null)));
  return pending().map(s => {{ try {{ return JSON.parse(s.textContent).model_id; }} catch (e) {{ return '?'; }} }});
}}"""

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
    const headingBox = root.querySelector('.widget-html-content');  // innerText: not the text of a <style>
    const heading = headingBox ? (headingBox.innerText || headingBox.textContent) : '';
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


# ---------------------------------------------------------------- accessibility (axe-core, keyboard)

#: The WCAG rule sets every audit runs: WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: Impact levels axe reports, most severe first.
AXE_IMPACTS = ("critical", "serious", "moderate", "minor")

_AXE_RUN_JS = """async ([context, tags]) => {
  const r = await window.axe.run(context || document, {runOnly: {type: 'tag', values: tags},
                                                       resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html.slice(0, 200),
                              summary: (n.failureSummary || '').slice(0, 300)}))}));
}"""


def axe_audit(page, context=None, axe_js: str | None = None) -> list[dict]:
    """Run axe-core's WCAG 2.0/2.1 A and AA rules (:data:`AXE_TAGS`) in ``page``.

    Parameters
    ----------
    page : playwright Page
        The page, loaded (and its widgets drawn).
    context : str or dict, optional
        What to audit, in axe's terms: a CSS selector, or
        ``{"include": [...], "exclude": [...]}``; default the whole document.
    axe_js : str, optional
        Source of ``axe.min.js``, injected once per page load (default: from
        the npm cache, :func:`dimples.tooling.web_assets.axe_source`).

    Returns
    -------
    list of dict
        One per violated rule: ``id``, ``impact``, ``help`` and ``nodes``
        (each with its ``target`` selectors, ``html`` and ``summary``).
    """
    if context is not None and not isinstance(context, (str, dict)):
        raise ValueError(f"context={context!r}: expected None, a CSS selector or an axe context dict")
    if not page.evaluate("() => !!window.axe"):
        if axe_js is None:
            from dimples.tooling.web_assets import axe_source

            axe_js = axe_source()
        page.add_script_tag(content=axe_js)
    return page.evaluate(_AXE_RUN_JS, [context, list(AXE_TAGS)])


def impact_counts(violations: list[dict]) -> dict[str, int]:
    """Number of violating nodes per impact level (critical, serious, moderate, minor).

    Parameters
    ----------
    violations : list of dict
        What :func:`axe_audit` returned.

    Returns
    -------
    dict
        Impact -> number of nodes (every level present, 0 when none).
    """
    if not isinstance(violations, list):
        raise ValueError(f"violations={violations!r}: expected the list axe_audit returns")
    counts = dict.fromkeys(AXE_IMPACTS, 0)
    for v in violations:
        counts[v.get("impact") or "minor"] += len(v.get("nodes", []))
    return counts


def describe_violations(violations: list[dict], limit: int = 3) -> str:
    """A readable list of axe violations: rule, impact, node count and the first few nodes.

    Parameters
    ----------
    violations : list of dict
        What :func:`axe_audit` returned.
    limit : int
        How many nodes of each rule to show.
    """
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
        for n in v["nodes"][:limit]:
            lines.append(f"    {' '.join(n['target'])}: {n['html'][:120]}")
    return "\n".join(lines)


_FOCUSED_JS = """() => { const a = document.activeElement;
  if (!a || a === document.body) return null;
  return {role: a.getAttribute('role') || a.tagName.toLowerCase(), slider: a.getAttribute('role') === 'slider',
          name: a.getAttribute('aria-label') || (a.textContent || '').trim().slice(0, 40),
          text: (a.outerHTML || '').slice(0, 120)}; }"""


def tab_stops_to_first_slider(page, limit: int = 200) -> int | None:
    """Tab presses from the top of ``page`` until a slider handle has the focus.

    Parameters
    ----------
    page : playwright Page
        A loaded page; the focus is reset to the top of the document first.
    limit : int
        Give up after this many presses.

    Returns
    -------
    int or None
        The number of presses (the slider's own stop included), or None when
        no slider was reached within ``limit``.
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit={limit!r}: expected a positive integer number of key presses")
    page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }")
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        f = page.evaluate(_FOCUSED_JS)
        if f and f["slider"]:
            return n
    return None


def count_tab_stops(page, limit: int = 1000) -> int:
    """How many Tab presses walk once through every stop of ``page`` (until the focus comes back).

    Parameters
    ----------
    page : playwright Page
        A loaded page.
    limit : int
        Give up after this many presses.

    Returns
    -------
    int
        The number of distinct focus stops.
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit={limit!r}: expected a positive integer number of key presses")
    page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.evaluate("() => { window.__dimplesStops = new WeakSet(); }")
    n = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        new = page.evaluate("() => { const a = document.activeElement; if (!a || a === document.body) return false;"
                            " if (window.__dimplesStops.has(a)) return false;"
                            " window.__dimplesStops.add(a); return true; }")
        if not new:
            if n:
                break
            continue
        n += 1
    return n
