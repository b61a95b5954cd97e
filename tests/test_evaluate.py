"""evaluate(): statuses from the policy contract, fail-closed behaviour, selection, params."""

from __future__ import annotations

from collections import Counter

import pytest
import synthetic

import dockerbench
from dockerbench._evaluate import build_report, decide
from dockerbench._policies import load_policies
from dockerbench._report import ControlResult

POLICIES = load_policies()
C54 = POLICIES.controls["5.4"]
FINDING = {"resource": {"kind": "container", "id": "abc", "name": "web"}, "message": "m", "actual": True, "expected": False}


@pytest.mark.parametrize("doc, status", [
    ({"missing": ["containers"], "violations": [FINDING]}, "error"),
    ({"not_applicable": "no containers"}, "not_applicable"),
    ({"violations": [FINDING], "checked": 1}, "fail"),
    ({"reviews": [FINDING], "checked": 1}, "warn"),
    ({"manual": "needs a person", "evidence": {"members": ["alice"]}}, "manual"),
    ({"checked": 3}, "pass"),
])
def test_status_follows_the_contract(doc, status):
    assert decide(C54, doc).status == status


@pytest.mark.parametrize("doc", [{}, None, {"evidence": {}}])
def test_a_policy_that_decides_nothing_is_an_error_never_a_pass(doc):
    result = decide(C54, doc)
    assert result.status == "error"
    assert "no decision" in result.reason


def test_a_policy_that_checked_nothing_without_a_reason_is_an_error_never_a_pass():
    result = decide(C54, {"checked": 0, "evidence": {"sockets": []}})
    assert (result.status, result.reason) == (
        "error", "the policy checked no resource and gave no reason the control does not apply")


@pytest.mark.parametrize(("doc", "problem"), [
    ({"violations": [{"message": "no resource"}]}, 'finding without a resource: {"message": "no resource"}'),
    ({"violations": "garbage"}, "expected a set, got str"),
    ({"checked": -3}, "checked must be a count (a whole number, 0 or more), got -3"),
    ({"checked": "lots"}, 'checked must be a count (a whole number, 0 or more), got "lots"'),
    ({"checked": True}, "checked must be a count (a whole number, 0 or more), got true"),
    ({"checked": 2.5}, "checked must be a count (a whole number, 0 or more), got 2.5"),
    ({"not_applicable": "", "checked": 1}, 'not_applicable must be a non-empty string, got ""'),
    ({"not_applicable": True}, "not_applicable must be a non-empty string, got true"),
    ({"manual": " ", "checked": 1}, 'manual must be a non-empty string, got " "'),
    ({"note": "", "checked": 1}, 'note must be a non-empty string, got ""'),
    ({"note": ["Engine 26.1"], "checked": 1}, 'note must be a non-empty string, got ["Engine 26.1"]'),
])
def test_malformed_policy_output_is_an_error_naming_the_problem(doc, problem):
    result = decide(C54, doc)
    assert (result.status, result.reason) == ("error", f"policy output is malformed: {problem}")


@pytest.mark.parametrize(("doc", "status", "reason"), [
    ({"checked": 1, "note": "Engine 26.1.5 lists it in GET /info"}, "pass",
     "1 resource checked, none violates (Engine 26.1.5 lists it in GET /info)"),
    ({"not_applicable": "aufs was removed", "note": "decided for Engine 26.1.5"}, "not_applicable",
     "aufs was removed (decided for Engine 26.1.5)"),
    ({"violations": [FINDING], "checked": 1, "note": "Engine 19.03"}, "fail", "1 container violates (Engine 19.03)"),
    ({"missing": ["daemon.info"], "note": "Engine 26.1.5"}, "error",
     "facts missing from the snapshot: daemon.info (Engine 26.1.5)"),
])
def test_the_note_ends_the_reason_whatever_the_status(doc, status, reason):
    result = decide(C54, doc)
    assert (result.status, result.reason) == (status, reason)


def test_a_note_alone_decides_nothing():
    result = decide(C54, {"note": "Engine 26.1.5"})
    assert result.status == "error" and result.reason.startswith("the policy produced no decision")


def test_engine_error_is_kept_as_the_reason():
    result = decide(C54, dockerbench.EngineError("regorus failed evaluating data.x"))
    assert result.status == "error" and "regorus failed" in result.reason


def test_findings_carry_resource_and_evidence():
    result = decide(C54, {"violations": [FINDING], "evidence": {"k": 1}, "checked": 1})
    assert result.findings[0].resource.name == "web"
    assert result.findings[0].control_id == "5.4"
    assert result.evidence == {"k": 1}


