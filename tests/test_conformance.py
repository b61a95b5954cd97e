"""Conformance: every fixture snapshot gives identical results on every installed engine, under every benchmark.

CI installs both the embedded engine (regorus) and real OPA in-process; a difference in any
control's status or findings fails here (the live counterpart is in tests/integration).
"""

from __future__ import annotations

import pytest
import synthetic

import dockerbench
from dockerbench.engines import available_engines


def _fixtures() -> dict[str, dockerbench.Snapshot]:
    return synthetic.fixtures()


def outcome(report: dockerbench.Report) -> dict[str, tuple]:
    return {r.id: (r.status, sorted((f.status, f.resource.kind, f.resource.id, f.message) for f in r.findings))
            for r in report.results}


@pytest.mark.skipif(len(available_engines()) < 2, reason="needs two engines (CI installs real OPA)")
@pytest.mark.parametrize("profile", dockerbench.available_benchmarks())
@pytest.mark.parametrize("name", list(_fixtures()))
def test_engines_agree_on_every_control(name, profile):
    snap = _fixtures()[name]
    reports = {e: dockerbench.evaluate(snap, engine=e, benchmark=profile) for e in available_engines()}
    embedded, opa = outcome(reports["embedded"]), outcome(reports["opa"])
    differing = {cid: (embedded[cid], opa[cid]) for cid in embedded if embedded[cid] != opa[cid]}
    assert not differing, f"{len(differing)} controls differ: {differing}"


@pytest.mark.parametrize("profile", dockerbench.available_benchmarks())
@pytest.mark.parametrize("engine", available_engines())
def test_no_engine_error_on_fixtures(engine, profile):
    for name, snap in _fixtures().items():
        report = dockerbench.evaluate(snap, engine=engine, benchmark=profile)
        broken = [(r.id, r.reason) for r in report.results if r.engine_failed]  # a note may name the Engine
        assert not broken, f"{name}: {broken}"
