"""Docstrings: every public function documents its parameters, and every
References section cites its works in full.

(a) Every public function defined in a module of :mod:`dimples` (except
``dimples.tooling.*`` and ``dimples.cli``), and every public method of a public
class defined there, that takes parameters other than ``self``/``cls`` has a
numpy-style ``Parameters`` section naming each parameter with a type
(``*args`` and ``**kwargs`` written with their stars).

(b) Every ``References`` section of a docstring in those modules (module,
class, function or method) names only keys of :data:`dimples.references.REFERENCES`
(as ``.. [Key]`` entries or cited ``[Key2000]``), and for each key it carries
the registry's title (or at least the year and the DOI/URL/identifier when the
registry has one), so ``help()`` shows the work itself, not only its key. A
``.. [Key]`` entry is checked on its own text; a key only cited in the section
is checked against the whole section. (A work outside the registry may be cited
without a key, as :mod:`dimples.style` cites Okabe & Ito; no key, nothing to check.)
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import dimples
from dimples.references import CITATION_PATTERN, REFERENCES

EXCLUDED = ("dimples.tooling", "dimples.cli")

#: A numpy-style section header: a title line, then a line of dashes.
_HEADER = re.compile(r"^(?P<title>[A-Z][A-Za-z ]*)\n-{3,}\s*$", re.MULTILINE)
#: A ``.. [Key]`` entry in a References section.
_ENTRY = re.compile(r"^\.\. \[(?P<key>[^\]]+)\]", re.MULTILINE)
#: A parameter line of a Parameters section: ``name : type`` or ``a, b : type`` (a bare ``name`` has no type).
_PARAM_LINE = re.compile(r"^(?P<names>\*{0,2}\w+(?:\s*,\s*\*{0,2}\w+)*)\s*(?::\s*(?P<type>\S.*)?)?$")


def _module_names() -> list[str]:
    names = [dimples.__name__]
    for info in pkgutil.walk_packages(dimples.__path__, "dimples."):
        if any(info.name == e or info.name.startswith(e + ".") for e in EXCLUDED):
            continue
        names.append(info.name)
    return sorted(names)


MODULES = _module_names()


def _sections(doc: str) -> dict[str, str]:
    """The numpy-style sections of a cleaned docstring, by title."""
    headers = list(_HEADER.finditer(doc))
    sections = {}
    for i, match in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(doc)
        sections[match.group("title").strip()] = doc[match.end():end]
    return sections


def _documented_parameters(section: str) -> dict[str, str]:
    """Parameter name -> its type text, from the body of a Parameters section."""
    documented: dict[str, str] = {}
    for line in section.splitlines():
        if not line.strip() or line[0].isspace():
            continue  # description lines are indented under their parameter
        match = _PARAM_LINE.match(line.rstrip())
        if match:
            for name in match.group("names").split(","):
                documented[name.strip()] = (match.group("type") or "").strip()
    return documented


def _own(module, obj) -> bool:
    return getattr(obj, "__module__", None) == module.__name__


def _functions(module):
    """(qualified name, function) for each public function and public method of a public class of a module."""
    for name, obj in sorted(vars(module).items()):
        if name.startswith("_") or not _own(module, obj):
            continue
        if inspect.isfunction(obj):
            yield f"{module.__name__}.{name}", obj
        elif inspect.isclass(obj):
            for attr, member in sorted(vars(obj).items()):
                if attr.startswith("_"):
                    continue
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if inspect.isfunction(member):
                    yield f"{module.__name__}.{name}.{attr}", member


def _parameter_names(func) -> list[str]:
    names = []
    for i, p in enumerate(inspect.signature(func).parameters.values()):
        if i == 0 and p.name in ("self", "cls"):
            continue
        if p.kind is p.VAR_POSITIONAL:
            names.append(f"*{p.name}")
        elif p.kind is p.VAR_KEYWORD:
            names.append(f"**{p.name}")
        else:
            names.append(p.name)
    return names


def _docstrings(module):
    """(where, cleaned docstring) for the module and every class, function and method it defines."""
    if module.__doc__:
        yield module.__name__, inspect.cleandoc(module.__doc__)
    for name, obj in sorted(vars(module).items()):
        if not _own(module, obj) or not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        if obj.__doc__:
            yield f"{module.__name__}.{name}", inspect.cleandoc(obj.__doc__)
        if inspect.isclass(obj):
            for attr, member in sorted(vars(obj).items()):
                if isinstance(member, (staticmethod, classmethod, property)):
                    member = member.fget if isinstance(member, property) else member.__func__
                if inspect.isfunction(member) and member.__doc__:
                    yield f"{module.__name__}.{name}.{attr}", inspect.cleandoc(member.__doc__)


def _flat(text: str) -> str:
    """Lower-case text with emphasis marks dropped and whitespace collapsed, for matching."""
    return " ".join(text.replace("*", "").split()).lower()


def _address_forms(address: str) -> list[str]:
    """The ways a registry address may be written in a docstring (any one will do)."""
    address = address.strip()
    if not address:
        return []
    if address.startswith("doi:"):
        return [address[4:]]
    if address.startswith("https://doi.org/"):
        return [address[len("https://doi.org/"):]]
    for prefix in ("PMID ", "ISBN "):
        if address.startswith(prefix):
            return [address[len(prefix):]]
    return [address]


def _missing_citation_details(key: str, text: str) -> str | None:
    """None if ``text`` cites the registry entry ``key`` in full enough, else what is missing."""
    ref = REFERENCES[key]
    flat = _flat(text)
    if _flat(ref.title) in flat:
        return None
    forms = _address_forms(ref.address)
    if forms and str(ref.year) in flat and any(_flat(f) in flat for f in forms):
        return None
    want = f"title {ref.title!r}" + (f" (or year {ref.year} and {ref.address!r})" if forms else "")
    return f"[{key}] lacks the {want}"


@pytest.mark.parametrize("module_name", MODULES)
def test_public_functions_document_every_parameter(module_name):
    module = importlib.import_module(module_name)
    problems = []
    for where, func in _functions(module):
        params = _parameter_names(func)
        if not params:
            continue
        doc = inspect.getdoc(func) or ""
        section = _sections(doc).get("Parameters")
        if section is None:
            problems.append(f"{where}: no Parameters section (parameters: {', '.join(params)})")
            continue
        documented = _documented_parameters(section)
        missing = [p for p in params if p not in documented]
        untyped = [p for p in params if p in documented and not documented[p]]
        if missing:
            problems.append(f"{where}: Parameters does not name {', '.join(missing)}")
        if untyped:
            problems.append(f"{where}: Parameters gives no type for {', '.join(untyped)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module_name", MODULES)
def test_references_sections_cite_registry_entries_in_full(module_name):
    module = importlib.import_module(module_name)
    problems = []
    for where, doc in _docstrings(module):
        section = _sections(doc).get("References")
        if section is None:
            continue
        entries = list(_ENTRY.finditer(section))
        entry_keys = [m.group("key") for m in entries]
        cited = [k for k in CITATION_PATTERN.findall(section) if k not in entry_keys]
        for key in dict.fromkeys(entry_keys + cited):
            if key not in REFERENCES:
                problems.append(f"{where}: References names [{key}], not a key of dimples.references.REFERENCES")
        for i, match in enumerate(entries):
            key = match.group("key")
            if key not in REFERENCES:
                continue
            end = entries[i + 1].start() if i + 1 < len(entries) else len(section)
            missing = _missing_citation_details(key, section[match.start():end])
            if missing:
                problems.append(f"{where}: References entry {missing}")
        for key in dict.fromkeys(cited):
            if key in REFERENCES:
                missing = _missing_citation_details(key, section)
                if missing:
                    problems.append(f"{where}: References cites {missing}")
    assert not problems, "\n".join(problems)


def test_the_walk_finds_the_modules():
    """Guard against a walk that silently checks nothing."""
    for name in ("dimples.base", "dimples.bodyfat", "dimples.anatomy.cross_section", "dimples.views.nb07_review"):
        assert name in MODULES
    assert not any(m.startswith("dimples.tooling") or m == "dimples.cli" for m in MODULES)
