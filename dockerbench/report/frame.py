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
from .._report import Report
from .csv import waiver_columns

COLUMNS = ("control_id", "title", "section", "section_title", "level", "scored", "automated", "severity",
           "status", "reason", "finding_status", "resource_kind", "resource_id", "resource_name",
           "message", "actual", "expected", "waiver_id", "waiver_expires", "waiver_expired", "waiver_owner",
           "waiver_reason")

_DTYPES = {"level": "int64", "scored": "bool", "automated": "bool"}


def to_dataframe(report: Report) -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise UsageError("to_pandas() needs pandas: pip install 'dockerbench[pandas]'") from None
    records: list[dict[str, Any]] = []
    for r in report.results:
        control = {"control_id": r.id, "title": r.title, "section": r.section, "section_title": r.section_title,
                   "level": r.level, "scored": r.scored, "automated": r.automated, "severity": r.severity,
                   "status": r.status, "reason": r.reason}
        if not r.findings:
            records.append({**control, "finding_status": None, "resource_kind": None, "resource_id": None,
                            "resource_name": None, "message": None, "actual": None, "expected": None,
                            **waiver_columns(None)})
        for f in r.findings:
            records.append({**control, "finding_status": f.status, "resource_kind": f.resource.kind,
                            "resource_id": f.resource.id, "resource_name": f.resource.name,
                            "message": f.message, "actual": f.actual, "expected": f.expected,
                            **waiver_columns(f)})
    # Text columns stay object dtype so an empty cell is None (not NaN), as documented.
    return pd.DataFrame({
        col: pd.Series([rec[col] for rec in records], dtype=_DTYPES.get(col, object))
        for col in COLUMNS
    })
