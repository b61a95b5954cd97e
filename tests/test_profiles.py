"""Benchmarks as profiles: each profile file is valid, lists its benchmark's controls, names the
check that decides each, and a carried-over control decides exactly as its v1.1.0 ancestor.

The ancestor of a profile's control is the cis-docker-1.1.0 control whose package its ``check``
names; the table-driven test below compares every such pair on every fixture snapshot.
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
import synthetic
import yaml

import dockerbench
from dockerbench import PolicyError, UsageError
from dockerbench._profiles import NOT_DECIDED_REASON, load_profile, profile_dir
from dockerbench.report import render

ROOT = Path(__file__).resolve().parent.parent
PROFILE_FILES = sorted((ROOT / "profiles").glob("*.yaml"))
V1_1_0 = dockerbench.load_policies()
BY_PACKAGE = {c.package: c for c in V1_1_0.controls.values()}
FIXTURES = synthetic.fixtures()


def ids(*groups: tuple[str, int]) -> list[str]:
    return [f"{prefix}.{n}" for prefix, count in groups for n in range(1, count + 1)]


#: The recommendations of each benchmark (cis-docker-1.8.0.md in the steering notes; docker-bench-security
#: HEAD for v1.6.0): v1.8.0 adds 2.7 (devicemapper) to v1.6.0.
EXPECTED_IDS = {
    "cis-docker-1.6.0": ids(("1.1", 18), ("1.2", 2), ("2", 18), ("3", 24), ("4", 12), ("5", 32), ("6", 2), ("7", 9)),
    "cis-docker-1.8.0": ids(("1.1", 18), ("1.2", 2), ("2", 19), ("3", 24), ("4", 12), ("5", 32), ("6", 2), ("7", 9)),
}

#: Controls new since v1.1.0: no v1.1.0 check decides them, each has its own in policies/cis_docker_1_8_0, which
#: v1.6.0 shares (the same id and decision in both benchmarks).
NEW = {"1.1.4", "1.1.8", "1.1.12", "1.1.13", "1.1.15", "1.1.16", "1.1.17", "2.1", "3.21", "3.22", "3.23", "3.24",
       "4.12"}
NEW_IN = {"cis-docker-1.6.0": NEW, "cis-docker-1.8.0": NEW | {"2.7"}}


def own_check(cid: str) -> str:
    return "cis_docker_1_8_0.c" + cid.replace(".", "_")


#: Controls that decide differently from every v1.1.0 control, or that no v1.1.0 control decides: their own rule.
OWN_RULES = {"cis-docker-1.8.0": {cid: own_check(cid) for cid in NEW_IN["cis-docker-1.8.0"] | {"1.1.9"}},
             "cis-docker-1.6.0": {cid: own_check(cid) for cid in NEW_IN["cis-docker-1.6.0"]}}

#: What the new controls decide on the busy-host fixture (a root daemon with overlay2 on Engine 20.10, audit
#: rules for dockerd and daemon.json only, containerd's socket root:root 0660, no /etc/sysconfig/docker, only
#: the runc v2 shim installed, images pulled and built).
NEW_ON_BUSY_HOST = {
    "1.1.4": "fail", "1.1.8": "fail", "1.1.12": "fail", "1.1.13": "not_applicable", "1.1.15": "not_applicable",
    "1.1.16": "not_applicable", "1.1.17": "fail", "2.1": "warn", "2.7": "pass", "3.21": "not_applicable",
    "3.22": "not_applicable", "3.23": "pass", "3.24": "pass", "4.12": "manual",
}


def v1_6_0_to_v1_8_0(cid: str) -> str:
    """v1.8.0 inserts 2.7 (devicemapper): v1.6.0's 2.7-2.18 are 2.8-2.19; every other id is kept."""
    section, number, *rest = cid.split(".")
    if section == "2" and int(number) >= 7 and not rest:
        return f"2.{int(number) + 1}"
    return cid


@functools.cache
def report(benchmark: str, fixture: str) -> dockerbench.Report:
    return dockerbench.evaluate(FIXTURES[fixture], benchmark=benchmark)


