"""The report: one result per control, with per-resource findings.

The models are the source of ``schemas/report.schema.json``. A :class:`Report` renders itself in
Jupyter (``_repr_html_``) and flattens to one row per finding (``to_pandas``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ._errors import ReportError, UsageError
from ._snapshot import Meta
from ._text import json_printable

# 1.1: score.percent is null when no scored control was decided. 1.2: docker_engine
REPORT_SCHEMA_VERSION = "1.2"

Status = Literal["pass", "fail", "warn", "manual", "not_applicable", "error", "waived"]

#: Statuses from worst to best; used for ``--fail-on`` and sorting.
STATUS_ORDER: tuple[Status, ...] = ("error", "fail", "warn", "manual", "waived", "not_applicable", "pass")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Resource(_Model):
    """What a finding is about."""

    kind: Literal["host", "daemon", "file", "image", "container", "network", "node", "swarm"]
    id: str
    name: str | None = None


class Finding(_Model):
    """One resource that violates (``fail``) or needs review under (``warn``) a control."""

    control_id: str
    status: Literal["fail", "warn", "waived"]
    resource: Resource
    message: str
    actual: Any = None
    expected: Any = None


#: How the reason of a control the engine failed on begins.
ENGINE_ERROR_PREFIX = "engine error: "


class ControlResult(_Model):
    """The outcome of one control."""

    id: str
    title: str
    section: str = Field(description="Section number, e.g. '5'")
    section_title: str
    level: int
    scored: bool
    automated: bool
    severity: str
    status: Status
    reason: str = Field(description="Why this status, in one sentence")
    findings: list[Finding] = Field(default_factory=list)
    evidence: dict[str, Any] = Field(default_factory=dict, description="Facts a reviewer needs")
    missing: list[str] = Field(default_factory=list, description="Facts the decision lacked")
    remediation: str = ""
    references: list[str] = Field(default_factory=list)
    cis_v1_6_0: str | None = None

    @property
    def engine_failed(self) -> bool:
        """The Rego engine failed on this control (a builtin error, a crash, a timeout): the
        CLI exits 3 for it whatever --fail-on says."""
        return self.status == "error" and self.reason.startswith(ENGINE_ERROR_PREFIX)

    def _repr_html_(self) -> str:
        from .report import html_fragment

        return html_fragment.control_result(self)


class Score(_Model):
    """Share of scored, decided controls that pass (percent is null when none was decided)."""

    passed: int
    considered: int = Field(description="Scored controls whose status is pass, fail, warn or error")
    percent: float | None = Field(description="100 * passed / considered, one decimal; null when considered is 0")

    @property
    def percent_text(self) -> str:
        """'83.1%', or 'n/a' when no scored control was decided."""
        return "n/a" if self.percent is None else f"{self.percent:.1f}%"


class DockerEngine(_Model):
    """The Docker Engine a report audits, as its snapshot shows it (GET /version)."""

    version: str | None = Field(description="Engine version, e.g. 26.1.5 (GET /version, else /info ServerVersion)")
    api_version: str | None = Field(description="Engine API version the daemon speaks, e.g. 1.45")

    @property
    def text(self) -> str:
        """'Docker Engine 26.1.5 (API 1.45)'."""
        return f"Docker Engine {self.version or 'of unknown version'} (API {self.api_version or 'unknown'})"


class Report(_Model):
    """Everything one evaluation found."""

    schema_version: str = REPORT_SCHEMA_VERSION
    tool_version: str
    benchmark: str = "CIS Docker Community Edition Benchmark v1.1.0"
    generated_at: datetime
    engine: str = Field(description="The Rego engine that evaluated the policies")
    docker_engine: DockerEngine | None = Field(
        default=None, description="The Docker Engine audited; null when the snapshot has neither GET /version nor "
        "GET /info")
    snapshot_meta: Meta
    results: list[ControlResult]
    counts: dict[str, int] = Field(description="Number of controls per status")
    score: Score

    def result(self, control_id: str) -> ControlResult:
        """The result of one control; :class:`UsageError` for an id not in this report."""
        for r in self.results:
            if r.id == control_id:
                return r
        raise UsageError(f"control {control_id!r} is not in this report (it has {len(self.results)} results)")

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every control, in control order."""
        return [f for r in self.results for f in r.findings]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON; control and bidi characters in strings are ``\\u`` escapes."""
        return json_printable(self.model_dump_json(indent=indent))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    def to_pandas(self) -> Any:
        """One row per finding (controls without findings give one row with empty resource)."""
        from .report.frame import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        from .report import html_fragment

        return html_fragment.report(self)


def load_report(source: str | Path | bytes) -> Report:
    """Read and validate a Report JSON document (path, text or bytes); :class:`ReportError` if not one."""
    from ._snapshot import document_kind, first_problem, read_document

    text, where = read_document(source, "report", ReportError)
    try:
        return Report.model_validate_json(text, strict=True)
    except ValidationError as e:
        if document_kind(text) == "snapshot":
            raise ReportError(f"{where}: this is a dockerbench snapshot, not a report "
                              "(`dockerbench evaluate` turns it into one)") from None
        raise ReportError(f"{where}: not a valid report: {first_problem(e)}") from None
