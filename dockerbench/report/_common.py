"""Helpers every output format shares: status vocabulary, section grouping, value text.

Untrusted text for a human-facing format goes through :func:`dockerbench._text.printable`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._report import STATUS_ORDER, ControlResult, Finding, Report, Resource


def control_cells(r: ControlResult, columns: Sequence[str]) -> dict[str, Any]:
    """The cells of ``columns`` that are the result's own fields (``control_id``: its id), for
    the one-row-per-finding formats (CSV, pandas)."""
    return {col: getattr(r, "id" if col == "control_id" else col) for col in columns
            if col == "control_id" or col in ControlResult.model_fields}


def finding_cells(f: Finding | None, value: Callable[[Any], Any] = lambda v: v) -> dict[str, Any]:
    """A finding's resource and message cells (None each for a control without findings);
    ``value`` renders ``actual`` and ``expected``."""
    if f is None:
        return dict.fromkeys(("finding_status", "resource_kind", "resource_id", "resource_name", "message",
                              "actual", "expected"))
    return {"finding_status": f.status, "resource_kind": f.resource.kind, "resource_id": f.resource.id,
            "resource_name": f.resource.name, "message": f.message, "actual": value(f.actual),
            "expected": value(f.expected)}


def benchmark_slug(report: Report) -> str:
    """The profile as an identifier: 'cis_docker_1_8_0' for cis-docker-1.8.0 (SARIF tags and
    category, JUnit classnames)."""
    return re.sub(r"[^a-z0-9]+", "_", report.benchmark_id.lower()).strip("_") or "benchmark"


#: Display order of statuses in summaries: the outcome a reader looks for first.
SUMMARY_ORDER = ("fail", "error", "warn", "manual", "waived", "not_applicable", "pass")

LABELS = {
    "pass": "Pass",
    "fail": "Fail",
    "warn": "Warn",
    "manual": "Manual",
    "not_applicable": "N/A",
    "error": "Error",
    "waived": "Waived",
}

#: One colour per status (GitHub Primer palette), used by the HTML and the SVG chart.
COLORS = {
    "pass": "#1a7f37",
    "fail": "#cf222e",
    "warn": "#bf8700",
    "error": "#8250df",
    "manual": "#0969da",
    "waived": "#57606a",
    "not_applicable": "#afb8c1",
}

#: Colour names for the terminal (rich styles).
TERMINAL_STYLES = {
    "pass": "green",
    "fail": "bold red",
    "warn": "yellow",
    "error": "bold magenta",
    "manual": "cyan",
    "waived": "bright_black",
    "not_applicable": "bright_black",
}

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Section:
    number: str
    title: str
    results: list[ControlResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def sections(report: Report) -> list[Section]:
    """The report's results grouped by section, sections in numeric order, controls as given."""
    by_number: dict[str, Section] = {}
    for r in report.results:
        by_number.setdefault(r.section, Section(r.section, r.section_title)).results.append(r)
    return sorted(by_number.values(), key=lambda s: _numeric_key(s.number))


def _numeric_key(text: str) -> tuple[Any, ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in text.split("."))


def severity_rank(status: str) -> int:
    """0 for the worst status (error), larger for better ones."""
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def resource_key(resource: Resource) -> tuple[str, str]:
    return (resource.kind, resource.id)


def resource_label(resource: Resource) -> str:
    """'container web', 'file /etc/docker/daemon.json', 'image alpine:3.19'."""
    if resource.kind == "file":
        return f"file {resource.id}"
    return f"{resource.kind} {resource.name or resource.id}"


def short_id(resource: Resource) -> str:
    """Engine object ids shortened the way the docker CLI shows them (12 hex digits)."""
    rid = resource.id
    if resource.kind in ("container", "image", "network", "node"):
        prefix, _, digest = rid.rpartition(":")
        if len(digest) > 12 and all(ch in "0123456789abcdef" for ch in digest):
            return (prefix + ":" if prefix else "") + digest[:12]
    return rid


def resource_path(resource: Resource) -> str:
    """A stable 'kind/name' path: 'container/web' (the id when there is no name), 'file/etc/x'."""
    if resource.kind == "file":
        return "file/" + resource.id.lstrip("/")
    return f"{resource.kind}/{resource.name or resource.id}"


@dataclass
class ResourceGroup:
    """The findings of one control about one resource."""

    resource: Resource
    findings: list[Finding]

    @property
    def status(self) -> str:
        """fail if any finding fails, else warn if any warns, else waived."""
        statuses = {f.status for f in self.findings}
        for s in ("fail", "warn", "waived"):
            if s in statuses:
                return s
        return "waived"  # pragma: no cover - a group always has a finding