def carried_over(benchmark: str) -> list[tuple[str, str]]:
    """(control id, the v1.1.0 ancestor's id) for every control whose check is a v1.1.0 control."""
    policies = dockerbench.load_policies(benchmark=benchmark)
    return [(c.id, BY_PACKAGE[c.package].id) for c in policies.ordered() if c.package in BY_PACKAGE]


def decision(result: dockerbench.ControlResult) -> dict:
    """What a check decided, without the control's identity (findings without their control id)."""
    return {"status": result.status, "reason": result.reason, "evidence": result.evidence, "missing": result.missing,
            "findings": [f.model_dump(exclude={"control_id"}) for f in result.findings]}


# ----------------------------------------------------------------------------- the files


@pytest.mark.parametrize("path", PROFILE_FILES, ids=lambda p: p.stem)
def test_profile_file_is_valid_against_the_published_schema(path: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "profile.schema.json").read_text())
    jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    assert load_profile(path.stem).id == path.stem


def test_the_benchmarks_are_the_built_in_one_and_the_profile_files() -> None:
    assert dockerbench.available_benchmarks() == ["cis-docker-1.1.0", "cis-docker-1.6.0", "cis-docker-1.8.0"]
    assert {b: len(dockerbench.load_policies(benchmark=b).controls) for b in dockerbench.available_benchmarks()} == {
        "cis-docker-1.1.0": 105, "cis-docker-1.6.0": 117, "cis-docker-1.8.0": 118}


@pytest.mark.parametrize("profile", sorted(EXPECTED_IDS))
def test_a_profile_lists_exactly_its_benchmarks_controls_in_order(profile: str) -> None:
    assert [c.id for c in load_profile(profile).controls] == EXPECTED_IDS[profile]


@pytest.mark.parametrize("profile", sorted(EXPECTED_IDS))
def test_carried_over_checks_follow_the_v1_6_0_aliases_of_the_v1_1_0_metadata(profile: str) -> None:
    """An independent derivation of the map: v1.1.0 METADATA names each control's v1.6.0 id."""
    to_id = (lambda a: a) if profile == "cis-docker-1.6.0" else v1_6_0_to_v1_8_0
    expected = {to_id(c.cis_v1_6_0): c.package for c in V1_1_0.controls.values() if c.cis_v1_6_0}
    for cid in OWN_RULES[profile]:
        expected[cid] = OWN_RULES[profile][cid]
    got = {c.id: c.check for c in load_profile(profile).controls if c.check is not None}
    assert got == expected


@pytest.mark.parametrize("profile", sorted(EXPECTED_IDS))
def test_every_control_of_the_shipped_profiles_is_decided_by_a_check(profile: str) -> None:
    assert [c.id for c in load_profile(profile).controls if c.check is None] == []


def test_a_profiles_own_checks_are_used_and_not_copies_of_a_v1_1_0_check() -> None:
    own = sorted((ROOT / "policies" / "cis_docker_1_8_0").rglob("*.rego"))
    modules = [p for p in own if not p.name.endswith("_test.rego")]
    used = {c.check for path in PROFILE_FILES for c in load_profile(path.stem).controls}
    v110_bodies = {_body(Path(c.file).read_text()) for c in V1_1_0.controls.values()}
    for module in modules:
        source = module.read_text()
        package = re.search(r"^package ([\w.]+)", source, re.M).group(1)
        assert package in used, f"{module} decides no control of any profile"
        assert "\n#   id:" not in source, f"{module}: the profile, not METADATA, says which control it decides"
        assert _body(source) not in v110_bodies, f"{module} is a copy of a v1.1.0 check: share it instead"


