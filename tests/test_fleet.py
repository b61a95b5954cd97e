"""The fleet report without a swarm: the matrix, worst status, failing hosts and drift of real
evaluations, its formats (JSON with its schema, CSV, pandas, HTML in Chromium, the table), the
framed snapshot a swarm task writes and how each node's answer is judged, and the CLI's
``evaluate SNAPSHOT...`` and ``fleet`` exit codes.

Three hosts are evaluated once per module: ``clean`` (no privileged container, icc off),
``dirty`` (a privileged container, icc on by default) and ``twin`` (clean, but another host's
hostname: the names must be told apart).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from test_formats_data import HOSTILE, HOSTILE_SHOWN, RAW_CONTROLS, SCRIPT, small_snapshot
from test_formats_html import chromium, driven, dump_dom, ink, screenshot, seen_by, visible  # noqa: F401 - chromium is a fixture

import dockerbench
from dockerbench import FleetReport, Snapshot
from dockerbench._fleet import load_fleet_report
from dockerbench._fleet_swarm import LINE_WIDTH, _host, frame, service_spec, unframe
from dockerbench._snapshot import ConfigFile, Swarm
from dockerbench.report.fleet import render_fleet

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "fleet.schema.json"
CONTROLS = ["2.1", "4.1", "5.4", "5.10"]  # in benchmark order


def engine() -> str | None:
    """Real OPA in-process when installed (fast to start), else the embedded engine."""
    try:
        dockerbench.make_engine("opa").close()
        return "opa"
    except dockerbench.DockerbenchError:
        return None


def host(name: str, *, privileged: bool, icc: bool, node_id: str | None = None) -> Snapshot:
    """small_snapshot() as host ``name``: its one container privileged or not, dockerd's --icc."""
    snap = small_snapshot()
    flags = {"host": ["fd://"], **({} if icc else {"icc": ["false"]})}
    argv = ["/usr/bin/dockerd", "-H", "fd://", *([] if icc else ["--icc=false"])]
    containers = [c.model_copy(update={"privileged": privileged, "name": f"web-{name}"}) for c in snap.containers or []]
    return snap.model_copy(update={
        "meta": snap.meta.model_copy(update={"hostname": name}),
        "daemon": snap.daemon.model_copy(update={"argv": argv, "flags": flags, "config_file": ConfigFile(
            path="/etc/docker/daemon.json", state="absent")}),
        "containers": containers,
        "swarm": Swarm(local_node_state="active", node_id=node_id) if node_id else None})


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("fleet")
    paths = {}
    for name, snap in {"clean": host("clean", privileged=False, icc=False),
                       "dirty": host("dirty", privileged=True, icc=True),
                       "twin": host("clean", privileged=False, icc=False)}.items():
        paths[name] = out / f"{name}.json"
        snap.save(paths[name])
    (out / "garbled.json").write_text('{"meta": {"hostname": "half')
    paths["garbled"] = out / "garbled.json"
    return paths


@pytest.fixture(scope="module")
def fleet(snapshots) -> FleetReport:
    return dockerbench.evaluate_fleet([snapshots["clean"], snapshots["dirty"], snapshots["twin"]],
                                      controls=CONTROLS, engine=engine())


@pytest.fixture(scope="module")
def with_error(snapshots) -> FleetReport:
    return dockerbench.evaluate_fleet([snapshots["clean"], snapshots["garbled"], snapshots["dirty"]],
                                      controls=CONTROLS, engine=engine())


# ----------------------------------------------------------------------------- the model


def test_hosts_sharing_a_hostname_are_told_apart_by_their_file(fleet, snapshots):
    assert [h.name for h in fleet.hosts] == [f"clean ({snapshots['clean']})", "dirty", f"clean ({snapshots['twin']})"]
    assert [h.hostname for h in fleet.hosts] == ["clean", "dirty", "clean"]


def test_matrix_has_every_host_for_every_control(fleet):
    clean, dirty, twin = (h.name for h in fleet.hosts)
    assert list(fleet.matrix) == CONTROLS
    assert fleet.matrix["5.4"] == {clean: "pass", dirty: "fail", twin: "pass"}
    assert fleet.matrix["2.1"] == {clean: "pass", dirty: "fail", twin: "pass"}


