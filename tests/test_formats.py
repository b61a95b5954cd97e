"""Output formats: the registry, JSON, CSV, Markdown and the terminal table.

SARIF, JUnit and HTML have their own files (each checked by an outside validator/parser).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console
from test_formats_data import ODD_NAMES, SCRIPT, empty_report, evaluated_report, expected_resources, meta, synthetic_report

import dockerbench
from dockerbench._evaluate import build_report
from dockerbench._snapshot import Snapshot
from dockerbench.report import FORMATS, Format, get_format, print_table, render
from dockerbench.report.csv import COLUMNS

ALL_FORMATS = ("json", "sarif", "junit", "html", "csv", "markdown", "table")


# ----------------------------------------------------------------------------- registry


def test_every_format_is_registered_under_its_name():
    assert sorted(FORMATS) == sorted(ALL_FORMATS)
    for name, fmt in FORMATS.items():
        assert isinstance(fmt, Format) and fmt.name == name
        assert fmt.extension and "/" in fmt.media_type


def test_unknown_format_is_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match=r"unknown report format 'yaml'.*csv, html, json"):
        render(synthetic_report(), "yaml")


def test_unknown_option_is_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match="does not take"):
        get_format("csv", colour=True)


def test_options_configure_a_new_instance_and_leave_the_registry_alone():
    fmt = get_format("junit", warn_as_failure=True)
    assert fmt.warn_as_failure and not FORMATS["junit"].warn_as_failure


def _table_after_header(text: str) -> tuple[str, list[str]]:
    """The first character of the line after the table's header rule, and the last two lines."""
    lines = [line.strip() for line in text.splitlines()]
    return lines[next(i for i, line in enumerate(lines) if line.startswith("┡")) + 1][:1], lines[-2:]


#: What each format shows of a report without results: (what to look at, what it must be).
EMPTY_SHOWN = {
    "json": (dockerbench.load_report, empty_report()),
    "sarif": (lambda text: [(run["tool"]["driver"]["rules"], run["results"]) for run in json.loads(text)["runs"]], [([], [])]),
    "junit": (lambda text: text, '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dockerbench CIS Docker Community Edition '
              'Benchmark v1.1.0" tests="0" failures="0" errors="0" skipped="0" time="0" />\n'),
    "html": (lambda text: (text.count('class="control"'), "No controls in this report</text>" in text), (0, True)),
    "csv": (lambda text: list(csv.reader(io.StringIO(text))), [list(COLUMNS)]),
    "markdown": (lambda text: text.splitlines()[-3:], ["| **Total** | **0** |", "", "No control was evaluated."]),
    "table": (_table_after_header, ("└", ["Score n/a (no scored control was decided)", "Collection errors: none"])),
}


@pytest.mark.parametrize("name", ALL_FORMATS)
def test_empty_report_renders_in_every_format_and_says_it_holds_no_control(name):
    shown, expected = EMPTY_SHOWN[name]
    assert shown(render(empty_report(), name)) == expected


@pytest.mark.parametrize("name", ALL_FORMATS)
def test_real_evaluation_renders_in_every_format(name):
    """End to end: dockerbench.evaluate() of a small snapshot built from the models."""
    report = evaluated_report()
    text = render(report, name)
    if name == "json":
        assert dockerbench.load_report(text) == report
    elif name == "csv":
        assert [row["control_id"] for row in csv.DictReader(io.StringIO(text))] == [
            r.id for r in report.results for _ in (r.findings or [None])]
    else:
        # every control shows up by id in the human formats (markdown: only the non-passing)
        shown = [r for r in report.results if name != "markdown" or r.status in ("fail", "error", "warn")]
        assert len(shown) > 10, [r.status for r in report.results]
        for r in shown:
            assert r.id in text, f"{name}: control {r.id} missing"


# ----------------------------------------------------------------------------- json


