"""SARIF 2.1.0, for GitHub code scanning and every SARIF viewer.

* One rule per control in ``tool.driver.rules`` (id = control id, e.g. ``5.4``).
* One result per finding; level ``error`` for fail, ``warning`` for warn, ``note`` for waived.
  A waived finding carries ``suppressions: [{kind: external, status: accepted, justification}]``
  (the justification names the waiver, its reason, owner, ticket and end; the waiver itself is
  in the suppression's and the result's ``properties.waiver``). A finding whose waiver expired
  is reported as it is, unsuppressed, its message ending "(waiver W-0042 expired 2027-06-30)".
* Waivers that expired or are stale are ``toolConfigurationNotifications`` (level warning) of
  the invocation; ``run.properties.waivers`` holds what every waiver and attestation did.
* Locations: a file finding points at the host path relative to the ``ROOTPATH`` base
  (``file:///``, the host's root directory) at line 1. Every other resource (container, image,
  daemon, ...) has a logical location ``container/<name>``. GitHub code scanning requires a
  physical location on every result, so non-file results also carry one whose artifact is the
  relative resource path (``container/web``) under the ``DOCKERHOST`` base, which has no URI
  (no invented scheme): a stable, readable key that GitHub shows as the "file" of the alert.
* ``partialFingerprints`` hash the control, the resource kind and its stable name (and the
  finding's ordinal for that resource), so the same problem on the same resource keeps its
  identity across runs even when a container is recreated with a new id.
* Controls with status ``error`` are ``toolExecutionNotifications`` of the invocation, and
  ``executionSuccessful`` is false when there is any.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from urllib.parse import quote

from .._report import ControlResult, Finding, Report, Resource
from .._text import json_printable
from ._common import benchmark_slug, iso_time, one_line, resource_path, short_id
from .interface import Format

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://www.cisecurity.org/benchmark/docker"
ROOT_BASE = "ROOTPATH"
DOCKER_BASE = "DOCKERHOST"
FINGERPRINT_KEY = "dockerbench/v1"

LEVELS = {"fail": "error", "warn": "warning", "waived": "note"}

#: GitHub's numeric severity (``security-severity``): >= 9 critical, >= 7 high, >= 4 medium.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}


class SarifFormat(Format):
    name = "sarif"
    extension = "sarif"
    media_type = "application/sarif+json"

    def __init__(self, *, indent: int | None = 2) -> None:
        self.indent = indent

    def render(self, report: Report) -> str:
        return json_printable(json.dumps(to_sarif(report), indent=self.indent, ensure_ascii=False)) + "\n"


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = [_rule(r, report) for r in report.results]
    index = {r.id: i for i, r in enumerate(report.results)}
    results = []
    for r in report.results:
        seen: dict[str, int] = {}
        for f in r.findings:
            path = resource_path(f.resource)
            ordinal = seen[path] = seen.get(path, -1) + 1
            results.append(_result(f, index[r.id], fingerprint(f, ordinal)))
    errors = [r for r in report.results if r.status == "error"]
    meta = report.snapshot_meta
    invocation: dict[str, Any] = {
        "executionSuccessful": not errors,
        "endTimeUtc": iso_time(report),
        "toolExecutionNotifications": [_notification(r, index[r.id]) for r in errors],
    }
    if report.waivers is not None:
        invocation["toolConfigurationNotifications"] = [
            {"level": "warning", "message": {"text": _sentence(f"Waiver {w.id} is {w.status}: {w.detail}")},
             "properties": {"waiver": w.id, "status": w.status}}
            for w in report.waivers.waivers if w.status in ("expired", "stale")]
    if meta.hostname:
        invocation["machine"] = meta.hostname
    semver = _semver(report.tool_version)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "dockerbench",
                "fullName": f"dockerbench {report.tool_version}: {report.benchmark}",
                "version": report.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        # The category of GitHub code scanning: one alert set per audited host.
        "automationDetails": {"id": f"dockerbench/{benchmark_slug(report)}/"
                                    + (f"{_slug(meta.hostname)}/" if meta.hostname else "")},
        "originalUriBaseIds": {
            ROOT_BASE: {"uri": "file:///", "description": {"text": "The root directory of the audited host."}},
            # No uri: Docker objects have no address a viewer could open, and a made-up scheme
            # ("docker:") makes GitHub code scanning reject the upload ("unrecognized SARIF
            # location URI scheme"); the relative path 'container/web' is the key.
            DOCKER_BASE: {"description": {"text": "Docker objects of the audited host (containers, images, "
                                                  "the daemon, ...); not files."}},
        },
        "invocations": [invocation],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "benchmark": report.benchmark,
            "benchmarkId": report.benchmark_id,
            "engine": report.engine,
            "host": meta.hostname,
            "dockerHost": meta.docker_host,
            "dockerEngine": report.docker_engine.model_dump() if report.docker_engine is not None else None,
            "score": report.score.model_dump(),
            "counts": dict(report.counts),
        },
    }
    if report.waivers is not None:
        run["properties"]["waivers"] = report.waivers.model_dump(mode="json")
    if semver:
        run["tool"]["driver"]["semanticVersion"] = semver
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


def _semver(version: str) -> str | None:
    core = version.split("+")[0]
    parts = core.split("-")[0].split(".")
    return version if len(parts) == 3 and all(p.isdigit() for p in parts) else None


def _sentence(text: str) -> str:
    text = one_line(text)
    return text if text.endswith((".", "!", "?")) else text + "."


def _rule(r: ControlResult, report: Report) -> dict[str, Any]:
    level_text = f"Level {r.level}, {'scored' if r.scored else 'not scored'}"
    full = (f"{one_line(report.benchmark)} control {r.id} (section {r.section} {r.section_title}; "
            f"{level_text}; severity {r.severity}): {r.title}.")
    remediation = _sentence(r.remediation) if r.remediation else "No remediation is recorded."
    references_md = "".join(f"\n- <{ref}>" for ref in r.references)
    rule: dict[str, Any] = {
        "id": r.id,
        "name": _pascal(r.title),
        "shortDescription": {"text": _sentence(r.title)},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{r.title}. Remediation: {remediation}",
            "markdown": (f"**{_md(r.id)} {_md(r.title)}**\n\n{_md(level_text)}, severity {_md(r.severity)}.\n\n"
                         f"**Remediation:** {_md(remediation)}"
                         + (f"\n\n**References:**{references_md}" if references_md else "")),
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {
            "level": r.level,
            "scored": r.scored,
            "severity": r.severity,
            "section": r.section,
            "cis_v1_6_0": r.cis_v1_6_0,
            "benchmark": report.benchmark_id,
            "tags": ["security", "docker", "cis", benchmark_slug(report), f"section-{r.section}", f"level-{r.level}"],
            "security-severity": SECURITY_SEVERITY.get(r.severity, "5.5"),
            "precision": "high" if r.automated else "medium",
        },
    }
    if r.references:
        rule["helpUri"] = r.references[0]
    return rule


def _pascal(title: str) -> str:
    """A rule's friendly name: the title as one Pascal-case identifier.

    'Ensure the host's IPC namespace is not shared' -> 'EnsureTheHostsIpcNamespaceIsNotShared':
    acronyms are capitalised as words and one-letter words dropped, so no two capitals meet.
    """
    words = "".join(ch if ch.isalnum() else " " for ch in title.replace("'", "")).split()
    name = "".join(w[:1].upper() + w[1:].lower() for w in words if len(w) > 1 or w.isdigit())
    return name or "Control"


def _md(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>()#+!|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _result(f: Finding, rule_index: int, fp: str) -> dict[str, Any]:
    res = f.resource
    text = f"{res.kind} {_display(res)}: {f.message}" if f.message else f"{res.kind} {_display(res)}"
    if f.waiver is not None and f.waiver.expired:
        text = f"{text.rstrip('.')}; {f.waiver.note}"
    message = _sentence(text)
    result: dict[str, Any] = {
        "ruleId": f.control_id,
        "ruleIndex": rule_index,
        "level": LEVELS[f.status],
        "message": {"text": message},
        "locations": [_location(res)],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {
            "status": f.status,
            "resource": res.model_dump(),
            "actual": f.actual,
            "expected": f.expected,
        },
    }
    if f.waiver is not None:
        result["properties"]["waiver"] = f.waiver.model_dump(mode="json")
    if f.status == "waived":
        result["suppressions"] = [_suppression(f)]
    return result


def _suppression(f: Finding) -> dict[str, Any]:
    """An external, accepted suppression: the organisation's waiver, named in the justification."""
    w = f.waiver
    if w is None:  # a waived finding of a report not made by evaluate(): no waiver to name
        return {"kind": "external", "status": "accepted", "justification": "Waived by the organisation's policy."}
    until = "permanent" if w.expires == "never" else f"until {w.expires}"
    ticket = f", ticket {w.ticket}" if w.ticket else ""
    return {"kind": "external", "status": "accepted",
            "justification": one_line(f"Waiver {w.id} ({w.owner}{ticket}, {until}): {w.reason}"),
            "properties": {"waiver": w.model_dump(mode="json")}}


