"""A terminal table: one row per control (id, coloured status, title, affected resources).

An ``error`` row says why under its title, and a row with waived findings, an expired waiver
or an attestation says which (``waived by W-0042 (owner, until 2027-06-30): 2 findings``); the
caption gives the score, the counts, what the waivers did (applied, expired, stale) and the
snapshot's collection errors (how many, and the first :data:`MAX_ERRORS` of them).

``render`` returns plain text (no ANSI codes) for logs and files; :func:`print_table` prints
the same table in colour on a ``rich`` console. Cell text is passed as ``rich.text.Text``, so
square brackets in untrusted names are shown, never read as console markup, and every string
from the report goes through :func:`~dockerbench._text.printable`, so an escape sequence in it
is shown (``\\x1b[2J``), never run by the terminal.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .._report import Report
from .._text import printable
from ._common import (
    LABELS,
    SUMMARY_ORDER,
    TERMINAL_STYLES,
    affected_resources,
    counts,
    docker_engine_text,
    host_name,
    iso_time,
    score_text,
    waiver_notes,
    waiver_summary,
)
from .interface import Format

#: Collection errors listed one per line under the table; the rest are counted.
MAX_ERRORS = 5


class TableFormat(Format):
    name = "table"
    extension = "txt"
    media_type = "text/plain"

    def __init__(self, *, width: int = 120) -> None:
        self.width = width

    def render(self, report: Report) -> str:
        buf = io.StringIO()
        console = Console(file=buf, width=self.width, color_system=None, force_terminal=False,
                          no_color=True, highlight=False, emoji=False, soft_wrap=False)
        print_table(report, console)
        return buf.getvalue()


def build_table(report: Report) -> Table:
    """The rich Table of a report (one row per control) with a summary caption."""
    c = counts(report)
    caption = Text("  ").join(
        Text(f"{LABELS[s]} {c[s]}", style=TERMINAL_STYLES[s]) for s in SUMMARY_ORDER if c[s]
    )
    waivers = waiver_summary(report)
    table = Table(
        title=Text.assemble(printable(f"{report.benchmark} — {host_name(report)} — {iso_time(report)}"), "\n",
                            printable(docker_engine_text(report))),
        caption=Text.assemble(f"Score {score_text(report)}   ", caption, "\n",
                              *([Text(printable(waivers[:1].upper() + waivers[1:])), Text("\n")] if waivers else []),
                              _errors(report)),
        caption_justify="left",
        header_style="bold",
        expand=False,
        min_width=80,
    )
    table.add_column("ID", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Title", overflow="fold", ratio=1)
    table.add_column("Resources", justify="right", no_wrap=True)
    for r in report.results:
        n = affected_resources(r)
        title = Text(printable(r.title))
        if r.status == "error":
            title.append(f"\nreason: {printable(r.reason)}", style=TERMINAL_STYLES["error"])
        for note, lapsed in waiver_notes(r):
            title.append(f"\n{printable(note)}", style=TERMINAL_STYLES["fail" if lapsed else "waived"])
        table.add_row(Text(printable(r.id)), Text(LABELS[r.status], style=TERMINAL_STYLES[r.status]),
                      title, Text(str(n) if n else ""))
    return table


def _errors(report: Report) -> Text:
    """'Collection errors: none', or how many and the first few (section, item, kind: message)."""
    errors = report.snapshot_meta.errors
    if not errors:
        return Text("Collection errors: none")
    text = Text(f"Collection errors: {len(errors)} (facts the snapshot lacks)", style=TERMINAL_STYLES["error"])
    for e in errors[:MAX_ERRORS]:
        text.append("\n  " + printable(f"{e.section} {e.item} ({e.kind}): {e.message}"))
    if len(errors) > MAX_ERRORS:
        text.append(f"\n  … and {len(errors) - MAX_ERRORS} more (see the JSON or HTML report)")
    return text


def print_table(report: Report, console: Any = None) -> None:
    """Print the table in colour on ``console`` (a ``rich.console.Console``; stdout by default)."""
    (console or Console()).print(build_table(report))
