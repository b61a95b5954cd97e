"""The dockerbench command as a user runs it: exit codes, one-line errors, clean stdout."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import synthetic
from _cli import run, run_process

import dockerbench


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "host.json"
    synthetic.snapshot(7).save(path)
    return path


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("dockerbench: error: ")
    assert "Traceback" not in stderr
    return lines[0]


def test_the_real_command_exits_with_the_documented_codes_and_one_stderr_line(snapshot_file, tmp_path):
    """The other tests run the command in this process (tests/_cli.py); this one as a process
    does: 0 nothing fails, 1 a control fails, 2 bad input, 3 the daemon cannot be reached."""
    assert run_process("-q", "evaluate", str(snapshot_file), "--controls", "2.5").returncode == 0
    failing = run_process("--no-color", "evaluate", str(snapshot_file), "--controls", "5")
    assert failing.returncode == 1 and "5.4 " in failing.stdout and failing.stderr.startswith("31 controls: ")
    (tmp_path / "bad.json").write_text('{"meta": ')
    bad = run_process("evaluate", str(tmp_path / "bad.json"))
    assert bad.returncode == 2 and "bad.json" in _one_error_line(bad.stderr)
    unreachable = run_process("-q", "snapshot", "--docker-host", f"unix://{tmp_path}/none.sock")
    assert unreachable.returncode == 3 and "cannot reach the Docker daemon" in _one_error_line(unreachable.stderr)


def test_evaluate_prints_one_line_per_control_and_exits_1_on_failures(snapshot_file):
    proc = run("--no-color", "evaluate", str(snapshot_file))
    assert proc.returncode == 1
    for cid in ("1.1", "5.4", "7.9"):
        assert f"{cid} " in proc.stdout
    assert "controls:" in proc.stderr and "score" in proc.stderr  # the summary stays off stdout


def test_fail_on_never_exits_0(snapshot_file):
    assert run("-q", "evaluate", str(snapshot_file), "--fail-on", "never").returncode == 0


def test_only_passing_selection_exits_0(snapshot_file):
    proc = run("-q", "evaluate", str(snapshot_file), "--controls", "2.5")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_json_report_is_valid_and_goes_to_the_file(snapshot_file, tmp_path):
    out = tmp_path / "r.json"
    proc = run("-q", "evaluate", str(snapshot_file), "--format", "json", "-o", str(out), "--controls", "5")
    assert proc.stdout == ""
    report = dockerbench.load_report(out)
    assert {r.section for r in report.results} == {"5"}


def test_json_on_stdout_can_be_piped(snapshot_file):
    proc = run("evaluate", str(snapshot_file), "--format", "json", "--controls", "5.4")
    assert json.loads(proc.stdout)["results"][0]["id"] == "5.4"


def test_malformed_snapshot_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"meta": ')
    proc = run("evaluate", str(bad))
    assert proc.returncode == 2
    assert "bad.json" in _one_error_line(proc.stderr)


def test_unknown_control_exits_2(snapshot_file):
    proc = run("evaluate", str(snapshot_file), "--controls", "5.99")
    assert proc.returncode == 2
    assert "unknown control id '5.99'" in _one_error_line(proc.stderr)


def test_bad_params_file_exits_2(snapshot_file, tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("- just\n- a list\n")
    proc = run("evaluate", str(snapshot_file), "--params", str(params))
    assert proc.returncode == 2
    _one_error_line(proc.stderr)


def test_params_file_decides_a_parameter_control(snapshot_file, tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("min_engine_version: '24.0.0'\n")
    proc = run("-q", "evaluate", str(snapshot_file), "--params", str(params), "--controls", "1.3", "--format", "json")
    assert json.loads(proc.stdout)["results"][0]["status"] == "fail"


def test_broken_policy_dir_exits_2_naming_file_and_line(snapshot_file, tmp_path):
    (tmp_path / "org" / "lib").mkdir(parents=True)
    (tmp_path / "org" / "lib" / "x.rego").write_text("package org.x\n\nbad if {\n")
    proc = run("evaluate", str(snapshot_file), "--policy-dir", str(tmp_path / "org"))
    assert proc.returncode == 2
    assert "x.rego:" in _one_error_line(proc.stderr)


def test_unreachable_daemon_snapshot_exits_3_and_keeps_host_facts(tmp_path):
    out = tmp_path / "partial.json"
    proc = run("snapshot", "--docker-host", f"unix://{tmp_path}/none.sock", "-o", str(out))
    assert proc.returncode == 3
    line = _one_error_line(proc.stderr)
    assert "cannot reach the Docker daemon" in line and "partial snapshot written to" in line
    snap = dockerbench.load_snapshot(out)
    assert snap.containers is None and snap.host.mounts is not None
    assert any(e.kind == "engine_error" for e in snap.meta.errors)


def test_unreachable_daemon_audit_exits_3(tmp_path):
    proc = run("-q", "audit", "--docker-host", f"unix://{tmp_path}/none.sock", "--format", "json")
    assert proc.returncode == 3
    assert json.loads(proc.stdout)["counts"]["error"] > 0  # the report is still written: nothing lost
    _one_error_line(proc.stderr)


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    proc = run("--debug", "evaluate", str(bad))
    assert proc.returncode == 2 and "Traceback" in proc.stderr


def test_controls_show_one(snapshot_file):
    proc = run("--no-color", "controls", "5.4")
    assert proc.returncode == 0
    assert "Ensure privileged containers are not used" in proc.stdout and "remediation" in proc.stdout


def test_controls_list_filters_by_section():
    proc = run("controls", "--controls", "7", "--format", "json")
    assert [c["id"] for c in json.loads(proc.stdout)] == [f"7.{i}" for i in range(1, 11)]


def test_diff_of_two_reports(snapshot_file, tmp_path):
    before, after = tmp_path / "a.json", tmp_path / "b.json"
    run("-q", "evaluate", str(snapshot_file), "--format", "json", "-o", str(before))
    fewer = synthetic.snapshot(3)
    fewer_file = tmp_path / "fewer.json"
    fewer.save(fewer_file)
    run("-q", "evaluate", str(fewer_file), "--format", "json", "-o", str(after))
    proc = run("diff", str(before), str(after), "--format", "json")
    assert proc.returncode == 1
    diff = json.loads(proc.stdout)
    assert diff["resolved_findings"] and not diff["resources"]


def test_diff_of_two_snapshots_lists_resources(snapshot_file, tmp_path):
    fewer_file = tmp_path / "fewer.json"
    synthetic.snapshot(5).save(fewer_file)
    proc = run("diff", str(snapshot_file), str(fewer_file), "--format", "json")
    removed = {r["name"] for r in json.loads(proc.stdout)["resources"] if r["change"] == "removed"}
    assert removed == {"/app-5", "/app-6"}


def test_diff_of_identical_inputs_exits_0(snapshot_file):
    assert run("diff", str(snapshot_file), str(snapshot_file)).returncode == 0


def _org_control(tmp_path, body: str):
    """An organisation's policy directory with one extra control, org.x (id 8.1)."""
    org = tmp_path / "org"
    org.mkdir(exist_ok=True)
    (org / "x.rego").write_text(
        "# METADATA\n# title: An organisation's own control\n# custom:\n#   id: '8.1'\n#   section: '8'\n"
        "#   section_title: Organisation\n#   level: 1\n#   scored: true\n#   automated: true\n"
        "#   severity: low\n#   remediation: none\npackage cis_docker_1_1_0.org_x\n\n" + body)
    return org


