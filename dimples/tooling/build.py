"""Build the notebooks: execute each in a fresh kernel and store it clean.

``dimples execute`` (and ``make notebooks``) calls :func:`execute_notebook`
on every notebook in ``notebooks/``. A built notebook holds its outputs and
its widget state (with the ``state`` key GitHub needs) and nothing that
changes from run to run: no timing metadata, and widget model ids derived
from the notebook's name and the order the widgets were created in, so a
second build of unchanged code leaves every byte in place.
"""

from __future__ import annotations

import json
import os
import re
import sys
import uuid
from pathlib import Path

import nbformat

from dimples.tooling import ROOT

#: Where the course notebooks live, relative to the project root.
NOTEBOOK_DIR = ROOT / "notebooks"
WIDGET_STATE_KEY = "application/vnd.jupyter.widget-state+json"
_ID_NAMESPACE = uuid.UUID("6f1c2f0e-5b7a-4c55-9d0e-2a1b3c4d5e6f")
_MODEL_ID = re.compile(r"^[0-9a-f]{32}$")


def course_notebooks(directory: Path = NOTEBOOK_DIR) -> list[Path]:
    """The course notebooks (``NN_name.ipynb``) in order.

    Parameters
    ----------
    directory : Path
        Folder to look in; must exist.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"directory={str(directory)!r}: not a folder")
    return sorted(p for p in directory.glob("[0-9][0-9]_*.ipynb"))


def _stable_widget_ids(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Replace random widget model ids by ids derived from ``stem`` and creation order."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})
    old_ids = [k for k in state if _MODEL_ID.match(k)]
    if not old_ids:
        return nb
    text = json.dumps(nb)
    for i, old in enumerate(old_ids):
        text = text.replace(old, uuid.uuid5(_ID_NAMESPACE, f"{stem}/{i}").hex)
    return nbformat.from_dict(json.loads(text))


def clean_notebook(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Strip volatile metadata and make widget ids deterministic.

    Parameters
    ----------
    nb : NotebookNode
        An executed notebook.
    stem : str
        The notebook's file name without extension; seeds the widget ids.

    Returns
    -------
    NotebookNode
        The cleaned notebook.
    """
    if not isinstance(stem, str) or not stem:
        raise ValueError(f"stem={stem!r}: expected the notebook's file name without extension")
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    for cell in nb.cells:
        for key in ("execution", "collapsed", "scrolled", "ExecuteTime"):
            cell.metadata.pop(key, None)
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
    return _stable_widget_ids(nb, stem)


#: Set in the kernel that builds a notebook: OpenBLAS's result can differ in its last bits with its
#: thread count (the model's contact solve then picks other nodes), so builds use one thread, the same
#: as the test kernels (``make test``) and the frame builder.
KERNEL_ENV = {"OPENBLAS_NUM_THREADS": "1"}


def execute_notebook(path: str | Path, timeout: int = 600) -> Path:
    """Execute a notebook top to bottom in a fresh kernel and write it back clean.

    The kernel's working directory is the notebook's folder. It runs with one
    BLAS thread (:data:`KERNEL_ENV`), as ``make test`` runs nbval, so a
    notebook's stored outputs are the same on any number of cores.

    Parameters
    ----------
    path : str or Path
        The ``.ipynb`` file.
    timeout : int
        Seconds allowed per cell, in [1, 3600].

    Returns
    -------
    Path
        The notebook written.

    Raises
    ------
    ValueError
        If the file is missing or not a notebook, or the timeout is out of range.
    nbclient.exceptions.CellExecutionError
        If a cell raises.
    """
    from nbclient import NotebookClient

    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"path={str(path)!r}: expected an existing .ipynb file")
    if not isinstance(timeout, int) or not (1 <= timeout <= 3600):
        raise ValueError(f"timeout={timeout!r}: expected whole seconds in [1, 3600]")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute(env={**os.environ, **KERNEL_ENV})
    nb = clean_notebook(nb, path.stem)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path


def main(argv: list[str]) -> int:
    """``dimples execute [NOTEBOOK ...]``: build the named notebooks, or all of them."""
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="dimples execute", description=main.__doc__)
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to build (default: all in notebooks/)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = parser.parse_args(argv)
    paths = args.notebooks or course_notebooks()
    for p in paths:
        start = time.perf_counter()
        try:
            execute_notebook(p, timeout=args.timeout)
        except Exception as exc:  # report which notebook failed, then stop
            print(f"FAILED {p}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"built {p} in {time.perf_counter() - start:.1f} s ({p.stat().st_size / 1e6:.2f} MB)")
    return 0
