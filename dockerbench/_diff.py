"""Compare two snapshots or two reports: what changed on the host, and in the findings.

Two snapshots are compared as resources (containers, images, networks, files) and, after
evaluating both with the same engine, policies, benchmark and waivers, as reports. Findings are
matched by (control, resource kind, resource id, message). Two reports of different benchmarks
(profiles) are not compared: their control ids mean different things.

Waivers are compared too: findings newly waived, waivers newly expired (their findings fail
again) and waivers newly stale (they match nothing any more). Two snapshots are each judged
on their own collection date unless ``as_of`` is given, so a waiver that ran out between them
shows up as newly expired.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import Field
from typing_extensions import Unpack

from ._errors import SnapshotError, UsageError
from ._model import Document, Model
from ._report import Finding, Report, WaiverOutcome, load_report
from ._selection import Selection, SelectionOptions
from ._snapshot import Snapshot, load_snapshot


class ResourceChange(Model):
    kind: str
    id: str
    name: str | None = None
    change: str = Field(description="added or removed")


class StatusChange(Model):
    control_id: str
    title: str
    before: str
    after: str


class Diff(Document):
    """The difference between two audits (``before`` -> ``after``)."""

    before: str
    after: str
    resources: list[ResourceChange] = Field(default_factory=list)
    status_changes: list[StatusChange] = Field(default_factory=list)
    new_findings: list[Finding] = Field(default_factory=list)
    resolved_findings: list[Finding] = Field(default_factory=list)
    newly_waived: list[Finding] = Field(default_factory=list, description="Findings waived after that were not before")
    newly_expired: list[WaiverOutcome] = Field(default_factory=list, description="Waivers expired after that were not before")
    newly_stale: list[WaiverOutcome] = Field(default_factory=list, description="Waivers stale after that were not before")

    @property
    def empty(self) -> bool:
        return not (self.resources or self.status_changes or self.new_findings or self.resolved_findings
                    or self.newly_waived or self.newly_expired or self.newly_stale)


def load_document(path: str | Path) -> Snapshot | Report:
    """A snapshot or a report, told apart by their top-level keys."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise SnapshotError(f"{path}: cannot read: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise SnapshotError(f"{path}: not JSON: line {e.lineno} column {e.colno}: {e.msg}") from None
    if isinstance(doc, dict) and "results" in doc:
        return load_report(path)
    return load_snapshot(path)


def diff_reports(before: Report, after: Report, names: tuple[str, str] = ("before", "after"),
                 resources: list[ResourceChange] | None = None) -> Diff:
    if before.benchmark_id != after.benchmark_id:
        raise UsageError(f"cannot compare reports of different benchmarks: {names[0]} is {before.benchmark_id}, "
                         f"{names[1]} is {after.benchmark_id} (evaluate both snapshots with the same --benchmark)")
    old = {r.id: r for r in before.results}
    new = {r.id: r for r in after.results}
    changes = [StatusChange(control_id=cid, title=new[cid].title, before=old[cid].status, after=new[cid].status)
               for cid in new if cid in old and old[cid].status != new[cid].status]
    old_f = {_key(f): f for f in before.findings}
    new_f = {_key(f): f for f in after.findings}
    old_w = {w.id: w.status for w in (before.waivers.waivers if before.waivers else [])}
    new_w = after.waivers.waivers if after.waivers else []
    return Diff(before=names[0], after=names[1], resources=resources or [], status_changes=changes,
                new_findings=[f for k, f in new_f.items() if k not in old_f],
                resolved_findings=[f for k, f in old_f.items() if k not in new_f],
                newly_waived=[f for k, f in new_f.items() if f.status == "waived"
                              and (k not in old_f or old_f[k].status != "waived")],
                newly_expired=[w for w in new_w if w.status == "expired" and old_w.get(w.id) != "expired"],
                newly_stale=[w for w in new_w if w.status == "stale" and old_w.get(w.id) != "stale"])


def diff_snapshots(before: Snapshot, after: Snapshot, evaluate: Callable[[Snapshot], Report],
                   names: tuple[str, str] = ("before", "after")) -> Diff:
    return diff_reports(evaluate(before), evaluate(after), names, resource_changes(before, after))


def resource_changes(before: Snapshot, after: Snapshot) -> list[ResourceChange]:
    out: list[ResourceChange] = []
    for kind, old, new in (
        ("container", _index(before.containers, lambda c: c.name), _index(after.containers, lambda c: c.name)),
        ("image", _index(before.images, _image_name), _index(after.images, _image_name)),
        ("network", _index(before.networks, lambda n: n.name), _index(after.networks, lambda n: n.name)),
        ("file", {f"{f.role}:{f.path}": f.path for f in before.files if f.exists},
         {f"{f.role}:{f.path}": f.path for f in after.files if f.exists}),
    ):
        out += [ResourceChange(kind=kind, id=k, name=v, change="added") for k, v in new.items() if k not in old]
        out += [ResourceChange(kind=kind, id=k, name=v, change="removed") for k, v in old.items() if k not in new]
    return out


def _index(items: list[Any] | None, name: Callable[[Any], str]) -> dict[str, str]:
    return {item.id: name(item) for item in items or []}


def _image_name(image: Any) -> str:
    return str(image.repo_tags[0] if image.repo_tags else image.id[:19])


def _key(f: Finding) -> tuple[str, str, str, str]:
    return (f.control_id, f.resource.kind, f.resource.id, f.message)


def diff(before: Snapshot | Report | str | Path, after: Snapshot | Report | str | Path,
         selection: Selection | None = None, *, engine: Any = None, waivers: Any = None, as_of: Any = None,
         **options: Unpack[SelectionOptions]) -> Diff:
    """Compare two snapshots (evaluated with the same engine, selection, waivers and benchmark)
    or two reports (of the same benchmark: :class:`UsageError` otherwise).

    Arguments are Snapshot/Report objects or paths to their JSON. ``selection`` (or its fields as
    keywords), ``waivers`` and ``as_of`` are those of :func:`dockerbench.evaluate` (for two
    snapshots; reports carry their own).
    """
    from ._evaluate import evaluate
    from ._waivers import load_waivers, parse_as_of

    chosen = Selection.of(selection, **options)

    waiver_set = load_waivers(waivers) if waivers is not None else None
    day = parse_as_of(as_of)

    a = load_document(before) if isinstance(before, (str, Path)) else before
    b = load_document(after) if isinstance(after, (str, Path)) else after
    names = (str(before) if isinstance(before, (str, Path)) else "before",
             str(after) if isinstance(after, (str, Path)) else "after")
    if isinstance(a, Snapshot) and isinstance(b, Snapshot):
        return diff_snapshots(a, b, lambda s: evaluate(s, chosen, engine=engine, waivers=waiver_set, as_of=day), names)
    if isinstance(a, Report) and isinstance(b, Report):
        if waiver_set is not None or day is not None:
            raise UsageError("waivers and as_of apply to two snapshots; two reports carry the waivers they were made with")
        return diff_reports(a, b, names)
    raise UsageError("diff compares two snapshots or two reports, not one of each")
