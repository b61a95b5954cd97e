"""CSV: one row per finding, for spreadsheets and ad-hoc analysis.

A control without findings gives one row with empty resource columns and its reason as the
message. ``status`` is the control's status; ``finding_status`` the finding's own (``fail``,
``warn`` or ``waived``; empty on a row without a finding). ``actual``/``expected`` are the
text of a string value, else compact JSON. The ``waiver_*`` columns name the waiver that covers
the finding (``waiver_expired`` false, ``finding_status`` waived) or covered it until it expired
(``waiver_expired`` true: the finding keeps its status); they are empty when none does. An
attested control's row says who attested it and when in ``message`` (its reason).

Cells are untrusted text from the snapshot, and a CSV file is read by people (a spreadsheet,
``cat``, ``column``), so by default it is made safe in two ways:

- control and bidi characters are shown by :func:`~dockerbench._text.printable`: an ESC is
  written as the four characters ``\\x1b``, a U+202E as ``\\u202e`` (tab and newline stay:
  CSV quoting carries them); ``printable=False`` writes them as they are;
- a cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
  tab or CR, and not a plain number) is prefixed with ``'`` (OWASP "CSV injection");
  ``formula_guard=False`` leaves it alone.

``formula_guard=False, printable=False`` writes the exact values (a round trip through a CSV
reader gives them back); the JSON report always carries them exactly.
"""

from __future__ import annotations

import csv
import io
import re

from .._report import Finding, Report
from .._text import printable as printable_text
from ._common import control_cells, finding_cells, value_text
from .interface import Format

COLUMNS = ("control_id", "title", "section", "level", "scored", "severity", "status", "finding_status",
           "resource_kind", "resource_id", "resource_name", "message", "actual", "expected",
           "waiver_id", "waiver_expires", "waiver_expired", "waiver_owner", "waiver_reason")

_NO_WAIVER = {"waiver_id": None, "waiver_expires": None, "waiver_expired": None, "waiver_owner": None,
              "waiver_reason": None}

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


class CsvFormat(Format):
    name = "csv"
    extension = "csv"
    media_type = "text/csv"

    def __init__(self, *, formula_guard: bool = True, printable: bool = True) -> None:
        self.formula_guard = formula_guard
        self.printable = printable

    def render(self, report: Report) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in rows(report):
            writer.writerow([self._cell(row[c]) for c in COLUMNS])
        return buf.getvalue()

    def _cell(self, value: object) -> str:
        text = "" if value is None else ("true" if value is True else "false" if value is False else str(value))
        if self.printable:
            text = printable_text(text, multiline=True)
        if self.formula_guard and text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(text):
            return "'" + text
        return text


def rows(report: Report) -> list[dict[str, object]]:
    """The CSV rows as dicts (values before text conversion)."""
    out: list[dict[str, object]] = []
    for r in report.results:
        control = control_cells(r, COLUMNS)
        if not r.findings:  # the control's row: its reason is the message
            out.append({**control, **finding_cells(None), "message": r.reason, **waiver_columns(None)})
        out += [{**control, **finding_cells(f, value_text), **waiver_columns(f)} for f in r.findings]
    return out


def waiver_columns(f: Finding | None) -> dict[str, object]:
    """The waiver_* columns of a finding (None each when no waiver covers it, or no finding)."""
    w = f.waiver if f is not None else None
    if w is None:
        return dict(_NO_WAIVER)
    return {"waiver_id": w.id, "waiver_expires": str(w.expires), "waiver_expired": w.expired,
            "waiver_owner": w.owner, "waiver_reason": w.reason}
