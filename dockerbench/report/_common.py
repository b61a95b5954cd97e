"""Helpers every output format shares: status vocabulary, section grouping, value text.

Untrusted text for a human-facing format goes through :func:`dockerbench._text.printable`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .._report import STATUS_ORDER, ControlResult, Finding, Report, Resource

BENCHMARK_SLUG = "cis_docker_1_1_0"

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
    """'83.1% (64 of 77 scored controls pass)', or 'n/a' when no scored control was decided."""
    s = report.score
    if s.percent is None or not s.considered:
        return "n/a (no scored control was decided)"
    return f"{s.percent_text} ({s.passed} of {s.considered} scored controls pass)"


def counts(report: Report) -> dict[str, int]:
    """Controls per status, every status present (computed from results, not trusted from counts)."""
    out = {s: 0 for s in SUMMARY_ORDER}
    for r in report.results:
        out[r.status] = out.get(r.status, 0) + 1
    return out
