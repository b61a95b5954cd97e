"""Waivers and attestations: the file, matching per finding, expiry, stale waivers, attestations,
the score, diff, and `dockerbench waivers check` — through the real evaluate() and CLI.

synthetic.snapshot(7) is collected 2026-11-01 on host "synthetic": 5.10 and 5.11 fail for
containers app-0, app-1 and app-2; 5.5 fails for app-1 and needs review for app-5; 4.6 fails for
images registry.example.com/app:2.0, :3.0 and an untagged one; 5.7 passes; 1.2 and 4.3 are manual.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import _cli
import jsonschema
import pytest
import synthetic
import yaml

import dockerbench
from dockerbench._evaluate import decide
from dockerbench._report import Resource
from dockerbench._waivers import apply, load_waivers, resolve

ROOT = synthetic.__file__.rsplit("/tests/", 1)[0]


def _engine() -> str | None:
    """Real OPA in-process when installed (fast), else the default embedded engine."""
    try:
        dockerbench.make_engine("opa").close()
        return "opa"
    except dockerbench.DockerbenchError:
        return None


ENGINE = _engine()
SNAP = synthetic.snapshot(7)


def waiver(id_: str, controls: list[str], **fields) -> dict:
    return {"id": id_, "controls": controls, "reason": fields.pop("reason", f"reason of {id_}"),
            "owner": fields.pop("owner", "ops@example.com"), "expires": fields.pop("expires", "2027-06-30"), **fields}


def waivers(*entries: dict, attestations: list[dict] | None = None) -> dict:
    return {"version": 1, "waivers": list(entries), "attestations": attestations or []}


def evaluate(doc: dict, controls: list[str], snap=SNAP, **kwargs) -> dockerbench.Report:
    return dockerbench.evaluate(snap, engine=ENGINE, controls=controls, waivers=doc, **kwargs)


def statuses(result) -> list[tuple[str, str, str | None]]:
    """(resource name, finding status, waiver id) of each finding."""
    return [(f.resource.name, f.status, f.waiver.id if f.waiver else None) for f in result.findings]


def dated(snap, when: datetime):
    return snap.model_copy(update={"meta": snap.meta.model_copy(update={
        "collected_at": when, "collected_at_unix": int(when.timestamp())})})


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return _cli.run(*args, cwd=ROOT)


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "host.json"
    SNAP.save(path)
    return path


def write(tmp_path, doc, name: str = "waivers.yaml"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, sort_keys=False))
    return path


# ----------------------------------------------------------------------------- the file


EXAMPLE = """\
version: 1
waivers:
  - id: W-0042
    controls: ["5.11", "5.29"]
    resources:
      - kind: container
        name: "legacy-*"
        labels: {app: billing}
    hosts: ["prod-db-*"]
    reason: "heap tuned by the app; a cgroup limit breaks GC"
    owner: "team-billing@example.com"
    ticket: "SEC-1234"
    expires: 2027-06-30
attestations:
  - controls: ["1.2"]
    hosts: ["prod-*"]
    status: pass
    explanation: /var/lib/docker is its own LVM volume
    attested_by: alice@example.com
    attested_on: 2026-10-01
    valid_for_days: 90
