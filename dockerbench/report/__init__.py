"""Output formats of a Report (ports and adapters, after pip-audit).

Each format is one small class behind :class:`~dockerbench.report.interface.Format`; the
registry below lists them explicitly (no import-time self-registration)::

    from dockerbench.report import FORMATS, render
    text = render(report, "sarif")
    text = render(report, "junit", warn_as_failure=True)   # options go to the format's class

=========  ============================================================================
json       the Report document itself (``schemas/report.schema.json``)
sarif      SARIF 2.1.0 for GitHub code scanning
junit      JUnit XML, one testsuite per section
html       one self-contained page (no network), filterable
csv        one row per finding
markdown   a pull-request comment, kept under 60 KB
table      a terminal table (plain text; :func:`print_table` prints it in colour)
=========  ============================================================================
"""

from __future__ import annotations

from typing import Any

from .._errors import UsageError
from .._report import Report
from .csv import CsvFormat
from .html import HtmlFormat, section_chart
from .interface import Format
from .json import JsonFormat
from .junit import JUnitFormat
from .markdown import MarkdownFormat
from .sarif import SarifFormat
from .table import TableFormat, print_table

#: Every format by name, with default options.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (JsonFormat(), SarifFormat(), JUnitFormat(), HtmlFormat(), CsvFormat(), MarkdownFormat(),
              TableFormat())
}


def get_format(name: str, **options: Any) -> Format:
    """The format called ``name``; with options, a new instance configured with them.

    Raises :class:`~dockerbench.UsageError` for an unknown name or option.
    """
    try:
        fmt = FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown report format {name!r} (choose from {', '.join(sorted(FORMATS))})") from None
    if not options:
        return fmt
    try:
        return type(fmt)(**options)
    except TypeError:
        raise UsageError(f"report format {name!r} does not take the option(s) {', '.join(sorted(options))}") from None


def render(report: Report, name: str, **options: Any) -> str:
    """``report`` as text in the format called ``name`` (see :data:`FORMATS`)."""
    return get_format(name, **options).render(report)


__all__ = ["FORMATS", "CsvFormat", "Format", "HtmlFormat", "JUnitFormat", "JsonFormat", "MarkdownFormat",
           "SarifFormat", "TableFormat", "get_format", "print_table", "render", "section_chart"]
