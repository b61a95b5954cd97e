"""Where the embedded engine (regopy) and real OPA disagree, pinned one test each.

The policies are written in the subset both agree on (policies/README.md). Each test asserts
the difference still exists; when regopy fixes one, its test fails and the subset can grow.
"""

from __future__ import annotations

import pytest

import dockerbench
from dockerbench.engines import available_engines, make_engine

pytestmark = pytest.mark.skipif("opa" not in available_engines(),
                                reason="needs real OPA in-process (CI installs it)")


def _both(modules: dict[str, str], path: str, input_doc=None):
    input_doc = {} if input_doc is None else input_doc
    out = {}
    for name in ("embedded", "opa"):
        eng = make_engine(name)
        try:
            eng.load(modules, {})
            out[name] = eng.evaluate(path, input_doc)
        except dockerbench.DockerbenchError as e:
            out[name] = type(e).__name__
        finally:
            eng.close()
    return out


def test_replacing_the_whole_input_breaks_builtins_in_regopy():
    mods = {"t.rego": 'package t\n\nm contains "a" if is_number(input.n)\n\nok if {\n\tx := m with input as {"n": 1}\n\tcount(x) == 1\n}\n'}
    assert _both(mods, "t.ok") == {"embedded": "EngineError", "opa": True}


def test_replacing_one_input_key_works_on_both():
    mods = {"t.rego": 'package t\n\nm contains "a" if is_number(input.n)\n\nok if {\n\tx := m with input.n as 1\n\tcount(x) == 1\n}\n'}
    assert _both(mods, "t.ok") == {"embedded": True, "opa": True}


def test_semver_compare_orders_patch_levels_as_text_in_regopy():
    mods = {"t.rego": 'package t\n\nc := semver.compare("20.10.24", "20.10.5")\n'}
    assert _both(mods, "t.c") == {"embedded": -1, "opa": 1}


def test_net_cidr_contains_is_missing_in_regopy():
    mods = {"t.rego": 'package t\n\nc := net.cidr_contains("10.0.0.0/8", "10.1.2.3")\n'}
    assert _both(mods, "t.c") == {"embedded": "EngineError", "opa": True}


def test_to_number_of_leading_zero_text():
    mods = {"t.rego": 'package t\n\nc := to_number("0644")\n'}
    assert _both(mods, "t.c") == {"embedded": 644, "opa": "EngineError"}


def test_zero_padded_string_verb():
    mods = {"t.rego": 'package t\n\nc := sprintf("%04s", ["644"])\n'}
    assert _both(mods, "t.c") == {"embedded": "644", "opa": "0644"}