"""


def test_the_issue_example_loads_from_yaml_and_the_same_from_json(tmp_path):
    from_yaml = load_waivers(write(tmp_path, EXAMPLE))
    doc = yaml.safe_load(EXAMPLE)
    json_file = tmp_path / "waivers.json"
    json_file.write_text(json.dumps(doc, default=str))
    assert load_waivers(json_file).model_dump() == from_yaml.model_dump()
    w = from_yaml.waivers[0]
    assert (w.id, w.expires, w.resources[0].labels, from_yaml.attestations[0].valid_through) == (
        "W-0042", date(2027, 6, 30), {"app": "billing"}, date(2026, 12, 29))
    assert from_yaml.source == str(tmp_path / "waivers.yaml")


def test_the_published_schema_accepts_the_example_and_refuses_never_without_allow_permanent():
    schema = json.loads(Path(f"{ROOT}/schemas/waivers.schema.json").read_text())
    doc = json.loads(json.dumps(yaml.safe_load(EXAMPLE), default=str))
    jsonschema.validate(doc, schema)
    doc["waivers"][0]["expires"] = "never"
    with pytest.raises(jsonschema.ValidationError) as refused:
        jsonschema.validate(doc, schema)
    assert (refused.value.message, list(refused.value.absolute_path)) == ("'allow_permanent' is a required property", ["waivers", 0])
    doc["waivers"][0]["allow_permanent"] = True
    jsonschema.validate(doc, schema)


MALFORMED = [
    (waivers({"id": "W-1", "controls": ["5.4"], "owner": "o", "expires": "2027-01-01"}),
     "waiver W-1: reason: is required"),
    (waivers({"id": "W-1", "controls": ["5.4"], "reason": "r", "expires": "2027-01-01"}),
     "waiver W-1: owner: is required"),
    (waivers({"id": "W-1", "controls": ["5.4"], "reason": "r", "owner": "o"}), "waiver W-1: expires: is required"),
    (waivers(waiver("W-1", ["5.4"], expires="never")),
     'waiver W-1: expires: "never" needs allow_permanent: true (a waiver should end)'),
    (waivers(waiver("W-1", ["5.4"], expires="soon")),
     "waiver W-1: expires: must be a date (YYYY-MM-DD) or \"never\" (with allow_permanent: true), got 'soon'"),
    (waivers(waiver("W-1", ["5.4"], expires="2027-02-30")), "waiver W-1: expires: '2027-02-30' is not a day of the calendar"),
    (waivers(waiver("W-1", ["5.4"], reasons="typo")),
     "waiver W-1: reasons: unknown field (known: id, controls, resources, hosts, reason, owner, ticket, expires, "
     "allow_permanent)"),
    (waivers(waiver("W-1", ["5.4"], resources=[{"kind": "file", "labels": {"a": "b"}}])),
     "waiver W-1: resources[0]: labels select containers and images only, not a file"),
    (waivers(waiver("W-1", ["5.4"]), waiver("W-1", ["5.5"])), "waiver id 'W-1' is used 2 times (ids are unique)"),
    ({"version": 1, "waivers": [{"controls": ["5.4"], "reason": "r", "owner": "o", "expires": "2027-01-01"}]},
     "waivers[0]: id: is required"),
    ({"version": 2}, "version: must be 1 (the only version there is), got 2"),
    ({"version": 1, "waiver": []}, "waiver: unknown field (known: version, waivers, attestations)"),
    (waivers(attestations=[{"controls": ["1.2"], "status": "ok", "explanation": "e", "attested_by": "a",
                            "attested_on": "2026-01-01", "valid_for_days": 30}]),
     "attestations[0]: status: input should be 'pass' or 'fail', got 'ok'"),
]


@pytest.mark.parametrize(("doc", "problem"), MALFORMED)
def test_a_malformed_waivers_file_is_one_usage_error_naming_file_entry_and_field(tmp_path, doc, problem):
    path = write(tmp_path, doc)
    with pytest.raises(dockerbench.UsageError) as e:
        load_waivers(path)
    assert str(e.value) == f"{path}: {problem}"


def test_a_mapping_is_named_by_where_it_came_from():
    with pytest.raises(dockerbench.UsageError, match=r"^dockerbench.yaml: waivers: waiver W-1: owner: is required$"):
        load_waivers({"version": 1, "waivers": [{"id": "W-1", "controls": ["5.4"], "reason": "r", "expires": "2027-01-01"}]},
                     where="dockerbench.yaml: waivers")
    assert load_waivers(waivers(waiver("W-1", ["5.4"])), where="dockerbench.yaml").source == "dockerbench.yaml"


@pytest.mark.parametrize(("controls", "problem"), [
    (["5.99"], "unknown control id '5.99' (see 'dockerbench controls')"),
    (["9"], "unknown section '9' (sections are 1-7)"),
    (["5.9?"], "controls '5.9?' match no control (see 'dockerbench controls')"),
])
def test_a_waiver_naming_an_unknown_control_is_refused_before_evaluating(controls, problem):
    with pytest.raises(dockerbench.UsageError) as e:
        evaluate(waivers(waiver("W-1", controls)), ["5.4"])
    assert str(e.value) == f"<mapping>: waiver W-1: {problem}"


# ----------------------------------------------------------------------------- matching


def test_a_waiver_matches_findings_not_controls():
    report = evaluate(waivers(waiver("W-1", ["5.11"], resources=[{"kind": "container", "name": "app-0"}])), ["5.11"])
    result = report.result("5.11")
    assert result.status == "fail"
    assert statuses(result) == [("app-0", "waived", "W-1"), ("app-1", "fail", None), ("app-2", "fail", None)]
    assert result.reason == "2 containers violate; 1 finding waived by W-1"


def test_a_control_whose_every_finding_is_waived_is_waived_and_left_out_of_the_score():
    plain = dockerbench.evaluate(SNAP, engine=ENGINE, controls=["5.11", "5.4"])
    report = evaluate(waivers(waiver("W-1", ["5.11"], owner="team@example.com", reason="heap tuned")), ["5.11", "5.4"])
    result = report.result("5.11")
    assert result.status == "waived"
    assert result.reason == "3 findings waived by W-1 (team@example.com, until 2027-06-30): heap tuned"
    assert (plain.score.considered, plain.score.waived) == (2, 0)
    assert (report.score.passed, report.score.considered, report.score.waived) == (0, 1, 1)
    assert report.counts["waived"] == 1 and report.counts["fail"] == 1


@pytest.mark.parametrize("name", ["app-[01]", "/app-[01]", "app-?", f"{1:064x}"])
def test_resource_names_are_globs_on_the_name_or_the_id(name):
    report = evaluate(waivers(waiver("W-1", ["5.11"], resources=[{"kind": "container", "name": name}])), ["5.11"])
    waived = [n for n, status, _ in statuses(report.result("5.11")) if status == "waived"]
    expected = {"app-[01]": ["app-0", "app-1"], "/app-[01]": ["app-0", "app-1"], "app-?": ["app-0", "app-1", "app-2"],
                f"{1:064x}": ["app-1"]}[name]
    assert waived == expected


def test_image_findings_match_by_tag_glob():
    report = evaluate(waivers(waiver("W-1", ["4.6"], resources=[{"kind": "image", "name": "registry.example.com/app:*"}])),
                      ["4.6"])
    assert [status for _, status, _ in statuses(report.result("4.6"))] == ["waived", "waived", "fail"]


@pytest.mark.parametrize(("labels", "waived"), [
    ({"app": "app-1"}, ["app-1"]),
    ({"app": "app-*"}, ["app-0", "app-1", "app-2"]),
    ({"app": "app-1", "team": "billing"}, []),  # every label must match: app-1 has no team label
])
def test_labels_must_all_match(labels, waived):
    report = evaluate(waivers(waiver("W-1", ["5.11"], resources=[{"kind": "container", "labels": labels}])), ["5.11"])
    assert [n for n, status, _ in statuses(report.result("5.11")) if status == "waived"] == waived


def test_a_resource_of_another_kind_matches_nothing_and_the_waiver_is_stale():
    report = evaluate(waivers(waiver("W-1", ["5.11"], resources=[{"kind": "image"}])), ["5.11"])
    assert report.result("5.11").status == "fail"
    (outcome,) = report.waivers.waivers
    assert (outcome.status, outcome.findings, outcome.detail) == ("stale", 0, "matches no finding: 5.11 fail")


@pytest.mark.parametrize(("hosts", "applies"), [(["synth*"], True), (["SYNTHETIC"], True), (["prod-db-*"], False)])
def test_hosts_are_globs_on_the_snapshot_hostname(hosts, applies):
    report = evaluate(waivers(waiver("W-1", ["5.11"], hosts=hosts)), ["5.11"])
    assert report.result("5.11").status == ("waived" if applies else "fail")
    outcome = report.waivers.waivers[0]
    if applies:
        assert outcome.status == "applied"
    else:
        assert (outcome.status, outcome.detail) == (
            "not_applicable", "meant for hosts prod-db-*; this host is synthetic")


def test_a_waived_fail_leaves_the_control_warn_when_a_review_is_left():
    report = evaluate(waivers(waiver("W-1", ["5.5"], resources=[{"kind": "container", "name": "app-1"}])), ["5.5"])
    result = report.result("5.5")
    assert (result.status, result.reason) == ("warn", "1 container needs review; 1 finding waived by W-1")
    assert statuses(result) == [("app-1", "waived", "W-1"), ("app-5", "warn", None)]


def test_an_error_control_is_never_waived():
    """Fail closed: a control whose facts are missing is undecided, whatever a waiver says."""
    policies = dockerbench.load_policies()
    finding = {"resource": {"kind": "daemon", "id": "d", "name": "dockerd"}, "message": "TLS is not configured"}
    result = decide(policies.controls["2.6"], {"missing": ["daemon.config_file"], "violations": [finding]})
    plan = resolve(load_waivers(waivers(waiver("W-1", ["2.6"]))), policies)
    (after,), outcome = apply([result], SNAP, plan)
    assert after == result and after.status == "error"
    assert (outcome.waivers[0].status, outcome.waivers[0].detail) == (
        "not_applicable", "its controls could not be decided: 2.6 error")


def test_a_waiver_on_a_passing_or_manual_control_is_stale():
    report = evaluate(waivers(waiver("W-1", ["5.7"]), waiver("W-2", ["1.2"])), ["5.7", "1.2"])
    assert [(w.id, w.status, w.detail) for w in report.waivers.waivers] == [
        ("W-1", "stale", "matches no finding: 5.7 pass"),
        ("W-2", "stale", "matches no finding: 1.2 manual (a manual control is attested, not waived)")]


def test_a_waiver_whose_controls_were_not_evaluated_is_not_applicable_not_stale():
    report = evaluate(waivers(waiver("W-1", ["5.7"])), ["5.4"])
    assert [(w.status, w.detail) for w in report.waivers.waivers] == [
        ("not_applicable", "none of its controls (5.7) was evaluated")]


# ----------------------------------------------------------------------------- expiry


def test_an_expired_waiver_waives_nothing_and_its_findings_say_so():
    report = evaluate(waivers(waiver("W-0042", ["5.11"], expires="2026-10-31")), ["5.11"])
    result = report.result("5.11")
    assert result.status == "fail"
    assert [f.waiver.note for f in result.findings] == ["waiver W-0042 expired 2026-10-31"] * 3
    assert all(f.status == "fail" and f.waiver.expired for f in result.findings)
    assert result.reason == "3 containers violate; waiver W-0042 expired 2026-10-31"
    (outcome,) = report.waivers.waivers
    assert (outcome.status, outcome.findings, outcome.detail) == (
        "expired", 3, "expired 2026-10-31 (as of 2026-11-01): the 3 findings it matches are not waived")


def test_a_waiver_holds_through_its_last_day():
    assert evaluate(waivers(waiver("W-1", ["5.11"], expires="2026-11-01")), ["5.11"]).result("5.11").status == "waived"


def test_expiry_is_judged_on_the_collection_date_so_an_old_snapshot_evaluates_the_same_today():
    old = dated(SNAP, datetime(2020, 1, 15, 8, 0, tzinfo=timezone.utc))
    report = evaluate(waivers(waiver("W-1", ["5.11"], expires="2020-06-30")), ["5.11"], snap=old)
    assert report.result("5.11").status == "waived"
    assert report.waivers.as_of == date(2020, 1, 15)


@pytest.mark.parametrize(("as_of", "status"), [("2026-06-01", "waived"), (date(2026, 7, 1), "fail"),
                                               (datetime(2026, 6, 30, 23, 0), "waived")])
def test_as_of_overrides_the_collection_date(as_of, status):
    report = evaluate(waivers(waiver("W-1", ["5.11"], expires="2026-06-30")), ["5.11"], as_of=as_of)
    assert report.result("5.11").status == status


def test_a_bad_as_of_is_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match=r"^as_of must be a date \(YYYY-MM-DD\), got 'yesterday'$"):
        evaluate(waivers(waiver("W-1", ["5.11"])), ["5.11"], as_of="yesterday")


def test_a_permanent_waiver_needs_allow_permanent_and_never_expires():
    report = evaluate(waivers(waiver("W-1", ["5.11"], expires="never", allow_permanent=True)), ["5.11"],
                      as_of="2999-01-01")
    result = report.result("5.11")
    assert result.status == "waived"
    assert result.findings[0].waiver.note == "waived by W-1 (ops@example.com, permanent)"


def test_an_active_waiver_wins_over_an_expired_one_on_the_same_finding():
    report = evaluate(waivers(waiver("W-old", ["5.11"], expires="2025-01-01"), waiver("W-new", ["5.11"])), ["5.11"])
    assert {w for _, _, w in statuses(report.result("5.11"))} == {"W-new"}
    assert [(w.id, w.status) for w in report.waivers.waivers] == [("W-old", "expired"), ("W-new", "applied")]


# ----------------------------------------------------------------------------- attestations


def attestation(controls: list[str], **fields) -> dict:
    return {"controls": controls, "status": fields.pop("status", "pass"),
            "explanation": fields.pop("explanation", "checked by hand"), "attested_by": "alice@example.com",
            "attested_on": fields.pop("attested_on", "2026-10-01"), "valid_for_days": fields.pop("valid_for_days", 90),
            **fields}


def test_a_valid_attestation_decides_a_manual_control_and_says_who_and_when():
    report = evaluate(waivers(attestations=[attestation(["1.2"], explanation="hardened to the CIS Debian baseline")]),
                      ["1.2"])
    result = report.result("1.2")
    assert result.status == "pass"
    assert result.reason == ("attested pass by alice@example.com on 2026-10-01 (valid through 2026-12-29): "
                             "hardened to the CIS Debian baseline")
    assert (result.attestation.attested_by, result.attestation.attested_on, result.attestation.expired) == (
        "alice@example.com", date(2026, 10, 1), False)
    assert [(a.status, a.controls) for a in report.waivers.attestations] == [("applied", ["1.2"])]


def test_an_attested_fail_is_a_failing_finding_on_the_host():
    report = evaluate(waivers(attestations=[attestation(["4.3"], status="fail", explanation="curl in every image")]),
                      ["4.3"])
    result = report.result("4.3")
    assert result.status == "fail"
    assert [(f.resource.kind, f.resource.name, f.message) for f in result.findings] == [
        ("host", "synthetic",
         "attested fail by alice@example.com on 2026-10-01 (valid through 2026-12-29): curl in every image")]


def test_an_attestation_past_its_valid_days_leaves_the_control_manual():
    report = evaluate(waivers(attestations=[attestation(["1.2"], attested_on="2026-08-01", valid_for_days=30)]), ["1.2"])
    result = report.result("1.2")
    assert result.status == "manual"
    assert result.attestation.expired is True
    assert result.reason.endswith("(attestation by alice@example.com on 2026-08-01 expired 2026-08-30)")
    assert [(a.status, a.detail) for a in report.waivers.attestations] == [
        ("expired", "expired 2026-08-30 (as of 2026-11-01): 1.2 stay manual")]


def test_an_attestation_for_another_host_decides_nothing():
    report = evaluate(waivers(attestations=[attestation(["1.2"], hosts=["prod-*"])]), ["1.2"])
    assert report.result("1.2").status == "manual" and report.result("1.2").attestation is None
    assert [(a.status, a.detail) for a in report.waivers.attestations] == [
        ("not_applicable", "meant for hosts prod-*; this host is synthetic")]


def test_an_attestation_dated_after_the_snapshot_is_not_yet_valid():
    report = evaluate(waivers(attestations=[attestation(["1.2"], attested_on="2026-11-02")]), ["1.2"])
    assert report.result("1.2").status == "manual"
    assert report.waivers.attestations[0].status == "not_yet_valid"


def test_an_attestation_never_overrides_a_control_its_policy_decided():
    report = evaluate(waivers(attestations=[attestation(["5.4"])]), ["5.4"])
    assert report.result("5.4").status == "fail"
    assert [(a.status, a.detail) for a in report.waivers.attestations] == [
        ("not_applicable", "its controls are decided by their policies here: 5.4 fail")]


# ----------------------------------------------------------------------------- the report document


def test_the_report_with_waivers_is_valid_against_its_schema_and_loads_back():
    report = evaluate(waivers(waiver("W-1", ["5.11"], ticket="SEC-1"), waiver("W-2", ["5.10"], expires="2026-01-01"),
                              attestations=[attestation(["1.2"])]), ["5.10", "5.11", "1.2"])
    doc = json.loads(report.to_json())
    jsonschema.validate(doc, json.loads(Path(f"{ROOT}/schemas/report.schema.json").read_text()))
    assert doc["schema_version"] == "1.2"
    assert doc["results"][2]["findings"][0]["waiver"] == {
        "id": "W-1", "reason": "reason of W-1", "owner": "ops@example.com", "ticket": "SEC-1",
        "expires": "2027-06-30", "expired": False}
    assert doc["results"][1]["findings"][0]["waiver"]["expired"] is True
    assert dockerbench.load_report(report.to_json()) == report


# ----------------------------------------------------------------------------- the command line


THREE = waivers(waiver("W-0042", ["5.11"], resources=[{"kind": "container", "name": "app-[01]"}],
                       reason="heap tuned by the app; a cgroup limit breaks GC", owner="team-billing@example.com",
                       ticket="SEC-1234"),
                waiver("W-0007", ["5.10"], expires="2026-06-30", reason="memory managed by the scheduler"),
                waiver("W-0099", ["5.7"], expires="2027-01-31", reason="sshd in the debug image"))


def test_the_summary_line_counts_waived_controls_and_says_what_the_waivers_did(snapshot_file, tmp_path):
    proc = run("--no-color", "evaluate", str(snapshot_file), "--waivers", str(write(tmp_path, THREE)),
               "--controls", "5.7,5.10,5.11,4.6", "--engine", "opa" if ENGINE else "embedded")
    assert proc.returncode == 1
    engine = dockerbench.evaluate(SNAP, engine=ENGINE, controls=["5.7"]).engine
    assert proc.stderr == (
        f"4 controls: 1 pass, 3 fail, 0 warn, 0 manual, 0 n/a, 0 error, 0 waived; score 25.0% ({engine}); "
        "waivers as of 2026-11-01: 1 applied (2 findings waived), 1 expired (W-0007: 3 findings not waived), "
        "1 stale (W-0099)\n")


def test_the_summary_line_is_unchanged_without_waivers(snapshot_file):
    proc = run("--no-color", "evaluate", str(snapshot_file), "--controls", "2.5")
    assert proc.stderr.startswith("1 controls: 1 pass, 0 fail, 0 warn, 0 manual, 0 n/a, 0 error; score 100.0% (")


@pytest.mark.parametrize(("expires", "code"), [("2027-06-30", 0), ("2026-06-30", 1)])
def test_fail_on_counts_the_findings_of_an_expired_waiver_as_failures(snapshot_file, tmp_path, expires, code):
    path = write(tmp_path, waivers(waiver("W-1", ["5.10"], expires=expires)))
    proc = run("-q", "evaluate", str(snapshot_file), "--waivers", str(path), "--controls", "5.10")
    assert proc.returncode == code, proc.stderr


def test_as_of_on_the_command_line(snapshot_file, tmp_path):
    path = write(tmp_path, waivers(waiver("W-1", ["5.10"], expires="2026-06-30")))
    proc = run("-q", "evaluate", str(snapshot_file), "--waivers", str(path), "--controls", "5.10",
               "--as-of", "2026-06-01", "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["results"][0]["status"] == "waived"
    bad = run("evaluate", str(snapshot_file), "--waivers", str(path), "--as-of", "June")
    assert (bad.returncode, bad.stderr) == (2, "dockerbench: error: --as-of must be a date (YYYY-MM-DD), got 'June'\n")


def test_a_malformed_waivers_file_aborts_an_audit_before_anything_is_collected(tmp_path):
    path = write(tmp_path, waivers({"id": "W-1", "controls": ["5.4"], "owner": "o", "expires": "2027-01-01"}))
    saved = tmp_path / "snap.json"
    # The daemon address does not exist: had collection started, the audit would exit 3 with a report.
    proc = run("audit", "--waivers", str(path), "--docker-host", f"unix://{tmp_path}/none.sock",
               "--save-snapshot", str(saved))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"dockerbench: error: {path}: waiver W-1: reason: is required\n"
    assert not saved.exists()


def test_a_waiver_naming_an_unknown_control_aborts_an_audit_before_anything_is_collected(tmp_path):
    path = write(tmp_path, waivers(waiver("W-1", ["5.99"])))
    proc = run("audit", "--waivers", str(path), "--docker-host", f"unix://{tmp_path}/none.sock")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == (f"dockerbench: error: {path}: waiver W-1: unknown control id '5.99' "
                           "(see 'dockerbench controls')\n")


def test_the_library_audit_refuses_malformed_waivers_before_collecting(tmp_path):
    with pytest.raises(dockerbench.UsageError, match="reason: is required"):
        dockerbench.audit(docker_host=f"unix://{tmp_path}/none.sock", waivers={
            "version": 1, "waivers": [{"id": "W-1", "controls": ["5.4"], "owner": "o", "expires": "2027-01-01"}]})


# ----------------------------------------------------------------------------- diff


def test_diff_reports_newly_waived_findings_and_newly_expired_and_stale_waivers(tmp_path):
    """Before (June, 7 containers) and after (November, 8 containers, app-0 and app-1 given CPU
    shares): W-0007 ran out on 2026-06-30, W-0042's findings are fixed, W-0077 waives app-7, new."""
    before = dated(synthetic.snapshot(7), datetime(2026, 6, 1, tzinfo=timezone.utc))
    after = synthetic.snapshot(8)
    fixed = [c.model_copy(update={"cpu_shares": 512}) if c.name in ("/app-0", "/app-1") else c for c in after.containers]
    after = after.model_copy(update={"containers": fixed})
    doc = waivers(waiver("W-0042", ["5.11"], resources=[{"kind": "container", "name": "app-[01]"}]),
                  waiver("W-0007", ["5.10"], expires="2026-06-30"),
                  waiver("W-0077", ["5.11"], resources=[{"kind": "container", "name": "app-7"}]))
    d = dockerbench.diff(before, after, engine=ENGINE, waivers=doc)
    assert [(f.control_id, f.resource.name, f.waiver.id) for f in d.newly_waived] == [("5.11", "app-7", "W-0077")]
    assert [(w.id, w.detail) for w in d.newly_expired] == [
        ("W-0007", "expired 2026-06-30 (as of 2026-11-01): the 4 findings it matches are not waived")]
    assert [(w.id, w.detail) for w in d.newly_stale] == [("W-0042", "matches no finding: 5.11 fail")]
    before_file, after_file, waivers_file = tmp_path / "before.json", tmp_path / "after.json", write(tmp_path, doc)
    before.save(before_file)
    after.save(after_file)
    proc = run("diff", str(before_file), str(after_file), "--waivers", str(waivers_file),
               "--engine", "opa" if ENGINE else "embedded")
    assert proc.returncode == 1, proc.stderr
    assert "\nNewly waived findings (1)\n  5.11  container/app-7: " in proc.stdout
    assert "  [waived by W-0077 (ops@example.com, until 2027-06-30)]\n" in proc.stdout
    assert ("\nNewly expired waivers (1)\n  W-0007: expired 2026-06-30 (as of 2026-11-01): "
            "the 4 findings it matches are not waived\n") in proc.stdout
    assert "\nNewly stale waivers (1)\n  W-0042: matches no finding: 5.11 fail" in proc.stdout


