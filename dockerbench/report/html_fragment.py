"""Compact HTML for Jupyter: ``Report._repr_html_`` and ``ControlResult._repr_html_``.

Plain tables with a few inline styles (notebooks strip ``<style>`` and ``<script>`` in
untrusted output anyway); every string goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from .._report import ControlResult, Report
from ._common import (COLORS, LABELS, SUMMARY_ORDER, affected_resources, counts, host_name, iso_time, score_text,
                      value_text)

_TABLE = 'style="border-collapse:collapse;font-size:13px"'
_CELL = 'style="text-align:left;padding:2px 8px;vertical-align:top"'


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _badge(status: str) -> str:
    fg = "#24292f" if status == "not_applicable" else "#ffffff"
    return (f'<span style="background:{COLORS.get(status, "#57606a")};color:{fg};border-radius:8px;'
            f'padding:0 6px;font-size:12px;font-weight:600">{_e(LABELS.get(status, status))}</span>')


def report(rep: Report) -> str:
    """A summary line, the counts per status and one row per control."""
    c = counts(rep)
    summary = " · ".join(f"{_badge(s)} {c[s]}" for s in SUMMARY_ORDER if c[s])
    rows = "".join(
        f"<tr><td {_CELL}>{_e(r.id)}</td><td {_CELL}>{_badge(r.status)}</td><td {_CELL}>{_e(r.title)}</td>"
        f"<td {_CELL}>{affected_resources(r) or ''}</td><td {_CELL}>{_e(r.reason)}</td></tr>"
        for r in rep.results
    )
    return (
        f'<div class="dockerbench-report"><p><strong>{_e(rep.benchmark)}</strong><br>'
        f"host {_e(host_name(rep))} · engine {_e(rep.engine)} · {_e(iso_time(rep))} · "
        f"score <strong>{_e(score_text(rep))}</strong></p>"
        f"<p>{summary or 'no controls'}</p>"
        f"<table {_TABLE}><thead><tr><th {_CELL}>ID</th><th {_CELL}>Status</th><th {_CELL}>Title</th>"
        f"<th {_CELL}>Resources</th><th {_CELL}>Reason</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def control_result(result: ControlResult) -> str:
    """One control: id, status, title, reason, remediation and its findings."""
    findings = "".join(
        f"<tr><td {_CELL}>{_badge(f.status)}</td><td {_CELL}>{_e(f.resource.kind)}</td>"
        f"<td {_CELL}>{_e(f.resource.name or f.resource.id)}</td><td {_CELL}>{_e(f.message)}</td>"
        f"<td {_CELL}><code>{_e(value_text(f.actual))}</code></td>"
        f"<td {_CELL}><code>{_e(value_text(f.expected))}</code></td></tr>"
        for f in result.findings
    )
    table = (
        f"<table {_TABLE}><thead><tr><th {_CELL}>Status</th><th {_CELL}>Kind</th><th {_CELL}>Resource</th>"
        f"<th {_CELL}>Message</th><th {_CELL}>Actual</th><th {_CELL}>Expected</th></tr></thead>"
        f"<tbody>{findings}</tbody></table>"
        if findings else ""
    )
    missing = f"<p>Missing: {_e('; '.join(result.missing))}</p>" if result.missing else ""
    remediation = f"<p><em>Remediation:</em> {_e(result.remediation)}</p>" if result.remediation else ""
    return (
        f'<div class="dockerbench-control"><p><strong>{_e(result.id)}</strong> {_badge(result.status)} '
        f"{_e(result.title)}<br><small>{_e(result.reason)}</small></p>{missing}{table}{remediation}</div>"
    )
