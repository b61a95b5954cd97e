"""A fleet report: the Report of every host, the hosts that gave none, and how they compare.

``evaluate_fleet(snapshots)`` evaluates several saved snapshots with one selection (the same
keywords as :func:`dockerbench.evaluate`); ``dockerbench.fleet()`` (``_fleet_swarm.py``) collects
them from every node of a swarm first. Either way the result is a :class:`FleetReport`:

- ``hosts``: one :class:`FleetHost` each, with its :class:`~dockerbench.Report`, or with a
  :class:`HostError` when it gave none (no task, timeout, task failed, garbled output, unreadable
  snapshot). A host in error is never a passing host: every one of its cells is ``error``.
- ``controls``: one :class:`FleetControl` per control: the status on each host (the matrix), the
  worst of them (``STATUS_ORDER``: error < fail < warn < manual < waived < not_applicable < pass),
  hosts in error included (``worst``: fail closed) and over the hosts that answered
  (``worst_answered``), the failing hosts, and ``drift``: its status differs between the hosts
  that answered.

The models are the source of ``schemas/fleet.schema.json``. Formats: JSON, HTML, CSV and the
terminal table (``dockerbench/report/fleet.py``), and ``to_pandas()``: one row per host and finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from typing_extensions import Unpack

from ._errors import DockerbenchError, ReportError, UsageError
from ._model import Document, Model, parse_document
from ._policies import DEFAULT_BENCHMARK, load_policies
from ._report import STATUS_ORDER, Report, Status
from ._selection import Selection, SelectionOptions
from ._snapshot import Snapshot, load_snapshot
from ._version import __version__
from ._waivers import Waivers, load_waivers, parse_as_of
from .engines import Engine, make_engine

# 1.0: hosts (report or error), controls (statuses per host, worst, failing hosts, drift), swarm.
FLEET_SCHEMA_VERSION = "1.0"

#: Why a host has no report: ``no_task`` (swarm scheduled none: the node is down, drained or
#: paused), ``timeout`` (no answer in time), ``task_failed`` (the task failed, was rejected or shut
#: down), ``garbled`` (its output holds no complete, intact snapshot, or one of another node),
#: ``unreadable`` (a snapshot file that cannot be read or is not a snapshot).
HostErrorKind = Literal["no_task", "timeout", "task_failed", "garbled", "unreadable"]


class HostError(Model):
    """Why a host gave no report."""

    kind: HostErrorKind
    message: str = Field(description="What happened, in one line")

    @property
    def exit_code(self) -> int:
        """As for one host: 2 for a snapshot that cannot be read, 3 for a host that did not answer."""
        return 2 if self.kind == "unreadable" else 3


class FleetHost(Model):
    """One host of the fleet: its report, or the error that stands for it."""

    name: str = Field(description="Unique in the fleet: the hostname, qualified (node id, file) when two share it")
    hostname: str | None = Field(description="The node's or the snapshot's hostname")
    node_id: str | None = Field(None, description="Swarm node id (fleet over a swarm)")
    role: Literal["manager", "worker"] | None = Field(None, description="Swarm role (fleet over a swarm)")
    source: str = Field(description="Where its snapshot came from: a swarm task, a file")
    report: Report | None = None
    error: HostError | None = None
    task_seconds: float | None = Field(None, description="Swarm task from creation to completion, seconds")

    @property
    def ok(self) -> bool:
        return self.error is None and self.report is not None


class FleetControl(Model):
    """One control across the fleet: a row of the matrix."""

    id: str
    title: str
    section: str
    section_title: str
    level: int
    scored: bool
    statuses: dict[str, Status] = Field(description="Host name -> status; a host in error is 'error'")
    worst: Status = Field(description="The worst status over every host, hosts in error included")
    worst_answered: Status | None = Field(description="The worst status over the hosts that answered; null when none did")
    failing_hosts: list[str] = Field(description="Hosts where the control fails")
    error_hosts: list[str] = Field(description="Hosts where it is error, or that gave no report")
    drift: bool = Field(description="Its status differs between the hosts that answered")


class SwarmRun(Model):
    """How ``dockerbench fleet`` collected the snapshots."""

    service: str = Field(description="The global-job service created (and removed)")
    image: str
    docker_host: str = Field(description="The manager's address")
    api_version: str
    nodes: int = Field(description="Nodes in the swarm")
    seconds: float = Field(description="From creating the service to the last node's answer or the timeout")


class FleetReport(Document):
    """Every host's report of one evaluation, and the per-control matrix across them."""

    schema_version: str = FLEET_SCHEMA_VERSION
    tool_version: str
    generated_at: datetime
    benchmark: str
    benchmark_id: str
    engine: str
    hosts: list[FleetHost]
    controls: list[FleetControl]
    counts: dict[str, int] = Field(description="Number of controls per worst status")
    swarm: SwarmRun | None = Field(None, description="The swarm run; null for saved snapshots")

    def host(self, name: str) -> FleetHost:
        for h in self.hosts:
            if h.name == name:
                return h
        raise UsageError(f"host {name!r} is not in this fleet report ({', '.join(h.name for h in self.hosts)})")

    def control(self, control_id: str) -> FleetControl:
        for c in self.controls:
            if c.id == control_id:
                return c
        raise UsageError(f"control {control_id!r} is not in this fleet report")

    @property
    def errors(self) -> list[FleetHost]:
        """The hosts that gave no report."""
        return [h for h in self.hosts if not h.ok]

    @property
    def reports(self) -> dict[str, Report]:
        """Host name -> report, for the hosts that answered."""
        return {h.name: h.report for h in self.hosts if h.report is not None}

    @property
    def matrix(self) -> dict[str, dict[str, Status]]:
        """Control id -> host name -> status."""
        return {c.id: dict(c.statuses) for c in self.controls}

    def worst(self, control_id: str) -> Status:
        return self.control(control_id).worst

    def failing_hosts(self, control_id: str) -> list[str]:
        return list(self.control(control_id).failing_hosts)

    @property
    def drift(self) -> list[str]:
        """Ids of the controls whose status differs between the hosts that answered."""
        return [c.id for c in self.controls if c.drift]

    def to_pandas(self) -> Any:
        """One row per host and finding (pandas is the optional extra ``dockerbench[pandas]``)."""
        from .report.fleet import to_dataframe

        return to_dataframe(self)


