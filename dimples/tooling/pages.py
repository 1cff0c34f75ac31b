"""``dimples html`` and ``dimples slides``: the notebooks as static pages or slides, sliders included.

Each notebook is rendered with nbconvert's HTML exporter and its ``lab``
template (what nbviewer uses) into ``build/html/NN_name.html``, with an
``index.html`` linking the notebooks in course order. The widget state saved
in each notebook lets ``@jupyter-widgets/html-manager`` draw the sliders
and quizzes in the page, and move them, with no kernel.

By default the pages load require.js, the widget renderer and MathJax from
public CDNs, as nbviewer does. ``--offline`` puts copies beside the pages
(see :mod:`dimples.tooling.web_assets`) so they work without internet, also when
opened straight from disk.

Links between notebooks (``02_x.ipynb``) become links between pages
(``02_x.html``); other local files a notebook links to (figures, guides) are
copied beside the pages.

``dimples slides`` uses nbconvert's slides exporter instead: it cuts each
notebook into slides from the cells' ``slideshow`` metadata (a slide per
``## `` section, exercises and quizzes as sub-slides) and writes
``build/slides/NN_name.slides.html`` with an ``index.html``. The saved widget
state makes the sliders and quizzes work in the slides as in the pages;
``--offline`` also puts reveal.js and jQuery beside them. In the slides,
arrow keys or space move between slides, ``s`` opens the speaker view and
``f`` goes full screen.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat

from dimples.tooling import ROOT, web_assets
from dimples.tooling.build import NOTEBOOK_DIR, WIDGET_STATE_KEY, course_notebooks

#: Default output folders, relative to the project root.
DEFAULT_OUT = {"html": ROOT / "build" / "html", "slides": ROOT / "build" / "slides"}
_VIEW = "application/vnd.jupyter.widget-view+json"
# Must not collide with nbconvert's own template names.
_SLIDES_TEMPLATE = "dimples_reveal.html.j2"
# nbconvert's reveal template imports mermaid from a CDN on every page; the kit draws no mermaid
# diagrams. And keys pressed on a widget (arrows on a slider's handle) must move the widget, not
# also the slides: stop them on their way up to reveal.js's listener on the document.
_SLIDES_TEMPLATE_TEXT = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block footer_js %}
{{ super() }}
<script>
document.querySelector('.reveal .slides').addEventListener('keydown', function (event) {
  if (event.target.closest && event.target.closest('.jupyter-widgets')) { event.stopPropagation(); }
});
</script>
{% endblock footer_js %}
"""


# nbconvert's pages set no font on widget views (JupyterLab's own stylesheet does): without
# this, slider labels and quiz answers fall back to the browser's serif default.
_WIDGET_FONT_CSS = ("<style>.jupyter-widgets, .jupyter-widgets .widget-label, .widget-radio-box label, "
                    ".widget-readout { font-family: var(--jp-ui-font-family); font-size: var(--jp-ui-font-size1); }"
                    "</style>")


#: The accessibility fixes every page and slide deck loads (contrast and focus over nbconvert's
#: template, Tab stops, inert hidden slides): files beside this module, inlined into each page.
_A11Y_DIR = Path(__file__).resolve().parent


def a11y_head() -> str:
    """The ``<style>`` and ``<script>`` the kit adds to every page and slide deck, for WCAG 2.1 AA.

    ``page_a11y.css`` overrides nbconvert's lab template where it fails
    contrast (prompts, code colours) and underlines content links;
    ``page_a11y.js`` keeps Tab stops only on boxes that scroll and makes
    non-current slides inert. Inlined, so a page opened from disk needs no
    other file.

    Returns
    -------
    str
        HTML to put before ``</head>``.
    """
    css = (_A11Y_DIR / "page_a11y.css").read_text(encoding="utf-8")
    js = (_A11Y_DIR / "page_a11y.js").read_text(encoding="utf-8")
    return f"<style>\n{css}</style>\n<script>\n{js}</script>\n"


def widget_state_problems(nb: nbformat.NotebookNode) -> list[str]:
    """What keeps a notebook's widgets from rendering in a static page.

    Parameters
    ----------
    nb : NotebookNode
        A notebook.

    Returns
    -------
    list of str
        Empty when every widget view has its model in the saved state.
    """
    views = [out["data"][_VIEW]["model_id"]
             for cell in nb.cells if cell.cell_type == "code"
             for out in cell.get("outputs", []) if _VIEW in out.get("data", {})]
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE_KEY, {})
    if not views:
        return []
    if "state" not in state or not state["state"]:
        return [f"no saved widget state for its {len(views)} widget(s)"]
    missing = [v for v in views if v not in state["state"]]
    return [f"widget view {m} has no model in the saved state" for m in missing]


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first ``# `` heading of the notebook, or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return fallback