def test_the_misconfigured_host_alone_fails_its_controls(fleet):
    dirty = fleet.host("dirty")
    assert fleet.failing_hosts("5.4") == ["dirty"] and fleet.failing_hosts("2.1") == ["dirty"]
    assert [f.resource.name for f in dirty.report.result("5.4").findings] == ["web-dirty"]


def test_worst_status_is_the_worst_over_the_hosts(fleet):
    assert fleet.worst("5.4") == "fail" and fleet.worst("2.1") == "fail"
    assert fleet.worst("4.1") == fleet.matrix["4.1"][fleet.hosts[0].name]  # the same on every host
    assert sum(fleet.counts.values()) == len(CONTROLS) and fleet.counts["fail"] >= 2


def test_drift_lists_the_controls_whose_status_differs_between_hosts(fleet):
    assert set(fleet.drift) == {"2.1", "5.4"}
    assert not fleet.control("4.1").drift


def test_an_unreadable_snapshot_is_a_host_in_error_never_a_pass(with_error, snapshots):
    bad = with_error.hosts[1]
    assert (bad.ok, bad.report, bad.error.kind, bad.name) == (False, None, "unreadable", str(snapshots["garbled"]))
    assert "not a valid snapshot" in bad.error.message and bad.error.exit_code == 2
    assert all(c.statuses[bad.name] == "error" and bad.name in c.error_hosts for c in with_error.controls)
    assert {c.worst for c in with_error.controls} == {"error"}  # a control is never fleet-wide pass with a host missing
    assert with_error.control("5.4").worst_answered == "fail"
    assert with_error.errors == [bad] and set(with_error.reports) == {"clean", "dirty"}


def test_drift_is_judged_between_the_hosts_that_answered(with_error):
    assert set(with_error.drift) == {"2.1", "5.4"}


def test_no_host_answering_still_gives_a_report_of_errors(snapshots):
    report = dockerbench.evaluate_fleet([snapshots["garbled"], b"{}"], controls=CONTROLS, engine=engine())
    assert [h.error.kind for h in report.hosts] == ["unreadable", "unreadable"]
    assert report.controls == [] and report.benchmark.startswith("CIS Docker")


def test_same_options_as_evaluate_apply_to_every_host(snapshots):
    waivers = {"version": 1, "waivers": [{"id": "W-1", "controls": ["5.4"], "hosts": ["dirty"], "reason": "lab",
                                          "owner": "ops@example.com", "expires": "2099-01-01"}]}
    report = dockerbench.evaluate_fleet([snapshots["clean"], snapshots["dirty"]], controls=["5"], exclude=["5.10"],
                                        waivers=waivers, engine=engine())
    assert report.matrix["5.4"] == {"clean": "pass", "dirty": "waived"}
    assert "5.10" not in report.matrix and all(c.section == "5" for c in report.controls)


# ----------------------------------------------------------------------------- formats


def test_json_validates_against_the_published_schema_and_round_trips(with_error, tmp_path):
    doc = json.loads(render_fleet(with_error, "json"))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    with_error.save(tmp_path / "fleet.json")
    assert load_fleet_report(tmp_path / "fleet.json") == with_error


def test_csv_has_one_row_per_host_and_finding_and_one_per_host_in_error(with_error):
    rows = list(csv.DictReader(io.StringIO(render_fleet(with_error, "csv"))))
    per_host = {h.name: len(h.report.to_pandas()) if h.report else 1 for h in with_error.hosts}
    assert {n: sum(1 for r in rows if r["host"] == n) for n in per_host} == per_host
    bad = [r for r in rows if r["host_status"] == "error"]
    assert len(bad) == 1 and bad[0]["status"] == "error" and bad[0]["host_error"].startswith("unreadable: ")
    dirty = [r for r in rows if r["host"] == "dirty" and r["control_id"] == "5.4"]
    assert [(r["status"], r["resource_name"]) for r in dirty] == [("fail", "web-dirty")]


