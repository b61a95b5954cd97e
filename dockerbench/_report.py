"""The report: one result per control, with per-resource findings.

The models are the source of ``schemas/report.schema.json``. A :class:`Report` renders itself in
Jupyter (``_repr_html_``) and flattens to one row per finding (``to_pandas``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from ._errors import ReportError, UsageError
from ._model import Document, Model, parse_document
from ._policies import DEFAULT_BENCHMARK, DEFAULT_TITLE
from ._snapshot import Meta

# 1.1: score.percent is null when no scored control was decided.
# 1.2: waivers and attestations: finding.waiver, result.attestation, report.waivers, score.waived;
#      benchmark_id names the profile (cis-docker-1.1.0, cis-docker-1.8.0, ...); results carry
#      level_source / automated_source (null where the benchmark itself says).
#      docker_engine: the Engine and API version the snapshot was taken from.
REPORT_SCHEMA_VERSION = "1.2"

Status = Literal["pass", "fail", "warn", "manual", "not_applicable", "error", "waived"]

#: Statuses from worst to best; used for ``--fail-on`` and sorting.
STATUS_ORDER: tuple[Status, ...] = ("error", "fail", "warn", "manual", "waived", "not_applicable", "pass")


class Resource(Model):
    """What a finding is about."""

    kind: Literal["host", "daemon", "file", "image", "container", "network", "node", "swarm"]
    id: str
    name: str | None = None


#: A waiver's end: its last valid day, or "never" (only with ``allow_permanent: true``).
Expiry = date | Literal["never"]


class FindingWaiver(Model):
    """The waiver that covers a finding (``expired: false``, the finding is ``waived``) or
    covered it until it expired (``expired: true``: the finding keeps its status)."""

    id: str
    reason: str
    owner: str
    ticket: str | None = None
    expires: Expiry
    expired: bool

    @property
    def note(self) -> str:
        """'waived by W-0042 (team-billing@example.com, until 2027-06-30)', or, once past its
        date, 'waiver W-0042 expired 2027-06-30'."""
        if self.expired:
            return f"waiver {self.id} expired {self.expires}"
        until = "permanent" if self.expires == "never" else f"until {self.expires}"
        return f"waived by {self.id} ({self.owner}, {until})"


class Finding(Model):
    """One resource that violates (``fail``) or needs review under (``warn``) a control, or
    whose violation an organisation's waiver accepts (``waived``)."""

    control_id: str
    status: Literal["fail", "warn", "waived"]
    resource: Resource
    message: str
    actual: Any = None
    expected: Any = None
    waiver: FindingWaiver | None = Field(None, description="The waiver that covers this finding, or covered it until it expired")


class ControlAttestation(Model):
    """A person's decision of a manual control (from the waivers file's ``attestations``)."""

    id: str | None = None
    status: Literal["pass", "fail"] = Field(description="What the person attested")
    explanation: str
    attested_by: str
    attested_on: date
    valid_through: date = Field(description="Last day the attestation holds (attested_on + valid_for_days - 1)")
    expired: bool = Field(description="True when it no longer holds: the control stays manual")

    @property
    def note(self) -> str:
        """'attested pass by alice@example.com on 2026-10-01 (valid through 2026-12-29)', or
        'attestation by alice@example.com on 2026-01-01 expired 2026-03-31'."""
        if self.expired:
            return f"attestation by {self.attested_by} on {self.attested_on} expired {self.valid_through}"
        return f"attested {self.status} by {self.attested_by} on {self.attested_on} (valid through {self.valid_through})"


#: How the reason of a control the engine failed on begins.
ENGINE_ERROR_PREFIX = "engine error: "


class ControlMetadata(Model):
    """A control as its benchmark (profile) states it: identity, level, prose. The one list of
    these fields: a result carries them, and ``dockerbench controls`` and the CSV and pandas
    columns take them from here."""

    id: str
    title: str
    section: str = Field(description="Section number, e.g. '5'")
    section_title: str
    level: int
    scored: bool
    automated: bool
    severity: str
    remediation: str = ""
    references: list[str] = Field(default_factory=list)
    cis_v1_6_0: str | None = None
    level_source: str | None = Field(None, description="Where the profile's level comes from (a key of its "
                                                         "sources); null: the benchmark's own text")
    automated_source: str | None = Field(None, description="Where the profile's automated flag comes from")

    @classmethod
    def fields_of(cls, control: Any) -> dict[str, Any]:
        """These fields of a loaded :class:`~dockerbench.Control` (tuples as lists), by name."""
        values = {name: getattr(control, name) for name in cls.model_fields}
        return {name: list(v) if isinstance(v, tuple) else v for name, v in values.items()}


class ControlResult(ControlMetadata):
    """The outcome of one control."""

    status: Status
    reason: str = Field(description="Why this status, in one sentence")
    findings: list[Finding] = Field(default_factory=list)
    evidence: dict[str, Any] = Field(default_factory=dict, description="Facts a reviewer needs")
    missing: list[str] = Field(default_factory=list, description="Facts the decision lacked")
    attestation: ControlAttestation | None = Field(
        None, description="The attestation that decided this manual control, or one that expired")

    @property
    def waivers(self) -> list[FindingWaiver]:
        """The distinct waivers on this control's findings (active and expired), first seen first."""
        seen: dict[tuple[str, bool], FindingWaiver] = {}
        for f in self.findings:
            if f.waiver is not None:
                seen.setdefault((f.waiver.id, f.waiver.expired), f.waiver)
        return list(seen.values())

    @property
    def engine_failed(self) -> bool:
        """The Rego engine failed on this control (a builtin error, a crash, a timeout): the
        CLI exits 3 for it whatever --fail-on says."""
        return self.status == "error" and self.reason.startswith(ENGINE_ERROR_PREFIX)

    def _repr_html_(self) -> str:
        from .report import html_fragment

        return html_fragment.control_result(self)