def test_selection_by_id_section_and_glob():
    snap = synthetic.snapshot(2)
    assert [r.id for r in dockerbench.evaluate(snap, controls=["5.4"]).results] == ["5.4"]
    assert {r.section for r in dockerbench.evaluate(snap, controls=["3"]).results} == {"3"}
    ids = [r.id for r in dockerbench.evaluate(snap, controls=["5.1*"], exclude=["5.10"]).results]
    assert "5.1" in ids and "5.11" in ids and "5.10" not in ids


def test_unknown_control_id_is_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match=r"unknown control id '9\.9'"):
        dockerbench.evaluate(synthetic.snapshot(0), controls=["9.9"])


def test_malformed_snapshot_is_a_snapshot_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"meta": 1}')
    with pytest.raises(dockerbench.SnapshotError, match=r"bad\.json"):
        dockerbench.evaluate(bad)


def test_broken_org_policy_names_file_and_line(tmp_path):
    d = tmp_path / "org" / "lib" / "broken"  # a library module: no control, no warning
    d.mkdir(parents=True)
    (d / "broken.rego").write_text("package org.broken\n\nx if {\n  y := \n}\n")
    for engine in dockerbench.engines.available_engines():
        with pytest.raises(dockerbench.PolicyError, match=r"broken\.rego:[45]: "):
            dockerbench.evaluate(synthetic.snapshot(0), engine=engine, policy_dirs=[tmp_path / "org"])


def test_org_overlay_replaces_a_control_by_id(tmp_path):
    d = tmp_path / "org" / "c5_4"
    d.mkdir(parents=True)
    source = (C54.file).read_text().replace("package cis_docker_1_1_0.c5_4", "package org.c5_4")
    # The organisation accepts privileged containers labelled as approved.
    source = source.replace("c.privileged == true", 'c.privileged == true\n\tnot c.labels.approved')
    (d / "c5_4.rego").write_text(source)
    snap = synthetic.snapshot(7)
    approved = snap.containers[3].model_copy(update={"labels": {"approved": "yes"}})
    snap = snap.model_copy(update={"containers": [*snap.containers[:3], approved, *snap.containers[4:]]})
    base = dockerbench.evaluate(snap, controls=["5.4"]).result("5.4")
    assert base.status == "fail" and len(base.findings) == 1
    overlaid = dockerbench.evaluate(snap, controls=["5.4"], policy_dirs=[tmp_path / "org"]).result("5.4")
    assert overlaid.status == "pass"
    assert "org" in str(dockerbench.load_policies([tmp_path / "org"]).controls["5.4"].file)


def test_params_reach_the_policies_as_data():
    snap = synthetic.snapshot(0)
    manual = dockerbench.evaluate(snap, controls=["1.3"]).result("1.3")
    assert manual.status == "manual"
    decided = dockerbench.evaluate(snap, controls=["1.3"], params={"min_engine_version": "24.0.0"}).result("1.3")
    assert decided.status == "fail"


@pytest.mark.parametrize("engine", dockerbench.engines.available_engines())
def test_uncollected_sections_are_errors_not_passes(engine):
    snap = synthetic.snapshot(3).model_copy(update={"containers": None})
    report = dockerbench.evaluate(snap, engine=engine, controls=["5"])
    assert all(r.status in ("error", "not_applicable", "manual", "warn") for r in report.results
               if r.id not in ("5.29",)), [(r.id, r.status) for r in report.results if r.status == "pass"]
    assert report.result("5.4").status == "error"


def test_report_counts_every_control_once():
    report = dockerbench.evaluate(synthetic.snapshot(7))
    assert len(report.results) == 105 and sum(report.counts.values()) == 105
    assert {s: n for s, n in report.counts.items() if n} == dict(Counter(r.status for r in report.results))


def _result(status: str, scored: bool = True) -> ControlResult:
    return ControlResult(id="9.9", title="t", section="9", section_title="s", level=1, scored=scored, automated=True,
                         severity="low", status=status, reason="r")  # type: ignore[arg-type]


@pytest.mark.parametrize(("statuses", "score"), [
    # scored pass, fail, warn and error count; manual, not applicable, waived and unscored do not
    ([("pass", True), ("pass", True), ("fail", True), ("warn", True), ("error", True), ("manual", True),
      ("not_applicable", True), ("waived", True), ("pass", False), ("fail", False)], (2, 5, 40.0, 1)),
    ([("pass", True), ("fail", True), ("fail", True)], (1, 3, 33.3, 0)),  # one decimal
    ([("pass", True), ("pass", True), ("error", True)], (2, 3, 66.7, 0)),  # rounded, not cut
    ([("manual", True), ("pass", False)], (0, 0, None, 0)),
])
def test_score_is_the_share_of_scored_decided_controls_that_pass(statuses, score):
    report = build_report([_result(s, scored) for s, scored in statuses], synthetic.snapshot(0), "embedded")
    assert (report.score.passed, report.score.considered, report.score.percent, report.score.waived) == score


