"""Formats of a :class:`~dockerbench._fleet.FleetReport`: JSON, CSV, HTML, the terminal table,
and the pandas DataFrame.

=========  ============================================================================
json       the FleetReport document itself (``schemas/fleet.schema.json``)
csv        one row per host and finding: ``host``, ``host_status``, ``host_error``, then the
           columns of the report's CSV (a host in error: one row, status ``error``)
html       one self-contained page: hosts, a status-per-host chart, the control × host
           matrix (worst status, drift), filterable; the single report's CSS and escaping
table      the hosts, then one row per control: worst status, each host's status (up to
           :data:`MATRIX_HOSTS` hosts; beyond, counts), failing hosts, with hosts in error the
           worst over those that answered, drift
=========  ============================================================================

Host names and reasons are untrusted text: every human-facing format shows control and bidi
characters as escapes (:func:`~dockerbench._text.printable`), as the single-host formats do.
"""

from __future__ import annotations

import csv as csv_module
import io
from typing import Any

from markupsafe import Markup
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .._errors import UsageError
from .._fleet import FleetHost, FleetReport
from .._report import STATUS_ORDER
from .._text import printable
from ._common import COLORS, LABELS, SUMMARY_ORDER, TERMINAL_STYLES, docker_engine_text, score_text
from .csv import COLUMNS as CSV_COLUMNS
from .csv import CsvFormat
from .csv import rows as csv_rows
from .frame import COLUMNS as FRAME_COLUMNS
from .frame import pandas
from .frame import rows as frame_rows
from .html import CHART_ORDER, _asset, _csp, _environment

#: The formats a fleet report renders in (``--format`` of ``fleet`` and of ``evaluate`` with several snapshots).
FLEET_FORMATS = ("table", "json", "html", "csv")
#: Hosts shown one column each in the terminal table; a larger fleet shows counts per status.
MATRIX_HOSTS = 8
HOST_COLUMNS = ("host", "host_status", "host_error")

#: Short cell labels of the terminal matrix.
SHORT = {"pass": "pass", "fail": "FAIL", "warn": "warn", "manual": "man", "not_applicable": "n/a",
         "error": "ERR", "waived": "waiv"}