# ----------------------------------------------------------------------------- building


@dataclass
class HostInput:
    """One host to evaluate: its snapshot, or the error that stands for it, and where it came from."""

    source: str
    snapshot: Snapshot | None = None
    error: HostError | None = None
    hostname: str | None = None
    node_id: str | None = None
    role: Literal["manager", "worker"] | None = None
    task_seconds: float | None = None
    qualifier: str | None = None  # what tells it apart when two hosts share a hostname


def evaluate_fleet(
    snapshots: Iterable[Snapshot | str | Path | bytes | Mapping[str, Any]],
    selection: Selection | None = None,
    *,
    engine: Engine | str | None = None,
    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
    as_of: date | datetime | str | None = None,
    progress: Any = None,
    **options: Unpack[SelectionOptions],
) -> FleetReport:
    """Evaluate several snapshots (Snapshots, paths, JSON text or bytes, dicts) as
    :func:`dockerbench.evaluate` does one (the same selection, or its fields as keywords, waivers,
    ``as_of``, one engine) and return the :class:`FleetReport`. A snapshot that cannot be read
    or is not a valid snapshot is a host in error (``unreadable``), not an exception."""
    inputs = [_input(s, i) for i, s in enumerate(snapshots)]
    return evaluate_inputs(inputs, Selection.of(selection, **options), engine=engine, waivers=waivers, as_of=as_of,
                           progress=progress)


def _input(source: Snapshot | str | Path | bytes | Mapping[str, Any], index: int) -> HostInput:
    from ._evaluate import _as_snapshot

    where = str(source) if isinstance(source, Path) or (isinstance(source, str) and not
                                                         source.lstrip().startswith("{")) else f"snapshot #{index + 1}"
    try:
        snap = _as_snapshot(source) if not isinstance(source, bytes) else load_snapshot(source)
    except DockerbenchError as e:
        return HostInput(source=where, error=HostError(kind="unreadable", message=str(e)), qualifier=where)
    return HostInput(source=where, snapshot=snap, hostname=snap.meta.hostname, qualifier=where)


