"""Every public function of the kit's teaching modules rejects nonsense with a ValueError.

Each function is called with NaN, a word, or None in every required
argument; it must raise ``ValueError`` (whose message names the parameter),
never a TypeError, AttributeError or IndexError from deep inside, and never
return as if nothing were wrong. The modules' own tests walk the detailed
tables of bad values (ranges, units, names).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import dimples

# Tooling (build, pages, browser, benchmarks, command line) checks its own inputs in its tests.
TOOLING = {"dimples.cli", "dimples.browser", "dimples.bench_browser", "dimples.bench", "dimples.build",
           "dimples.static_html", "dimples.slides", "dimples.web_assets"}
# Where one of these values is a valid input: a word is Markdown to search.
ACCEPTS = {("dimples.references.cited_keys", "nonsense")}
BAD_VALUES = [float("nan"), "nonsense", None]


def public_functions():
    for info in pkgutil.walk_packages(dimples.__path__, "dimples."):
        if info.name in TOOLING:
            continue
        module = importlib.import_module(info.name)
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != info.name:
                continue
            required = [p for p in inspect.signature(func).parameters.values()
                        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            if required:
                yield f"{info.name}.{name}", func, len(required)


CASES = [(qualname, func, n, bad) for qualname, func, n in public_functions() for bad in BAD_VALUES
         if (qualname, bad) not in ACCEPTS]


def test_the_walk_finds_the_kits_functions():
    names = {c[0] for c in CASES}
    assert {"dimples.bodyfat.siri_percent_fat", "dimples.model.surface", "dimples.widgets.frame_fingerprint",
            "dimples.anatomy.posterior.draw_posterior_view"} <= names
    assert len(names) > 40


@pytest.mark.parametrize("qualname, func, n, bad", CASES, ids=[f"{c[0]}-{c[3]!r}" for c in CASES])
def test_bad_input_raises_value_error(qualname, func, n, bad):
    with pytest.raises(ValueError):
        func(*[bad] * n)