def test_to_pandas_has_one_row_per_host_and_finding(with_error):
    df = with_error.to_pandas()
    assert list(df.columns[:3]) == ["host", "host_status", "host_error"]
    assert len(df) == sum(len(h.report.to_pandas()) if h.report else 1 for h in with_error.hosts)
    failing = df[(df.control_id == "5.4") & (df.finding_status == "fail")]
    assert list(failing.host) == ["dirty"]
    bad = df[df.host_status == "error"]
    assert len(bad) == 1 and bad.iloc[0].status == "error" and bad.iloc[0].control_id is None


def test_table_shows_each_host_column_worst_and_drift(fleet):
    text = render_fleet(fleet, "table")
    assert "fleet of 3 hosts (3 answered, 0 in error)" in text
    row = next(line for line in text.splitlines() if line.startswith("│ 5.4 "))
    assert row.split("│")[2].strip() == "Fail" and "FAIL" in row and "drift" in row


def test_html_is_self_contained_and_shows_the_matrix(with_error):
    html = render_fleet(with_error, "html")
    assert "default-src 'none'" in html and "http://" not in html.replace("http://www.w3.org", "")
    assert 'id="control-5.4" data-status="fail" data-drift="yes"' in html  # filtered by the worst of the answers
    assert "unreadable: " in html and "not audited" in html


def test_hostile_host_names_are_shown_escaped_in_every_human_format(snapshots, tmp_path):
    evil = tmp_path / "evil.json"
    host(SCRIPT + HOSTILE, privileged=True, icc=True).save(evil)
    report = dockerbench.evaluate_fleet([evil, snapshots["clean"]], controls=["5.4"], engine=engine())
    for fmt in ("html", "csv", "table"):
        text = render_fleet(report, fmt)
        assert not [c for c in RAW_CONTROLS if c in text], fmt
        assert (HOSTILE_SHOWN if fmt != "table" else HOSTILE_SHOWN[:12]) in text, fmt  # the table folds long names
    assert SCRIPT not in render_fleet(report, "html")


def test_fleet_page_renders_in_chromium(chromium, with_error, fleet, tmp_path, record_property):  # noqa: F811
    page = tmp_path / "fleet.html"
    page.write_text(render_fleet(with_error, "html"), encoding="utf-8")
    png = screenshot(chromium, tmp_path, page, tmp_path / "fleet.png", size="1280,1600")
    record_property("screenshot", str(png))
    print(f"\nHTML fleet report screenshot: {png}")
    colours, share = ink(png)
    assert colours >= 16 and share >= 0.05, f"screenshot looks blank: {colours} colours, {share:.1%} ink"
    dom = dump_dom(chromium, tmp_path, page)
    assert 'data-js="ready"' in dom and dom.count('class="control"') == len(CONTROLS)


DRIFT_STEPS = """(function () {
  var seen = {};
  document.getElementById("drift-only").click();
  seen.drift = document.getElementById("shown").textContent;
  document.getElementById("drift-only").click();
  document.querySelector('[data-filter="fail"]').click();
  seen.fail = document.getElementById("shown").textContent;
  document.documentElement.setAttribute("data-seen", JSON.stringify(seen));
})();"""


def test_the_fleet_filter_shows_the_drifting_controls_and_a_worst_status(chromium, fleet, tmp_path):  # noqa: F811
    """In Chromium: "show drift only" leaves the drifting controls; a status tile, after it is undone,
    the controls whose worst status over the hosts that answered is that one."""
    page = tmp_path / "driven-fleet.html"
    page.write_text(driven(render_fleet(fleet, "html"), DRIFT_STEPS), encoding="utf-8")
    dom = dump_dom(chromium, tmp_path, page)
    seen = seen_by(dom)
    failing = {c.id for c in fleet.controls if (c.worst_answered or c.worst) == "fail"}
    assert fleet.drift and int(seen["drift"]) == len(fleet.drift)
    assert failing and visible(dom, "tr") == failing and int(seen["fail"]) == len(failing)


# ----------------------------------------------------------------------------- the framed snapshot


