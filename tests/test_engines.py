"""Engines behind one interface: errors name file and line, undefined is None, the REST contract."""

from __future__ import annotations

import json

import pytest

import dockerbench
from dockerbench.engines import available_engines, make_engine
from fake_opa_server import FakeOpaServer

ENGINES = available_engines()
OK = {"ok.rego": "package ok\n\nx := input.a\n\ny := data.dockerbench.params.p\n"}


@pytest.fixture(params=ENGINES)
def engine(request):
    eng = make_engine(request.param)
    yield eng
    eng.close()


def test_opa_in_process_is_installed_in_ci():
    import os

    if os.environ.get("CI"):
        assert "opa" in ENGINES, "CI must install opa-golib-python-bindings for conformance"


def test_document_value_and_data(engine):
    engine.load(OK, {"dockerbench": {"params": {"p": 3}}})
    assert engine.evaluate("ok", {"a": [1, 2]}) == {"x": [1, 2], "y": 3}


TEXTS = ['say "hi"', "C:\\dir\\x", "café ☃", "two\nlines\ttab", '\\"', "plain"]
LITERALS = {"lit.rego": f"package lit\n\nliterals := {json.dumps(TEXTS)}\n\n"
            "same := [same_text(input.texts[i], literals[i]) | some i; literals[i]]\n\nsame_text(a, b) := a == b\n\n"
            "echoed := input.texts\n"}


def test_input_strings_with_escapes_equal_literals_and_come_back_intact(engine):
    """Quotes, backslashes, non-ASCII and control characters (process args, build steps, names):
    an input string equals the same text written in a policy, and values come back unchanged."""
    engine.load(LITERALS, {})
    doc = engine.evaluate("lit", {"texts": TEXTS})
    assert doc["same"] == [True] * len(TEXTS)
    assert doc["echoed"] == TEXTS


def test_numbers_and_nesting_come_back_exactly(engine):
    engine.load({"n.rego": "package n\n\nechoed := input\n"}, {})
    doc = {"big": 2**63 + 5, "neg": -(2**63), "f": 0.1, "t": True, "n": None, "nested": [{"a": []}, {}, [1, [2]]]}
    assert engine.evaluate("n.echoed", doc) == doc


def test_undefined_document_is_none(engine):
    engine.load(OK, {})
    assert engine.evaluate("ok.nothing", {"a": 1}) is None


def test_parse_error_names_file_and_line(engine):
    with pytest.raises(dockerbench.PolicyError, match=r"^bad\.rego:[45]: "):
        engine.load({"bad.rego": "package bad\n\nx if {\n  y := \n}\n"}, {})


def test_builtin_error_is_an_error_not_undefined(engine):
    # A runtime error must never read as "undefined": that would let a control pass.
    engine.load({"e.rego": 'package e\n\nx := to_number("not a number")\n'}, {})
    with pytest.raises(dockerbench.EngineError):
        engine.evaluate("e", {})


def test_unknown_engine_name_is_a_clear_error():
    with pytest.raises(dockerbench.EngineError, match="unknown engine 'nope'"):
        make_engine("nope")


def test_opa_server_engine_speaks_the_rest_contract():
    with FakeOpaServer(token="s3cret") as server:
        eng = make_engine("opa-server", url=server.url, token="s3cret")
        eng.load(OK, {"dockerbench": {"params": {"p": 7}}})
        assert eng.evaluate("ok", {"a": "v"}) == {"x": "v", "y": 7}
        assert eng.evaluate("ok.nothing", {}) is None
        assert ("POST", "/v1/data/ok") in server.requests
        assert any(m == "PUT" and p.startswith("/v1/policies/dockerbench/") for m, p in server.requests)


def test_opa_server_bad_token_is_an_engine_error():
    with FakeOpaServer(token="right") as server:
        eng = make_engine("opa-server", url=server.url, token="wrong")
        with pytest.raises(dockerbench.DockerbenchError):
            eng.load(OK, {})


def test_opa_server_unreachable_is_one_line():
    eng = make_engine("opa-server", url="http://127.0.0.1:9", token=None)
    with pytest.raises(dockerbench.EngineError, match="unreachable"):
        eng.load(OK, {})


def test_a_fresh_embedded_engine_describes_itself():
    # A fresh worker answers two requests at once (its start-up check and this one): both
    # answers must be read, not left in a buffer while the caller waits for the pipe.
    eng = make_engine("embedded")
    try:
        assert eng.describe().startswith("embedded (regopy ")
    finally:
        eng.close()


def test_embedded_engine_survives_its_worker_dying():
    # The embedded engine runs in a worker process; if the native engine dies, the next
    # evaluation restarts it with the same modules, data and input instead of failing the caller.
    eng = make_engine("embedded")
    try:
        eng.load(OK, {"dockerbench": {"params": {"p": 1}}})
        doc = {"a": "first"}
        assert eng.evaluate("ok.x", doc) == "first"
        eng._proc.kill()  # type: ignore[attr-defined]
        eng._proc.wait()  # type: ignore[attr-defined]
        assert eng.evaluate("ok", doc) == {"x": "first", "y": 1}
    finally:
        eng.close()


def test_a_runaway_evaluation_is_stopped_with_an_engine_error():
    from dockerbench.engines.isolated import IsolatedEngine

    eng = IsolatedEngine("embedded", timeout=3)
    try:
        # A comprehension over a large range keeps regopy busy far longer than the timeout.
        eng.load({"slow.rego": "package slow\n\nn := count([x | some x in numbers.range(1, 100000000)])\n"}, {})
        with pytest.raises(dockerbench.EngineError, match="longer than 3 s"):
            eng.evaluate("slow", {})
        eng.load(OK, {})
        assert eng.evaluate("ok.x", {"a": 1}) == 1  # the engine is usable again
    finally:
        eng.close()