def _display(res: Resource) -> str:
    if res.kind == "file":
        return res.id
    return f"{res.name} ({short_id(res)})" if res.name and res.name != res.id else res.id


def _location(res: Resource) -> dict[str, Any]:
    logical = {
        "name": res.name or res.id,
        "kind": res.kind,
        "fullyQualifiedName": resource_path(res),
    }
    if res.kind == "file":
        artifact = {"uri": quote(res.id.lstrip("/") or ".", safe="/"), "uriBaseId": ROOT_BASE}
    else:
        artifact = {"uri": quote(resource_path(res), safe="/"), "uriBaseId": DOCKER_BASE}
    return {
        "physicalLocation": {"artifactLocation": artifact, "region": {"startLine": 1}},
        "logicalLocations": [logical],
    }


def fingerprint(f: Finding, ordinal: int = 0) -> str:
    """Stable identity of a finding: control, resource kind and stable name, and the finding's
    ordinal among that control's findings about that resource. Not the message: messages may
    carry values that change from run to run (a certificate's age)."""
    key = "\x1f".join((f.control_id, resource_path(f.resource), str(ordinal)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _notification(r: ControlResult, rule_index: int) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": _sentence(f"Control {r.id} could not be decided: {r.reason}")},
        "associatedRule": {"id": r.id, "index": rule_index},
        "properties": {"missing": list(r.missing)},
    }