_LOCAL_REF = re.compile(r"""(\s(?:href|src)=)(["'])([^"'#?:]+?)([#?][^"']*)?\2""")


def _rewrite_local_links(page: str, nb_dir: Path, out_dir: Path, built: set[str]) -> str:
    """Point notebook links at pages and copy other linked local files beside the pages."""
    root = nb_dir.parent

    def fix(m: re.Match) -> str:
        attr, quote, target, tail = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        if target.startswith(("/", web_assets.STATIC_DIR + "/")) or target.endswith(".html"):
            return m.group(0)
        path = (nb_dir / target).resolve()
        if path.suffix == ".ipynb" and path.parent == nb_dir.resolve() and path.stem in built:
            return f"{attr}{quote}{path.stem}.html{tail}{quote}"
        if path.suffix == ".md" and path.parent == nb_dir.resolve() and path.is_file():
            page_name = f"{path.stem}.html"  # the glossary and the instructor guide, as pages of their own
            (out_dir / page_name).write_text(markdown_page(path, built), encoding="utf-8")
            return f"{attr}{quote}{page_name}{tail}{quote}"
        if not path.is_file():
            return m.group(0)
        try:
            rel = path.relative_to(nb_dir.resolve())
        except ValueError:
            try:
                rel = path.relative_to(root.resolve())
            except ValueError:
                return m.group(0)
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        return f"{attr}{quote}{rel.as_posix()}{tail}{quote}"

    return _LOCAL_REF.sub(fix, page)


def markdown_page(path: Path, built: set[str]) -> str:
    """A Markdown file of ``notebooks/`` (glossary, instructor guide) as a standalone HTML page.

    Parameters
    ----------
    path : Path
        The ``.md`` file.
    built : set of str
        Stems of the notebooks rendered beside it; links to them (and to
        other ``.md`` files of the folder) are pointed at their ``.html`` pages.

    Returns
    -------
    str
        The page.
    """
    import mistune

    path = Path(path)
    if path.suffix != ".md" or not path.is_file():
        raise ValueError(f"path={str(path)!r}: expected an existing .md file")
    body = mistune.create_markdown(plugins=["table"])(path.read_text(encoding="utf-8"))

    def relink(m: re.Match) -> str:
        stem, ext, tail = m.group(1), m.group(2), m.group(3) or ""
        if ext == "ipynb" and stem not in built:
            return m.group(0)
        return f'href="{stem}.html{tail}"'

    body = re.sub(r'href="([0-9A-Za-z_]+)\.(ipynb|md)(#[^"]*)?"', relink, body)
    title = re.search(r"<h1>(.*?)</h1>", body)
    name = html.escape(re.sub(r"<[^>]+>", "", title.group(1))) if title else path.stem
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{name}</title>\n'
            "<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
            "line-height:1.5;color:#222} a{color:#0072B2} table{border-collapse:collapse;margin:1em 0}"
            " th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}</style>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def _index_page(title: str, entries: list[tuple[str, str]], note: str) -> str:
    items = "\n".join(f'  <li><a href="{html.escape(href)}">{html.escape(text)}</a></li>' for href, text in entries)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{html.escape(title)}</title>\n'
            '<style>body{font-family:system-ui,sans-serif;max-width:44em;margin:2em auto;padding:0 1em;'
            'line-height:1.5;color:#222} a{color:#0072B2}</style>\n</head>\n<body>\n'
            f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(note)}</p>\n<ol>\n{items}\n</ol>\n</body>\n</html>\n")


def _exporter(kind: str, offline: bool):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter, SlidesExporter

    config = web_assets.exporter_config(offline)
    if kind == "html":
        return HTMLExporter(config=config, template_name="lab")
    return SlidesExporter(config=config, template_file=_SLIDES_TEMPLATE,
                          extra_loaders=[DictLoader({_SLIDES_TEMPLATE: _SLIDES_TEMPLATE_TEXT})])


