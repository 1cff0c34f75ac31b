"""Bad input to any public function of the kit's teaching modules gets a clear ValueError.

Two checks, written once here for the whole package:

* **the walk**: every public function of every teaching module (all of
  ``dimples`` but ``dimples.tooling`` and ``dimples.cli``, which check their
  own inputs in their tests) is called with NaN, a word or None in every
  required argument. It must raise ``ValueError`` whose message names one of
  its parameters and shows the offending value, never a TypeError,
  AttributeError or IndexError from deep inside, and never return as if
  nothing were wrong;
* **the table**: :data:`CASES` holds, per function, the bad values that
  matter for it (out of range, wrong unit, unknown name); each must raise
  ``ValueError`` naming the parameter and saying what is expected, and every
  public function of :data:`TABLE_MODULES` must have at least one row.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import dimples
from dimples import base, chain, facts, model, regimes, render, torso
from dimples import bodyfat as bf
from dimples import thickness as th
from dimples.anatomy import lower_back
from dimples.views import (
    nb00_start,
    nb01_surface,
    nb02_sacroiliac,
    nb03_formation,
    nb04_visibility,
    nb05_get_them,
    nb06_landmarks,
    nb07_review,
)

#: Where the walk does not go: tooling and the command line check their own inputs in their tests.
TOOLING_PREFIXES = ("dimples.tooling", "dimples.cli")
BAD_VALUES = [float("nan"), "nonsense", None]
#: Where one of the walk's values is a valid input: a word is Markdown to search; anything can be shown.
ACCEPTS = {("dimples.references.cited_keys", "nonsense")} | {("dimples.base.short_repr", v) for v in BAD_VALUES}
#: Checks whose first argument is the name of the parameter they check: given a word, they name that word.
NAME_TAKERS = {"dimples.base.check_number", "dimples.base.check_bool", "dimples.base.float_array"}


def public_functions():
    """(qualified name, function, number of required positional arguments) of every teaching function."""
    for info in pkgutil.walk_packages(dimples.__path__, "dimples."):
        if info.name.startswith(TOOLING_PREFIXES):
            continue
        module = importlib.import_module(info.name)
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != info.name:
                continue
            required = [p for p in inspect.signature(func).parameters.values()
                        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            if required:
                yield f"{info.name}.{name}", func, [p.name for p in required]


WALK = [(qualname, func, params, bad) for qualname, func, params in public_functions() for bad in BAD_VALUES
        if (qualname, bad) not in ACCEPTS]


def test_the_walk_finds_the_kits_functions():
    names = {c[0] for c in WALK}
    assert {"dimples.bodyfat.siri_percent_fat", "dimples.model.surface", "dimples.widgets.frame_fingerprint",
            "dimples.anatomy.posterior.draw_posterior_view", "dimples.chain.chain",
            "dimples.views.nb04_visibility.back_frame"} <= names
    assert len(names) > 60


@pytest.mark.parametrize("qualname, func, params, bad", WALK, ids=[f"{c[0]}-{c[3]!r}" for c in WALK])
def test_walk_bad_input_names_the_parameter_and_the_value(qualname, func, params, bad):
    with pytest.raises(ValueError) as err:
        func(*[bad] * len(params))
    message = str(err.value)
    named = [p for p in params if p in message]
    if qualname in NAME_TAKERS and message.startswith(f"{bad}="):
        named.append(bad)
    assert named, f"{qualname}: message {message!r} names none of its parameters {params}"
    assert repr(bad) in message, f"{qualname}: message {message!r} does not show the value {bad!r}"


NAN, INF = float("nan"), float("inf")
#: (function, args, kwargs, parameter the message must name).
CASES = [
    (bf.siri_percent_fat, (NAN,), {}, "density"),
    (bf.siri_percent_fat, (1.2,), {}, "density"),
    (bf.siri_percent_fat, ("1.05",), {}, "density"),
    (bf.siri_density, (1.0,), {}, "percent_fat"),
    (bf.siri_density, (61.0,), {}, "percent_fat"),
    (bf.siri_density, (-5.0,), {}, "percent_fat"),
    (bf.brozek_percent_fat, (INF,), {}, "density"),
    (bf.brozek_density, (NAN,), {}, "percent_fat"),
    (bf.jackson_pollock_density, (60.0, 30.0, "female", 5), {}, "sites"),
    (bf.jackson_pollock_density, (60.0, 30.0, "other", 3), {}, "sex"),
    (bf.jackson_pollock_density, (-1.0, 30.0, "male", 3), {}, "skinfold_sum"),
    (bf.jackson_pollock_density, (0.0, 30.0, "male", 3), {}, "skinfold_sum"),
    (bf.jackson_pollock_density, (300.0, 30.0, "male", 3), {}, "skinfold_sum"),
    (bf.jackson_pollock_density, (60.0, 17.0, "male", 3), {}, "age"),
    (bf.jackson_pollock_density, (60.0, 56.0, "female", 7), {}, "age"),
    (bf.jackson_pollock_density, (60.0, NAN, "female", 7), {}, "age"),
    (bf.jackson_pollock_density, (60.0, True, "female", 7), {}, "age"),
    (bf.jackson_pollock_skinfold_sum, (1.2, 30.0, "male", 3), {}, "density"),
    (bf.jackson_pollock_skinfold_sum, (1.0, 30.0, "male", 7), {}, "density"),
    (bf.durnin_womersley_coefficients, (16.0, "male"), {}, "age"),
    (bf.durnin_womersley_coefficients, (73.0, "female"), {}, "age"),
    (bf.durnin_womersley_coefficients, (30.0, "F"), {}, "sex"),
    (bf.durnin_womersley_density, (0.0, 30.0, "male"), {}, "skinfold_sum"),
    (bf.durnin_womersley_density, (INF, 30.0, "male"), {}, "skinfold_sum"),
    (bf.durnin_womersley_skinfold_sum, (NAN, 30.0, "male"), {}, "density"),
    (bf.density_from_skinfolds, (50.0, 30.0, "male"), {"equation": "jp4"}, "equation"),
    (bf.skinfold_sum_from_density, (1.05, 30.0, "male"), {"equation": None}, "equation"),
    (bf.percent_fat_from_skinfolds, (50.0, 30.0, "male"), {"conversion": "keys"}, "conversion"),
    (bf.percent_fat_from_skinfolds, (1e6, 30.0, "male"), {}, "skinfold_sum"),
    (bf.skinfold_sum_from_percent_fat, (70.0, 30.0, "male"), {}, "percent_fat"),
    (bf.skinfold_sum_from_percent_fat, (20.0, 10.0, "male"), {}, "age"),
    (bf.skinfold_sum_from_percent_fat, (20.0, 30.0, "x"), {}, "sex"),
    (bf.ace_category, (NAN, "male"), {}, "percent_fat"),
    (bf.ace_category, (20.0, "women"), {}, "sex"),
    (th.suprailiac_skinfold_mm, (20.0, "female"), {"share": 0.0}, "share"),
    (th.suprailiac_skinfold_mm, (20.0, "female"), {"share": 1.5}, "share"),
    (th.fat_thickness_mm, (NAN, "female"), {}, "percent_fat"),
    (th.fat_thickness_mm, (20.0, "female"), {"regional_factor": -1.0}, "regional_factor"),
    (th.fat_thickness_mm, (20.0, "female", 80.0), {}, "age"),
    (th.soft_layer_mm, (1.0, "male"), {}, "percent_fat"),
    (th.percent_fat_from_thickness, (-2.0, "male"), {}, "fat_mm"),
    (th.percent_fat_from_thickness, (500.0, "male"), {}, "fat_mm"),
    (th.percent_fat_from_thickness, (5.0, "none"), {}, "sex"),
    (model.surface, (NAN,), {}, "fat_mm"),
    (model.surface, (INF,), {}, "fat_mm"),
    (model.surface, (0.0,), {}, "fat_mm"),
    (model.surface, (61.0,), {}, "fat_mm"),
    (model.surface, ("5",), {}, "fat_mm"),
    (model.surface, (5.0,), {"muscle_mm": -3.0}, "muscle_mm"),
    (model.surface, (5.0,), {"muscle_mm": NAN}, "muscle_mm"),
    (model.surface, (5.0,), {"anchoring": "yes"}, "anchoring"),
    (model.surface, (5.0,), {"anchoring": -1.0}, "anchoring"),
    (model.surface, (5.0,), {"rest_length_mm": 99.0}, "rest_length_mm"),
    (model.surface, (5.0,), {"grid": (120, 80)}, "grid"),
    (model.surface, (5.0,), {"mechanics": 3}, "mechanics"),
    (model.make_grid, (), {"spacing_mm": 0.0}, "spacing_mm"),
    (model.make_grid, (), {"spacing_mm": NAN}, "spacing_mm"),
    (model.make_grid, (), {"width_mm": 50.0}, "width_mm"),
    (model.make_grid, (), {"height_mm": INF}, "height_mm"),
    (model.tether_stiffness, ("glue",), {}, "anchoring"),
    (model.tether_stiffness, (NAN,), {}, "anchoring"),
    (model.anchoring_words, ("glue",), {}, "anchoring"),
    (model.anchoring_words, (-1.0,), {}, "anchoring"),
    (model.decay_length_mm, (0.0,), {}, "fat_mm"),
    (model.decay_length_mm, (5.0, "soft"), {}, "mechanics"),
    (model.deep_relief, (50.0,), {}, "muscle_mm"),
    (model.deep_relief, (5.0,), {"window": "yes"}, "window"),
    (model.equilibrium, (np.zeros((3, 3)), 5.0), {}, "relief_mm"),
    (model.equilibrium, (np.zeros(model.DEFAULT_GRID.shape), -5.0), {}, "fat_mm"),
    (model.equilibrium, (np.zeros(model.DEFAULT_GRID.shape), 5.0), {"load_pa": np.zeros(4)}, "load_pa"),
    (model.equilibrium, (np.zeros(model.DEFAULT_GRID.shape), 5.0), {"rest_length_mm": -1.0}, "rest_length_mm"),
    (regimes.sweep, (), {"fats_mm": [5.0]}, "fats_mm"),
    (regimes.sweep, (), {"tethers": [10.0, 1.0]}, "tethers"),
    (regimes.sweep, (), {"muscles_mm": [0.0, 90.0]}, "muscles_mm"),
    (regimes.sweep, (), {"light": "candle"}, "light"),
    (regimes.regimes, ("sweep",), {}, "result"),
    (regimes.fractions, (None,), {}, "result"),
    (th.fat_thickness_uncompressed_mm, (20.0, "female"), {"regional_factor": 0.0}, "regional_factor"),
    (th.fat_thickness_uncompressed_mm, (20.0, "x"), {}, "sex"),
    (render.luminance, (np.zeros(5), 1.0), {}, "height_mm"),
    (render.luminance, (np.full((4, 4), NAN), 1.0), {}, "height_mm"),
    (render.luminance, (np.zeros((4, 4)), -1.0), {}, "spacing_mm"),
    (render.luminance, (np.zeros((4, 4)), 1.0), {"light": "candle"}, "light"),
    (render.weber_contrast, (np.zeros((4, 4)),), {}, "surf"),
    (render.surface_luminance, ("surface",), {}, "surf"),
    (render.surface_luminance, (model.surface(1.0),), {"light": 45.0}, "light"),
    (render.weber_contrast, (model.surface(1.0),), {"light": "side"}, "light"),
    (render.draw_shaded, (None, model.surface(1.0)), {"tone": "VII"}, "tone"),
    (render.is_visible, (-0.1,), {}, "contrast"),
    (render.is_visible, (NAN,), {}, "contrast"),
    (render.skin_rgb, (np.full((2, 2), -1.0),), {}, "lum"),
    (render.skin_rgb, (np.ones((2, 2)),), {"skin": "not-a-colour"}, "skin"),
    (render.skin_rgb, (np.ones((2, 2)),), {"exposure": 0.0}, "exposure"),
    (render.draw_shaded, (None, "surface"), {}, "surf"),
    (render.draw_profile, (None, 3.0), {}, "surf"),
    (render.draw_contrast_bar, (None, 2.0), {}, "contrast"),
    (chain.chain, (20.0, "x"), {}, "sex"),
    (chain.chain, (NAN, "female"), {}, "percent_fat"),
    (chain.chain, (20.0, "female"), {"regional_factor": -1.0}, "regional_factor"),
    (chain.chain, (20.0, "female"), {"age": 90.0}, "age"),
    (chain.contrast_curve, ("female", [NAN]), {}, "percent_fat"),
    (chain.contrast_curve, ("female", 20.0), {}, "percents"),
    (chain.contrast_curve, ("female", [20.0]), {"light": "candle"}, "light"),
    (chain.contrast_curves, ("female", [20.0]), {"lights": ["candle"]}, "lights"),
    (chain.contrast_curves, ("female", [20.0]), {"lights": "raking"}, "lights"),
    (chain.contrast_curves, ("female", [NAN]), {}, "percent_fat"),
    (chain.chain, (20.0, "female"), {"estimate": "guess"}, "estimate"),
    (chain.chain, (20.0, "female"), {"anchoring": "tight"}, "anchoring"),
    (base.check_number, ("fat_mm", NAN), {}, "fat_mm"),
    (base.check_number, ("fat_mm", 70.0, 0.0, 60.0), {}, "fat_mm"),
    (base.check_sex, ("F",), {}, "sex"),
    (base.check_bool, ("anchored", 1), {}, "anchored"),
    (base.lookup, ({"a": 1}, "b", "thing"), {}, "key"),
    (base.lookup, ([1, 2], "b", "thing"), {}, "registry"),
    (base.float_array, ("x_mm", "three", "positions in mm"), {}, "x_mm"),
    (facts.fact, ("no_such_fact",), {}, "name"),
    (facts.value, ("no_such_fact",), {}, "name"),
    (facts.facts_for, ("Nobody1900",), {}, "source_key"),
    (facts.format_fact, (3,), {}, "name"),
    (nb00_start.draw_course_card, ("01",), {}, "lesson"),
    (nb00_start.quiz, ("nope",), {}, "key"),
    (nb01_surface.peel_frame, ("muscle",), {}, "step"),
    (nb01_surface.rhombus_frame, ("T12",), {}, "top"),
    (nb01_surface.quiz, ("nope",), {}, "key"),
    (nb02_sacroiliac.view_frame, ("side",), {}, "view"),
    (nb02_sacroiliac.anchoring_frame, (-1.0, True), {}, "fat_mm"),
    (nb02_sacroiliac.anchoring_frame, (5.0, "yes"), {}, "anchored"),
    (nb02_sacroiliac.quiz, ("nope",), {}, "key"),
    (nb03_formation.section_panel, (None, 5.0, "rigid", 15.0), {}, "ax"),
    (nb03_formation.formation_frame, ("rigid", NAN), {}, "fat_mm"),
    (nb03_formation.formation_frame, ("firm", 5.0), {}, "anchoring"),
    (nb03_formation.anchor_muscle_frame, ("yes", 10.0), {}, "anchoring"),
    (nb03_formation.anchor_muscle_frame, ("rigid", 70.0), {}, "muscle_mm"),
    (nb03_formation.quiz, ("nope",), {}, "key"),
    (nb04_visibility.column_percent, ("female", "lean"), {}, "column"),
    (nb04_visibility.column_percent, ("woman", "fitness"), {}, "sex"),
    (nb04_visibility.chain_table, ("x", [20]), {}, "sex"),
    (nb04_visibility.chain_table, ("female", [80]), {}, "percent_fat"),
    (nb04_visibility.back_frame, ("femme", "rigid", 22.0), {}, "sex"),
    (nb04_visibility.back_frame, ("female", "rigid", -5.0), {}, "percent"),
    (nb04_visibility.back_image, ("female", "firm", 22.0), {}, "anchoring"),
    (nb04_visibility.back_image, ("female", "rigid", 22.0), {"width_px": 10}, "width_px"),
    (nb04_visibility.back_alt, ("female", "firm", 22.0), {}, "anchoring"),
    (nb04_visibility.light_tone_frame, ("sunny", "III"), {}, "light"),
    (nb04_visibility.light_tone_frame, ("overhead", "VII"), {}, "tone"),
    (nb04_visibility.light_tone_alt, ("sunny", "III"), {}, "light"),
    (nb04_visibility.contrast_vs_bodyfat_figure, ("sunny",), {}, "light"),
    (nb04_visibility.quiz, ("nope",), {}, "key"),
    (nb05_get_them.evidence_table, ("diet",), {}, "topic"),
    (nb05_get_them.reveal_frame, ("rigid", -3.0), {}, "fat_mm"),
    (nb05_get_them.reveal_frame, ("no", 3.0), {}, "anchoring"),
    (nb05_get_them.reveal_alt, ("rigid", -3.0), {}, "fat_mm"),
    (nb05_get_them.reveal_alt, ("no", 3.0), {}, "anchoring"),
    (nb03_formation.formation_alt, ("rigid", NAN), {}, "fat_mm"),
    (nb03_formation.formation_alt, ("firm", 5.0), {}, "anchoring"),
    (nb03_formation.anchor_muscle_alt, ("rigid", -1.0), {}, "muscle_mm"),
    (nb05_get_them.quiz, ("nope",), {}, "key"),
    (nb06_landmarks.interspace_at, (20.0,), {}, "y_cm"),
    (nb06_landmarks.interspace_at, (-30.0,), {}, "y_cm"),
    (nb06_landmarks.needle_frame, ("needle 9",), {}, "site"),
    (nb06_landmarks.provocation_frame, ("FABER",), {}, "test"),
    (nb06_landmarks.cluster_outcomes, (0.0,), {}, "prevalence_percent"),
    (nb06_landmarks.cluster_outcomes, (100.0,), {}, "prevalence_percent"),
    (nb06_landmarks.cluster_outcomes, (13.0,), {"patients": 5}, "patients"),
    (nb06_landmarks.cluster_outcomes, (13.0,), {"patients": 50.5}, "patients"),
    (nb06_landmarks.quiz, ("nope",), {}, "key"),
    (nb07_review.draw_label_diagram, (-1.0,), {}, "width_in"),
    (nb07_review.label_quizzes, (3,), {}, "reread"),
    (nb07_review.show_label_quizzes, (3,), {}, "reread"),
    (nb07_review.quiz, ("nope",), {}, "key"),
    (torso.torso_surface, (0.1, "female"), {}, "fat_mm"),
    (torso.torso_surface, (NAN, "female"), {}, "fat_mm"),
    (torso.torso_surface, (5.0, "woman"), {}, "sex"),
    (torso.torso_surface, (5.0, "male"), {"anchoring": "glue"}, "anchoring"),
    (torso.torso_surface, (5.0, "male"), {"muscle_mm": 41.0}, "muscle_mm"),
    (torso.torso_surface, (5.0, "male"), {"spacing_mm": 0.5}, "spacing_mm"),
    (torso.torso_surface, (5.0, "male"), {"surface": "flat"}, "surface"),
    (torso.torso_surface, (5.0, "male"), {"surface": model.surface(6.0)}, "surface"),
    (torso.torso_rgb, ("torso",), {}, "torso"),
    (torso.torso_rgb, (torso.torso_surface(5.0, "male"),), {"light": "candle"}, "light"),
    (torso.torso_rgb, (torso.torso_surface(5.0, "male"),), {"tone": "VII"}, "tone"),
    (lower_back.draw_lower_back, ("axes", 20.0, "female"), {}, "ax"),
    (lower_back.draw_lower_back, (None, 20.0, "female"), {}, "ax"),
    (lower_back.lower_back_frame, (90.0, "female", "rigid"), {}, "percent_fat"),
    (lower_back.lower_back_frame, (20.0, "x", "rigid"), {}, "sex"),
    (lower_back.lower_back_frame, (20.0, "female", "tight"), {}, "anchoring"),
    (lower_back.lower_back_frame, (20.0, "female", "rigid"), {"light": "sun"}, "light"),
    (lower_back.lower_back_frame, (20.0, "female", "rigid"), {"tone": "pale"}, "tone"),
    (lower_back.lower_back_frame, (20.0, "female", "rigid"), {"estimate": "guess"}, "estimate"),
    (lower_back.lower_back_frame, (20.0, "female", "rigid"), {"caption": "yes"}, "caption"),
    (lower_back.frame_caption, (NAN, "female"), {}, "percent_fat"),
    (lower_back.frame_caption, (20.0, "female"), {"anchoring": "loose"}, "anchoring"),
    (lower_back.comparison_plate, ((20.0, 30.0),), {}, "percents"),
    (lower_back.comparison_plate, ((20.0, 30.0, 95.0),), {}, "percent_fat"),
    (lower_back.comparison_plate, (), {"sex": "both"}, "sex"),
]
#: Modules whose every public function with arguments must have a row in :data:`CASES`.
TABLE_MODULES = (bf, th, model, regimes, render, chain, base, facts, nb00_start, nb01_surface, nb02_sacroiliac,
                 nb03_formation, nb04_visibility, nb05_get_them, nb06_landmarks, nb07_review, torso, lower_back)
#: Functions of those modules that take no input worth a row (or accept anything).
NO_INPUT = {model.psis_mm, base.short_repr}


@pytest.mark.parametrize("func, args, kwargs, name", CASES,
                         ids=[f"{c[0].__module__.split('.')[-1]}.{c[0].__name__}-{c[3]}" for c in CASES])
def test_table_bad_input_raises_value_error_naming_the_parameter(func, args, kwargs, name):
    with pytest.raises(ValueError) as err:
        func(*args, **kwargs)
    message = str(err.value)
    assert name in message, f"{func.__name__}: message {message!r} does not name {name!r}"
    assert any(word in message for word in ("expected", "not reachable", "cannot", "not a")), message


def test_every_public_function_of_the_table_modules_has_a_row():
    funcs = {f for f, *_ in CASES}
    missing = []
    for module in TABLE_MODULES:
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if (name.startswith("_") or func.__module__ != module.__name__ or func in NO_INPUT
                    or not inspect.signature(func).parameters):
                continue
            if func not in funcs:
                missing.append(f"{module.__name__}.{name}")
    assert not missing, f"no bad-input row for {missing}"