def render_fleet(report: FleetReport, fmt: str) -> str:
    """``report`` as text in ``fmt`` (one of :data:`FLEET_FORMATS`)."""
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "csv":
        return render_csv(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "table":
        buf = io.StringIO()
        print_fleet_table(report, Console(file=buf, width=160, color_system=None, force_terminal=False,
                                          no_color=True, highlight=False, emoji=False, soft_wrap=False))
        return buf.getvalue()
    raise UsageError(f"a fleet report (several hosts) is rendered as {', '.join(FLEET_FORMATS)}, not {fmt!r}")


def host_status(host: FleetHost) -> str:
    """'ok', or 'error' for a host that gave no report."""
    return "ok" if host.ok else "error"


def host_error(host: FleetHost) -> str | None:
    """'task_failed: task rejected: No such image: ...' or None."""
    return f"{host.error.kind}: {host.error.message}" if host.error is not None else None


# ----------------------------------------------------------------------------- CSV and pandas


def csv_records(report: FleetReport) -> list[dict[str, object]]:
    """The CSV rows as dicts: a host's CSV rows after its host columns; a host in error: one row."""
    out: list[dict[str, object]] = []
    for h in report.hosts:
        head = {"host": h.name, "host_status": host_status(h), "host_error": host_error(h)}
        if h.report is None:
            out.append({**head, **dict.fromkeys(CSV_COLUMNS), "status": "error", "message": host_error(h)})
            continue
        out += [{**head, **row} for row in csv_rows(h.report)]
    return out


def render_csv(report: FleetReport) -> str:
    cells = CsvFormat()  # the same cell safety as the single report: printable, formula guard
    buf = io.StringIO()
    writer = csv_module.writer(buf, lineterminator="\r\n")
    columns = (*HOST_COLUMNS, *CSV_COLUMNS)
    writer.writerow(columns)
    for row in csv_records(report):
        writer.writerow([cells._cell(row[c]) for c in columns])
    return buf.getvalue()


def to_dataframe(report: FleetReport) -> Any:
    """One row per host and finding: the host columns, then those of ``Report.to_pandas()``. A
    host in error is one row (status ``error``, reason its error). ``level`` is a nullable
    integer and ``scored``/``automated`` nullable booleans, since a host in error has none."""
    pd = pandas()
    records: list[dict[str, Any]] = []
    for h in report.hosts:
        head = {"host": h.name, "host_status": host_status(h), "host_error": host_error(h)}
        if h.report is None:
            records.append({**head, **dict.fromkeys(FRAME_COLUMNS), "status": "error", "reason": host_error(h)})
            continue
        records += [{**head, **row} for row in frame_rows(h.report)]
    dtypes = {"level": "Int64", "scored": "boolean", "automated": "boolean"}
    return pd.DataFrame({col: pd.Series([rec[col] for rec in records], dtype=dtypes.get(col, object))
                         for col in (*HOST_COLUMNS, *FRAME_COLUMNS)})


# ----------------------------------------------------------------------------- terminal


def print_fleet_table(report: FleetReport, console: Any = None) -> None:
    """The hosts, then the control matrix, on a ``rich`` console (stdout by default)."""
    console = console or Console()
    console.print(_hosts_table(report))
    console.print(_controls_table(report))


def _hosts_table(report: FleetReport) -> Table:
    answered = sum(1 for h in report.hosts if h.ok)
    table = Table(title=Text(printable(f"{report.benchmark} — fleet of {len(report.hosts)} hosts "
                                       f"({answered} answered, {len(report.hosts) - answered} in error)")),
                  header_style="bold", min_width=80)
    for col in ("Host", "Role", "Result", "Score", "Fail", "Error", "Snapshot"):
        table.add_column(col, overflow="fold", no_wrap=col not in ("Host", "Result"))
    for h in report.hosts:
        if h.report is None:
            assert h.error is not None
            result = Text(printable(f"not audited: {h.error.kind}: {h.error.message}"), style=TERMINAL_STYLES["error"])
            table.add_row(Text(printable(h.name)), h.role or "", result, "", "", "", "")
            continue
        r = h.report
        table.add_row(Text(printable(h.name)), h.role or "", Text(printable(docker_engine_text(r))),
                      Text(score_text(r).split(" (")[0]), str(r.counts.get("fail", 0)), str(r.counts.get("error", 0)),
                      f"{r.snapshot_meta.duration_seconds:.1f} s")
    return table


def _controls_table(report: FleetReport) -> Table:
    wide = len(report.hosts) <= MATRIX_HOSTS
    counts = "  ".join(f"{LABELS[s]} {report.counts.get(s, 0)}" for s in SUMMARY_ORDER if report.counts.get(s))
    drift = len(report.drift)
    table = Table(caption=Text(f"Worst status per control: {counts or 'no control'}; drift (status differs between "
                               f"hosts that answered) in {drift} control{'s' * (drift != 1)}"),
                  caption_justify="left", header_style="bold", min_width=80)
    table.add_column("ID", no_wrap=True)
    table.add_column("Worst", no_wrap=True)
    table.add_column("Title", overflow="fold", ratio=1)
    if wide:
        for h in report.hosts:
            table.add_column(Text(printable(h.name)), no_wrap=True, overflow="ellipsis", max_width=14)
    else:
        table.add_column("Hosts", overflow="fold")
    if report.errors:
        table.add_column("Answered", no_wrap=True)  # the worst over the hosts that answered
    table.add_column("Drift", no_wrap=True)
    for c in report.controls:
        cells: list[Text] = []
        if wide:
            cells = [Text(SHORT[c.statuses[h.name]], style=TERMINAL_STYLES[c.statuses[h.name]]) for h in report.hosts]
        else:
            tally = {s: sum(1 for v in c.statuses.values() if v == s) for s in STATUS_ORDER}
            cells = [Text(", ".join(f"{n} {LABELS[s]}" for s, n in tally.items() if n))]
        title = Text(printable(c.title))
        if c.failing_hosts and not wide:
            title.append("\nfailing: " + printable(", ".join(c.failing_hosts)), style=TERMINAL_STYLES["fail"])
        if report.errors:
            answered = c.worst_answered
            cells.append(Text(LABELS[answered], style=TERMINAL_STYLES[answered]) if answered else Text("none"))
        table.add_row(Text(printable(c.id)), Text(LABELS[c.worst], style=TERMINAL_STYLES[c.worst]), title, *cells,
                      Text("drift" if c.drift else ""))
    return table


def summary_line(report: FleetReport) -> str:
    """'3 hosts: 2 answered, 1 in error; 105 controls, worst status: 12 fail, ...; drift in 4 (engine)'."""
    answered = sum(1 for h in report.hosts if h.ok)
    worst = ", ".join(f"{report.counts.get(s, 0)} {LABELS[s].lower()}" for s in SUMMARY_ORDER)
    drift = len(report.drift)
    return printable(f"{len(report.hosts)} hosts: {answered} answered, {len(report.hosts) - answered} in error; "
                     f"{len(report.controls)} controls, worst status over the hosts: {worst}; "
                     f"drift in {drift} control{'s' * (drift != 1)} ({report.engine})")


# ----------------------------------------------------------------------------- HTML


def render_html(report: FleetReport) -> str:
    """One self-contained page (no network; the single report's CSP, CSS and escaping)."""
    css = _asset("report.css") + _asset("fleet.css")
    js = _asset("filter.js") + _asset("fleet.js")
    hosts = [_host(h) for h in report.hosts]
    return _environment().get_template("fleet.html.j2").render(
        report=report, hosts=hosts, controls=[_control(report, c) for c in report.controls],
        answered=sum(1 for h in report.hosts if h.ok), chart=_chart(report), labels=LABELS, order=SUMMARY_ORDER,
        counts={s: sum(1 for c in report.controls if (c.worst_answered or c.worst) == s) for s in SUMMARY_ORDER},
        in_error=len(report.errors), drift=len(report.drift),
        generated=report.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"), css=Markup(css), js=Markup(js),
        csp=Markup(_csp(css, js)))


def _host(h: FleetHost) -> dict[str, Any]:
    r = h.report
    return {"h": h, "status": host_status(h), "error": host_error(h),
            "engine": docker_engine_text(r) if r is not None else "",
            "score": score_text(r) if r is not None else "not audited",
            "counts": ({s: r.counts.get(s, 0) for s in SUMMARY_ORDER} if r is not None else {}),
            "collected": f"{r.snapshot_meta.duration_seconds:.1f} s" if r is not None else "",
            "task": f"{h.task_seconds:.1f} s" if h.task_seconds is not None else ""}


def _control(report: FleetReport, c: Any) -> dict[str, Any]:
    reasons = {}
    for h in report.hosts:
        if h.report is None:
            reasons[h.name] = f"not audited: {host_error(h)}"
            continue
        result = next((r for r in h.report.results if r.id == c.id), None)
        reasons[h.name] = result.reason if result is not None else "not evaluated on this host"
    cells = [{"host": h.name, "status": c.statuses[h.name], "label": LABELS[c.statuses[h.name]],
              "title": f"{h.name}: {LABELS[c.statuses[h.name]]}, {reasons[h.name]}"} for h in report.hosts]
    search = " ".join([c.id, c.title, c.worst, c.section_title, *c.failing_hosts]).lower()
    answered = c.worst_answered or c.worst
    return {"c": c, "label": LABELS[c.worst], "answered": answered, "answered_label": LABELS[answered], "cells": cells,
            "search": search}


def _chart(report: FleetReport) -> dict[str, Any]:
    """Stacked bars, one per host: its controls per status (a host in error: all ``error``).
    The single report's chart template draws it."""
    label_w, bar_w, row_h, top = 250, 640, 34, 8
    total = max(len(report.controls), 1)
    rows: list[dict[str, Any]] = []
    for i, h in enumerate(report.hosts):
        statuses: list[str] = [c.statuses[h.name] for c in report.controls]
        x = float(label_w)
        segments: list[dict[str, Any]] = []
        for status in CHART_ORDER:
            n = statuses.count(status)
            if not n:
                continue
            w = bar_w * n / total
            label = LABELS[status] if h.ok else f"{LABELS[status]} (not audited)"
            segments.append({"status": status, "count": n, "x": round(x, 2), "width": round(w, 2),
                             "color": COLORS[status], "label": label})
            x += w
        rows.append({"number": h.name, "title": "", "total": len(statuses), "y": top + i * row_h,
                     "segments": segments, "end": round(x, 2)})
    present = [s for s in CHART_ORDER if any(seg["status"] == s for r in rows for seg in r["segments"])]
    return {"rows": rows, "width": label_w + bar_w + 60, "height": top * 2 + max(1, len(rows)) * row_h,
            "label_w": label_w, "row_h": row_h, "legend": present, "aria": "Control status per host",
            "row_noun": "Host"}
