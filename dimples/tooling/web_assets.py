"""The browser files a static page or slide deck needs, from a CDN or beside the pages.

nbconvert's pages load require.js, the widget renderer
(``@jupyter-widgets/html-manager``), MathJax and, for slides, reveal.js and
jQuery. By default they come from public CDNs, as on nbviewer. Offline
(``--offline``), this module fetches the same packages from the npm
registry with the machine's ``npm`` into a cache folder (at build time, once),
copies the files the pages use into a ``_static/`` folder beside them, and
points the exporter at those copies, so a classroom without internet still
gets working sliders. It is the one place that knows which files are needed,
shared by :mod:`dimples.tooling.pages` (pages and slides).
"""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

from traitlets.config import Config

from dimples.tooling import ROOT

#: Project root (the folder holding ``dimples/`` and ``notebooks/``).
#: Default npm cache folder (ignored by git, like the rest of build/).
DEFAULT_NPM_CACHE = ROOT / "build" / "npm"
#: Folder, beside the pages, that holds the offline copies.
STATIC_DIR = "_static"

#: npm packages (exact versions, for repeatable builds) and what each page kind needs.
#: ipywidgets 8 needs @jupyter-widgets/html-manager 1.x; MathJax 2 is what
#: nbconvert's templates configure.
NPM_PACKAGES = {
    "@jupyter-widgets/html-manager": "1.0.15",
    "requirejs": "2.3.8",
    "mathjax": "2.7.9",
    "reveal.js": "4.6.1",
    "jquery": "3.7.1",
    # Not loaded by any page: the accessibility engine the browser tests inject (WCAG 2.0/2.1 A and AA).
    "axe-core": "4.14.1",
}
PAGE_PACKAGES = ("@jupyter-widgets/html-manager", "requirejs", "mathjax")
SLIDE_PACKAGES = PAGE_PACKAGES + ("reveal.js", "jquery")
KINDS = {"html": PAGE_PACKAGES, "slides": SLIDE_PACKAGES}
#: Packages only the test harness uses (never copied beside the pages).
TEST_PACKAGES = ("axe-core",)

#: Semver range of the widget renderer loaded from the CDN (ipywidgets 8 -> 1.x).
HTML_MANAGER_RANGE = "^1.0"

#: reveal.js theme of the slides: plain, high contrast, fonts bundled with reveal.js.
REVEAL_THEME = "white"

# Files copied from each package: (path in package, path under _static/).
_MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX", "jax/element",
                  "jax/output/CommonHTML", "localization/en", "fonts/HTML-CSS/TeX/woff", "fonts/HTML-CSS/TeX/otf",
                  "LICENSE"]
_COPIES = {
    "@jupyter-widgets/html-manager": [("dist", "html-manager")],
    "requirejs": [("require.js", "require.js")],
    "mathjax": [(p, f"mathjax/{p}") for p in _MATHJAX_PARTS],
    "reveal.js": [("dist", "reveal.js/dist"), ("plugin", "reveal.js/plugin"), ("LICENSE", "reveal.js/LICENSE")],
    "jquery": [("dist/jquery.min.js", "jquery.min.js")],
}
_SKIP = shutil.ignore_patterns("*.map", "embed.js", "libembed-amd.js", "*.LICENSE.txt", "*.esm.js")


class OfflineAssetsError(RuntimeError):
    """The offline files could not be fetched (npm missing or failing)."""


def _package_dir(cache: Path, name: str) -> Path:
    return cache / "packages" / f"{name.replace('/', '__')}@{NPM_PACKAGES[name]}"


def fetch_packages(names, cache: str | Path = DEFAULT_NPM_CACHE) -> dict[str, Path]:
    """Fetch npm packages (no dependencies needed) into ``cache``; reuse what is there.

    Each package's registry tarball is fetched with ``npm pack`` (npm checks
    its integrity) and unpacked into ``cache/packages/NAME@VERSION/``.

    Parameters
    ----------
    names : iterable of str
        Keys of :data:`NPM_PACKAGES`.
    cache : str or Path
        Cache folder (created if missing).

    Returns
    -------
    dict
        Package name -> unpacked package folder.

    Raises
    ------
    ValueError
        For an unknown package name.
    OfflineAssetsError
        If a package is not cached and npm is missing or fails.
    """
    names = list(names)
    unknown = [n for n in names if n not in NPM_PACKAGES]
    if unknown:
        raise ValueError(f"names={unknown!r}: unknown npm packages; allowed: {sorted(NPM_PACKAGES)}")
    cache = Path(cache)
    found = {n: _package_dir(cache, n) for n in names}
    if all((d / "package.json").is_file() for d in found.values()):
        return found
    cache.mkdir(parents=True, exist_ok=True)
    # Several test workers may build pages at once: one fetches while the others wait, then find the cache full
    # (without the lock, one worker read a tarball another was still writing).
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _fetch_missing(cache, found)
    still = [n for n, d in found.items() if not (d / "package.json").is_file()]
    if still:
        raise OfflineAssetsError(f"npm pack did not provide {still}")
    return found


