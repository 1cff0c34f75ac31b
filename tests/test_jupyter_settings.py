"""The kit's JupyterLab / Notebook 7 settings override: what it changes, and that installing the kit installs it.

Notebook 7 starts its application without Lumino's ``bubblingKeydown``, so
its command-mode shortcuts see a key before a focused widget does; and
JupyterLab's notebook shortcuts bind ArrowLeft / ArrowRight (fold and unfold
a section) and ArrowUp / ArrowDown (move between cells) for *any* focused
element of a notebook in command mode. So in Notebook 7 the arrow keys on a
focused slider handle folded sections instead of moving the slider (and in
both front ends ArrowUp / ArrowDown on a quiz's radio buttons moved the
notebook's cursor). ``jupyter-config/lab/settings/overrides.d/dimples.json``
disables those four default bindings and binds them again, for the same
commands and keys, on every focused element but those inside a widget
(``:not(.jupyter-widgets *)``). Installing the kit puts the file in
``share/jupyter/lab/settings/overrides.d/`` of the Python prefix, where
JupyterLab and Notebook 7 read their default settings (``setup.py`` makes
editable installs install it too). The browser side is checked in
test_browser_lab.py, in JupyterLab and in Notebook 7.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import ROOT

OVERRIDES = Path("lab", "settings", "overrides.d", "dimples.json")
SOURCE = ROOT / "jupyter-config" / OVERRIDES
INSTALLED = Path(sys.prefix, "share", "jupyter", OVERRIDES)
#: JupyterLab's own bindings of the four keys for a focused element of a notebook in command mode.
COMMAND_MODE = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"
KEYS = {"ArrowLeft": "notebook:move-cursor-heading-above-or-collapse",
        "ArrowRight": "notebook:move-cursor-heading-below-or-expand",
        "ArrowUp": "notebook:move-cursor-up", "ArrowDown": "notebook:move-cursor-down"}


def _shortcuts() -> list[dict]:
    return json.loads(SOURCE.read_text(encoding="utf-8"))["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]


def test_override_rebinds_the_four_arrow_keys_off_widgets_only():
    by_key: dict[str, list[dict]] = {}
    for s in _shortcuts():
        assert len(s["keys"]) == 1 and s["command"] == KEYS[s["keys"][0]], s
        by_key.setdefault(s["keys"][0], []).append(s)
    assert set(by_key) == set(KEYS)
    for key, pair in by_key.items():
        disabled = [s for s in pair if s.get("disabled")]
        again = [s for s in pair if not s.get("disabled")]
        assert [s["selector"] for s in disabled] == [COMMAND_MODE], f"{key}: JupyterLab's own binding is disabled"
        assert [s["selector"] for s in again] == [COMMAND_MODE + ":not(.jupyter-widgets *)"], key
        assert "," not in again[0]["selector"], "Lumino refuses selectors with commas"


def test_override_matches_jupyterlabs_own_bindings():
    """If JupyterLab renames a command or changes a selector, the override must follow."""
    schema = Path(sys.prefix, "share", "jupyter", "lab", "schemas", "@jupyterlab", "notebook-extension", "tracker.json")
    own = {(b["keys"][0], b["command"], b["selector"])
           for b in json.loads(schema.read_text())["jupyter.lab.shortcuts"] if len(b.get("keys", [])) == 1}
    for key, command in KEYS.items():
        assert (key, command, COMMAND_MODE) in own, f"JupyterLab no longer binds {key} to {command} on {COMMAND_MODE}"


def test_installing_the_kit_installs_the_override():
    assert INSTALLED.is_file() and INSTALLED.read_bytes() == SOURCE.read_bytes(), (
        f"{INSTALLED} is missing or differs from {SOURCE.relative_to(ROOT)}: reinstall the kit "
        "(`.venv/bin/python -m pip install -c constraints.txt -e \".[test]\"`, or touch pyproject.toml; make install)")