def test_json_is_the_report_document():
    report = synthetic_report()
    text = render(report, "json")
    assert dockerbench.load_report(text) == report


# ----------------------------------------------------------------------------- csv


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_finding_and_one_per_control_without_findings():
    report = synthetic_report()
    rows = _csv_rows(render(report, "csv"))
    expected = sum(max(1, len(r.findings)) for r in report.results)
    assert len(rows) == expected
    assert tuple(rows[0].keys()) == COLUMNS


def test_csv_round_trips_untrusted_values_exactly():
    report = synthetic_report()
    rows = _csv_rows(get_format("csv", formula_guard=False, printable=False).render(report))
    names = {row["resource_name"] for row in rows if row["control_id"] == "5.4"}
    assert set(ODD_NAMES) <= names
    file_row = next(r for r in rows if r["resource_id"] == "/etc/docker/my certs/ca key #1.pem")
    assert (file_row["resource_kind"], file_row["actual"], file_row["expected"]) == ("file", "0644", "0444")


def test_csv_row_without_finding_has_empty_resource_and_the_reason():
    rows = _csv_rows(render(synthetic_report(), "csv"))
    row = next(r for r in rows if r["control_id"] == "2.5")
    assert row["status"] == "not_applicable" and row["finding_status"] == ""
    assert row["resource_kind"] == row["resource_id"] == row["resource_name"] == ""
    assert "aufs" in row["message"]


def test_csv_structured_values_are_json():
    rows = _csv_rows(render(synthetic_report(), "csv"))
    row = next(r for r in rows if r["control_id"] == "5.29")
    assert json.loads(row["actual"]) == ["web", "db"] and json.loads(row["expected"]) == []