def evaluate_inputs(inputs: list[HostInput], selection: Selection, *, engine: Engine | str | None = None,
                    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
                    as_of: date | datetime | str | None = None, swarm: SwarmRun | None = None,
                    progress: Any = None) -> FleetReport:
    """Evaluate every host that has a snapshot with one engine, the same selection and waivers,
    and build the fleet report."""
    from ._evaluate import evaluate

    waiver_set = load_waivers(waivers) if waivers is not None else None
    day = parse_as_of(as_of)
    eng = make_engine(engine)
    own_engine = not isinstance(engine, Engine)
    reports: list[Report | None] = []
    try:
        for i, entry in enumerate(inputs):
            if progress is not None:
                progress("hosts", i, len(inputs))
            reports.append(None if entry.snapshot is None else
                           evaluate(entry.snapshot, selection, engine=eng, waivers=waiver_set, as_of=day))
        description = eng.describe()
    finally:
        if own_engine:
            eng.close()
    benchmark = selection.benchmark or DEFAULT_BENCHMARK
    title = next((r.benchmark for r in reports if r is not None), None)
    if title is None:  # no host answered: the benchmark's title from its policies
        title = load_policies(selection.policy_dirs, benchmark).title
    names = _names(inputs)
    hosts = [FleetHost(name=name, hostname=entry.hostname, node_id=entry.node_id, role=entry.role,
                       source=entry.source, report=report, error=entry.error, task_seconds=entry.task_seconds)
             for name, entry, report in zip(names, inputs, reports, strict=True)]
    return build_fleet_report(hosts, engine=description, benchmark=benchmark, title=title, swarm=swarm)


def _names(inputs: list[HostInput]) -> list[str]:
    """A unique name per host: its hostname, qualified by node id or file when two share one."""
    base = [entry.hostname or entry.qualifier or entry.source for entry in inputs]
    shared = {n for n in base if base.count(n) > 1}
    names = [f"{n} ({entry.qualifier})" if n in shared and entry.qualifier and entry.qualifier != n else n
             for n, entry in zip(base, inputs, strict=True)]
    seen: dict[str, int] = {}
    unique = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        unique.append(n if seen[n] == 1 and names.count(n) == 1 else f"{n} #{seen[n]}")
    return unique


def build_fleet_report(hosts: list[FleetHost], *, engine: str, benchmark: str, title: str,
                       swarm: SwarmRun | None = None) -> FleetReport:
    """The fleet report of these hosts: the matrix, worst status, failing hosts and drift per control."""
    rows: dict[str, Any] = {}  # control id -> a result of it (its title, section...), first report first
    for h in hosts:
        for r in h.report.results if h.report is not None else []:
            rows.setdefault(r.id, r)
    controls = []
    for cid, first in rows.items():
        statuses: dict[str, Status] = {}
        for h in hosts:
            result = next((r for r in h.report.results if r.id == cid), None) if h.report is not None else None
            statuses[h.name] = result.status if result is not None else "error"
        answered = {statuses[h.name] for h in hosts if h.report is not None}
        controls.append(FleetControl(
            id=cid, title=first.title, section=first.section, section_title=first.section_title, level=first.level,
            scored=first.scored, statuses=statuses, worst=min(statuses.values(), key=STATUS_ORDER.index),
            worst_answered=min(answered, key=STATUS_ORDER.index) if answered else None,
            failing_hosts=[n for n, s in statuses.items() if s == "fail"],
            error_hosts=[n for n, s in statuses.items() if s == "error"], drift=len(answered) > 1))
    counts: dict[str, int] = {s: sum(1 for c in controls if c.worst == s) for s in STATUS_ORDER}
    return FleetReport(tool_version=__version__, generated_at=datetime.now(timezone.utc).replace(microsecond=0),
                       benchmark=title, benchmark_id=benchmark, engine=engine, hosts=hosts, controls=controls,
                       counts=counts, swarm=swarm)


def load_fleet_report(source: str | Path | bytes) -> FleetReport:
    """Read and validate a fleet report JSON document; :class:`~dockerbench.ReportError` if it is not one."""
    return parse_document(FleetReport, source, "fleet report", ReportError, {
        "report": "a single host's report", "snapshot": "`dockerbench evaluate` of several snapshots gives one"})[0]


__all__ = ["FleetControl", "FleetHost", "FleetReport", "HostError", "SwarmRun", "evaluate_fleet",
           "load_fleet_report"]
