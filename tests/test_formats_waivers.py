"""Waived findings are counted, never silent: every format shows them and the waiver that covers
them, and the expired and stale waivers, for one evaluation of synthetic.snapshot(7) with one
active waiver (W-0042: 5.11 on app-0 and app-1), one expired (W-0007: 5.10, ended 2026-06-30)
and one stale (W-0099: 5.7, which passes), an attestation in force (1.2) and one expired (4.3).
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache

import pytest
from junitparser import Failure, JUnitXml, Skipped
from test_formats_data import HOSTILE, RAW_CONTROLS
from test_formats_html import parse
from test_formats_sarif import multitool, validate  # noqa: F401 - the validator fixture
from test_waivers import ENGINE, SNAP, attestation, waiver, waivers

import dockerbench
from dockerbench.report import get_format, render

REASON = "heap tuned by the app; a cgroup limit breaks GC"
OWNER = "team-billing@example.com"
ACTIVE_NOTE = f"waived by W-0042 ({OWNER}, until 2027-06-30)"
EXPIRED_NOTE = "waiver W-0007 expired 2026-06-30"
SUMMARY = ("waivers as of 2026-11-01: 1 applied (2 findings waived), 1 expired (W-0007: 3 findings not waived), "
           "1 stale (W-0099), 1 attestation applied, 1 attestation expired (4.3)")
DOC = waivers(
    waiver("W-0042", ["5.11"], resources=[{"kind": "container", "name": "app-[01]"}], reason=REASON, owner=OWNER,
           ticket="SEC-1234"),
    waiver("W-0007", ["5.10"], expires="2026-06-30", reason="memory managed by the scheduler"),
    waiver("W-0099", ["5.7"], expires="2027-01-31", reason="sshd in the debug image"),
    attestations=[attestation(["1.2"], explanation="hardened to the CIS Debian baseline"),
                  attestation(["4.3"], attested_on="2026-01-05", valid_for_days=30)])


@lru_cache(maxsize=1)
def report() -> dockerbench.Report:
    return dockerbench.evaluate(SNAP, engine=ENGINE, controls=["1.2", "4.3", "5.7", "5.10", "5.11", "4.6"], waivers=DOC)


def test_the_evaluation_has_one_active_one_expired_and_one_stale_waiver():
    assert [(w.id, w.status, w.findings) for w in report().waivers.waivers] == [
        ("W-0042", "applied", 2), ("W-0007", "expired", 3), ("W-0099", "stale", 0)]


def test_table_notes_each_waiver_under_its_control_and_sums_them_up_in_the_caption():
    text = get_format("table", width=250).render(report())
    assert f"{ACTIVE_NOTE}: 2 findings" in text
    assert f"{EXPIRED_NOTE}: 3 findings" in text
    assert "attested pass by alice@example.com on 2026-10-01 (valid through 2026-12-29)" in text
    assert "attestation by alice@example.com on 2026-01-05 expired 2026-02-03" in text
    assert "Waivers" + SUMMARY.removeprefix("waivers") in " ".join(text.split())  # the caption wraps


def test_json_names_the_waiver_of_every_waived_or_formerly_waived_finding():
    doc = json.loads(render(report(), "json"))
    by_id = {r["id"]: r for r in doc["results"]}
    assert [f["waiver"] for f in by_id["5.11"]["findings"]][:2] == [
        {"id": "W-0042", "reason": REASON, "owner": OWNER, "ticket": "SEC-1234", "expires": "2027-06-30",
         "expired": False}] * 2
    assert by_id["5.11"]["findings"][2]["waiver"] is None
    assert {f["waiver"]["expired"] for f in by_id["5.10"]["findings"]} == {True}
    assert [(w["id"], w["status"]) for w in doc["waivers"]["waivers"]] == [
        ("W-0042", "applied"), ("W-0007", "expired"), ("W-0099", "stale")]


def _sarif() -> dict:
    return json.loads(render(report(), "sarif"))


def test_sarif_suppresses_waived_results_naming_the_waiver():
    results = [r for r in _sarif()["runs"][0]["results"] if r["ruleId"] == "5.11"]
    assert [r["suppressions"] for r in results[:2]] == [[{
        "kind": "external", "status": "accepted",
        "justification": f"Waiver W-0042 ({OWNER}, ticket SEC-1234, until 2027-06-30): {REASON}",
        "properties": {"waiver": {"id": "W-0042", "reason": REASON, "owner": OWNER, "ticket": "SEC-1234",
                                  "expires": "2027-06-30", "expired": False}}}]] * 2
    assert "suppressions" not in results[2]


def test_sarif_results_of_an_expired_waiver_are_unsuppressed_and_say_it_expired():
    results = [r for r in _sarif()["runs"][0]["results"] if r["ruleId"] == "5.10"]
    assert len(results) == 3
    assert all("suppressions" not in r and r["level"] == "error" for r in results)
    assert all(r["message"]["text"].endswith(f"; {EXPIRED_NOTE}.") for r in results)


def test_sarif_lists_expired_and_stale_waivers_as_configuration_notifications():
    run = _sarif()["runs"][0]
    assert [n["message"]["text"] for n in run["invocations"][0]["toolConfigurationNotifications"]] == [
        "Waiver W-0007 is expired: expired 2026-06-30 (as of 2026-11-01): the 3 findings it matches are not waived.",
        "Waiver W-0099 is stale: matches no finding: 5.7 pass."]
    assert run["properties"]["waivers"]["as_of"] == "2026-11-01"


def test_sarif_with_waivers_passes_the_sarif_multitool_validator(multitool, tmp_path):  # noqa: F811
    path = tmp_path / "waivers.sarif"
    path.write_text(render(report(), "sarif"), encoding="utf-8")
    found = validate(multitool, path)
    assert (found["error"], found["warning"]) == ([], [])


def _cases() -> dict[str, object]:
    xml = JUnitXml.fromstring(render(report(), "junit").encode("utf-8"))
    return {case.name: case for suite in xml for case in suite}


def test_junit_skips_a_waived_resource_naming_the_waiver():
    case = next(c for name, c in _cases().items() if name.startswith("5.11 ") and name.endswith("[container app-0]"))
    (skipped,) = case.result
    assert isinstance(skipped, Skipped)
    assert skipped.message == f"waived W-0042 ({OWNER}, until 2027-06-30): {REASON}"
    assert case.system_out.endswith(f"[{ACTIVE_NOTE}]")


def test_junit_fails_the_resources_of_an_expired_waiver_and_says_it_expired():
    case = next(c for name, c in _cases().items() if name.startswith("5.10 ") and name.endswith("[container app-0]"))
    (failure,) = case.result
    assert isinstance(failure, Failure) and failure.message.endswith(f"[{EXPIRED_NOTE}]")


def test_junit_suites_say_what_the_waivers_did():
    xml = JUnitXml.fromstring(render(report(), "junit").encode("utf-8"))
    suite = next(iter(xml))
    assert {p.name: p.value for p in suite.properties()}["waivers"] == SUMMARY


def _page_text(html: str) -> str:
    """The page's text as a reader sees it: text nodes joined, whitespace collapsed."""
    return " ".join("".join(parse(html).text).split())