def test_diff_of_the_same_snapshot_and_waivers_is_empty(snapshot_file, tmp_path):
    proc = run("diff", str(snapshot_file), str(snapshot_file), "--waivers", str(write(tmp_path, THREE)))
    assert (proc.returncode, proc.stdout.splitlines()[-1]) == (0, "no differences")


# ----------------------------------------------------------------------------- waivers check


def check(tmp_path, doc, *args: str) -> subprocess.CompletedProcess[str]:
    return run("waivers", "check", str(write(tmp_path, doc)), *args)


def test_check_of_a_good_file_exits_0(tmp_path):
    proc = check(tmp_path, waivers(waiver("W-1", ["5.11"]), attestations=[attestation(["1.2"])]), "--as-of", "2026-10-15")
    assert (proc.returncode, proc.stdout) == (0, "")
    assert proc.stderr == f"{tmp_path / 'waivers.yaml'}: 1 valid waiver, 1 valid attestation; 0 errors, 0 warnings\n"


def test_check_lists_every_problem_and_exits_1(tmp_path):
    doc = waivers({"id": "W-1", "controls": ["5.4"], "expires": "2027-01-01"},
                  waiver("W-2", ["5.99"]),
                  waiver("W-3", ["5.4"]), waiver("W-3", ["5.5"]),
                  waiver("W-4", ["5.4"], expires="2026-09-30"),
                  waiver("W-5", ["5.4"], expires="2026-10-20"),
                  waiver("W-6", ["5.4"], expires="never"),
                  attestations=[attestation(["1.2"], attested_on="2026-08-01", valid_for_days=30),
                                attestation(["4.3"], attested_on="2026-10-10")])
    proc = check(tmp_path, doc, "--as-of", "2026-10-01")
    path = tmp_path / "waivers.yaml"
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [f"{path}: {line}" for line in (
        "error: waiver W-1: reason: is required",
        "error: waiver W-1: owner: is required",
        "error: waiver W-2: unknown control id '5.99' (see 'dockerbench controls')",
        "error: waiver W-3: the id is used 2 times (ids are unique)",
        "error: waiver W-4: expired 2026-09-30 (as of 2026-10-01)",
        "warning: waiver W-5: expires 2026-10-20, within 30 days",
        'error: waiver W-6: expires: "never" needs allow_permanent: true (a waiver should end)',
        "error: attestations[0]: expired 2026-08-30 (as of 2026-10-01)",
        "error: attestations[1]: attested_on 2026-10-10 is after 2026-10-01",
    )]


