"""JUnit XML, for CI test report views (Jenkins, GitLab, Azure DevOps, GitHub test reporters).

Layout: one ``<testsuite>`` per CIS section, named for the benchmark and the section
(``CIS Docker Benchmark v1.8.0: Section 5: Container Runtime``); ``classname`` is the profile
and the section (``cis_docker_1_8_0.section_<n>``) and a testcase's ``name`` starts with the
control id and title (``5.5 Ensure that privileged ...``).

How each control maps to testcases:

============== ===================================================================================
status         testcases
============== ===================================================================================
pass           one passed testcase (the reason in ``<system-out>``)
fail / warn /  one testcase per affected resource, named ``<id> <title> [container web]``:
waived         ``<failure type="fail">`` when any finding about it fails; a warn-only resource is
               a *passed* testcase whose ``<system-out>`` starts with ``WARN:`` (warn means
               "a person should look", not "the build is broken"), or a ``<failure type="warn">``
               with ``warn_as_failure=True``; a resource whose every finding is waived is
               ``<skipped message="waived W-0042 (owner, until 2027-06-30): reason">``.
               (A control without findings is one testcase treated the same way.)
error          one testcase with ``<error>`` (the reason; missing facts in the body)
manual         one ``<skipped message="manual: ...">`` testcase
not_applicable one ``<skipped message="not applicable: ...">`` testcase
============== ===================================================================================

A finding's line in a body names its waiver: ``[waived] container web: … [waived by W-0042
(owner, until 2027-06-30)]``, or ``[fail] … [waiver W-0042 expired 2027-06-30]``, and so does a
failure's message when its waiver expired. An attested control's reason says who attested it
and when. With waivers, every testsuite has a ``waivers`` property saying what they did.

CI views show these strings to people, so every one goes through
:func:`~dockerbench._text.printable` (an ESC in a container name is written as ``\\x1b``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from .._report import ControlResult, Finding, Report
from .._text import printable
from ._common import (
    benchmark_slug,
    docker_engine_text,
    group_by_resource,
    iso_time,
    one_line,
    resource_label,
    sections,
    value_text,
    waiver_summary,
    xml_safe,
)
from .interface import Format


class JUnitFormat(Format):
    name = "junit"
    extension = "xml"
    media_type = "application/xml"

    def __init__(self, *, warn_as_failure: bool = False) -> None:
        self.warn_as_failure = warn_as_failure

    def render(self, report: Report) -> str:
        root = ET.Element("testsuites", {"name": f"dockerbench {_s(report.benchmark)}"})
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for section in sections(report):
            suite = ET.SubElement(root, "testsuite", {
                "name": _s(f"{one_line(report.benchmark)}: Section {section.number}: {section.title}"),
                "timestamp": iso_time(report).rstrip("Z"),
                "hostname": _s(report.snapshot_meta.hostname or "unknown"),
                "time": "0",
            })
            props = ET.SubElement(suite, "properties")
            for key, value in (("benchmark", report.benchmark), ("benchmark_id", report.benchmark_id),
                               ("section", section.number),
                               ("section_title", section.title), ("engine", report.engine),
                               ("docker_engine", docker_engine_text(report)),
                               ("tool_version", report.tool_version),
                               *([("waivers", waiver_summary(report))] if report.waivers is not None else [])):
                ET.SubElement(props, "property", {"name": key, "value": _s(value)})
            classname = f"{benchmark_slug(report)}.section_{section.number}"
            counts: dict[str, int] = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
            for result in section.results:
                for case, outcome in self._cases(result, classname):
                    suite.append(case)
                    counts["tests"] += 1
                    if outcome:
                        counts[outcome] += 1
            for key, count in counts.items():
                suite.set(key, str(count))
                totals[key] += count
        for key, count in totals.items():
            root.set(key, str(count))
        root.set("time", "0")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def _cases(self, r: ControlResult, classname: str) -> Iterable[tuple[ET.Element, str | None]]:
        base = f"{r.id} {one_line(r.title)}"
        if r.status in ("fail", "warn", "waived") and r.findings:
            for group in group_by_resource(r.findings):
                name = f"{base} [{resource_label(group.resource)}]"
                yield self._finding_case(classname, name, r, group.findings)
            return
        case = _case(classname, base)
        if r.status == "pass":
            _out(case, r.reason)
            yield case, None
        elif r.status == "error":
            body = [r.reason, *(f"missing: {m}" for m in r.missing), *(_finding_line(f) for f in r.findings)]
            ET.SubElement(case, "error", {"type": "error", "message": _s(r.reason)}).text = _s("\n".join(body), multiline=True)
            yield case, "errors"
        elif r.status in ("manual", "not_applicable", "waived"):
            label = {"manual": "manual", "not_applicable": "not applicable", "waived": "waived"}[r.status]
            ET.SubElement(case, "skipped", {"message": _s(f"{label}: {r.reason}")})
            if r.findings:
                _out(case, "\n".join(_finding_line(f) for f in r.findings))
            yield case, "skipped"
        else:  # fail / warn / waived without findings
            yield self._finding_case(classname, base, r, [])

    def _finding_case(self, classname: str, name: str, r: ControlResult,
                      findings: list[Finding]) -> tuple[ET.Element, str | None]:
        case = _case(classname, name)
        statuses: set[str] = {f.status for f in findings} or {r.status}
        lines = "\n".join(_finding_line(f) for f in findings) or r.reason
        unwaived = next((f for f in findings if f.status in ("fail", "warn")), None)
        first = r.reason if unwaived is None else unwaived.message + (
            f" [{unwaived.waiver.note}]" if unwaived.waiver is not None else "")
        if "fail" in statuses or ("warn" in statuses and self.warn_as_failure):
            kind = "fail" if "fail" in statuses else "warn"
            failure = ET.SubElement(case, "failure", {"type": kind, "message": _s(one_line(first))})
            failure.text = _s(lines + (f"\n\nRemediation: {r.remediation}" if r.remediation else ""), multiline=True)
            return case, "failures"
        if "warn" in statuses:
            _out(case, f"WARN: {lines}" + (f"\n\nRemediation: {r.remediation}" if r.remediation else ""))
            return case, None
        waiver = next((f.waiver for f in findings if f.waiver is not None), None)
        if waiver is not None:
            until = "permanent" if waiver.expires == "never" else f"until {waiver.expires}"
            message = f"waived {waiver.id} ({waiver.owner}, {until}): {waiver.reason}"
        else:  # a waived finding without its waiver (a report not made by evaluate())
            message = f"waived: {first}"
        ET.SubElement(case, "skipped", {"message": _s(one_line(message))})
        _out(case, lines)
        return case, "skipped"


def _case(classname: str, name: str) -> ET.Element:
    return ET.Element("testcase", {"classname": classname, "name": _s(name), "time": "0"})


def _out(case: ET.Element, text: str) -> None:
    ET.SubElement(case, "system-out").text = _s(text, multiline=True)


def _finding_line(f: Finding) -> str:
    line = f"[{f.status}] {resource_label(f.resource)}: {one_line(f.message)}"
    if f.actual is not None or f.expected is not None:
        line += f" (actual: {value_text(f.actual)}; expected: {value_text(f.expected)})"
    if f.waiver is not None:
        line += f" [{f.waiver.note}]"
    return printable(line)  # one line: a newline in a value cannot start a line of its own


def _s(value: object, *, multiline: bool = False) -> str:
    """Printable, XML-safe text; newlines kept only in element bodies (``multiline=True``)."""
    return xml_safe(printable(value, multiline=multiline))