def render(notebooks, out_dir: str | Path, kind: str = "html", offline: bool = False,
           npm_cache: str | Path = web_assets.DEFAULT_NPM_CACHE, log=print) -> list[Path]:
    """Render notebooks to static pages (or slides) with an index page.

    Parameters
    ----------
    notebooks : sequence of str or Path
        ``.ipynb`` files, in the order the index lists them.
    out_dir : str or Path
        Output folder (created).
    kind : {"html", "slides"}
        nbconvert's lab-template HTML, or reveal.js slides.
    offline : bool
        Put require.js, the widget renderer, MathJax (and reveal.js) beside the
        pages instead of loading them from CDNs.
    npm_cache : str or Path
        Where ``--offline`` keeps the npm packages it fetches.
    log : callable
        Receives progress and warning lines.

    Returns
    -------
    list of Path
        The pages written (index first).

    Raises
    ------
    ValueError
        For a bad ``kind``, no notebooks, or a path that is not a notebook.
    web_assets.OfflineAssetsError
        If ``offline`` and the files cannot be fetched (e.g. npm missing).
    """
    if kind not in DEFAULT_OUT:
        raise ValueError(f"kind={kind!r}: expected one of {sorted(DEFAULT_OUT)}")
    paths = [Path(p) for p in notebooks]
    if not paths:
        raise ValueError("notebooks=[]: expected at least one .ipynb file")
    bad = [str(p) for p in paths if p.suffix != ".ipynb" or not p.is_file()]
    if bad:
        raise ValueError(f"notebooks: {bad} are not existing .ipynb files")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if offline:
        web_assets.install_static(out_dir, kind, npm_cache)
    exporter = _exporter(kind, offline)
    suffix = ".slides.html" if kind == "slides" else ".html"
    built = {p.stem for p in paths}
    written, entries = [], []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        for problem in widget_state_problems(nb):
            log(f"warning: {p.name}: {problem}; its sliders and quizzes will not move in the page "
                f"(build it with `dimples execute {p}`)")
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": p.stem, "path": str(p.parent)}})
        body = _rewrite_local_links(body, p.parent, out_dir, built)
        body = body.replace("</head>", _WIDGET_FONT_CSS + "\n" + a11y_head() + "</head>", 1)
        if kind == "slides":
            body = re.sub(r'href="(\d\d_[^"/]+)\.html', r'href="\1.slides.html', body)
        if offline:
            leaks = web_assets.external_loads(body)
            if leaks:
                raise web_assets.OfflineAssetsError(f"{p.name}: page still loads from the internet: {leaks[:3]}")
        page = out_dir / f"{p.stem}{suffix}"
        page.write_text(body, encoding="utf-8")
        written.append(page)
        entries.append((page.name, notebook_title(nb, p.stem)))
    if kind == "html":  # the glossary and the instructor guide belong with the pages
        for md in sorted(paths[0].parent.glob("*.md")):
            page = out_dir / f"{md.stem}.html"
            page.write_text(markdown_page(md, built), encoding="utf-8")
            written.append(page)
            entries.append((page.name, md.stem.replace("_", " ").capitalize()))
    what = "slides" if kind == "slides" else "notebooks"
    note = (f"The course {what}, in order. Sliders and quizzes work without Python: "
            "each page carries its pictures and the saved widget state.")
    index = out_dir / "index.html"
    index.write_text(_index_page("Dimples of Venus: lower-back surface anatomy", entries, note), encoding="utf-8")
    return [index, *written]


def cli(argv: list[str], kind: str) -> int:
    """Shared command line of ``dimples html`` and ``dimples slides``."""
    import argparse

    name = "html" if kind == "html" else "slides"
    parser = argparse.ArgumentParser(
        prog=f"dimples {name}",
        description=f"Render notebooks to {'static HTML pages' if kind == 'html' else 'reveal.js slides'} "
                    f"with an index page.")
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help=f"notebooks (default: all in {NOTEBOOK_DIR.name}/, in order)")
    parser.add_argument("--offline", action="store_true",
                        help="put require.js, the widget renderer and MathJax"
                             f"{' and reveal.js' if kind == 'slides' else ''} beside the pages "
                             "(fetched once with npm) instead of loading them from CDNs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT[kind],
                        help=f"output folder (default {DEFAULT_OUT[kind].relative_to(ROOT)})")
    parser.add_argument("--npm-cache", type=Path, default=web_assets.DEFAULT_NPM_CACHE,
                        help="npm package cache for --offline (default build/npm)")
    args = parser.parse_args(argv)
    paths = args.notebooks or course_notebooks()
    if not paths:
        print(f"no notebooks found in {NOTEBOOK_DIR}", file=sys.stderr)
        return 1
    try:
        pages = render(paths, args.out, kind=kind, offline=args.offline, npm_cache=args.npm_cache,
                       log=lambda s: print(s, file=sys.stderr))
    except (ValueError, web_assets.OfflineAssetsError) as exc:
        print(f"dimples {name}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages) - 1} page(s) and {pages[0]} ({'offline' if args.offline else 'CDN'} scripts)")
    return 0


def main(argv: list[str]) -> int:
    """``dimples html [--offline] [--out DIR] [NOTEBOOK ...]``."""
    return cli(argv, "html")


def main_slides(argv: list[str]) -> int:
    """``dimples slides [--offline] [--out DIR] [NOTEBOOK ...]``."""
    return cli(argv, "slides")
