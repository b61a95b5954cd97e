"""Differential testing: the embedded engine (regorus) decides every control exactly as real OPA.

Hypothesis builds schema-valid snapshots from a synthetic host by replacing its strings with
hostile text (quotes, backslashes, the literal text ``\\x00`` and ``\\u0000``, lone-surrogate
escapes as text, real NUL/ESC/bidi characters, non-ASCII, 100 KB values, and a corpus of
real-world history lines, labels and commands), its integers with 64-bit edge values, its
optional facts with null, and its lists with empty or long ones. For every snapshot, all
controls must have the same status and the same findings on both engines, and no control may
fail in the engine or decide nothing: an `error` is allowed only for a fact that is missing.

Examples per run: DOCKERBENCH_HYPOTHESIS_EXAMPLES (default 25; CI uses the default).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import synthetic
from _ci import unavailable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import dockerbench
from dockerbench._snapshot import Snapshot
from dockerbench.engines import available_engines, make_engine

CORPUS = json.loads((Path(__file__).parent / "data" / "realworld_strings.json").read_text(encoding="utf-8"))
REAL_WORLD = [s for key in ("history", "labels", "commands") for s in CORPUS[key]]
EXAMPLES = int(os.environ.get("DOCKERBENCH_HYPOTHESIS_EXAMPLES", "25"))
BASE = synthetic.snapshot(6, n_images=4).model_dump(mode="json")

HOSTILE = st.one_of(
    st.sampled_from(REAL_WORLD),
    st.sampled_from(['say "hi"', "C:\\dir\\", "\\x00", "\\u0000", "\\ud800", "\\udfff tail", "\x00", "\x1b[31m",
                     "\u202e", "\u200f", "é", "容器", "🐳", "", " ", "%s %d %v", "${HOME}", "--privileged", "ALL"]),
    st.text(max_size=40),
    st.builds(lambda s, n: s * n, st.sampled_from(["a", 'x"\\', "é"]), st.sampled_from([1000, 50_000, 100_000])),
)
EDGE_INTS = st.sampled_from([0, -1, 1, 2**31 - 1, -(2**31), 2**63 - 1, -(2**63), 2**53 + 1])


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) in the document, containers and scalars alike."""
    out = [(path, doc)] if path else []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _leaves(v, (*path, i))
    return out


PATHS = [p for p, _ in _leaves(BASE) if p[0] != "schema_version"]


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def hostile_snapshots(draw: st.DrawFn) -> Snapshot:
    """A schema-valid snapshot: the synthetic host with up to 12 facts changed."""
    doc = json.loads(json.dumps(BASE))
    for path in draw(st.lists(st.sampled_from(PATHS), min_size=1, max_size=12, unique=True)):
        try:
            old = _get(doc, path)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced a parent
        kind = draw(st.sampled_from(["value", "null", "list"]))
        if kind == "null":
            new: Any = None
        elif kind == "list" and isinstance(old, list):
            new = [] if not old or draw(st.booleans()) else old * draw(st.sampled_from([5, 40]))
        elif isinstance(old, str):
            new = draw(HOSTILE)
        elif isinstance(old, bool):
            new = not old
        elif isinstance(old, int):
            new = draw(EDGE_INTS)
        else:
            continue
        trial = json.loads(json.dumps(doc))
        _set(trial, path, new)
        try:  # keep a change only while the snapshot stays schema-valid
            Snapshot.model_validate(trial)
        except ValidationError:
            continue
        doc = trial
    return Snapshot.model_validate(doc)


@pytest.fixture(scope="module")
def engines():
    if "opa" not in available_engines():
        unavailable("real OPA in-process", "pip install --ignore-requires-python opa-golib-python-bindings")
    with make_engine("embedded") as embedded, make_engine("opa", workers=0) as opa:
        yield embedded, opa


def _outcome(report: dockerbench.Report) -> dict[str, Any]:
    return {r.id: (r.status, sorted((f.status, f.resource.kind, f.resource.id, f.resource.name or "", f.message,
                                     json.dumps(f.actual, sort_keys=True), json.dumps(f.expected, sort_keys=True))
                                    for f in r.findings)) for r in report.results}


#: The controls of cis-docker-1.8.0 decided by its own packages (every other control is a v1.1.0 one).
OWN_V1_8_0 = [c.id for c in dockerbench.load_policies(benchmark="cis-docker-1.8.0").ordered()
              if c.package and c.package.startswith("cis_docker_1_8_0.")]


def _check(engines, snap: Snapshot) -> None:
    """Every v1.1.0 control, and every control cis-docker-1.8.0 decides with a package of its own."""
    embedded, opa = engines
    for benchmark, controls in (("cis-docker-1.1.0", None), ("cis-docker-1.8.0", OWN_V1_8_0)):
        mine = dockerbench.evaluate(snap, engine=embedded, benchmark=benchmark, controls=controls)
        reference = dockerbench.evaluate(snap, engine=opa, benchmark=benchmark, controls=controls)
        a, b = _outcome(mine), _outcome(reference)
        differing = {cid: (a[cid], b[cid]) for cid in a if a[cid] != b[cid]}
        assert not differing, (f"{benchmark}: {len(differing)} controls differ between regorus and OPA: "
                               f"{str(differing)[:2000]}")
        for report in (mine, reference):
            broken = [(r.id, r.reason) for r in report.results
                      if r.status == "error" and (r.engine_failed or not r.missing)]
            assert not broken, f"{benchmark} on {report.engine}: controls failed without a missing fact: {broken}"


@settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_snapshots())
def test_regorus_decides_every_control_as_opa_on_generated_snapshots(engines, case):
    _check(engines, case)


@pytest.mark.parametrize("field", ["history", "labels", "commands"])
def test_regorus_decides_every_control_as_opa_on_real_world_strings(engines, field):
    """Every corpus string in the places a host shows it: image history, labels, process args."""
    doc = json.loads(json.dumps(BASE))
    for i, text in enumerate(CORPUS[field]):
        img, c = doc["images"][i % len(doc["images"])], doc["containers"][i % len(doc["containers"])]
        if field == "history":
            img["history"].append({**img["history"][0], "created_by": text})
        elif field == "labels":
            c["labels"][text] = text
            img["labels"] = {**(img.get("labels") or {}), text: text}
        else:
            for p in c.get("processes") or []:
                p["args"] = text
            c["name"] = "/" + text[:60]
    _check(engines, Snapshot.model_validate(doc))


def test_uninspected_containers_and_images_are_decided_alike_with_their_gaps_missing(engines):
    """Every inspect-only fact is null when an inspect failed: both engines decide, none errs."""
    doc = json.loads(json.dumps(BASE))
    for obj in [*doc["containers"], *doc["images"]]:
        obj["inspected"] = False
    snap = Snapshot.model_validate(doc)
    assert all(c.privileged is None and c.cap_add is None for c in snap.containers or [])
    _check(engines, snap)
    report = dockerbench.evaluate(snap, engine=engines[0])
    passing = [r.id for r in report.results if r.status == "pass" and r.section == "5"]
    reads_list_facts_only = ["5.5", "5.7", "5.9", "5.13", "5.19", "5.29", "5.31"]  # mounts, ports, networks
    assert [cid for cid in passing if cid not in reads_list_facts_only] == []