def group_by_resource(findings: Iterable[Finding]) -> list[ResourceGroup]:
    """Findings grouped per resource, in first-seen order."""
    groups: dict[tuple[str, str], ResourceGroup] = {}
    for f in findings:
        groups.setdefault(resource_key(f.resource), ResourceGroup(f.resource, [])).findings.append(f)
    return list(groups.values())


def affected_resources(result: ControlResult) -> int:
    return len({resource_key(f.resource) for f in result.findings})


def value_text(value: Any) -> str:
    """A finding's actual/expected as text: '' for None, strings as they are, else compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def iso_time(report: Report) -> str:
    """generated_at as an ISO 8601 UTC timestamp ending in Z."""
    ts = report.generated_at
    if ts.tzinfo is not None:
        from datetime import timezone

        ts = ts.astimezone(timezone.utc).replace(tzinfo=None)
    return ts.isoformat(timespec="seconds") + "Z"


def host_name(report: Report) -> str:
    meta = report.snapshot_meta
    return meta.hostname or meta.docker_host or "unknown host"


def docker_engine_text(report: Report) -> str:
    """'Docker Engine 26.1.5 (API 1.45)': the Engine audited, as every format states it."""
    engine = report.docker_engine
    return engine.text if engine is not None else "Docker Engine unknown (GET /version and /info were not collected)"


def score_text(report: Report) -> str:
    """'83.1% (64 of 77 scored controls pass)', or 'n/a' when no scored control was decided;
    '…; 2 waived, not counted)' when scored controls were left out because they are waived."""
    s = report.score
    waived = f"; {s.waived} waived, not counted" if s.waived else ""
    if s.percent is None or not s.considered:
        return f"n/a (no scored control was decided{waived})"
    return f"{s.percent_text} ({s.passed} of {s.considered} scored controls pass{waived})"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def waiver_summary(report: Report) -> str | None:
    """What the waivers did, in one line, or None when the evaluation was given none:
    'waivers as of 2026-11-01: 1 applied (2 findings waived), 1 expired (W-2: 3 findings not
    waived), 1 stale (W-3)'."""
    w = report.waivers
    if w is None:
        return None
    parts = []
    by = {s: [x for x in w.waivers if x.status == s] for s in ("applied", "expired", "stale", "not_applicable")}
    if by["applied"]:
        parts.append(f"{len(by['applied'])} applied ({_plural(sum(x.findings for x in by['applied']), 'finding')} waived)")
    if by["expired"]:
        n = sum(x.findings for x in by["expired"])
        parts.append(f"{len(by['expired'])} expired ({', '.join(x.id for x in by['expired'])}: "
                     f"{_plural(n, 'finding')} not waived)")
    if by["stale"]:
        parts.append(f"{len(by['stale'])} stale ({', '.join(x.id for x in by['stale'])})")
    if by["not_applicable"]:
        parts.append(f"{len(by['not_applicable'])} not for this host or selection")
    atts = {s: [a for a in w.attestations if a.status == s] for s in ("applied", "expired", "not_yet_valid", "not_applicable")}
    names = {s: ", ".join(a.id or "/".join(a.controls) or "?" for a in atts[s]) for s in atts}
    if atts["applied"]:
        parts.append(f"{_plural(len(atts['applied']), 'attestation')} applied")
    for status, label in (("expired", "expired"), ("not_yet_valid", "not yet valid")):
        if atts[status]:
            parts.append(f"{_plural(len(atts[status]), 'attestation')} {label} ({names[status]})")
    if atts["not_applicable"]:
        parts.append(f"{_plural(len(atts['not_applicable']), 'attestation')} not for this host or selection")
    return f"waivers as of {w.as_of}: " + (", ".join(parts) if parts else "none given")


def waiver_notes(result: ControlResult) -> list[tuple[str, bool]]:
    """One line per waiver on the control's findings and for its attestation, each with whether
    it lapsed: ('waived by W-1 (team@x, until 2027-06-30): 2 findings', False),
    ('waiver W-2 expired 2026-06-30: 3 findings', True),
    ('attested pass by alice on 2026-10-01 (valid through 2026-12-29)', False)."""
    notes = []
    for w in result.waivers:
        n = sum(1 for f in result.findings if f.waiver == w)
        notes.append((f"{w.note}: {_plural(n, 'finding')}", w.expired))
    if result.attestation is not None:
        notes.append((result.attestation.note, result.attestation.expired))
    return notes


def counts(report: Report) -> dict[str, int]:
    """Controls per status, every status present (computed from results, not trusted from counts)."""
    out = {s: 0 for s in SUMMARY_ORDER}
    for r in report.results:
        out[r.status] = out.get(r.status, 0) + 1
    return out