def _fetch_missing(cache: Path, found: dict) -> None:
    """``npm pack`` the packages of ``found`` that the cache lacks and unpack them (call with the cache locked)."""
    missing = [n for n, d in found.items() if not (d / "package.json").is_file()]
    if not missing:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise OfflineAssetsError(
            "--offline needs npm (Node.js) to fetch " + ", ".join(f"{n}@{NPM_PACKAGES[n]}" for n in missing)
            + " from the npm registry, and no `npm` is on PATH. Install Node.js (e.g. `apt-get install npm`), "
            "or build without --offline (the pages then load these files from a public CDN).")
    tarballs = cache / "tarballs"
    tarballs.mkdir(parents=True, exist_ok=True)
    specs = [f"{n}@{NPM_PACKAGES[n]}" for n in missing]
    proc = subprocess.run([npm, "pack", "--json", "--pack-destination", str(tarballs), *specs],
                          capture_output=True, text=True, cwd=tarballs, timeout=600)
    if proc.returncode != 0:
        raise OfflineAssetsError(f"`npm pack {' '.join(specs)}` failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    for info in json.loads(proc.stdout):
        name = info["name"]
        dest = _package_dir(cache, name)
        tmp = dest.with_name(dest.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        with tarfile.open(tarballs / info["filename"]) as tar:
            tar.extractall(tmp, filter="data")
        shutil.rmtree(dest, ignore_errors=True)
        (tmp / "package").rename(dest)
        shutil.rmtree(tmp, ignore_errors=True)


def install_static(out_dir: str | Path, kind: str, cache: str | Path = DEFAULT_NPM_CACHE) -> Path:
    """Copy the browser files pages of ``kind`` need into ``out_dir/_static``.

    Parameters
    ----------
    out_dir : str or Path
        Folder of the pages.
    kind : {"html", "slides"}
        Which pages: static notebook pages or reveal.js slides.
    cache : str or Path
        npm cache folder (see :func:`fetch_packages`).

    Returns
    -------
    Path
        The ``_static`` folder.
    """
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r}: expected one of {sorted(KINDS)}")
    packages = fetch_packages(KINDS[kind], cache)
    static = Path(out_dir) / STATIC_DIR
    for name, pkg in packages.items():
        for src, dst in _COPIES[name]:
            s, d = pkg / src, static / dst
            if not s.exists():
                raise OfflineAssetsError(f"{name}@{NPM_PACKAGES[name]} has no {src}")
            if s.is_dir():
                shutil.copytree(s, d, dirs_exist_ok=True, ignore=_SKIP)
            else:
                d.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(s, d)
    return static


def exporter_config(offline: bool) -> Config:
    """nbconvert settings that point the pages at the CDN or at ``_static/``.

    Parameters
    ----------
    offline : bool
        True: the copies beside the pages (see :func:`install_static`);
        False: public CDNs (nbconvert's defaults, with the widget renderer
        pinned to the 1.x series ipywidgets 8 needs).
    """
    c = Config()
    c.HTMLExporter.html_manager_semver_range = HTML_MANAGER_RANGE
    # reveal.js's "white" theme ships its fonts (nbconvert's default "simple" fetches Google Fonts).
    c.SlidesExporter.reveal_theme = REVEAL_THEME
    # A notebook section is often taller than the screen: let a slide scroll rather than cut it off.
    c.SlidesExporter.reveal_scroll = True
    if offline:
        s = STATIC_DIR
        c.HTMLExporter.require_js_url = f"{s}/require.js"
        c.HTMLExporter.widget_renderer_url = f"{s}/html-manager/embed-amd.js"
        c.HTMLExporter.mathjax_url = f"{s}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
        c.HTMLExporter.jquery_url = f"{s}/jquery.min.js"
        c.SlidesExporter.reveal_url_prefix = f"{s}/reveal.js"
    return c


_EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*?\s(?:src|href)\s*=\s*["'](https?:)?//""", re.I)
_IMPORT = re.compile(r"""\bimport\s+[\w{}\s,*]*\s+from\s+['"]https?://""")


def external_loads(page: str) -> list[str]:
    """Tags or static imports in ``page`` that load a file from another host.

    Parameters
    ----------
    page : str
        HTML text.

    Returns
    -------
    list of str
        The offending snippets (empty when the page is self-contained).
    """
    hits = [m.group(0) for m in _EXTERNAL.finditer(page)]
    hits += [m.group(0) for m in _IMPORT.finditer(page)]
    return hits


def axe_source(cache: str | Path = DEFAULT_NPM_CACHE) -> str:
    """The text of ``axe.min.js`` (axe-core, from the npm cache; fetched with npm if missing).

    The browser tests inject it into every page, slide deck and JupyterLab
    notebook panel they audit; no page of the kit loads it.

    Parameters
    ----------
    cache : str or Path
        npm cache folder (see :func:`fetch_packages`).

    Returns
    -------
    str
        JavaScript source defining ``window.axe``.

    Raises
    ------
    OfflineAssetsError
        If the package is not cached and npm is missing or fails.
    """
    pkg = fetch_packages(TEST_PACKAGES, cache)["axe-core"]
    path = pkg / "axe.min.js"
    if not path.is_file():
        raise OfflineAssetsError(f"axe-core@{NPM_PACKAGES['axe-core']} has no axe.min.js")
    return path.read_text(encoding="utf-8")