@pytest.mark.parametrize("engine_name", dockerbench.engines.available_engines())
def test_an_engine_prepared_ahead_gives_the_same_report(engine_name):
    """audit() prepares its engine (compiles the policies) while it reads the host."""
    from dockerbench._prepare import prepare

    snap = synthetic.snapshot(40, n_images=6)
    fresh = dockerbench.evaluate(snap, engine=engine_name, controls=["4", "5"])
    engine = dockerbench.engines.make_engine(engine_name)
    try:
        engine.start()
        prepare(engine, controls=["4", "5"])
        prepared = dockerbench.evaluate(snap, engine=engine, controls=["4", "5"])
    finally:
        engine.close()
    assert [(r.id, r.status, r.findings) for r in prepared.results] == [(r.id, r.status, r.findings) for r in fresh.results]


def test_preparing_a_broken_org_policy_fails_at_once(tmp_path):
    from dockerbench._prepare import prepare

    d = tmp_path / "org" / "lib" / "broken"  # a library module: no control, no warning
    d.mkdir(parents=True)
    (d / "broken.rego").write_text("package org.broken\n\nx if {\n  y := \n}\n")
    engine = dockerbench.engines.make_engine("embedded")
    try:
        with pytest.raises(dockerbench.PolicyError, match=r"broken\.rego:[45]: "):
            prepare(engine, policy_dirs=[tmp_path / "org"])
    finally:
        engine.close()


def _broken_org(tmp_path):
    d = tmp_path / "org" / "lib" / "broken"
    d.mkdir(parents=True)
    (d / "broken.rego").write_text("package org.broken\n\nx if {\n  y := \n}\n")
    return tmp_path / "org"


def test_preparing_compiles_while_the_body_collects_and_reports_a_broken_policy_after_it(tmp_path):
    """audit's order: the host is read while the engine compiles; a broken policy dir is the
    error of the run (exit 2) once the reading is done, not lost."""
    from dockerbench._prepare import preparing

    engine = dockerbench.engines.make_engine("embedded")
    ran = []
    try:
        engine.start()
        with preparing(engine, dockerbench.Selection(controls=["5"])):
            ran.append("collected")
        snap = synthetic.snapshot(12)
        prepared = dockerbench.evaluate(snap, engine=engine, controls=["5"])
        fresh = dockerbench.evaluate(snap, controls=["5"])
        assert [(r.id, r.status, r.findings) for r in prepared.results] == [(r.id, r.status, r.findings) for r in fresh.results]
        assert "fail" in {r.status for r in prepared.results}
        with pytest.raises(dockerbench.PolicyError, match=r"broken\.rego:[45]: "), \
                preparing(engine, dockerbench.Selection(policy_dirs=[_broken_org(tmp_path)])):
            ran.append("collected again")
    finally:
        engine.close()
    assert ran == ["collected", "collected again"]


def test_preparing_refuses_waivers_of_unknown_controls_before_anything_is_collected():
    from dockerbench._prepare import preparing

    engine = dockerbench.engines.make_engine("embedded")
    waivers = {"version": 1, "waivers": [{"id": "W-1", "controls": ["9.99"], "owner": "a@example.com", "reason": "x",
                            "expires": "2030-01-01"}]}
    try:
        with pytest.raises(dockerbench.UsageError, match=r"^<mapping>: waiver W-1: unknown control id '9\.99'"), \
                preparing(engine, dockerbench.Selection(), waivers=waivers):
            raise AssertionError("the body ran")
    finally:
        engine.close()


def test_an_error_of_the_body_wins_over_the_preparation(tmp_path):
    from dockerbench._prepare import preparing

    engine = dockerbench.engines.make_engine("embedded")
    try:
        with pytest.raises(dockerbench.CollectionError, match="daemon gone"), \
                preparing(engine, dockerbench.Selection(policy_dirs=[_broken_org(tmp_path)])):
            raise dockerbench.CollectionError("daemon gone")
    finally:
        engine.close()


def test_a_container_list_shorter_than_the_daemon_count_makes_container_controls_errors():
    """An edited or cut-short list must not turn every container control not applicable."""
    doc = synthetic.snapshot(3).model_dump(mode="json")
    doc["containers"] = []
    doc["daemon"]["info"]["containers"] = 21
    report = dockerbench.evaluate(doc)
    no_containers = [r.id for r in report.results if r.reason == "there are no containers on this host"]
    assert no_containers == []
    short = "containers (the daemon reports 21 containers in GET /info but the snapshot lists 0)"
    expected = ["4.1", *(f"5.{i}" for i in range(1, 32) if i != 2), "6.1"]  # 5.2 is N/A: SELinux is off
    assert [r.id for r in report.results if short in r.missing] == expected
