"""GitHub-flavoured Markdown for pull-request and issue comments.

A summary table of counts, a table of the controls that did not pass (error, fail, warn) with
their finding counts, then one collapsible ``<details>`` block of findings per control.
Error controls get a block too (the reason and the missing facts), and so do waived controls.
Controls needing a person (manual) are listed by id in one more collapsed block.

With waivers, the head says what they did and a table lists each waiver (applied, expired,
stale, not applicable) and each attestation; every finding a waiver covers names it
(``🔕 waived by W-0042 (owner, until 2027-06-30)``), and so does one whose waiver expired
(``⏰ waiver W-0042 expired 2027-06-30``).

The text stays under ``max_bytes`` (default 60 000 bytes; GitHub's comment limit is 65 536
characters): findings lists are cut to ``max_findings`` per control with "… and N more", the
cut is halved until the text fits, and as a last resort the trailing details blocks are
dropped with a note saying how many.

Every string from the snapshot is untrusted: Markdown and HTML punctuation is escaped, ``@``
gets a zero-width space so a container name cannot mention (ping) anyone, newlines become
spaces so a value cannot break out of its table row, control and bidi characters are shown
by :func:`~dockerbench._text.printable` (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

from .._report import ControlResult, Finding, Report
from .._text import printable
from ._common import (
    LABELS,
    SUMMARY_ORDER,
    counts,
    docker_engine_text,
    host_name,
    iso_time,
    one_line,
    score_text,
    value_text,
    waiver_summary,
)
from .interface import Format

ICONS = {"pass": "✅", "fail": "❌", "warn": "⚠️", "error": "💥", "manual": "📝",
         "not_applicable": "➖", "waived": "🔕"}
NOT_PASSING = ("error", "fail", "warn")
WAIVER_ICONS = {"applied": "🔕", "expired": "⏰", "stale": "🧹", "not_applicable": "➖", "not_yet_valid": "⏳"}
#: Rows of the waivers and attestations tables at most (the rest are counted).
MAX_WAIVER_ROWS = 50
#: Inline Markdown/HTML punctuation (md() output never starts a line, so "1." "-" "#" are safe).
_ESCAPE = set("\\`*_[]<>|~")


def md(text: object) -> str:
    """Untrusted text as inline Markdown that renders literally."""
    out = []
    for ch in printable(one_line(str(text))):
        if ch == "&":
            out.append("&amp;")
        elif ch == "@":
            out.append("@&#8203;")
        elif ch in _ESCAPE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


class MarkdownFormat(Format):
    name = "markdown"
    extension = "md"
    media_type = "text/markdown"

    def __init__(self, *, max_bytes: int = 60_000, max_findings: int = 20) -> None:
        self.max_bytes = max_bytes
        self.max_findings = max_findings

    def render(self, report: Report) -> str:
        head = _head(report)
        detailed = [r for r in _not_passing(report) if r.findings or r.status == "error"]
        detailed += [r for r in report.results if r.status == "waived" and r.findings]
        cap = self.max_findings
        while True:
            blocks = [_details(r, cap) for r in detailed]
            text = _join(head, blocks, report)
            if _size(text) <= self.max_bytes or cap == 0:
                break
            cap //= 2
        dropped = 0
        while _size(text) > self.max_bytes and blocks:
            blocks.pop()
            dropped += 1
            note = f"_… details of {dropped} more control{'s' if dropped != 1 else ''} omitted to fit the comment size limit._\n"
            text = _join(head, [*blocks, note], report)
        return text


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _not_passing(report: Report) -> list[ControlResult]:
    order = {s: i for i, s in enumerate(NOT_PASSING)}
    chosen = [r for r in report.results if r.status in NOT_PASSING]
    return sorted(chosen, key=lambda r: order[r.status])  # stable: keeps control order per status


def _head(report: Report) -> str:
    meta = report.snapshot_meta
    c = counts(report)
    lines = [
        f"## dockerbench: {md(report.benchmark)}",
        "",
        f"**Host** {md(host_name(report))} · {md(docker_engine_text(report))} · **Engine** {md(report.engine)} · "
        f"**Generated** {iso_time(report)} · dockerbench {md(report.tool_version)}",
        "",
        "**Score: {}** ({}".format(*score_text(report).split(" (", 1)),  # bold the number only
        "",
        *([f"**Waivers** {md(str(waiver_summary(report)).removeprefix('waivers '))}", ""] if report.waivers is not None else []),
        "| Status | Controls |",
        "|---|---:|",
        *(f"| {ICONS[s]} {LABELS[s]} | {c[s]} |" for s in SUMMARY_ORDER),
        f"| **Total** | **{len(report.results)}** |",
        "",
    ]
    if meta.errors:
        lines += [f"> [!WARNING]\n> {len(meta.errors)} collection error{'s' if len(meta.errors) != 1 else ''} "
                  "in the snapshot: some facts are missing.", ""]
    bad = _not_passing(report)
    if bad:
        lines += [
            "### Controls that did not pass",
            "",
            "| Control | Status | Title | Severity | Findings | Resources |",
            "|---|---|---|---|---:|---:|",
        ]
        for r in bad:
            resources = len({(f.resource.kind, f.resource.id) for f in r.findings})
            lines.append(f"| {md(r.id)} | {ICONS[r.status]} {LABELS[r.status]} | {md(r.title)} | "
                         f"{md(r.severity)} | {len(r.findings)} | {resources} |")
        lines.append("")
    elif report.results:
        lines += ["Every decided control passes. 🎉", ""]
    else:
        lines += ["No control was evaluated.", ""]
    lines += _waiver_tables(report)
    return "\n".join(lines)


def _waiver_tables(report: Report) -> list[str]:
    w = report.waivers
    if w is None:
        return []
    lines: list[str] = []
    if w.waivers:
        lines += [f"### Waivers (as of {w.as_of})", "",
                  "| Waiver | Status | Findings | Controls | Owner | Expires | Detail |",
                  "|---|---|---:|---|---|---|---|"]
        lines += [f"| {md(x.id)} | {WAIVER_ICONS[x.status]} {md(x.status.replace('_', ' '))} | {x.findings} | "
                  f"{md(', '.join(x.controls))} | {md(x.owner)} | {md(x.expires)} | {md(x.detail)} |"
                  for x in w.waivers[:MAX_WAIVER_ROWS]]
        if len(w.waivers) > MAX_WAIVER_ROWS:
            lines.append(f"| … and {len(w.waivers) - MAX_WAIVER_ROWS} more | | | | | | |")
        lines.append("")
    if w.attestations:
        lines += ["### Attestations", "",
                  "| Attestation | Status | Controls | Result | Attested by | On | Valid through |",
                  "|---|---|---|---|---|---|---|"]
        lines += [f"| {md(a.id or '—')} | {WAIVER_ICONS[a.status]} {md(a.status.replace('_', ' '))} | "
                  f"{md(', '.join(a.controls))} | {ICONS[a.result]} {a.result} | {md(a.attested_by)} | "
                  f"{a.attested_on} | {a.valid_through} |" for a in w.attestations[:MAX_WAIVER_ROWS]]
        if len(w.attestations) > MAX_WAIVER_ROWS:
            lines.append(f"| … and {len(w.attestations) - MAX_WAIVER_ROWS} more | | | | | | |")
        lines.append("")
    return lines


def _details(r: ControlResult, cap: int) -> str:
    n = len(r.findings)
    lines: list[str | None] = [
        "<details>",
        f"<summary>{ICONS[r.status]} {md(r.id)} {md(r.title)}"
        + (f" — {n} finding{'s' if n != 1 else ''}" if n else "") + "</summary>",
        "",
    ]
    if r.status == "error":
        lines += [f"Error: {md(r.reason)}", ""]
    lines += [_finding_line(f) for f in r.findings[:cap]]
    if n > cap:
        lines.append(f"- … and {n - cap} more")
    if r.remediation:
        lines += ["" if n else None, f"**Remediation:** {md(r.remediation)}"]
    lines += ["", "</details>", ""]
    return "\n".join(line for line in lines if line is not None)


def _finding_line(f: Finding) -> str:
    res = f.resource
    name = res.id if res.kind == "file" else (res.name or res.id)
    line = f"- {ICONS[f.status]} **{md(res.kind)}** {md(name)}: {md(f.message)}"
    values = [f"{label} {md(_value(v))}" for label, v in (("actual", f.actual), ("expected", f.expected))
              if v is not None]
    line += f" ({'; '.join(values)})" if values else ""
    if f.waiver is not None:
        line += f" — {'⏰' if f.waiver.expired else '🔕'} {md(f.waiver.note)}"
    return line


def _value(value: object) -> str:
    text = value_text(value)
    if text == "":
        return '""'
    return text if len(text) <= 200 else text[:199] + "…"


def _join(head: str, blocks: list[str], report: Report) -> str:
    manual = [r for r in report.results if r.status == "manual"]
    tail = []
    if manual:
        tail = ["<details>", f"<summary>📝 {len(manual)} control{'s' if len(manual) != 1 else ''} need a manual review</summary>",
                "", ", ".join(md(r.id) for r in manual), "", "</details>", ""]
    parts = [head]
    if blocks:
        parts += ["### Findings", "", *blocks]
    return "\n".join(parts + tail).rstrip("\n") + "\n"
