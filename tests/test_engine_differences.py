"""Where the embedded engine (regorus) and real OPA disagree, pinned: one case each, run on
every engine with the outcome each engine has today.

The policies keep to the subset both agree on (policies/README.md, "The engine subset"). When
an engine changes, its pin fails: the subset can then grow (or a new guard is needed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from _ci import unavailable

import dockerbench
from dockerbench.engines import available_engines, make_engine

ERROR = "EngineError"  # the outcome "evaluation failed" (the message varies)
PARSE = "PolicyError"  # the outcome "the module does not load"


@dataclass(frozen=True)
class Pin:
    rule: str  # the subset rule the difference backs
    module: str
    input: Any
    outcome: dict[str, Any]  # engine -> value of data.t.x (None: undefined), ERROR or PARSE
    modules: tuple[tuple[str, str], ...] = ()  # more modules (file name, source) beside t and tlib


PINS = {
    "iterating_null": Pin(
        "iterate lib.values.items(x) where x may be null",
        "package t\n\nx := [v | some v in input.n]\n", {"n": None}, {"embedded": ERROR, "opa": []}),
    "iterating_a_string": Pin(
        "iterate lib.values.items(x) where x may be a scalar",
        "package t\n\nx := [v | some v in input.s]\n", {"s": "ab"}, {"embedded": ERROR, "opa": []}),
    "iterating_null_in_a_rule_body": Pin(
        "iterate lib.values.items(x) where x may be null",
        "package t\n\nx contains v if {\n\tsome v in input.n\n}\n", {"n": None}, {"embedded": ERROR, "opa": []}),
    "bodiless_function_with_a_constant_argument": Pin(
        "write f(x) if x == \"const\", never f(\"const\")",
        'package t\n\nf("a")\n\nx if f("a")\n', {}, {"embedded": PARSE, "opa": True}),
    "a_rule_in_a_with_value_and_in_the_modified_expression": Pin(
        "bind a rule to a local before using it in a with value",
        "package t\n\nr := {\"n\": 1}\n\nx if {\n\tinput.k == [r] with input.k as [r]\n}\n", {},
        {"embedded": None, "opa": True}),
    "negated_type_check_of_an_absent_field": Pin(
        "negate a positive helper rule, never a builtin of an absent value",
        "package t\n\nx if not is_string(input.nothing)\n", {}, {"embedded": True, "opa": None}),
    "an_error_in_a_rule_the_query_does_not_use": Pin(
        "no rule of a library may fail on any schema-valid input, used or not",
        "package t\n\nimport data.tlib\n\nx := tlib.a\n", {"n": None}, {"embedded": ERROR, "opa": 1}),
    "to_number_of_text_with_blanks": Pin(
        "trim_space before to_number",
        'package t\n\nx := to_number(" 3")\n', {}, {"embedded": 3, "opa": ERROR}),
    "sprintf_d_of_a_negative_integer": Pin(
        "format numbers with %v (%0Nd only for values the schema keeps non-negative)",
        'package t\n\nx := sprintf("%d", [-5])\n', {}, {"embedded": "--5", "opa": "-5"}),
    "sprintf_s_of_a_number": Pin(
        "sprintf %s only for strings; %d for integers, %v for anything else",
        'package t\n\nx := sprintf("%s", [1])\n', {}, {"embedded": "1", "opa": "%!s(int64=1)"}),
    "regex_blank_class_outside_ascii": Pin(
        "in regex, [[:space:]] and [[:word:]] (ASCII on both), never \\s, \\S or \\b",
        'package t\n\nx := regex.match(`^a\\sb$`, "a\u00a0b")\n', {}, {"embedded": True, "opa": False}),
    "a_function_reading_an_imported_rule_after_its_package_was_read": Pin(
        "a library function reads another package's rule through a rule of its own package",
        "package t\n\nimport data.tf\n\nx := [tf.r, tf.g(true)]\n", {}, {"embedded": None, "opa": [1, 1]},
        modules=(("tf.rego", "package tf\n\nimport data.tlib\n\nr := 1\n\ng(v) := tlib.a if v\n"),)),
    "upper_outside_ascii": Pin(
        "compare case-blind with (?i) in a regex, never upper()/lower() of text that may be non-ASCII",
        'package t\n\nx := upper("pa\u00dfword")\n', {}, {"embedded": "PASSWORD", "opa": "PA\u00dfWORD"}),
}


@dataclass(frozen=True)
class Agreement:
    module: str
    input: Any
    value: Any


# Agreements the policies rely on (each was a difference with an earlier embedded engine).
AGREEMENTS = {
    "to_number_of_a_leading_zero_fails_on_both": Agreement('package t\n\nx := to_number("03")\n', {}, ERROR),
    "reference_iteration_of_null_is_empty": Agreement("package t\n\nx := [v | v := input.n[_]]\n", {"n": None}, []),
    "count_of_null_is_an_error": Agreement("package t\n\nx := count(input.n)\n", {"n": None}, ERROR),
    "semver_compare_orders_numerically": Agreement('package t\n\nx := semver.compare("20.10.24", "20.10.5")\n', {}, 1),
    "object_union_is_deep": Agreement('package t\n\nx := object.union({"a": {"b": 1}}, {"a": {"c": 2}})\n', {},
                                      {"a": {"b": 1, "c": 2}}),
    "strings_keep_their_characters": Agreement("package t\n\nx := [count(input.s), substring(input.s, 0, 2), trim_space(input.s)]\n",
                                               {"s": ' é"\\x00 '}, [8, ' é', 'é"\\x00']),
    "replacing_the_whole_input_with_with": Agreement(
        'package t\n\nx if {\n\tupper(input.s) == "A" with input as {"s": "a"}\n}\n', {}, True),
    # Neither engine type-checks a METADATA `schemas:` annotation (regorus has no type checker; the
    # OPA binding compiles without annotations or a schema set): a field the schema forbids loads
    # and is undefined. So the policies carry no `schemas:`; the day this fails, binding
    # schemas/snapshot.schema.json to every package would catch misspelt facts.
    "a_schemas_annotation_is_not_type_checked": Agreement(
        "# METADATA\n# title: t\n# schemas:\n#   - input:\n#       type: object\n#       properties:\n"
        "#         c: {type: object, properties: {name: {type: string}}, additionalProperties: false}\n"
        "package t\n\nx := input.c.nmae\n", {"c": {"name": "a"}}, None),
}

@pytest.fixture(scope="module", params=["embedded", "opa"])
def engine(request):
    if request.param not in available_engines():
        unavailable(f"the {request.param} engine", "not installed (opa: pip install --ignore-requires-python opa-golib-python-bindings)")
    with make_engine(request.param, workers=0) as eng:
        yield eng


# A library beside every case: its rule b fails when input.n is null (object.get of null).
LIB = 'package tlib\n\na := 1\n\nb := object.get(input.n, "k", "default")\n'


def _outcome(engine, module: str, input_doc: Any, modules: tuple[tuple[str, str], ...] = ()) -> Any:
    try:
        engine.load({"t.rego": module, "t_lib.rego": LIB, **dict(modules)}, {})
    except dockerbench.PolicyError:
        return PARSE
    try:
        return engine.evaluate("t.x", input_doc)
    except dockerbench.EngineError:
        return ERROR


@pytest.mark.parametrize("name", list(PINS))
def test_pinned_difference(engine, name):
    pin = PINS[name]
    assert _outcome(engine, pin.module, pin.input, pin.modules) == pin.outcome[engine.name], (
        f"{engine.name} changed on {name!r}: revisit the subset rule '{pin.rule}'")


@pytest.mark.parametrize("name", list(AGREEMENTS))
def test_engines_agree(engine, name):
    case = AGREEMENTS[name]
    assert _outcome(engine, case.module, case.input) == case.value