def test_html_lists_the_waivers_and_marks_each_finding_with_its_waiver():
    text = _page_text(render(report(), "html"))
    assert SUMMARY in text
    assert f"{ACTIVE_NOTE}: {REASON} (SEC-1234)" in text
    assert EXPIRED_NOTE in text
    assert "matches no finding: 5.7 pass" in text
    assert "attested pass by alice@example.com on 2026-10-01 (valid through 2026-12-29)" in text


def test_csv_carries_the_waiver_of_each_finding():
    rows = list(csv.DictReader(io.StringIO(render(report(), "csv"), newline="")))
    cols = ("resource_name", "finding_status", "waiver_id", "waiver_expires", "waiver_expired", "waiver_owner")
    assert [tuple(r[c] for c in cols) for r in rows if r["control_id"] == "5.11"] == [
        ("app-0", "waived", "W-0042", "2027-06-30", "false", OWNER),
        ("app-1", "waived", "W-0042", "2027-06-30", "false", OWNER),
        ("app-2", "fail", "", "", "", "")]
    assert {r["waiver_expired"] for r in rows if r["control_id"] == "5.10"} == {"true"}
    (attested,) = [r for r in rows if r["control_id"] == "1.2"]
    assert attested["status"] == "pass" and attested["message"].startswith("attested pass by alice@example.com on 2026-10-01")


def test_markdown_names_the_waiver_of_each_finding_and_tables_the_waivers():
    text = render(report(), "markdown")
    assert "— 🔕 waived by W-0042 (team-billing@&#8203;example.com, until 2027-06-30)" in text
    assert f"— ⏰ {EXPIRED_NOTE}" in text
    assert "| W-0099 | 🧹 stale | 0 | 5.7 | ops@&#8203;example.com | 2027-01-31 | matches no finding: 5.7 pass |" in text
    assert "**Waivers** as of 2026-11-01: 1 applied" in text
    assert "| — | 🔕 applied | 1.2 | ✅ pass | alice@&#8203;example.com | 2026-10-01 | 2026-12-29 |" in text


def test_to_pandas_has_the_waiver_columns():
    frame = report().to_pandas()
    rows = frame[frame.control_id == "5.11"][["resource_name", "finding_status", "waiver_id", "waiver_expired"]]
    assert rows.values.tolist() == [["app-0", "waived", "W-0042", False], ["app-1", "waived", "W-0042", False],
                                    ["app-2", "fail", None, None]]


def test_jupyter_shows_the_waivers():
    assert SUMMARY in report()._repr_html_()
    assert ACTIVE_NOTE in report().result("5.11")._repr_html_()


def test_the_score_leaves_waived_controls_out_and_every_format_says_how_many():
    doc = waivers(waiver("W-1", ["5.11"]))
    rep = dockerbench.evaluate(SNAP, engine=ENGINE, controls=["5.7", "5.11"], waivers=doc)
    assert (rep.score.passed, rep.score.considered, rep.score.percent, rep.score.waived) == (1, 1, 100.0, 1)
    shown = "100.0% (1 of 1 scored controls pass; 1 waived, not counted)"
    assert shown in get_format("table", width=250).render(rep)
    assert "**Score: 100.0%** (1 of 1 scored controls pass; 1 waived, not counted)" in render(rep, "markdown")
    assert "1 waived control not counted." in _page_text(render(rep, "html"))


@pytest.mark.parametrize("name", ("table", "markdown", "html", "csv", "junit"))
def test_hostile_text_in_a_waiver_is_shown_never_run(name):
    doc = waivers(waiver("W-1" + HOSTILE, ["5.11"], reason="reason " + HOSTILE, owner="owner" + HOSTILE),
                  waiver("W-2" + HOSTILE, ["5.7"]))
    text = render(dockerbench.evaluate(SNAP, engine=ENGINE, controls=["5.7", "5.11"], waivers=doc), name)
    assert [repr(ch) for ch in RAW_CONTROLS if ch in text] == []
