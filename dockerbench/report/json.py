"""The Report as its own JSON document (valid against ``schemas/report.schema.json``)."""

from __future__ import annotations

from .._report import Report
from .interface import Format


class JsonFormat(Format):
    name = "json"
    extension = "json"
    media_type = "application/json"

    def __init__(self, *, indent: int | None = 2) -> None:
        self.indent = indent

    def render(self, report: Report) -> str:
        return report.to_json(indent=self.indent) + "\n"
