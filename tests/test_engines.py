"""Engines behind one interface: errors name file and line, undefined is None, the REST contract."""

from __future__ import annotations

import json
import re

import pytest
from fake_opa_server import FakeOpaServer

import dockerbench
from dockerbench.engines import available_engines, make_engine

ENGINES = available_engines()
OK = {"ok.rego": "package ok\n\nx := input.a\n\ny := data.dockerbench.params.p\n"}


@pytest.fixture(params=ENGINES)
def engine(request):
    eng = make_engine(request.param)
    yield eng
    eng.close()


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
    with pytest.raises(dockerbench.EngineError, match=r"^(regorus|OPA) failed evaluating data\.e: e\.rego:3: .*(could not parse string as number|"
                                                      r"to_number: strconv\.ParseFloat: parsing \"not a number\")"):
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
        with pytest.raises(dockerbench.EngineError, match=f"^OPA server at {re.escape(server.url)} refused the token: missing or bad token$"):
            eng.load(OK, {})


def test_opa_server_unreachable_is_one_line():
    eng = make_engine("opa-server", url="http://127.0.0.1:9", token=None)
    with pytest.raises(dockerbench.EngineError, match="unreachable"):
        eng.load(OK, {})


def test_the_embedded_engine_is_regorus_from_the_pinned_distribution():
    from importlib import metadata

    with make_engine("embedded") as eng:
        assert eng.describe() == f"embedded (regorus {metadata.version('gordon-to-regorus')})"


@pytest.fixture(params=ENGINES)
def pooled(request):
    """An in-process engine in its worker processes, with a short timeout."""
    with make_engine(request.param, workers=2, timeout=3) as eng:
        yield eng


def test_a_worker_that_dies_is_replaced_with_the_same_policies(pooled):
    pooled.load(OK, {"dockerbench": {"params": {"p": 1}}})
    assert pooled.evaluate("ok.x", {"a": "first"}) == "first"
    for worker in pooled._workers:  # type: ignore[attr-defined]
        if worker._proc is not None:
            worker._proc.kill()
    assert pooled.evaluate("ok", {"a": "second"}) == {"x": "second", "y": 1}


def test_describe_after_prepare_names_the_engine_before_any_evaluation(pooled):
    """A fleet whose every node failed evaluates nothing: describe() follows prepare() directly."""
    from dockerbench._prepare import prepare

    prepare(pooled, controls=["5.4"])  # a worker loads its share (not every module): its answer is owed
    assert pooled.describe().startswith(("embedded (regorus ", "opa (in-process"))
    assert pooled.evaluate("cis_docker_1_1_0.c5_4", {"containers": []}) == {
        "checked": 0, "missing": [], "not_applicable": "there are no containers on this host", "violations": []}


def test_workers_run_under_a_caller_that_is_pid_1(tmp_path):
    """In a container the dockerbench command is pid 1: its workers must not take that for an
    orphaned parent (which made every evaluation in a container without --pid host die)."""
    import os
    import shutil
    import subprocess
    import sys

    from _ci import unavailable

    if shutil.which("unshare") is None or os.geteuid() != 0:
        unavailable("root and unshare for a PID namespace", "not root or no unshare")
    script = ("import os; from dockerbench.engines import make_engine\n"
              "assert os.getpid() == 1\n"
              f"with make_engine('embedded', workers=1) as eng:\n"
              f"    eng.load({OK!r}, {{'dockerbench': {{'params': {{'p': 2}}}}}})\n"
              "    print(eng.evaluate('ok.y', {}))\n")
    done = subprocess.run(["unshare", "--pid", "--fork", "--kill-child", sys.executable, "-c", script],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "2"), done.stderr[-2000:]


# Two nested loops over 200000 numbers: 4e10 steps, on any engine far beyond the timeout.
RUNAWAY = {"slow.rego": "package slow\n\nn := count([1 | some x in numbers.range(1, 200000); some y in numbers.range(1, 200000); x == y])\n"}


def test_a_runaway_policy_times_out_and_every_other_document_is_still_decided(pooled):
    modules = {**OK, **RUNAWAY, "fine.rego": "package fine\n\nv := 42\n"}
    pooled.load(modules, {})
    out = pooled.evaluate_many(["ok", "slow", "fine"], {"a": 1})
    assert out["ok"] == {"x": 1} and out["fine"] == {"v": 42}
    assert isinstance(out["slow"], dockerbench.EngineError)
    assert str(out["slow"]).startswith("evaluation timed out after 3 s (data.slow")
    assert pooled.evaluate("fine.v", {}) == 42  # the engine is usable again


def test_an_exception_of_any_type_from_the_binding_is_an_engine_error_with_its_message():
    from dockerbench.engines.regorus_engine import RegorusEngine

    eng = RegorusEngine()
    eng.load(OK, {})

    class Broken:
        def set_input_json(self, text):
            pass

        def eval_query_as_json(self, query):
            raise ValueError("Invalid \\escape: line 1 column 5")  # e.g. output that is not JSON

    eng._engine = Broken()  # type: ignore[attr-defined]
    with pytest.raises(dockerbench.EngineError, match=r"^regorus failed evaluating data\.ok: Invalid \\escape"):
        eng.evaluate("ok", {})


def test_an_input_string_with_a_lone_surrogate_is_read_as_opa_reads_it(engine):
    """A lone UTF-16 surrogate (possible in a snapshot file) is not valid Unicode: OPA's JSON
    reader makes it U+FFFD, and so must the embedded engine, rather than fail every control."""
    engine.load({"s.rego": "package s\n\nx := input.s\n"}, {})
    assert engine.evaluate("s.x", {"s": "a\ud800b"}) == "a\ufffdb"
