"""Licences and citation metadata: present, consistent and machine-readable.

CITATION.cff is checked against the required keys and types of the Citation
File Format 1.2.0 (cff-version, message, title, authors; each author a
person with family-names or an entity with name); the licences it names
must be the ones pyproject.toml declares and LICENSE / LICENSE-content hold.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_licence_files_state_their_licences():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert "BSD 3-Clause" in code and "Redistribution and use in source and binary forms" in code
    assert "Attribution 4.0 International" in content
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in content
    for text in (code, content):
        assert "The dimples teaching-kit contributors" in text


def test_citation_cff_has_the_required_keys():
    cff = _cff()
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title"):
        assert isinstance(cff[key], str) and cff[key].strip()
    assert isinstance(cff["authors"], list) and cff["authors"]
    for author in cff["authors"]:
        assert author.get("family-names") or author.get("name"), author
    assert cff.get("type", "software") in ("software", "dataset")
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(cff["version"]))
    assert str(cff.get("repository-code", "https://")).startswith("https://")


def test_citation_and_pyproject_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    cff = _cff()
    licences = cff["license"] if isinstance(cff["license"], list) else [cff["license"]]
    assert set(licences) == {"BSD-3-Clause", "CC-BY-4.0"}
    expression = project["license"] if isinstance(project["license"], str) else project["license"].get("text", "")
    for spdx in licences:
        assert spdx in expression
    assert str(cff["version"]) == project["version"]
    assert set(project.get("license-files", [])) >= {"LICENSE", "LICENSE-content"}
