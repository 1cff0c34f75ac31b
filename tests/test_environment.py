"""The set-up is one story: pyproject, environment.yml, Binder, Makefile, CI and README agree."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ ;\[]", spec.strip(), maxsplit=1)[0].lower()


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _conda(path):
    deps = yaml.safe_load(path.read_text())["dependencies"]
    names = {_name(d) for d in deps if isinstance(d, str)} - {"python", "pip"}
    pip = [x for d in deps if isinstance(d, dict) for x in d.get("pip", [])]
    return names, pip, [d for d in deps if isinstance(d, str)]


def test_environment_yml_names_the_same_runtime_packages_as_pyproject():
    runtime = {_name(d) for d in _pyproject()["project"]["dependencies"]}
    names, pip, _ = _conda(ROOT / "environment.yml")
    assert names == runtime
    assert pip == ["-e ."], "environment.yml installs the kit itself with pip"


def test_binder_environment_matches_the_root_one():
    _, _, root = _conda(ROOT / "environment.yml")
    _, pip, binder = _conda(ROOT / ".binder" / "environment.yml")
    strip = lambda specs: sorted(s for s in specs if _name(s) != "python")  # noqa: E731
    assert strip(binder) == strip(root) and not pip
    assert "pip install --no-deps -e ." in (ROOT / ".binder" / "postBuild").read_text()


def test_test_extra_has_what_the_tests_use():
    extra = {_name(d) for d in _pyproject()["project"]["optional-dependencies"]["test"]}
    assert {"pytest", "nbval", "pytest-mpl", "hypothesis", "playwright", "pytest-xdist"} <= extra


def test_every_declared_package_is_pinned_in_constraints():
    pins = {_name(line) for line in (ROOT / "constraints.txt").read_text().splitlines() if "==" in line}
    project = _pyproject()["project"]
    declared = {_name(d) for d in project["dependencies"] + project["optional-dependencies"]["test"]}
    assert declared <= pins, f"not pinned: {sorted(declared - pins)}"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^\s*(make \w+)\s*$", readme, flags=re.M)
    assert commands[:2] == ["make lab", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.M)
    assert "conda env create -f environment.yml" in readme
    assert readme.index("make test") < readme.index("conda env create")


def test_makefile_targets_exist():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "test", "notebooks", "figures", "html", "slides", "bench"):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
    assert "notebooks/00_start_here.ipynb" in makefile
