"""README's "For developers" map names every module and folder of the package, and nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dimples"


def _map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Where things live")
    return text[start:text.index("\n## ", start)]


def test_every_module_and_folder_is_in_the_map():
    block = _map()
    named = set(re.findall(r"^\s+([\w/]+(?:\.py|/))\s", block, re.M))
    actual = {p.name for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    actual |= {p.name + "/" for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"}
    missing = sorted(actual - named)
    assert not missing, f"README.md 'Where things live' does not name: {missing}"


def test_the_map_names_nothing_that_is_gone():
    block = _map()
    lines = [line for line in block.splitlines() if re.match(r"^\s+[\w/]+(\.py|/)(\s|$)", line)]
    folder = PACKAGE
    gone = []
    stack: list[tuple[int, Path]] = [(0, PACKAGE)]
    for line in lines:
        indent = len(line) - len(line.lstrip())
        name = line.split()[0]
        while len(stack) > 1 and indent <= stack[-1][0]:
            stack.pop()
        folder = stack[-1][1]
        path = folder / name.rstrip("/")
        if not path.exists():
            gone.append(str(path.relative_to(ROOT)))
        if name.endswith("/"):
            stack.append((indent, path))
    assert not gone, f"README.md names files that do not exist: {gone}"