def test_csv_guards_cells_a_spreadsheet_would_run_as_formulas():
    report = synthetic_report()
    evil = report.result("5.4").findings[0].model_copy(update={"message": "=HYPERLINK(\"http://x\")", "actual": -1})
    result = report.result("5.4").model_copy(update={"findings": [evil]})
    rows = _csv_rows(render(build_report([result], Snapshot(meta=meta()), "test"), "csv"))
    assert rows[0]["message"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["actual"] == "-1"  # a plain number is left alone


# ----------------------------------------------------------------------------- markdown


def test_markdown_lists_every_control_that_did_not_pass():
    report = synthetic_report()
    text = render(report, "markdown")
    for r in report.results:
        if r.status in ("fail", "error", "warn"):
            assert re.search(rf"\| {re.escape(r.id)} \| \S+ {r.status.title()} \|", text), r.id
    assert f"| **Total** | **{len(report.results)}** |" in text


def test_markdown_escapes_untrusted_text_and_does_not_mention_anyone():
    text = render(synthetic_report(), "markdown")
    assert SCRIPT not in text and "<b>" not in text
    assert "\\<script\\>" in text
    assert "@octocat" not in text and "@&#8203;octocat" in text
    assert "\x1b" not in text
    for line in text.splitlines():  # a pipe in a name cannot add a table column
        if line.startswith("| 5.4 "):
            assert line.count("|") - line.count("\\|") == 7


def test_markdown_stays_under_the_comment_limit_with_many_findings():
    report = synthetic_report()
    base = report.result("5.4")
    many = [base.findings[0].model_copy(update={"resource": base.findings[0].resource.model_copy(
        update={"id": f"{i:064x}", "name": f"svc-{i}-" + "x" * 60})}) for i in range(4000)]
    results = [base.model_copy(update={"findings": many})] + [
        base.model_copy(update={"id": f"9.{i}", "findings": many[:300]}) for i in range(40)]
    text = render(build_report(results, Snapshot(meta=meta()), "test"), "markdown")
    assert len(text.encode()) <= 60_000
    assert "… and 3" in text  # "… and 3990 more" (or fewer once the cut is halved)
    assert "| 9.39 |" in text  # the summary table survives every cut


# ----------------------------------------------------------------------------- table


def test_table_text_lists_every_control_with_its_resource_count():
    report = synthetic_report()
    text = render(report, "table")
    assert "\x1b[" not in text
    rows = {m.group(1): m for m in re.finditer(r"^│ (\d+\.\d+)\s+│ (\S+)\s+│.*│\s*(\d*) │$", text, re.MULTILINE)}
    assert set(rows) == {r.id for r in report.results}
    assert rows["5.4"].group(3) == str(expected_resources(report.result("5.4")))
    assert rows["2.5"].group(2) == "N/A"


def test_print_table_colours_the_status():
    buf = io.StringIO()
    print_table(synthetic_report(), Console(file=buf, force_terminal=True, color_system="standard", width=140))
    out = buf.getvalue()
    assert "\x1b[" in out and "5.4" in out


def test_table_does_not_read_markup_or_escapes_from_the_report():
    report = synthetic_report()
    odd = report.result("5.4").model_copy(update={"title": "[bold red]not markup[/] \x1b[31m"})
    text = render(build_report([odd], Snapshot(meta=meta(hostname="h\x1b]0;pwned\x07")), "test"), "table")
    assert "[bold red]not markup[/]" in text
    assert "\x1b" not in text and "\x07" not in text


def test_table_says_why_a_row_is_error():
    report = synthetic_report()
    lines = render(report, "table").splitlines()
    errors = [x for x in report.results if x.status == "error"]
    assert len(errors) >= 2, "the synthetic report has errors to show"
    for r in errors:
        row = next(i for i, line in enumerate(lines) if line.startswith(f"│ {r.id} "))
        assert "│ Error " in lines[row]
        below = " ".join(line.split("│")[3].strip() for line in lines[row + 1:row + 4] if line.startswith("│      "))
        assert below.startswith(f"reason: {r.reason}"), (r.id, below)


def test_table_counts_and_lists_the_collection_errors():
    lines = [line.rstrip() for line in render(synthetic_report(), "table").splitlines()]
    assert lines[-2:] == ["Collection errors: 1 (facts the snapshot lacks)",
                          "  host auditctl -l (permission): needs root <script>alert('x')</script>"]
    assert render(empty_report(), "table").splitlines()[-1].rstrip() == "Collection errors: none"


def test_table_lists_five_collection_errors_and_counts_the_rest():
    from dockerbench._snapshot import FactError

    errors = [FactError(section="images", item=f"image {i}", kind="engine_error", message="timeout") for i in range(8)]
    text = get_format("table", width=160).render(build_report([], Snapshot(meta=meta(errors=errors)), "test"))
    assert "Collection errors: 8 (facts the snapshot lacks)" in text
    assert [i for i in range(8) if f"  images image {i} (engine_error): timeout" in text] == [0, 1, 2, 3, 4]
    assert "  … and 3 more (see the JSON or HTML report)" in text


# ----------------------------------------------------------------------------- score n/a


def _undecided_report():
    """Only a not-applicable scored control and a passing unscored one: nothing scored decided."""
    report = synthetic_report()
    return build_report([report.result("2.5"), report.result("6.1").model_copy(update={"status": "pass"})],
                        Snapshot(meta=meta()), "test")


def test_no_scored_control_decided_has_no_percent():
    score = _undecided_report().score
    assert (score.passed, score.considered, score.percent, score.percent_text) == (0, 0, None, "n/a")
    assert json.loads(render(_undecided_report(), "json"))["score"]["percent"] is None
    assert empty_report().score.percent is None


def test_no_scored_control_decided_is_na_in_table_markdown_and_html():
    report = _undecided_report()
    assert "Score n/a (no scored control was decided)" in render(report, "table")
    assert "**Score: n/a** (no scored control was decided)" in render(report, "markdown")
    html = render(report, "html")
    assert ">n/a</text>" in html and "No scored control was decided, so there is no score." in html
