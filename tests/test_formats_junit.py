"""JUnit XML, read back with junitparser (the library CI report plugins are built on)."""

from __future__ import annotations

from collections import Counter

import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from test_formats_data import SCRIPT, empty_report, evaluated_report, expected_resources, synthetic_report

from dockerbench.report import get_format, render


def _parse(text: str) -> JUnitXml:
    return JUnitXml.fromstring(text.encode("utf-8"))


def _outcomes(xml: JUnitXml) -> Counter:
    out: Counter = Counter()
    for suite in xml:
        for case in suite:
            kinds = {type(r) for r in case.result}
            out["tests"] += 1
            out["failures"] += Failure in kinds
            out["errors"] += Error in kinds
            out["skipped"] += Skipped in kinds
    return out


def expected_counts(report, warn_as_failure: bool = False) -> Counter:
    """What the JUnit mapping documented in dockerbench/report/junit.py promises."""
    c: Counter = Counter()
    for r in report.results:
        if r.status in ("fail", "warn", "waived") and r.findings:
            for key in {(f.resource.kind, f.resource.id) for f in r.findings}:
                statuses = {f.status for f in r.findings if (f.resource.kind, f.resource.id) == key}
                c["tests"] += 1
                if "fail" in statuses or ("warn" in statuses and warn_as_failure):
                    c["failures"] += 1
                elif "warn" not in statuses:
                    c["skipped"] += 1  # waived only
        else:
            c["tests"] += 1
            c["errors"] += r.status == "error"
            c["skipped"] += r.status in ("manual", "not_applicable", "waived")
            c["failures"] += r.status == "fail" or (r.status == "warn" and warn_as_failure)
    return c


@pytest.mark.parametrize("warn_as_failure", [False, True])
def test_junit_counts_match_the_report(warn_as_failure):
    report = synthetic_report()
    xml = _parse(get_format("junit", warn_as_failure=warn_as_failure).render(report))
    want = expected_counts(report, warn_as_failure)
    got = _outcomes(xml)
    assert {k: got[k] for k in ("tests", "failures", "errors", "skipped")} == {
        k: want[k] for k in ("tests", "failures", "errors", "skipped")}
    # the totals the XML declares (root and per suite) agree with its testcases
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (
        want["tests"], want["failures"], want["errors"], want["skipped"])
    for suite in xml:
        got = _outcomes([suite])
        assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (
            got["tests"], got["failures"], got["errors"], got["skipped"])


def test_one_testsuite_per_section_with_cis_classnames():
    report = synthetic_report()
    xml = _parse(render(report, "junit"))
    sections = sorted({r.section for r in report.results}, key=int)
    suites = list(xml)
    assert len(suites) == len(sections)
    for suite, section in zip(suites, sections, strict=True):
        assert {case.classname for case in suite} == {f"cis_docker_1_1_0.section_{section}"}


def test_testcase_names_start_with_id_and_title_and_name_the_resource():
    report = synthetic_report()
    names = [case.name for suite in _parse(render(report, "junit")) for case in suite]
    r = report.result("5.4")
    mine = [n for n in names if n.startswith(f"{r.id} {r.title}")]
    assert len(mine) == expected_resources(r)
    assert f"{r.id} {r.title} [container web]" in mine
    assert f"{r.id} {r.title} [container {SCRIPT}]" in mine
    f = report.result("3.1")
    assert f"{f.id} {f.title} [file /usr/lib/systemd/system/docker.service]" in names
    assert f"{report.result('1.2').id} {report.result('1.2').title}" in names


def test_warn_is_a_passed_testcase_with_a_note_by_default():
    xml = _parse(render(synthetic_report(), "junit"))
    case = next(c for s in xml for c in s if c.name.startswith("2.2 "))
    assert case.is_passed and case.system_out.startswith("WARN:")


def test_skipped_testcases_say_why():
    xml = _parse(render(synthetic_report(), "junit"))
    case = next(c for s in xml for c in s if c.name.startswith("2.5 "))
    assert case.is_skipped and case.result[0].message.startswith("not applicable: ")


def test_evaluated_and_empty_reports_parse():
    report = evaluated_report()
    got = _outcomes(_parse(render(report, "junit")))
    assert got["tests"] == expected_counts(report)["tests"]
    assert got["errors"] == report.counts["error"]
    assert _outcomes(_parse(render(empty_report(), "junit")))["tests"] == 0


def test_control_characters_do_not_break_the_xml():
    text = render(synthetic_report(), "junit")
    assert "\x1b" not in text
    _parse(text)  # well-formed despite ESC in a container name