def test_frame_round_trips_among_other_log_lines():
    snap = host("n1", privileged=False, icc=False)
    lines = ["starting", *frame(snap).splitlines(), "done"]
    assert unframe(lines) == snap
    assert all(len(line.split(" ")[-1]) <= LINE_WIDTH for line in lines)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda ls: [], "no snapshot frame in the output"),
    (lambda ls: ls[:-3], "cut short"),
    (lambda ls: ls[:2] + ls[3:], "is missing"),
    (lambda ls: [*ls[:2], ls[2], *ls[2:]], "line 2 twice"),
    (lambda ls: [*ls[:2], ls[2][:-4] + "%%%%", *ls[3:]], "garbled line"),
    (lambda ls: [*ls[:2], ls[2][:-4] + ("AAAA" if not ls[2].endswith("AAAA") else "BBBB"), *ls[3:]], "does not decode|checksum"),
    (lambda ls: [ls[0].replace("sha256=", "sha256=0")[:-1], *ls[1:]], "checksum"),
])
def test_a_damaged_frame_is_a_snapshot_error(edit, message):
    lines = frame(host("n1", privileged=False, icc=False)).splitlines()
    with pytest.raises(dockerbench.SnapshotError, match=message):
        unframe(edit(lines))


def test_a_framed_document_that_is_no_snapshot_is_refused():
    import base64
    import gzip
    import hashlib

    data = b'{"meta": {}}'
    body = base64.b64encode(gzip.compress(data)).decode()
    lines = [f"dockerbench-snapshot-v1 begin lines=1 sha256={hashlib.sha256(data).hexdigest()}",
             f"dockerbench-snapshot-v1 1 {body}", "dockerbench-snapshot-v1 end"]
    with pytest.raises(dockerbench.SnapshotError, match="not a valid snapshot"):
        unframe(lines)