def test_check_warns_about_an_end_within_the_window_and_still_exits_0(tmp_path):
    doc = waivers(waiver("W-1", ["5.4"], expires="2026-10-20"))
    assert check(tmp_path, doc, "--as-of", "2026-10-01", "--within", "1w").stdout == ""
    proc = check(tmp_path, doc, "--as-of", "2026-10-01", "--within", "3w")
    assert (proc.returncode, proc.stdout) == (0, f"{tmp_path / 'waivers.yaml'}: warning: waiver W-1: expires 2026-10-20, within 21 days\n")


def test_check_of_a_file_that_is_not_yaml(tmp_path):
    proc = check(tmp_path, "version: 1\nwaivers: [\n")
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{tmp_path / 'waivers.yaml'}: error: the waivers file is not valid YAML/JSON: ")
    assert len(proc.stdout.splitlines()) == 1


def test_check_with_a_snapshot_reports_waivers_that_match_nothing(tmp_path, snapshot_file):
    doc = waivers(waiver("W-1", ["5.11"]), waiver("W-2", ["5.7"]), waiver("W-3", ["5.11"], hosts=["prod-*"]))
    proc = check(tmp_path, doc, "--snapshot", str(snapshot_file), "--as-of", "2026-11-01",
                 "--engine", "opa" if ENGINE else "embedded")
    assert proc.returncode == 1
    path = tmp_path / "waivers.yaml"
    assert proc.stdout.splitlines() == [
        f"{path}: error: waiver W-2: matches nothing on host synthetic (5.7 pass)",
        f"{path}: warning: waiver W-3: does not apply on host synthetic: meant for hosts prod-*; this host is synthetic"]