def _body(source: str) -> str:
    """The Rego after the package line, without comments and blank lines."""
    after = source[source.index("\npackage ") + 1:].split("\n", 1)[1]
    return "\n".join(line for line in after.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def test_the_v1_8_0_level_and_automation_placeholders_are_exactly_the_unsourced_ones() -> None:
    """The closing notes list these; each says so in a note."""
    profile = load_profile("cis-docker-1.8.0")
    assert {c.id for c in profile.controls if c.level_source == "unknown"} == {"2.7", "3.23", "3.24", "4.12"}
    assert {c.id for c in profile.controls if c.automated_source == "unknown"} == {"2.7"}
    for c in profile.controls:
        if "unknown" in (c.level_source, c.automated_source):
            assert c.note and "no public source" in c.note, c.id


# ----------------------------------------------------------------------------- carried-over decisions


@pytest.mark.parametrize(("profile", "cid", "ancestor"),
                         [(b, cid, a) for b in sorted(EXPECTED_IDS) for cid, a in carried_over(b)],
                         ids=lambda v: str(v))
def test_a_carried_over_control_decides_as_its_v1_1_0_ancestor_on_every_fixture(profile: str, cid: str,
                                                                                ancestor: str) -> None:
    for fixture in FIXTURES:
        mine, theirs = report(profile, fixture).result(cid), report("cis-docker-1.1.0", fixture).result(ancestor)
        assert decision(mine) == decision(theirs), f"{fixture}: {profile} {cid} vs cis-docker-1.1.0 {ancestor}"
        assert {f.control_id for f in mine.findings} <= {cid}


@pytest.mark.parametrize("profile", sorted(EXPECTED_IDS))
def test_every_control_of_the_profile_is_in_its_report_with_the_profiles_metadata(profile: str) -> None:
    rep = report(profile, "busy-host")
    policies = dockerbench.load_policies(benchmark=profile)
    assert [r.id for r in rep.results] == [c.id for c in policies.ordered()]
    for r in rep.results:
        c = policies.controls[r.id]
        assert (r.title, r.section, r.section_title, r.level, r.scored, r.automated, r.severity, r.level_source) == (
            c.title, c.section, c.section_title, c.level, c.scored, c.automated, c.severity, c.level_source)
    assert (rep.benchmark_id, rep.benchmark) == (profile, load_profile(profile).title)


@pytest.mark.parametrize("profile", sorted(EXPECTED_IDS))
def test_the_new_controls_are_decided_from_the_facts(profile: str) -> None:
    rep = report(profile, "busy-host")
    assert {cid: rep.result(cid).status for cid in NEW_IN[profile]} == {
        cid: status for cid, status in NEW_ON_BUSY_HOST.items() if cid in NEW_IN[profile]}
    assert NOT_DECIDED_REASON not in {r.reason for f in FIXTURES for r in report(profile, f).results}


def test_a_new_control_decides_alike_under_v1_6_0_and_v1_8_0_on_every_fixture() -> None:
    for fixture in FIXTURES:
        for cid in NEW:
            v160, v180 = report("cis-docker-1.6.0", fixture).result(cid), report("cis-docker-1.8.0", fixture).result(cid)
            assert decision(v160) == decision(v180), f"{fixture}: {cid}"


def test_a_new_control_whose_facts_were_not_collected_is_an_error_never_a_pass() -> None:
    rep = report("cis-docker-1.8.0", "engine-unreachable")
    assert {cid: rep.result(cid).status for cid in ("2.1", "2.7", "4.12")} == dict.fromkeys(("2.1", "2.7", "4.12"), "error")
    older = FIXTURES["busy-host"].model_copy(update={"files": [f for f in FIXTURES["busy-host"].files
                                                                 if not f.role.startswith(("containerd_", "run_"))]})
    old = dockerbench.evaluate(older, benchmark="cis-docker-1.8.0", controls=["1.1.4", "1.1.8", "3.23", "3.24"])
    assert {r.id: (r.status, r.missing) for r in old.results} == {
        "1.1.4": ("error", ["file facts for role run_containerd (not collected)"]),
        "1.1.8": ("error", ["file facts for role containerd_sock (not collected)"]),
        "3.23": ("error", ["file facts for role containerd_sock (not collected)"]),
        "3.24": ("error", ["file facts for role containerd_sock (not collected)"]),
    }


def test_a_control_no_check_decides_is_manual_never_pass(tmp_path, monkeypatch) -> None:
    """An organisation's profile may list a control it has no check for yet: manual, never pass, never left out."""
    undecided = PROFILE + textwrap.indent(textwrap.dedent("""\
        - id: "5.6"
          title: Ensure sensitive host system directories are not mounted on containers
          level: 1
          level_source: here
          automated: true
          automated_source: here
          check: null
          severity: high
          remediation: Do not mount /, /boot, /dev, /etc, /lib, /proc, /sys or /usr into containers.
          references: [https://www.cisecurity.org/benchmark/docker]
        """), "  ")
    (tmp_path / "cis-docker-9.9.9.yaml").write_text(undecided)
    monkeypatch.setattr("dockerbench._profiles.profile_dir", lambda: tmp_path)
    for fixture in FIXTURES:
        r = dockerbench.evaluate(FIXTURES[fixture], benchmark="cis-docker-9.9.9").result("5.6")
        assert (r.status, r.reason, r.findings) == ("manual", NOT_DECIDED_REASON, [])


def test_v1_8_0_1_1_9_audits_the_socket_file_not_the_unit() -> None:
    snap = FIXTURES["busy-host"]
    r = report("cis-docker-1.8.0", "busy-host").result("1.1.9")
    sockets = {f.path for f in snap.files if f.role == "docker_sock" and f.exists}
    assert r.status in ("pass", "fail", "warn") and sockets
    assert {f.resource.id for f in r.findings} <= sockets
    assert {f["path"] for f in r.evidence["files"]} == {f.path for f in snap.files if f.role == "docker_sock"}


# ----------------------------------------------------------------------------- selection and overlays


def test_selection_takes_the_profiles_ids_levels_and_subsections() -> None:
    snap = FIXTURES["busy-host"]
    one = dockerbench.evaluate(snap, benchmark="cis-docker-1.8.0", controls=["5.5"])
    assert [r.id for r in one.results] == ["5.5"]
    assert decision(one.results[0]) == decision(report("cis-docker-1.1.0", "busy-host").result("5.4"))
    level1 = dockerbench.load_policies(benchmark="cis-docker-1.8.0").select(level=1)
    assert "1.1.7" not in {c.id for c in level1} and "1.1.6" in {c.id for c in level1}  # 1.1.7 is Level 2 there
    subsection = dockerbench.load_policies(benchmark="cis-docker-1.8.0").select(["1.1"])
    assert [c.id for c in subsection] == [f"1.1.{n}" for n in range(1, 19)]
    with pytest.raises(UsageError, match=re.escape("unknown control id '1.13'")):
        dockerbench.load_policies(benchmark="cis-docker-1.8.0").select(["1.13"])


def test_an_unknown_benchmark_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(UsageError, match=r"unknown benchmark 'cis-docker-9' \(choose from cis-docker-1.1.0, "
                                         r"cis-docker-1.6.0, cis-docker-1.8.0\)"):
        dockerbench.evaluate(FIXTURES["empty-host"], benchmark="cis-docker-9")


def test_an_overlay_that_replaces_a_shared_check_replaces_it_in_every_profile(tmp_path: Path) -> None:
    c54 = V1_1_0.controls["5.4"]
    org = tmp_path / "org"
    org.mkdir()
    source = Path(c54.file).read_text().replace("package cis_docker_1_1_0.c5_4", "package org.c5_4")
    source = re.sub(r"(?m)^violations contains", "unused contains", source)  # the org accepts privileged containers
    (org / "c5_4.rego").write_text(source)
    policies = dockerbench.load_policies([org], benchmark="cis-docker-1.8.0")
    assert (policies.controls["5.5"].package, policies.controls["5.5"].file) == ("org.c5_4", org / "c5_4.rego")
    rep = dockerbench.evaluate(FIXTURES["busy-host"], benchmark="cis-docker-1.8.0", controls=["5.5"], policy_dirs=[org])
    assert rep.result("5.5").status == "pass"


# ----------------------------------------------------------------------------- broken profile files


PROFILE = """\
id: cis-docker-9.9.9
title: A benchmark
sources:
  here: this file
sections:
  "5": Container Runtime
controls:
  - id: "5.5"
    title: Ensure that privileged containers are not used
    level: 1
    level_source: here
    automated: true
    automated_source: here
    check: cis_docker_1_1_0.c5_4
"""


@pytest.mark.parametrize(("edit", "problem"), [
    (("cis_docker_1_1_0.c5_4", "cis_docker_1_1_0.c5_99"),
     "control 5.5: check cis_docker_1_1_0.c5_99 is not a loaded policy package"),
    (("level_source: here", "level_source: elsewhere"), "control 5.5: level_source 'elsewhere' is not a key of sources"),
    (('id: "5.5"', "id: 5.5"), "not a valid profile: control 5.5.id: Input should be a valid string"),
    (("level: 1", "level: 3"), "not a valid profile: control 5.5.level: Input should be 1 or 2"),
    (("check: cis_docker_1_1_0.c5_4", "check: null"), "control 5.5: severity is needed (its check is not a "
                                                      "cis-docker-1.1.0 control to take it from)"),
    (("id: cis-docker-9.9.9", "id: cis-docker-9.9.8"), "its id is 'cis-docker-9.9.8', not the file's name 'cis-docker-9.9.9'"),
    (("  - id", "  - idd"), "not a valid profile: control"),
])
def test_a_broken_profile_is_refused_in_one_line_naming_the_file_and_control(tmp_path, monkeypatch, edit, problem):
    (tmp_path / "cis-docker-9.9.9.yaml").write_text(PROFILE.replace(*edit))
    monkeypatch.setattr("dockerbench._profiles.profile_dir", lambda: tmp_path)
    with pytest.raises(PolicyError) as e:
        dockerbench.load_policies(benchmark="cis-docker-9.9.9")
    assert str(e.value).startswith(str(tmp_path / "cis-docker-9.9.9.yaml")) and problem in str(e.value)
    assert "\n" not in str(e.value)


def test_the_profile_directory_is_the_checkout_s_or_the_wheel_s() -> None:
    assert (profile_dir() / "cis-docker-1.8.0.yaml").is_file()


# ----------------------------------------------------------------------------- every output names the profile


@pytest.fixture(scope="module")
def v180() -> dockerbench.Report:
    return report("cis-docker-1.8.0", "busy-host")


def test_json_names_the_profile_and_validates(v180) -> None:
    doc = json.loads(v180.to_json())
    assert (doc["benchmark"], doc["benchmark_id"], doc["schema_version"]) == (
        "CIS Docker Benchmark v1.8.0", "cis-docker-1.8.0", "1.2")
    jsonschema.validate(doc, json.loads((ROOT / "schemas" / "report.schema.json").read_text()))
    assert dockerbench.load_report(v180.to_json()).benchmark_id == "cis-docker-1.8.0"


def test_a_report_without_benchmark_id_is_a_v1_1_0_report() -> None:
    doc = json.loads(report("cis-docker-1.1.0", "empty-host").to_json())
    del doc["benchmark_id"]
    assert dockerbench.load_report(json.dumps(doc)).benchmark_id == "cis-docker-1.1.0"


def test_sarif_names_the_profile_in_the_tool_rules_and_category(v180) -> None:
    run = json.loads(render(v180, "sarif"))["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "5.5")
    assert rule["fullDescription"]["text"].startswith("CIS Docker Benchmark v1.8.0 control 5.5 (section 5 ")
    assert "cis_docker_1_8_0" in rule["properties"]["tags"] and rule["properties"]["benchmark"] == "cis-docker-1.8.0"
    assert run["tool"]["driver"]["fullName"].endswith(": CIS Docker Benchmark v1.8.0")
    assert run["automationDetails"]["id"].startswith("dockerbench/cis_docker_1_8_0/")
    assert {r["ruleId"] for r in run["results"]} <= {r.id for r in v180.results}


def test_a_v1_8_0_sarif_log_passes_the_sarif_multitool_validator(v180, tmp_path) -> None:
    from test_formats_sarif import validate

    path = tmp_path / "v180.sarif"
    path.write_text(render(v180, "sarif"), encoding="utf-8")
    found = validate(_multitool(), path)
    assert (found["error"], found["warning"]) == ([], [])


def _multitool() -> str:
    import os

    from _ci import unavailable

    path = os.environ.get("DOCKERBENCH_SARIF_MULTITOOL")
    if not path or not os.access(path, os.X_OK):
        unavailable("the SARIF validator", "DOCKERBENCH_SARIF_MULTITOOL is not set to an executable "
                                           "(scripts/test.sh installs @microsoft/sarif-multitool)")
    return str(path)


def test_junit_suite_names_and_classnames_name_the_profile(v180) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render(v180, "junit"))
    suites = root.findall("testsuite")
    assert suites[4].get("name") == "CIS Docker Benchmark v1.8.0: Section 5: Container Runtime"
    assert {c.get("classname") for c in suites[4]} - {None} == {"cis_docker_1_8_0.section_5"}
    assert root.get("name") == "dockerbench CIS Docker Benchmark v1.8.0"


def test_html_markdown_and_table_name_the_profile(v180) -> None:
    assert "<h1><bdi>CIS Docker Benchmark v1.8.0</bdi></h1>" in render(v180, "html")
    assert "profile <bdi>cis-docker-1.8.0</bdi>" in render(v180, "html")
    assert render(v180, "markdown").startswith("## dockerbench: CIS Docker Benchmark v1.8.0")
    assert render(v180, "table").lstrip().startswith("CIS Docker Benchmark v1.8.0")


# ----------------------------------------------------------------------------- diff and the command


def test_diff_refuses_reports_of_different_benchmarks() -> None:
    with pytest.raises(UsageError, match=re.escape("cannot compare reports of different benchmarks: before is "
                                                   "cis-docker-1.1.0, after is cis-docker-1.8.0")):
        dockerbench.diff(report("cis-docker-1.1.0", "empty-host"), report("cis-docker-1.8.0", "empty-host"))


def test_diff_of_two_snapshots_evaluates_both_under_the_benchmark() -> None:
    d = dockerbench.diff(FIXTURES["busy-host"], FIXTURES["empty-host"], benchmark="cis-docker-1.8.0")
    assert {s.control_id for s in d.status_changes} <= {r.id for r in report("cis-docker-1.8.0", "busy-host").results}
    assert any(f.control_id == "5.5" for f in d.resolved_findings)


def run(*args: str):
    from _cli import run

    return run(*args)


def test_cli_diff_of_reports_of_different_benchmarks_exits_2_in_one_line(tmp_path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    report("cis-docker-1.1.0", "empty-host").save(a)
    report("cis-docker-1.8.0", "empty-host").save(b)
    proc = run("diff", str(a), str(b))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"dockerbench: error: cannot compare reports of different benchmarks: {a} is cis-docker-1.1.0, {b} is "
        "cis-docker-1.8.0 (evaluate both snapshots with the same --benchmark)"]


def test_cli_controls_lists_each_benchmark_and_says_where_a_control_is_decided() -> None:
    for benchmark, count in (("cis-docker-1.8.0", 118), ("cis-docker-1.6.0", 117), ("cis-docker-1.1.0", 105)):
        proc = run("controls", "--benchmark", benchmark, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) == count
    proc = run("--no-color", "controls", "5.5", "--benchmark", "cis-docker-1.8.0")
    assert "Ensure that privileged containers are not used" in proc.stdout
    assert re.search(r"policy\s+\S*policies/cis_docker_1_1_0/c5_4/c5_4\.rego", proc.stdout), proc.stdout
    one = json.loads(run("controls", "2.7", "-b", "cis-docker-1.8.0", "-f", "json").stdout)
    assert (one["check"], one["level_source"]) == ("cis_docker_1_8_0.c2_7", "unknown")
    assert one["policy"].endswith("policies/cis_docker_1_8_0/c2_7/c2_7.rego"), one["policy"]


def test_cli_evaluate_under_a_benchmark(tmp_path) -> None:
    snap = tmp_path / "host.json"
    FIXTURES["busy-host"].save(snap)
    proc = run("-q", "evaluate", str(snap), "--benchmark", "cis-docker-1.8.0", "--controls", "5.5,2.7", "-f", "json")
    doc = json.loads(proc.stdout)
    assert (doc["benchmark_id"], [(r["id"], r["status"]) for r in doc["results"]]) == (
        "cis-docker-1.8.0", [("2.7", "pass"), ("5.5", "fail")])
    bad = run("evaluate", str(snap), "--benchmark", "cis-docker-9")
    assert bad.returncode == 2 and "cis-docker-9" in bad.stderr


def test_the_profile_header_says_how_to_read_it() -> None:
    head = textwrap.dedent((ROOT / "profiles" / "cis-docker-1.8.0.yaml").read_text().split("\nid:")[0])
    assert "check: null" in head and "schemas/profile.schema.json" in head