def test_snapshot_framed_writes_the_frame_fleet_reads(tmp_path):
    (tmp_path / "etc").mkdir()
    proc = subprocess.run([sys.executable, "-m", "dockerbench.cli", "-q", "snapshot", "--framed", "--no-image-scan",
                           "--docker-host", f"unix://{tmp_path}/none.sock", "--host-root", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr  # no daemon there: the partial snapshot, framed, then exit 3
    assert unframe(proc.stdout.splitlines()).meta.host_root == str(tmp_path)


# ----------------------------------------------------------------------------- a node's answer


NODE = {"ID": "n" * 25, "Description": {"Hostname": "node-1"}, "Spec": {"Role": "worker", "Availability": "active"},
        "Status": {"State": "ready"}}


def task(state: str, **status) -> dict:
    return {"ID": "t" * 25, "NodeID": NODE["ID"], "CreatedAt": "2026-12-02T20:30:25.345944777Z",
            "Status": {"State": state, "Timestamp": "2026-12-02T20:30:41.453795322Z", **status}}


def test_a_completed_task_with_its_nodes_snapshot_is_an_answer():
    snap = host("node-1", privileged=False, icc=False, node_id=NODE["ID"])
    entry = _host(NODE, [task("complete")], {"t" * 25: frame(snap).splitlines()}, {}, 60)
    assert (entry.error, entry.snapshot, entry.role, entry.task_seconds) == (None, snap, "worker", 16.108)


@pytest.mark.parametrize(("node", "tasks", "out", "err", "kind", "message"), [
    ({**NODE, "Status": {"State": "down"}}, [], {}, {}, "no_task", "node is down: swarm scheduled no task there"),
    ({**NODE, "Spec": {"Role": "worker", "Availability": "drain"}}, [], {}, {}, "no_task", "availability is drain"),
    (NODE, [], {}, {}, "timeout", "no answer within 60 s (task state: none)"),
    (NODE, [task("running")], {}, {}, "timeout", "(task state: running)"),
    (NODE, [task("rejected", Err="No such image: dockerbench:latest")], {}, {}, "task_failed",
     "task rejected: No such image: dockerbench:latest"),
    (NODE, [task("failed", Err="task: non-zero exit (3)", ContainerStatus={"ExitCode": 3})], {},
     {"t" * 25: ["dockerbench: error: Docker daemon at unix:///var/run/docker.sock is unreachable", ""]},
     "task_failed", "task failed: task: non-zero exit (3); its last error line: dockerbench: error: Docker daemon"),
    (NODE, [task("complete")], {"t" * 25: ["hello"]}, {}, "garbled", "no snapshot frame in the output"),
    (NODE, [task("complete")], {"t" * 25: frame(host("x", privileged=False, icc=False, node_id="o" * 25)).splitlines()},
     {}, "garbled", "is of node oooooooooooo's daemon, not this node's"),
])
def test_a_node_that_did_not_answer_is_a_host_error(node, tasks, out, err, kind, message):
    entry = _host(node, tasks, out, err, 60)
    assert entry.snapshot is None and entry.error is not None
    assert entry.error.kind == kind and message in entry.error.message, entry.error.message
    assert entry.hostname == "node-1" and entry.node_id == NODE["ID"]


def test_the_job_runs_snapshot_read_only_with_two_capabilities():
    spec = service_spec("dockerbench-fleet-x", "dockerbench:latest", "/var/run/docker.sock", True)
    container = spec["task_template"]["ContainerSpec"]
    assert spec["mode"] == {"GlobalJob": {}} and spec["task_template"]["RestartPolicy"]["Condition"] == "none"
    assert container["Args"][:3] == ["snapshot", "--host-root", "/host"] and "--framed" in container["Args"]
    assert (container["User"], container["ReadOnly"], container["Hostname"]) == ("0", True, "{{.Node.Hostname}}")
    assert (container["CapabilityDrop"], container["CapabilityAdd"]) == (["ALL"], ["CAP_DAC_READ_SEARCH", "CAP_SYS_PTRACE"])
    assert [(m["Target"], m["Source"], m["ReadOnly"]) for m in container["Mounts"]] == [
        ("/host", "/", True), ("/var/run/docker.sock", "/var/run/docker.sock", False)]
    assert "Privileges" not in container  # API 1.41: services have no no-new-privileges yet
    newer = service_spec("x", "dockerbench:latest", "/var/run/docker.sock", False, "1.45")["task_template"]
    assert newer["ContainerSpec"]["Privileges"] == {"NoNewPrivileges": True}
    assert newer["ContainerSpec"]["Args"][-1] == "--no-image-scan"


# ----------------------------------------------------------------------------- the CLI


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dockerbench.cli", *args], capture_output=True, text=True, timeout=300)


def test_evaluate_with_several_snapshots_gives_the_fleet_report(snapshots):
    proc = run("-q", "evaluate", str(snapshots["clean"]), str(snapshots["dirty"]), "--controls", "5.4,2.1",
               "--format", "json")
    assert proc.returncode == 1, proc.stderr  # dirty fails
    doc = json.loads(proc.stdout)
    assert [c["failing_hosts"] for c in doc["controls"]] == [["dirty"], ["dirty"]]
    assert run("-q", "evaluate", str(snapshots["clean"]), str(snapshots["dirty"]), "--controls", "5.4",
               "--fail-on", "never").returncode == 0


def test_evaluate_with_an_unreadable_snapshot_among_several_reports_it_and_exits_2(snapshots):
    proc = run("evaluate", str(snapshots["clean"]), str(snapshots["garbled"]), "--controls", "5.4", "--fail-on", "never")
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("dockerbench: error: ")]
    assert len(errors) == 1 and errors[0].startswith(
        f"dockerbench: error: host {snapshots['garbled']} was not audited: unreadable: {snapshots['garbled']}: "
        "not a valid snapshot: (document): Invalid JSON: EOF while parsing a string"), errors
    assert "2 hosts: 1 answered, 1 in error" in proc.stderr and " ERR " in proc.stdout


def test_evaluate_of_several_snapshots_refuses_a_single_host_format(snapshots):
    proc = run("evaluate", str(snapshots["clean"]), str(snapshots["dirty"]), "--format", "sarif")
    assert proc.returncode == 2 and "takes one snapshot" in proc.stderr


def test_fleet_against_an_unreachable_manager_exits_3(tmp_path):
    proc = run("fleet", "--docker-host", f"unix://{tmp_path}/none.sock", "--controls", "5.4")
    assert proc.returncode == 3
    assert proc.stderr.strip().endswith("is unreachable: No such file or directory"), proc.stderr