def test_check_of_a_file_that_cannot_be_read_exits_2(tmp_path):
    proc = run("waivers", "check", str(tmp_path / "missing.yaml"))
    assert proc.returncode == 2
    assert proc.stderr == (f"dockerbench: error: {tmp_path / 'missing.yaml'}: cannot read the waivers file: "
                           "No such file or directory\n")


def test_check_refuses_a_bad_within(tmp_path):
    proc = check(tmp_path, waivers(waiver("W-1", ["5.4"])), "--within", "a month")
    assert (proc.returncode, proc.stderr) == (
        2, "dockerbench: error: --within takes a number of days such as 30d, 2w or 45, got 'a month'\n")


def test_a_finding_resource_is_never_needed_from_the_snapshot_to_match_by_name():
    """A report's resources are enough for name globs: the snapshot index only adds labels and tags."""
    policies = dockerbench.load_policies()
    finding = {"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"}, "message": "m"}
    result = decide(policies.controls["3.18"], {"violations": [finding]})
    plan = resolve(load_waivers(waivers(waiver("W-1", ["3.18"], resources=[{"kind": "file", "name": "/etc/docker/*"}]))),
                   policies)
    (after,), _ = apply([result], SNAP, plan)
    assert after.status == "waived" and after.findings[0].resource == Resource(**finding["resource"])


def test_the_readme_example_is_a_valid_waivers_file(tmp_path):
    readme = Path(f"{ROOT}/README.md").read_text(encoding="utf-8")
    section = readme.split("## Waivers and attestations", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded = load_waivers(write(tmp_path, example))
    assert [w.id for w in loaded.waivers] == ["W-0042"] and loaded.attestations[0].valid_through == date(2026, 12, 29)
    schema = json.loads(Path(f"{ROOT}/schemas/waivers.schema.json").read_text())
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(example), default=str)), schema)