class Score(Model):
    """Share of scored, decided controls that pass (percent is null when none was decided)."""

    passed: int
    considered: int = Field(description="Scored controls whose status is pass, fail, warn or error")
    percent: float | None = Field(description="100 * passed / considered, one decimal; null when considered is 0")
    waived: int = Field(0, description="Scored controls left out of the score because every finding is waived")

    @property
    def percent_text(self) -> str:
        """'83.1%', or 'n/a' when no scored control was decided."""
        return "n/a" if self.percent is None else f"{self.percent:.1f}%"


class WaiverOutcome(Model):
    """What one waiver of the waivers file did in this evaluation.

    ``applied``: it waives findings; ``expired``: past its date (as of ``WaiverReport.as_of``), it
    waives nothing and the findings it matches keep their status; ``stale``: in force for this
    host but it matches no finding of its controls; ``not_applicable``: meant for other hosts,
    none of its controls was evaluated, or they could not be decided (error).
    """

    id: str
    status: Literal["applied", "expired", "stale", "not_applicable"]
    findings: int = Field(description="Findings it matches (waived when applied; left failing when expired)")
    controls: list[str] = Field(description="Evaluated controls it names")
    detail: str = Field(description="Why this status, in one sentence")
    reason: str
    owner: str
    ticket: str | None = None
    expires: Expiry


class AttestationOutcome(Model):
    """What one attestation of the waivers file did in this evaluation.

    ``applied``: it decides a manual control; ``expired``/``not_yet_valid``: outside the days it
    holds, the control stays manual; ``not_applicable``: other hosts, its controls not evaluated,
    or not manual here (decided by their policy).
    """

    id: str | None = None
    status: Literal["applied", "expired", "not_yet_valid", "not_applicable"]
    controls: list[str] = Field(description="Controls it decided (applied), or the evaluated controls it names")
    detail: str
    result: Literal["pass", "fail"] = Field(description="The status it attests")
    attested_by: str
    attested_on: date
    valid_through: date


class WaiverReport(Model):
    """The waivers and attestations an evaluation was given, and what each of them did."""

    source: str = Field(description="Where they came from: a file path, or where the mapping came from")
    as_of: date = Field(description="The day expiry was judged against: the snapshot's collection date or --as-of")
    waivers: list[WaiverOutcome] = Field(default_factory=list)
    attestations: list[AttestationOutcome] = Field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for w in self.waivers if w.status == status)


class DockerEngine(Model):
    """The Docker Engine a report audits, as its snapshot shows it (GET /version)."""

    version: str | None = Field(description="Engine version, e.g. 26.1.5 (GET /version, else /info ServerVersion)")
    api_version: str | None = Field(description="Engine API version the daemon speaks, e.g. 1.45")

    @property
    def text(self) -> str:
        """'Docker Engine 26.1.5 (API 1.45)'."""
        return f"Docker Engine {self.version or 'of unknown version'} (API {self.api_version or 'unknown'})"


class Report(Document):
    """Everything one evaluation found."""

    schema_version: str = REPORT_SCHEMA_VERSION
    tool_version: str
    benchmark: str = Field(DEFAULT_TITLE, description="The benchmark's name, as reports show it")
    benchmark_id: str = Field(DEFAULT_BENCHMARK, description="The profile evaluated (--benchmark): "
                                                             "cis-docker-1.1.0, cis-docker-1.8.0, ...")
    generated_at: datetime
    engine: str = Field(description="The Rego engine that evaluated the policies")
    docker_engine: DockerEngine | None = Field(
        default=None, description="The Docker Engine audited; null when the snapshot has neither GET /version nor "
        "GET /info")
    snapshot_meta: Meta
    results: list[ControlResult]
    counts: dict[str, int] = Field(description="Number of controls per status")
    score: Score
    waivers: WaiverReport | None = Field(None, description="The waivers and attestations applied; null when none was given")

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

    def to_pandas(self) -> Any:
        """One row per finding (controls without findings give one row with empty resource)."""
        from .report.frame import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        from .report import html_fragment

        return html_fragment.report(self)


def count_reason(findings: list[Finding], verb: str) -> str:
    """'3 containers violate', '1 image needs review', '2 resources violate'."""
    kinds = sorted({f.resource.kind for f in findings})
    n = len({(f.resource.kind, f.resource.id) for f in findings})
    noun = kinds[0] if len(kinds) == 1 else "resource"
    singular = {"violate": "violates", "need review": "needs review"}.get(verb, verb)
    return f"{n} {noun}{'s' if n != 1 else ''} {verb if n != 1 else singular}"


def load_report(source: str | Path | bytes) -> Report:
    """Read and validate a Report JSON document (path, text or bytes); :class:`ReportError` if not one."""
    return parse_document(Report, source, "report", ReportError, {
        "snapshot": "`dockerbench evaluate` turns it into one"})[0]
