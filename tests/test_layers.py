"""Data flows one way through the kit: no module imports a module above it, and no imports go round in a cycle.

:data:`LAYERS` is the layer order of ``shared/DESIGN.md``, written once: a
module may import modules of its own layer or of layers below it. Every
module of the package must belong to exactly one layer, so a new module has
to be placed before the suite passes. The imports are read from each
module's source (function-level imports included), so a lazy import cannot
hide an upward one.
"""

from __future__ import annotations

import ast
import fnmatch
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import dimples

#: Bottom to top. Patterns match module names (fnmatch).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("dimples", "dimples.base"),  # the package file imports nothing; base imports nothing of the kit
    ("dimples.references",),
    ("dimples.facts", "dimples.claims", "dimples.style"),  # the registries and the palette
    ("dimples.anatomy", "dimples.anatomy.landmarks"),  # landmark data (the package file imports nothing)
    ("dimples.bodyfat",),
    ("dimples.thickness",),
    ("dimples.model",),
    ("dimples.render",),
    ("dimples.chain", "dimples.regimes", "dimples.torso"),  # torso: the whole back around the model's dimples
    ("dimples.anatomy.*",),  # the drawings
    ("dimples.widgets",),
    ("dimples.views", "dimples.views.*"),
    ("dimples.tooling", "dimples.tooling.*", "dimples.cli"),
)

ROOT = Path(dimples.__file__).resolve().parent


def kit_modules() -> list[str]:
    return ["dimples", *(info.name for info in pkgutil.walk_packages(dimples.__path__, "dimples."))]


def layer_of(module: str) -> int:
    """Index in :data:`LAYERS` of the first layer whose pattern matches ``module`` (exact names first)."""
    for i, patterns in enumerate(LAYERS):
        if module in patterns:
            return i
    for i, patterns in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, p) for p in patterns if "*" in p):
            return i
    raise LookupError(module)


def source_of(module: str) -> Path:
    rel = Path(*module.split("."))
    path = ROOT.parent / rel.with_suffix(".py")
    return path if path.exists() else ROOT.parent / rel / "__init__.py"


def imports_of(module: str, known: set[str]) -> set[str]:
    """The kit modules ``module`` imports anywhere in its source."""
    path = source_of(module)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            # "from dimples import model" imports the module dimples.model
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


MODULES = kit_modules()
KNOWN = set(MODULES)
GRAPH = {m: imports_of(m, KNOWN) for m in MODULES}


def test_every_module_has_a_layer():
    unplaced = []
    for m in MODULES:
        try:
            layer_of(m)
        except LookupError:
            unplaced.append(m)
    assert not unplaced, f"modules in no layer of tests/test_layers.py LAYERS (place them): {unplaced}"


def test_the_graph_is_read():
    assert "dimples.facts" in GRAPH["dimples.bodyfat"]
    assert "dimples.model" in GRAPH["dimples.chain"]
    assert "dimples.tooling.build" in GRAPH["dimples.tooling.pages"]


@pytest.mark.parametrize("module", MODULES)
def test_no_upward_import(module):
    upward = sorted(t for t in GRAPH[module] if layer_of(t) > layer_of(module))
    assert not upward, f"{module} (layer {layer_of(module)}) imports from above: " + ", ".join(
        f"{t} (layer {layer_of(t)})" for t in upward)


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(m: str, path: list[str]) -> list[str] | None:
        state[m] = 1
        for t in sorted(GRAPH[m]):
            if state.get(t) == 1:
                return [*path, m, t]
            if t not in state and (cycle := visit(t, [*path, m])):
                return cycle
        state[m] = 2
        return None

    for m in MODULES:
        if m not in state and (cycle := visit(m, [])):
            pytest.fail("import cycle: " + " -> ".join(cycle[cycle.index(cycle[-1]):]))


@pytest.mark.parametrize("module", ["dimples.anatomy.landmarks", "dimples.facts", "dimples.bodyfat",
                                    "dimples.thickness", "dimples.model"])
def test_data_and_mechanics_load_no_drawing_code(module):
    """Loading the landmark data, the registries or the model loads neither matplotlib nor a drawing."""
    code = (f"import sys, {module}; "
            "bad = sorted(m for m in sys.modules if m.startswith('matplotlib') or m.startswith('dimples.anatomy.')"
            " and m != 'dimples.anatomy.landmarks' or m.startswith(('dimples.views', 'dimples.widgets')));"
            "print(len(bad), 'modules, e.g.', bad[:6]); sys.exit(1 if bad else 0)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, f"import {module} also loads {run.stdout.strip()} {run.stderr[-300:]}"