def _statuses(snapshot_file) -> dict[str, str]:
    """Every control's status on the snapshot without an organisation's control: what the others keep."""
    proc = run("evaluate", str(snapshot_file), "--fail-on", "never", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    statuses = {r["id"]: r["status"] for r in json.loads(proc.stdout)["results"]}
    assert len(statuses) == 105
    return statuses


def test_an_engine_error_on_any_control_exits_3_whatever_fail_on(snapshot_file, tmp_path):
    org = _org_control(tmp_path, 'checked := to_number("not a number")\n')
    proc = run("evaluate", str(snapshot_file), "--policy-dir", str(org), "--fail-on", "never", "--format", "json")
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "the Rego engine failed on 1 control: 8.1" in proc.stderr
    report = json.loads(proc.stdout)  # the report is still written: nothing lost
    (org_result,) = [r for r in report["results"] if r["id"] == "8.1"]
    assert org_result["status"] == "error" and org_result["reason"].startswith("engine error: regorus failed evaluating")
    assert {r["id"]: r["status"] for r in report["results"] if r["id"] != "8.1"} == _statuses(snapshot_file)


def test_a_policy_that_does_not_terminate_is_stopped_and_the_others_decided(snapshot_file, tmp_path):
    org = _org_control(tmp_path, "checked := count([1 | some x in numbers.range(1, 200000); some y in numbers.range(1, 200000); x == y])\n")
    proc = run("evaluate", str(snapshot_file), "--policy-dir", str(org), "--timeout", "2", "--format", "json")
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    (org_result,) = [r for r in report["results"] if r["id"] == "8.1"]
    assert org_result["reason"].startswith("engine error: evaluation timed out after 2 s")
    assert {r["id"]: r["status"] for r in report["results"] if r["id"] != "8.1"} == _statuses(snapshot_file)


def test_ctrl_c_stops_an_evaluation_at_once_with_exit_130(snapshot_file, tmp_path):
    import signal
    import time

    org = _org_control(tmp_path, "checked := count([1 | some x in numbers.range(1, 200000); some y in numbers.range(1, 200000); x == y])\n")
    for engine in ("embedded", "opa"):
        proc = subprocess.Popen([sys.executable, "-m", "dockerbench.cli", "evaluate", str(snapshot_file),
                                 "--policy-dir", str(org), "--engine", engine],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(4)  # well into the runaway evaluation (the timeout is 60 s)
        proc.send_signal(signal.SIGINT)
        t = time.monotonic()
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, (engine, err)
        assert time.monotonic() - t < 5, engine
        assert err.strip() == "dockerbench: interrupted", (engine, err)


@pytest.mark.parametrize("kind", ["missing", "file", "not a root"])
def test_a_wrong_host_root_is_refused_before_anything_is_collected(tmp_path, kind):
    """A wrong root would make every file look absent and its control not applicable."""
    root = tmp_path / "root"
    if kind == "file":
        root.write_text("x")
    elif kind == "not a root":
        root.mkdir()
    proc = run("snapshot", "--host-root", str(root), "--docker-host", "unix:///nonexistent.sock")
    assert proc.returncode == 2
    expected = {"missing": "does not exist", "file": "is not a directory",
                "not a root": "is not a host's root filesystem (it has no etc/ directory)"}[kind]
    assert _one_error_line(proc.stderr) == f"dockerbench: error: host root {root} {expected}"
    assert proc.stdout == ""


def test_the_library_refuses_a_wrong_host_root_with_a_usage_error(tmp_path):
    with pytest.raises(dockerbench.UsageError, match="has no etc/ directory"):
        dockerbench.snapshot(docker_host="unix:///nonexistent.sock", host_root=tmp_path)


def test_a_policy_file_that_defines_no_control_is_warned_about_and_the_audit_goes_on(snapshot_file, tmp_path):
    org = tmp_path / "org"
    (org / "lib").mkdir(parents=True)
    (org / "lib" / "helpers.rego").write_text("package org.lib.helpers\n\nanswer := 42\n")
    (org / "forgot_metadata.rego").write_text("package org.forgot\n\nviolations contains 1 if false\n")
    proc = run("-q", "evaluate", str(snapshot_file), "--policy-dir", str(org), "--controls", "2.5")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"dockerbench: warning: {org / 'forgot_metadata.rego'} defines no control (no METADATA custom.id) "
        "and is not under a lib/ directory: it is loaded but decides nothing"]


@pytest.mark.parametrize(("control_id", "section", "problem"), [
    ("'8'", "'8'", "METADATA custom.id '8' is not a control id such as 5.4"),
    ("'8.x'", "'8'", "METADATA custom.id '8.x' is not a control id such as 5.4"),
    ("'8.1'", "'9'", "METADATA section '9' is not the section of control 8.1"),
])
def test_a_control_id_that_is_not_one_exits_2_naming_file_and_line(snapshot_file, tmp_path, control_id, section, problem):
    org = tmp_path / "org"
    org.mkdir()
    (org / "x.rego").write_text(
        f"# METADATA\n# title: t\n# custom:\n#   id: {control_id}\n#   section: {section}\n#   section_title: s\n"
        "#   level: 1\n#   scored: true\n#   automated: true\n#   severity: low\n#   remediation: r\n"
        "package cis_docker_1_1_0.org_x\n\nchecked := 1\n")
    proc = run("evaluate", str(snapshot_file), "--policy-dir", str(org))
    assert proc.returncode == 2
    assert _one_error_line(proc.stderr) == f"dockerbench: error: {org / 'x.rego'}:12: {problem}"


@pytest.mark.parametrize("selector", ["5", "5.*", "5.1?"])
def test_controls_with_a_section_or_a_glob_lists_all_of_them(selector):
    proc = run("controls", selector, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    ids = [row["id"] for row in json.loads(proc.stdout)]
    expected = {"5": [f"5.{i}" for i in range(1, 32)], "5.*": [f"5.{i}" for i in range(1, 32)],
                "5.1?": [f"5.{i}" for i in range(10, 20)]}[selector]
    assert ids == expected


def test_controls_with_an_id_shows_that_control():
    proc = run("controls", "5.4", "--format", "json")
    assert json.loads(proc.stdout)["id"] == "5.4"


@pytest.mark.parametrize("selection", [",", " , "])
def test_a_selection_that_names_no_control_is_refused(snapshot_file, selection):
    proc = run("evaluate", str(snapshot_file), "-c", selection)
    assert proc.returncode == 2
    assert _one_error_line(proc.stderr) == (
        f"dockerbench: error: the selection {selection!r} names no control (ids 5.4, sections 5, globs 5.*)")


def test_an_output_in_a_missing_directory_is_refused_before_the_audit(tmp_path):
    out = tmp_path / "nonexistent" / "report.json"
    proc = run("audit", "-o", str(out), "--docker-host", "unix:///nonexistent.sock")
    assert proc.returncode == 2
    assert _one_error_line(proc.stderr) == f"dockerbench: error: cannot write {out}: {out.parent} is not a directory"


def test_evaluate_dash_reads_the_snapshot_from_stdin(snapshot_file):
    proc = run_process("-q", "evaluate", "-", "--controls", "5.4", "--format", "json", input=snapshot_file.read_text())
    assert proc.returncode == 1, proc.stderr  # app-3 is privileged
    assert [(r["id"], r["status"]) for r in json.loads(proc.stdout)["results"]] == [("5.4", "fail")]
    bad = run_process("evaluate", "-", input="{}")
    assert bad.returncode == 2
    assert _one_error_line(bad.stderr).startswith("dockerbench: error: <stdin>: not a valid snapshot: meta: Field required")


# ----------------------------------------------------------------------------- score n/a

#: On synthetic.snapshot(7): 3.9 is not applicable (scored), 4.8 passes (not scored), so no
#: scored control is decided.
UNSCORED = ("--controls", "3.9,4.8")


def test_no_scored_control_decided_is_score_null_in_json(snapshot_file):
    proc = run("-q", "evaluate", str(snapshot_file), *UNSCORED, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["score"] == {"passed": 0, "considered": 0, "percent": None, "waived": 0}


def test_no_scored_control_decided_is_score_na_in_the_summary_line_and_the_table(snapshot_file):
    proc = run("--no-color", "evaluate", str(snapshot_file), *UNSCORED)
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"2 controls: 1 pass, 0 fail, 0 warn, 0 manual, 1 n/a, 0 error; score n/a \(embedded \(.*\)\)\n",
                        proc.stderr), proc.stderr
    assert "Score n/a (no scored control was decided)" in proc.stdout
    assert "100.0" not in proc.stdout + proc.stderr


# ----------------------------------------------------------------------------- global flags


def _with_flag(flag: str, where: str, verb: str, *args: str) -> list[str]:
    """``dockerbench FLAG VERB ARGS`` (before) or ``dockerbench VERB ARGS FLAG`` (after)."""
    return [flag, verb, *args] if where == "before" else [verb, *args, flag]


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_before_or_after_the_verb_leaves_stderr_empty(snapshot_file, where):
    proc = run(*_with_flag("--quiet", where, "evaluate", str(snapshot_file), "--controls", "2.5"))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert run(*_with_flag("-q", where, "evaluate", str(snapshot_file), "--controls", "2.5")).stderr == ""


def test_without_quiet_the_summary_is_on_stderr(snapshot_file):
    assert run("evaluate", str(snapshot_file), "--controls", "2.5").stderr.startswith("1 controls: 1 pass")


@pytest.mark.parametrize("where", ["before", "after"])
def test_no_color_before_or_after_the_verb_drops_the_colours(snapshot_file, where):
    env = {**os.environ, "FORCE_COLOR": "1"}  # rich colours a pipe only when forced
    coloured = run("evaluate", str(snapshot_file), "--controls", "2.5", env=env)
    assert "\x1b[32mPass" in coloured.stdout  # pass is green
    plain = run(*_with_flag("--no-color", where, "evaluate", str(snapshot_file), "--controls", "2.5"), env=env)
    assert plain.returncode == 0 and "Pass" in plain.stdout and "\x1b[32m" not in plain.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_before_or_after_the_verb_shows_the_traceback(tmp_path, where):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    proc = run(*_with_flag("--debug", where, "evaluate", str(bad)))
    assert proc.returncode == 2 and "Traceback" in proc.stderr
    assert "Traceback" not in run("evaluate", str(bad)).stderr


@pytest.mark.parametrize("verb", ["snapshot", "audit", "evaluate", "controls", "diff"])
def test_every_verb_lists_the_global_flags_in_its_help(verb):
    out = run(verb, "--help").stdout
    assert all(flag in out for flag in ("-q, --quiet", "--no-color", "--debug")), out


def test_junit_follows_fail_on_warn(snapshot_file):
    """A warn finding fails the run with --fail-on warn, so it is a failed testcase too."""
    import xml.etree.ElementTree as ET

    def failures(*extra: str) -> int:
        proc = run("-q", "evaluate", str(snapshot_file), "--controls", "2.7", "--format", "junit", *extra)
        return len(ET.fromstring(proc.stdout).findall(".//testcase/failure")), proc.returncode

    assert failures() == (0, 0)
    warned, code = failures("--fail-on", "warn")
    assert warned > 0 and code == 1
