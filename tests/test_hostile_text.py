"""Hostile text from the audited host never drives the terminal nor reorders a page.

Escape sequences (clear screen, window title, an 8-bit CSI), NUL and a right-to-left override
in names, labels and messages are shown by ``dockerbench._text.printable`` in every
human-facing output: the table, Markdown, HTML, CSV, JUnit and ``dockerbench diff``. JSON,
SARIF and snapshots keep the exact text, escaped (``\\u001b``, ``\\u202e``). The browser test
of bidi isolation is in test_formats_html.py.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
import synthetic
from test_formats_data import HOSTILE, HOSTILE_SHOWN, RAW_CONTROLS, hostile_report

import dockerbench
from dockerbench._text import printable
from dockerbench.report import get_format, render

HUMAN_FORMATS = ("table", "markdown", "html", "csv", "junit")


def _raw(text: str) -> list[str]:
    return [repr(ch) for ch in RAW_CONTROLS if ch in text]


# ----------------------------------------------------------------------------- printable()


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[2J", r"\x1b[2J"),
    ("\x1b]0;title\x07", r"\x1b]0;title\x07"),
    ("\x9b31m", r"\x9b31m"),
    ("a\x00b", r"a\x00b"),
    ("\x7f", r"\x7f"),
    ("\x85", r"\x85"),
    ("tab\tnew\nret\r", r"tab\tnew\nret\r"),
    ("\u202eevil\u202c", r"\u202eevil\u202c"),
    ("\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d", r"\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d"),
    ("line\u2028sep\u2029", r"line\u2028sep\u2029"),
    ("lone \ud800", r"lone \ud800"),
])
def test_printable_shows_each_control_as_its_python_escape(text, shown):
    assert printable(text) == shown


def test_printable_leaves_ordinary_text_of_every_script_alone():
    text = "naïve ☃ עברית العربية 中文 C:\\dir [bold] <b> 😀"
    assert printable(text) == text


def test_printable_multiline_keeps_tab_and_newline_only():
    assert printable("a\tb\nc\rd\x1b", multiline=True) == "a\tb\nc\\rd\\x1b"


def test_printable_takes_any_value():
    assert printable(None) == "None" and printable(12) == "12"


# ----------------------------------------------------------------------------- report formats


@pytest.mark.parametrize("name", HUMAN_FORMATS)
def test_no_raw_control_reaches_a_human_format(name):
    text = render(hostile_report(), name)
    assert _raw(text) == []


def test_table_shows_the_escapes():
    text = get_format("table", width=200).render(hostile_report())
    assert f"title {HOSTILE_SHOWN}" in text and f"host{HOSTILE_SHOWN}" in text


def test_markdown_shows_the_escapes_as_literal_text():
    text = render(hostile_report(), "markdown")
    # printable's backslashes and the bracket are escaped again, so GitHub shows \x1b[2J ...
    assert r"title \\x1b\[2J\\x1b\]0;pwned\\x07\\x9b31m\\x00\\u202e" in text


def test_html_shows_the_escapes_inside_bdi():
    text = render(hostile_report(), "html")
    assert f"<bdi>container is privileged {HOSTILE_SHOWN}</bdi>" in text
    assert f"<bdi>host{HOSTILE_SHOWN}</bdi>" in text


def test_jupyter_html_shows_the_escapes_inside_bdi():
    report = hostile_report()
    assert _raw(report._repr_html_()) == [] and _raw(report.result("5.4")._repr_html_()) == []
    assert f"<bdi>container is privileged {HOSTILE_SHOWN}</bdi>" in report.result("5.4")._repr_html_()


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_shows_the_escapes_and_keeps_the_formula_guard():
    report = hostile_report()
    row = next(r for r in _csv(render(report, "csv")) if r["control_id"] == "5.4")
    assert row["resource_name"] == "web" + HOSTILE_SHOWN
    # a structured value is JSON (which escapes C0 itself); C1 and bidi are shown by printable
    assert row["actual"] == r'{"com.example.owner":"ops\u001b[2J\u001b]0;pwned\u0007\x9b31m\u0000\u202e"}'
    five_four = report.result("5.4")
    formula = five_four.model_copy(update={"findings": [five_four.findings[0].model_copy(update={"message": "=cmd" + HOSTILE})]})
    rows = _csv(render(report.model_copy(update={"results": [formula]}), "csv"))
    assert rows[0]["message"] == "'=cmd" + HOSTILE_SHOWN


def test_csv_can_still_write_the_exact_values():
    rows = _csv(get_format("csv", formula_guard=False, printable=False).render(hostile_report()))
    assert next(r for r in rows if r["control_id"] == "5.4")["resource_name"] == "web" + HOSTILE


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_machine_formats_keep_the_exact_text_escaped(name):
    text = render(hostile_report(), name)
    assert _raw(text) == []  # C0 escaped by the JSON encoder, C1 and bidi by json_printable
    assert any("web" + HOSTILE in s for s in _strings(json.loads(text)))


def test_a_snapshot_keeps_the_exact_text_escaped():
    snap = synthetic.snapshot(1)
    snap = snap.model_copy(update={"containers": [snap.containers[0].model_copy(update={"name": "/app" + HOSTILE})]})
    text = snap.to_json()
    assert _raw(text) == [] and r"/app\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0000\u202e" in text
    assert dockerbench.load_snapshot(text).containers[0].name == "/app" + HOSTILE


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_json_report_round_trips_the_hostile_text():
    report = hostile_report()
    assert dockerbench.load_report(render(report, "json")).result("5.4").findings[0].resource.name == "web" + HOSTILE


# ----------------------------------------------------------------------------- dockerbench diff


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    from _cli import run

    return run(*args)


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    """Two reports: before without findings, after with the hostile ones (and a hostile title)."""
    tmp = tmp_path_factory.mktemp("diff")
    after = hostile_report()
    before = after.model_copy(update={"results": [r.model_copy(update={"findings": [], "status": "pass"})
                                                  for r in after.results]})
    paths = tmp / "before.json", tmp / "after.json"
    before.save(paths[0])
    after.save(paths[1])
    return paths


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_diff_of_reports_prints_no_raw_control(hostile_reports, fmt):
    proc = _cli("diff", *map(str, hostile_reports), "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert _raw(proc.stdout) == [] and _raw(proc.stderr) == []
    if fmt == "table":
        assert f"  5.4   container/web{HOSTILE_SHOWN}: container is privileged {HOSTILE_SHOWN}" in proc.stdout
        assert f"  1.1   pass -> error  title {HOSTILE_SHOWN}" in proc.stdout
    else:  # Markdown: the escapes are escaped again, like every untrusted string
        assert r"- 5.4   container/web\\x1b\[2J" in proc.stdout


def test_diff_of_snapshots_prints_no_raw_control(tmp_path):
    before, after = synthetic.snapshot(2), synthetic.snapshot(3)
    hostile = after.containers[2].model_copy(update={"name": "/app" + HOSTILE})
    after = after.model_copy(update={"containers": [*after.containers[:2], hostile]})
    before.save(tmp_path / "before.json")
    after.save(tmp_path / "after.json")
    proc = _cli("diff", str(tmp_path / "before.json"), str(tmp_path / "after.json"))
    assert proc.returncode == 1, proc.stderr
    assert _raw(proc.stdout) == []
    assert f"added    container /app{HOSTILE_SHOWN}" in proc.stdout


def test_diff_json_keeps_the_exact_text_escaped(hostile_reports):
    proc = _cli("diff", *map(str, hostile_reports), "--format", "json")
    assert _raw(proc.stdout) == []
    names = {f["resource"]["name"] for f in json.loads(proc.stdout)["new_findings"]}
    assert "web" + HOSTILE in names


def test_an_error_line_shows_no_raw_control(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"meta": {}, "extra" + HOSTILE: 1}))
    proc = _cli("evaluate", str(bad))
    assert proc.returncode == 2 and _raw(proc.stderr) == []
    assert f"not a valid snapshot: extra{HOSTILE_SHOWN}: Extra inputs are not permitted" in proc.stderr
