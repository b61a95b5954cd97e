"""SARIF 2.1.0 output, checked by the SARIF authors' own validator (Microsoft SARIF Multitool).

scripts/test.sh installs ``@microsoft/sarif-multitool`` with npm into
``${XDG_CACHE_HOME:-$HOME/.cache}/dockerbench-npm`` and exports ``DOCKERBENCH_SARIF_MULTITOOL``.
Without it the validator tests are skipped on a developer machine and FAIL under CI.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
from _ci import unavailable
from test_formats_data import SCRIPT, empty_report, evaluated_report, synthetic_report

from dockerbench.report import render
from dockerbench.report.sarif import ROOT_BASE

LEVEL_OF_STATUS = {"fail": "error", "warn": "warning", "waived": "note"}


def _sarif(report) -> dict[str, Any]:
    return json.loads(render(report, "sarif"))


# ----------------------------------------------------------------------------- the validator


@pytest.fixture(scope="session")
def multitool() -> str:
    path = os.environ.get("DOCKERBENCH_SARIF_MULTITOOL")
    problem = None
    if not path:
        problem = "DOCKERBENCH_SARIF_MULTITOOL is not set (scripts/test.sh installs @microsoft/sarif-multitool)"
    elif not os.access(path, os.X_OK):
        problem = f"DOCKERBENCH_SARIF_MULTITOOL={path} is not an executable"
    if problem:
        unavailable("the SARIF validator", problem)
    return path  # type: ignore[return-value]


def validate(multitool: str, sarif_file: Path) -> dict[str, list[str]]:
    """Run ``sarif-multitool validate`` and return its findings by level (error/warning/note).

    The npm wrapper (bin.js) runs the native tool through a shell (``shell: true``), so its
    arguments are shell-quoted; the native binary gets them as they are.
    """
    log = sarif_file.with_name(sarif_file.stem + ".validation.sarif")
    args = ["validate", str(sarif_file), "--output", str(log), "--log", "ForceOverwrite",
            "--level", "Error;Warning;Note"]
    if Path(multitool).resolve().suffix == ".js":
        args = [shlex.quote(a) for a in args]
    proc = subprocess.run([multitool, *args], capture_output=True, text=True, timeout=300)
    assert log.is_file(), f"validator wrote no log (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    doc = json.loads(log.read_text(encoding="utf-8-sig"))
    found: dict[str, list[str]] = {"error": [], "warning": [], "note": []}
    for run in doc["runs"]:
        rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
        for res in run.get("results", []):
            rule = rules.get(res["ruleId"], {})
            level = res.get("level") or rule.get("defaultConfiguration", {}).get("level", "warning")
            where = res.get("properties", {}).get("jsonPath") or json.dumps(res["message"].get("arguments", []))
            found.setdefault(level, []).append(f"{res['ruleId']} {res['message'].get('id', '')} {where}")
        for inv in run.get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
                if note.get("level", "warning") == "error":
                    found["error"].append("tool: " + note.get("message", {}).get("text", ""))
            if not inv.get("executionSuccessful", True):
                found["error"].append(f"validator run failed (exit {proc.returncode}): {proc.stdout[-2000:]}")
    return found


@pytest.mark.parametrize("which", ["synthetic", "empty", "evaluated"])
def test_sarif_passes_the_sarif_multitool_validator(multitool, tmp_path, which):
    report = {"synthetic": synthetic_report, "empty": empty_report, "evaluated": evaluated_report}[which]()
    path = tmp_path / f"{which}.sarif"
    path.write_text(render(report, "sarif"), encoding="utf-8")
    found = validate(multitool, path)
    print(f"{path}: {len(found['error'])} errors, {len(found['warning'])} warnings, {len(found['note'])} notes")
    assert found["error"] == [], "\n".join(found["error"])
    assert found["warning"] == [], "\n".join(found["warning"])


def test_validator_reports_a_broken_log(multitool, tmp_path):
    """The validator check itself can fail: a region with line 0 is an error."""
    doc = _sarif(synthetic_report())
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    path = tmp_path / "broken.sarif"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert validate(multitool, path)["error"]


# ----------------------------------------------------------------------------- content


def test_one_rule_per_control_with_its_metadata():
    report = synthetic_report()
    driver = _sarif(report)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in report.results]
    rule = next(r for r in driver["rules"] if r["id"] == "5.4")
    control = report.result("5.4")
    assert rule["shortDescription"]["text"].rstrip(".") == control.title
    assert control.remediation.rstrip(".") in rule["help"]["text"]
    assert "**Remediation:**" in rule["help"]["markdown"]
    assert rule["helpUri"] == control.references[0]
    props = rule["properties"]
    assert (props["level"], props["scored"], props["severity"], props["section"], props["cis_v1_6_0"]) == (
        control.level, control.scored, control.severity, control.section, control.cis_v1_6_0)
    assert "security" in props["tags"] and float(props["security-severity"]) >= 9


def test_one_result_per_finding_with_the_level_of_its_status():
    report = synthetic_report()
    run = _sarif(report)["runs"][0]
    assert len(run["results"]) == len(report.findings)
    for res, f in zip(run["results"], report.findings, strict=True):
        assert res["ruleId"] == f.control_id
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == f.control_id
        assert res["level"] == LEVEL_OF_STATUS[f.status]
        assert ("suppressions" in res) == (f.status == "waived")


def test_file_findings_point_at_the_host_path_and_others_are_logical():
    run = _sarif(synthetic_report())["runs"][0]
    by_kind = {}
    for res in run["results"]:
        by_kind.setdefault(res["properties"]["resource"]["kind"], res)
    phys = by_kind["file"]["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "usr/lib/systemd/system/docker.service", "uriBaseId": ROOT_BASE}
    assert phys["region"] == {"startLine": 1}
    assert run["originalUriBaseIds"][ROOT_BASE]["uri"] == "file:///"
    logical = by_kind["container"]["locations"][0]["logicalLocations"][0]
    assert logical["kind"] == "container" and logical["fullyQualifiedName"].startswith("container/")
    for kind in ("image", "daemon", "host", "network", "node", "swarm"):
        assert by_kind[kind]["locations"][0]["logicalLocations"][0]["kind"] == kind
    odd = [r for r in run["results"] if "my%20certs" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    assert odd and "%23" in odd[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_fingerprints_are_stable_across_runs_and_unique_within_one():
    first = _sarif(synthetic_report())["runs"][0]["results"]
    again = _sarif(synthetic_report().model_copy(update={"generated_at": synthetic_report().generated_at.replace(year=2030)}))
    prints = [r["partialFingerprints"] for r in first]
    assert prints == [r["partialFingerprints"] for r in again["runs"][0]["results"]]
    assert len({json.dumps(p) for p in prints}) == len(prints)


def test_error_controls_are_tool_execution_notifications():
    report = synthetic_report()
    inv = _sarif(report)["runs"][0]["invocations"][0]
    errors = [r.id for r in report.results if r.status == "error"]
    assert [n["associatedRule"]["id"] for n in inv["toolExecutionNotifications"]] == errors
    assert all(n["level"] == "error" for n in inv["toolExecutionNotifications"])
    assert inv["executionSuccessful"] is False
    assert _sarif(empty_report())["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_untrusted_text_stays_data():
    text = render(synthetic_report(), "sarif")
    assert SCRIPT in json.dumps(json.loads(text))  # kept verbatim as a JSON string, nothing to escape
    assert "\x1b" not in text  # control characters are JSON-escaped
