"""The report as a pandas DataFrame (``Report.to_pandas()``): one row per finding.

A control without findings gives one row whose resource and finding columns are None.
``status`` is the control's status, ``finding_status`` the finding's. ``actual`` and
``expected`` keep their Python values. The ``waiver_*`` columns are those of the CSV format
(``waiver_expires`` as text: a date or "never"). pandas is an optional extra
(``dockerbench[pandas]``).
"""

from __future__ import annotations

from typing import Any

from .._errors import UsageError
from .._report import Finding, Report
from ._common import control_cells, finding_cells
from .csv import waiver_columns

COLUMNS = ("control_id", "title", "section", "section_title", "level", "scored", "automated", "severity",
           "status", "reason", "finding_status", "resource_kind", "resource_id", "resource_name",
           "message", "actual", "expected", "waiver_id", "waiver_expires", "waiver_expired", "waiver_owner",
           "waiver_reason")

_DTYPES = {"level": "int64", "scored": "bool", "automated": "bool"}


def to_dataframe(report: Report) -> Any:
    pd = pandas()
    records = rows(report)
    # Text columns stay object dtype so an empty cell is None (not NaN), as documented.
    return pd.DataFrame({
        col: pd.Series([rec[col] for rec in records], dtype=_DTYPES.get(col, object))
        for col in COLUMNS
    })


def pandas() -> Any:
    """The pandas module, imported when a DataFrame is asked for (an optional extra)."""
    try:
        import pandas as pd
    except ImportError:
        raise UsageError("to_pandas() needs pandas: pip install 'dockerbench[pandas]'") from None
    return pd


def rows(report: Report) -> list[dict[str, Any]]:
    """The DataFrame's rows as dicts, one per finding (one per control without findings)."""
    records: list[dict[str, Any]] = []
    for r in report.results:
        control = control_cells(r, COLUMNS)
        findings: list[Finding | None] = [*r.findings] or [None]  # a control without findings: one row
        records += [{**control, **finding_cells(f), **waiver_columns(f)} for f in findings]
    return records
