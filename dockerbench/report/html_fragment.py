"""Compact HTML for Jupyter: ``Report._repr_html_`` and ``ControlResult._repr_html_``.

Plain tables with a few inline styles (notebooks strip ``<style>`` and ``<script>`` in
untrusted output anyway); every string goes through :func:`~dockerbench._text.printable` and
:func:`html.escape`, and untrusted text is isolated in ``<bdi>`` as in the HTML report.
"""

from __future__ import annotations

from html import escape

from .._report import ControlResult, Report
from .._text import printable
from ._common import (
    COLORS,
    LABELS,
    SUMMARY_ORDER,
    affected_resources,
    counts,
    host_name,
    iso_time,
    score_text,
    value_text,
    waiver_summary,
)

_TABLE = 'style="border-collapse:collapse;font-size:13px"'
_CELL = 'style="text-align:left;padding:2px 8px;vertical-align:top"'


def _e(value: object) -> str:
    return escape(printable("" if value is None else value, multiline=True), quote=True)


def _u(value: object) -> str:
    """Untrusted text: printable, escaped and isolated (its direction cannot leak out)."""
    return f"<bdi>{_e(value)}</bdi>"


def _badge(status: str) -> str:
    fg = "#24292f" if status == "not_applicable" else "#ffffff"
    return (f'<span style="background:{COLORS.get(status, "#57606a")};color:{fg};border-radius:8px;'
            f'padding:0 6px;font-size:12px;font-weight:600">{_e(LABELS.get(status, status))}</span>')


def report(rep: Report) -> str:
    """A summary line, the counts per status and one row per control."""
    c = counts(rep)
    summary = " · ".join(f"{_badge(s)} {c[s]}" for s in SUMMARY_ORDER if c[s])
    rows = "".join(
        f"<tr><td {_CELL}>{_u(r.id)}</td><td {_CELL}>{_badge(r.status)}</td><td {_CELL}>{_u(r.title)}</td>"
        f"<td {_CELL}>{affected_resources(r) or ''}</td><td {_CELL}>{_u(r.reason)}</td></tr>"
        for r in rep.results
    )
    return (
        f'<div class="dockerbench-report"><p><strong>{_u(rep.benchmark)}</strong><br>'
        f"host {_u(host_name(rep))} · engine {_u(rep.engine)} · {_e(iso_time(rep))} · "
        f"score <strong>{_e(score_text(rep))}</strong></p>"
        f"<p>{summary or 'no controls'}</p>"
        + (f"<p>{_u(waiver_summary(rep))}</p>" if rep.waivers is not None else "") +
        f"<table {_TABLE}><thead><tr><th {_CELL}>ID</th><th {_CELL}>Status</th><th {_CELL}>Title</th>"
        f"<th {_CELL}>Resources</th><th {_CELL}>Reason</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def control_result(result: ControlResult) -> str:
    """One control: id, status, title, reason, remediation and its findings."""
    findings = "".join(
        f"<tr><td {_CELL}>{_badge(f.status)}</td><td {_CELL}>{_u(f.resource.kind)}</td>"
        f"<td {_CELL}>{_u(f.resource.name or f.resource.id)}</td><td {_CELL}>{_u(f.message)}</td>"
        f"<td {_CELL}><code>{_u(value_text(f.actual))}</code></td>"
        f"<td {_CELL}><code>{_u(value_text(f.expected))}</code></td>"
        f"<td {_CELL}>{_u(f.waiver.note if f.waiver else '')}</td></tr>"
        for f in result.findings
    )
    table = (
        f"<table {_TABLE}><thead><tr><th {_CELL}>Status</th><th {_CELL}>Kind</th><th {_CELL}>Resource</th>"
        f"<th {_CELL}>Message</th><th {_CELL}>Actual</th><th {_CELL}>Expected</th><th {_CELL}>Waiver</th></tr></thead>"
        f"<tbody>{findings}</tbody></table>"
        if findings else ""
    )
    missing = f"<p>Missing: {_u('; '.join(result.missing))}</p>" if result.missing else ""
    if result.attestation is not None:
        missing += f"<p><em>Attestation:</em> {_u(result.attestation.note)}: {_u(result.attestation.explanation)}</p>"
    remediation = f"<p><em>Remediation:</em> {_u(result.remediation)}</p>" if result.remediation else ""
    return (
        f'<div class="dockerbench-control"><p><strong>{_u(result.id)}</strong> {_badge(result.status)} '
        f"{_u(result.title)}<br><small>{_u(result.reason)}</small></p>{missing}{table}{remediation}</div>"
    )
