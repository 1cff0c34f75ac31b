"""Importing the kit changes nothing in a student's session: their own plots still show.

A real kernel (nbclient, the project's own Python) records matplotlib's
backend, rcParams and the warning filters, imports every module of the kit,
records them again, then runs ``plt.plot([1, 2]); plt.show()``. The settings
must be unchanged and the plot must arrive as an ``image/png`` display, as it
does in JupyterLab.
"""

from __future__ import annotations

import json
import pkgutil

import nbformat.v4 as v4
from nbclient import NotebookClient

import dimples

MODULES = ["dimples", *(info.name for info in pkgutil.walk_packages(dimples.__path__, "dimples."))]

SNAPSHOT = """\
import json, warnings, matplotlib
def _snapshot():
    rc = {k: repr(v) for k, v in matplotlib.rcParams.items() if k != "backend"}
    return {"backend": matplotlib.rcParams._get("backend"), "rc": rc, "warnings": repr(warnings.filters)}
"""


def run_cells(cells: list[str], timeout: int = 120):
    nb = v4.new_notebook(cells=[v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=timeout, kernel_name="python3").execute()
    return nb.cells


def text_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_importing_the_kit_leaves_plotting_alone():
    cells = run_cells([
        SNAPSHOT + "before = _snapshot()",
        "import importlib\n" + "\n".join(f"importlib.import_module({m!r})" for m in MODULES),
        "after = _snapshot()\n"
        "changed = sorted(k for k in set(before['rc']) | set(after['rc']) if before['rc'].get(k) != after['rc'].get(k))\n"
        "print(json.dumps({'backend': [before['backend'], after['backend']], 'rc': changed,"
        " 'warnings': before['warnings'] == after['warnings']}))",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
    ])
    report = json.loads(text_of(cells[2]))
    assert report["backend"][0] == report["backend"][1], f"importing the kit switched the backend: {report['backend']}"
    assert not report["rc"], f"importing the kit changed rcParams: {report['rc']}"
    assert report["warnings"], "importing the kit changed the warning filters"
    shown = [o for o in cells[3].outputs if o.get("output_type") == "display_data" and "image/png" in o.get("data", {})]
    assert shown, f"plt.show() after importing the kit displayed no picture: {[o.get('output_type') for o in cells[3].outputs]}"
