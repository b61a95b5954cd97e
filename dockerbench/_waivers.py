"""Waivers and attestations: an organisation's accepted exceptions, applied after ``decide()``.

The policies never see them: every control is decided by its Rego as always, then this module
(and only this one) marks the findings an organisation has accepted, and decides the manual
controls a person has attested. The file (YAML or JSON; ``schemas/waivers.schema.json`` is
generated from :class:`Waivers`)::

    version: 1
    waivers:
      - id: W-0042                      # required, unique
        controls: ["5.11", "5.29"]      # required: ids, sections or globs, as --controls takes them
        resources:                      # optional; absent = every finding of those controls
          - kind: container             # container image file network daemon host node swarm
            name: "legacy-*"            # optional glob on the resource's name or id
            labels: {app: billing}      # optional, containers and images: every one must match (globs)
        hosts: ["prod-db-*"]            # optional globs on the snapshot's hostname
        reason: heap tuned by the app; a cgroup limit breaks GC   # required
        owner: team-billing@example.com                          # required
        ticket: SEC-1234                # optional
        expires: 2027-06-30             # required: its last valid day ("never" needs allow_permanent: true)
    attestations:
      - controls: ["1.2"]               # manual controls a person decided
        hosts: ["prod-*"]               # optional
        status: pass                    # pass | fail
        explanation: /var/lib/docker is its own LVM volume on every prod host
        attested_by: alice@example.com
        attested_on: 2026-10-01
        valid_for_days: 90              # holds from attested_on through attested_on + 89

A waiver matches **findings** (``fail`` and ``warn``), never whole controls: a control whose
every finding is waived is ``waived``; one with a finding left stays ``fail`` (or ``warn``) and
its waived findings are marked. Controls that are ``error`` are never waived (fail closed).
Expiry is judged against the snapshot's collection date (or ``as_of``), so evaluating an old
snapshot again gives the same report: an expired waiver waives nothing, and the findings it
matches keep their status and carry it (``waiver W-0042 expired 2027-06-30``). A waiver in
force that matches nothing is *stale*. Every waiver's outcome is in ``Report.waivers``.

A malformed file is one :class:`~dockerbench.UsageError` line naming the file, the entry and
the field (exit 2 on the command line); :func:`check` lists every problem instead.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

from ._errors import UsageError
from ._model import Input
from ._report import (
    AttestationOutcome,
    ControlAttestation,
    ControlResult,
    Finding,
    FindingWaiver,
    Report,
    Resource,
    WaiverOutcome,
    WaiverReport,
    count_reason,
)

if TYPE_CHECKING:  # pragma: no cover
    from ._policies import PolicySet
    from ._snapshot import Snapshot

__all__ = [
    "Attestation",
    "Problem",
    "ResourceSelector",
    "Waiver",
    "Waivers",
    "apply",
    "check",
    "check_outcomes",
    "load_waivers",
    "parse_as_of",
    "parse_day",
    "resolve",
]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(value: Any, *, never: bool = False) -> date | str:
    """A calendar day from a ``date`` or 'YYYY-MM-DD' text ("never" too with ``never=True``);
    ValueError for anything else (a date and time included: waivers end on a day)."""
    if never and value == "never":
        return "never"
    if isinstance(value, datetime):
        raise ValueError(f"must be a date (YYYY-MM-DD), not a date and time: {value.isoformat()}")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
    also = ' or "never" (with allow_permanent: true)' if never else ""
    raise ValueError(f"must be a date (YYYY-MM-DD){also}, got {value!r}")


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Day = Annotated[date, BeforeValidator(parse_day)]
Expires = Annotated[date | Literal["never"], BeforeValidator(lambda v: parse_day(v, never=True))]
Kind = Literal["container", "image", "file", "network", "daemon", "host", "node", "swarm"]


class ResourceSelector(Input):
    """Which findings of the waiver's controls it covers: their resource's kind, and optionally
    a glob on its name or id and, for containers and images, labels."""

    model_config = ConfigDict(json_schema_extra={  # the validator below, for other languages' validators
        "if": {"required": ["labels"], "properties": {"labels": {"type": "object"}}},
        "then": {"properties": {"kind": {"enum": ["container", "image"]}}}})

    kind: Kind
    name: Text | None = Field(None, description="Glob on the resource's name or id as the report shows them "
                                                "(containers also without the leading '/', images by any tag, "
                                                "ids also by their 12-digit short form)")
    labels: dict[str, str] | None = Field(None, description="Containers and images: every label must be present "
                                                            "and its value match (a glob)")

    @model_validator(mode="after")
    def _labels_need_a_labelled_kind(self) -> ResourceSelector:
        if self.labels is not None and self.kind not in ("container", "image"):
            raise ValueError(f"labels select containers and images only, not a {self.kind}")
        return self


class Waiver(Input):
    """An accepted exception: findings of some controls, on some resources and hosts, until a day."""

    model_config = ConfigDict(json_schema_extra={  # "never" needs allow_permanent, as the validator says
        "if": {"required": ["expires"], "properties": {"expires": {"const": "never"}}},
        "then": {"required": ["allow_permanent"], "properties": {"allow_permanent": {"const": True}}}})

    id: Text = Field(description="Unique in the file, e.g. W-0042")
    controls: list[Text] = Field(min_length=1, description="Control ids (5.4), sections (5) or globs (5.*)")
    resources: list[ResourceSelector] | None = Field(
        None, min_length=1, description="Absent: every finding of the controls; else findings matching any selector")
    hosts: list[Text] | None = Field(None, min_length=1, description="Globs on the snapshot's hostname; absent: every host")
    reason: Text = Field(description="Why the finding is accepted")
    owner: Text = Field(description="Who answers for it (a person or team address)")
    ticket: Text | None = None
    expires: Expires = Field(description='Last day the waiver holds (YYYY-MM-DD); "never" only with allow_permanent: true')
    allow_permanent: bool = False

    @model_validator(mode="after")
    def _never_needs_allow_permanent(self) -> Waiver:
        if self.expires == "never" and not self.allow_permanent:
            raise ValueError('expires: "never" needs allow_permanent: true (a waiver should end)')
        return self


class Attestation(Input):
    """A person's decision of manual controls, for a number of days."""

    id: Text | None = Field(None, description="Optional; unique in the file when given")
    controls: list[Text] = Field(min_length=1, description="Control ids (1.2), sections or globs")
    hosts: list[Text] | None = Field(None, min_length=1, description="Globs on the snapshot's hostname; absent: every host")
    status: Literal["pass", "fail"]
    explanation: Text = Field(description="What the person checked and found")
    attested_by: Text
    attested_on: Day
    valid_for_days: int = Field(ge=1, description="Days it holds, attested_on being the first")

    @property
    def valid_through(self) -> date:
        return self.attested_on + timedelta(days=self.valid_for_days - 1)


class Waivers(Input):
    """An organisation's waivers file (version 1): waivers and attestations."""

    version: Literal[1]
    waivers: list[Waiver] = Field(default_factory=list)
    attestations: list[Attestation] = Field(default_factory=list)
    _source: str = PrivateAttr(default="<mapping>")

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Waivers:
        for what, ids in (("waiver", [w.id for w in self.waivers]),
                          ("attestation", [a.id for a in self.attestations if a.id is not None])):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            if twice:
                raise ValueError(f"{what} id {twice[0]!r} is used {ids.count(twice[0])} times (ids are unique)")
        return self

    @property
    def source(self) -> str:
        """Where the waivers came from: the file's path, or the ``where`` given with a mapping."""
        return self._source


# ----------------------------------------------------------------------------- loading


def load_waivers(source: Waivers | str | Path | Mapping[str, Any], *, where: str | None = None) -> Waivers:
    """The waivers of a file (YAML or JSON) or of a mapping already parsed (a config file's
    inline ``waivers:``); :class:`~dockerbench.UsageError` with one line naming the first problem.
    ``where`` names a mapping's origin in messages and in the report (default ``<mapping>``)."""
    if isinstance(source, Waivers):
        return source
    if isinstance(source, Mapping):
        name, data = where or "<mapping>", dict(source)
    elif isinstance(source, (str, Path)):
        name = where or str(source)
        data = _parse(_read(Path(source), name), name)
    else:
        raise UsageError(f"waivers must be a file path or a mapping, not {type(source).__name__}")
    if not isinstance(data, dict):
        raise UsageError(f"{name}: {_not_a_mapping(data)}")
    try:
        waivers = Waivers.model_validate(data)
    except ValidationError as e:
        raise UsageError(f"{name}: {_problems(e, data)[0]}") from None
    waivers._source = name
    return waivers


def with_attestations(source: str | Path | Mapping[str, Any] | None,
                      attestations: str | Path | list[Any] | Mapping[str, Any]) -> dict[str, Any]:
    """A waivers document (a file or a mapping; None: an empty one) with more attestations joined
    to it (a list, a document holding one, or a file of either): dockerbench.yaml keeps the two
    apart, a waivers file holds both. Unreadable or malformed input is a one-line UsageError."""
    document: dict[str, Any] = {"version": 1}
    if source is not None:
        data = _document(source)
        if not isinstance(data, dict):
            raise UsageError(f"{source if not isinstance(source, Mapping) else '<mapping>'}: {_not_a_mapping(data)}")
        document = data
    extra = _document(attestations) if isinstance(attestations, (str, Path)) else attestations
    if isinstance(extra, Mapping):
        extra = extra.get("attestations", [])
    if not isinstance(extra, list):
        raise UsageError(f"{attestations}: attestations must be a list, or a document holding one")
    document["attestations"] = [*document.get("attestations", []), *extra]
    return document


def _document(source: str | Path | Mapping[str, Any]) -> Any:
    """The parsed content of a waivers file, or a copy of a mapping already parsed."""
    if isinstance(source, Mapping):
        return dict(source)
    name = str(source)
    return _parse(_read(Path(source), name), name)


def _read(path: Path, name: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{name}: cannot read the waivers file: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: the waivers file is not UTF-8 text") from None


class _Unparsable(UsageError):
    """The waivers text is not YAML/JSON."""


def _parse(text: str, name: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise _Unparsable(f"{name}: the waivers file is not valid YAML/JSON: {' '.join(str(e).split())}") from None


def _not_a_mapping(data: Any) -> str:
    if data is None:
        return "the waivers file is empty (it needs version: 1 and waivers: or attestations:)"
    kind = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(data), type(data).__name__)
    return f"a waivers file is a mapping with version: 1 and waivers: or attestations:, not {kind}"


_KNOWN = {(): ("version", "waivers", "attestations"), ("waivers",): tuple(Waiver.model_fields),
          ("attestations",): tuple(Attestation.model_fields), ("resources",): tuple(ResourceSelector.model_fields)}


def _problems(e: ValidationError, data: Any, prefix: tuple[Any, ...] = ()) -> list[str]:
    """Each validation error as 'waiver W-0042: reason: is required' (``prefix``: where in the
    file the validated value sits, for an entry validated on its own)."""
    out = []
    for err in e.errors():
        loc = [*prefix, *err["loc"]]
        subject, rest = _subject(loc, data)
        field = _loc_text(rest)
        out.append(f"{subject + ': ' if subject else ''}{field + ': ' if field else ''}{_message(err, loc)}")
    return out


def _subject(loc: list[Any], data: Any) -> tuple[str, list[Any]]:
    """('waiver W-0042', rest) for a location inside an entry, ('', loc) at the top."""
    if len(loc) >= 2 and loc[0] in ("waivers", "attestations") and isinstance(loc[1], int):
        what = loc[0][:-1]
        try:
            entry_id = data[loc[0]][loc[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            entry_id = None
        if isinstance(entry_id, str) and entry_id.strip():
            return f"{what} {entry_id.strip()}", loc[2:]
        return f"{loc[0]}[{loc[1]}]", loc[2:]
    return "", loc


def _loc_text(loc: list[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith(("function-", "literal[", "date")):  # pydantic's names of union branches
            continue
        else:
            text += ("." if text else "") + part
    return text


def _message(err: Any, loc: list[Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        parents = [p for p in loc[:-1] if p in ("waivers", "attestations", "resources")]
        known = _KNOWN[(parents[-1],) if parents else ()]
        return f"unknown field{(' (known: ' + ', '.join(known) + ')') if known else ''}"
    if kind == "literal_error" and loc == ["version"]:
        return f"must be 1 (the only version there is), got {err['input']!r}"
    msg = str(err["msg"])
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    msg = msg[:1].lower() + msg[1:]
    return f"{msg}, got {err['input']!r}" if "input" in err and not isinstance(err["input"], (dict, list)) else msg


# ----------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Plan:
    """Waivers whose control selectors were expanded over the loaded policies."""

    waivers: Waivers
    waiver_controls: tuple[tuple[str, ...], ...]
    attestation_controls: tuple[tuple[str, ...], ...]


def resolve(waivers: Waivers, policies: PolicySet) -> Plan:
    """Expand every entry's ``controls`` to control ids; :class:`UsageError` for an unknown id
    or section, or a glob that matches no control (naming the file and the entry)."""

    def ids(subject: str, selectors: list[str]) -> tuple[str, ...]:
        try:
            return control_ids(selectors, policies)
        except UsageError as e:
            raise UsageError(f"{waivers.source}: {subject}: {e}") from None

    return Plan(
        waivers,
        tuple(ids(f"waiver {w.id}", w.controls) for w in waivers.waivers),
        tuple(ids(_attestation_subject(a, i), a.controls) for i, a in enumerate(waivers.attestations)),
    )


def control_ids(selectors: list[str], policies: PolicySet) -> tuple[str, ...]:
    """The ids the selectors name, in control order; each selector must name one at least."""
    chosen: set[str] = set()
    for sel in selectors:
        found = policies.select([sel])  # UsageError for an unknown id or section
        if not found:
            raise UsageError(f"controls {sel!r} match no control (see 'dockerbench controls')")
        chosen.update(c.id for c in found)
    return tuple(c.id for c in policies.ordered() if c.id in chosen)


def _attestation_subject(a: Attestation, index: int) -> str:
    return f"attestation {a.id}" if a.id else f"attestations[{index}]"


# ----------------------------------------------------------------------------- applying


def parse_as_of(as_of: date | datetime | str | None, *, name: str = "as_of") -> date | None:
    """``as_of`` as a day (a date, a datetime's date, or 'YYYY-MM-DD'); UsageError otherwise."""
    if as_of is None:
        return None
    if isinstance(as_of, datetime):
        return as_of.date()
    try:
        return parse_day(as_of)  # type: ignore[return-value]
    except ValueError as e:
        raise UsageError(f"{name} {e}") from None


def as_of_day(snap: Snapshot, as_of: date | datetime | str | None) -> date:
    """The day expiry is judged against: ``as_of``, else the snapshot's collection date (UTC)."""
    day = parse_as_of(as_of)
    if day is not None:
        return day
    collected = snap.meta.collected_at
    if collected.tzinfo is not None:
        collected = collected.astimezone(timezone.utc)
    return collected.date()


def apply(results: list[ControlResult], snap: Snapshot, plan: Plan,
          as_of: date | datetime | str | None = None) -> tuple[list[ControlResult], WaiverReport]:
    """The results with attestations and then waivers applied, and what each of them did."""
    day = as_of_day(snap, as_of)
    results, attestations = _attest(results, snap, plan, day)
    results, waivers = _waive(results, snap, plan, day)
    return results, WaiverReport(source=plan.waivers.source, as_of=day, waivers=waivers, attestations=attestations)


def _host_ok(hosts: list[str] | None, hostname: str | None) -> bool:
    if hosts is None:
        return True
    return hostname is not None and any(fnmatch.fnmatchcase(hostname.lower(), h.lower()) for h in hosts)


def _other_host(hosts: list[str], hostname: str | None) -> str:
    return f"meant for hosts {', '.join(hosts)}; this host is {hostname or 'unnamed'}"


def _attest(results: list[ControlResult], snap: Snapshot, plan: Plan,
            day: date) -> tuple[list[ControlResult], list[AttestationOutcome]]:
    hostname = snap.meta.hostname
    by_id = {r.id: r for r in results}
    decided: dict[str, ControlAttestation] = {}
    lapsed: dict[str, ControlAttestation] = {}
    outcomes = []
    for a, ids in zip(plan.waivers.attestations, plan.attestation_controls, strict=True):
        evaluated = [cid for cid in ids if cid in by_id]
        manual = [cid for cid in evaluated if by_id[cid].status == "manual"]
        record = ControlAttestation(id=a.id, status=a.status, explanation=a.explanation, attested_by=a.attested_by,
                                    attested_on=a.attested_on, valid_through=a.valid_through,
                                    expired=day > a.valid_through)
        controls = evaluated
        if not _host_ok(a.hosts, hostname):
            status, detail = "not_applicable", _other_host(a.hosts or [], hostname)
        elif not evaluated:
            status, detail = "not_applicable", f"none of its controls ({', '.join(ids)}) was evaluated"
        elif not manual:
            status = "not_applicable"
            detail = "its controls are decided by their policies here: " + ", ".join(
                f"{cid} {by_id[cid].status}" for cid in evaluated)
        elif day < a.attested_on:
            status, detail = "not_yet_valid", f"attested on {a.attested_on}, after {day}: not yet in force"
        elif record.expired:
            status, detail = "expired", f"expired {a.valid_through} (as of {day}): {', '.join(manual)} stay manual"
            for cid in manual:
                lapsed.setdefault(cid, record)
        else:
            controls = [cid for cid in manual if cid not in decided]
            for cid in controls:
                decided[cid] = record
            status = "applied"
            detail = (f"decides {', '.join(controls)}: {a.status}" if controls
                      else f"{', '.join(manual)} already decided by an earlier attestation")
        outcomes.append(AttestationOutcome(id=a.id, status=status, controls=controls, detail=detail,  # type: ignore[arg-type]
                                           result=a.status, attested_by=a.attested_by, attested_on=a.attested_on,
                                           valid_through=a.valid_through))
    out = []
    for r in results:
        if r.id in decided:
            att = decided[r.id]
            findings = []
            if att.status == "fail":
                name = hostname or "host"
                findings = [Finding(control_id=r.id, status="fail", resource=Resource(kind="host", id=name, name=name),
                                    message=f"{att.note}: {att.explanation}", waiver=None)]
            r = r.model_copy(update={"status": att.status, "attestation": att, "findings": findings,
                                     "reason": f"{att.note}: {att.explanation}"})
        elif r.id in lapsed:
            r = r.model_copy(update={"attestation": lapsed[r.id], "reason": f"{r.reason} ({lapsed[r.id].note})"})
        out.append(r)
    return out, outcomes


class _Index:
    """What a selector needs about a finding's resource that the finding does not carry."""

    def __init__(self, snap: Snapshot) -> None:
        self.labels: dict[tuple[str, str], dict[str, str]] = {}
        self.names: dict[tuple[str, str], list[str]] = {}
        for c in snap.containers or []:
            self.labels[("container", c.id)] = dict(c.labels)
            self.names[("container", c.id)] = [c.name, c.name.lstrip("/")]
        for img in snap.images or []:
            self.labels[("image", img.id)] = dict(img.labels)
            self.names[("image", img.id)] = list(img.repo_tags)

    def names_of(self, res: Resource) -> list[str]:
        names = [res.id, *([res.name] if res.name else []), *self.names.get((res.kind, res.id), [])]
        if res.kind in ("container", "image", "network", "node"):
            digest = res.id.rpartition(":")[2]
            if len(digest) > 12:
                names.append(digest[:12])
        if res.kind == "container" and res.name:
            names.append(res.name.lstrip("/"))
        return names


def _selects(sel: ResourceSelector, res: Resource, index: _Index) -> bool:
    if sel.kind != res.kind:
        return False
    if sel.name is not None and not any(fnmatch.fnmatchcase(n, sel.name) for n in index.names_of(res)):
        return False
    if sel.labels:
        labels = index.labels.get((res.kind, res.id), {})
        return all(k in labels and fnmatch.fnmatchcase(labels[k], v) for k, v in sel.labels.items())
    return True


def _covers(w: Waiver, f: Finding, index: _Index) -> bool:
    return w.resources is None or any(_selects(sel, f.resource, index) for sel in w.resources)


def _waive(results: list[ControlResult], snap: Snapshot, plan: Plan,
           day: date) -> tuple[list[ControlResult], list[WaiverOutcome]]:
    waivers = plan.waivers.waivers
    hostname = snap.meta.hostname
    index = _Index(snap)
    in_force = [_host_ok(w.hosts, hostname) for w in waivers]
    expired = [w.expires != "never" and day > w.expires for w in waivers]
    matched = [0] * len(waivers)
    matched_in: list[list[str]] = [[] for _ in waivers]
    decided = {r.id: r.status for r in results}
    out = []
    for r in results:
        candidates = [i for i, ids in enumerate(plan.waiver_controls) if in_force[i] and r.id in ids]
        if r.status not in ("fail", "warn") or not r.findings or not candidates:
            out.append(r)
            continue
        findings = []
        for f in r.findings:
            hits = [i for i in candidates if _covers(waivers[i], f, index)] if f.status in ("fail", "warn") else []
            for i in hits:
                matched[i] += 1
                if r.id not in matched_in[i]:
                    matched_in[i].append(r.id)
            active = next((i for i in hits if not expired[i]), None)
            if active is not None:
                f = f.model_copy(update={"status": "waived", "waiver": _finding_waiver(waivers[active], False)})
            elif hits:
                f = f.model_copy(update={"waiver": _finding_waiver(waivers[hits[0]], True)})
            findings.append(f)
        out.append(_redecide(r, findings))
    outcomes = []
    for i, (w, ids) in enumerate(zip(waivers, plan.waiver_controls, strict=True)):
        evaluated = [cid for cid in ids if cid in decided]
        n, s = matched[i], "s" if matched[i] != 1 else ""
        if not in_force[i]:
            status, detail = "not_applicable", _other_host(w.hosts or [], hostname)
        elif not evaluated:
            status, detail = "not_applicable", f"none of its controls ({', '.join(ids)}) was evaluated"
        elif expired[i]:
            status = "expired"
            detail = (f"expired {w.expires} (as of {day}): the {n} finding{s} it matches are not waived" if n
                      else f"expired {w.expires} (as of {day}) and matches no finding")
        elif n:
            status, detail = "applied", f"waives {n} finding{s} of {', '.join(matched_in[i])}"
        elif all(decided[cid] == "error" for cid in evaluated):
            status, detail = "not_applicable", "its controls could not be decided: " + ", ".join(
                f"{cid} error" for cid in evaluated)
        else:
            status = "stale"
            detail = "matches no finding: " + ", ".join(f"{cid} {decided[cid]}" for cid in evaluated)
            if any(decided[cid] == "manual" for cid in evaluated):
                detail += " (a manual control is attested, not waived)"
        outcomes.append(WaiverOutcome(id=w.id, status=status, findings=n, controls=evaluated, detail=detail,  # type: ignore[arg-type]
                                      reason=w.reason, owner=w.owner, ticket=w.ticket, expires=w.expires))
    return out, outcomes


def _finding_waiver(w: Waiver, expired: bool) -> FindingWaiver:
    return FindingWaiver(id=w.id, reason=w.reason, owner=w.owner, ticket=w.ticket, expires=w.expires, expired=expired)


def _redecide(r: ControlResult, findings: list[Finding]) -> ControlResult:
    """The status and reason of a fail/warn control once some of its findings are waived."""
    fails = [f for f in findings if f.status == "fail"]
    warns = [f for f in findings if f.status == "warn"]
    waived = [f for f in findings if f.status == "waived"]
    notes = []
    active = list(dict.fromkeys(f.waiver.id for f in waived if f.waiver))
    lapsed = list(dict.fromkeys(f.waiver.note for f in findings if f.waiver and f.waiver.expired))
    if fails or warns:
        if waived:
            notes.append(f"{len(waived)} finding{'s' if len(waived) != 1 else ''} waived by {', '.join(active)}")
        notes += lapsed
        status = "fail" if fails else "warn"
        head = count_reason(fails, "violate") if fails else count_reason(warns, "need review")
        return r.model_copy(update={"findings": findings, "status": status, "reason": "; ".join([head, *notes])})
    n = len(waived)
    first = waived[0].waiver
    assert first is not None
    if len(active) == 1:
        reason = f"{n} finding{'s' if n != 1 else ''} {first.note}: {first.reason}"
    else:
        reason = f"{n} findings waived by {', '.join(active)}"
    return r.model_copy(update={"findings": findings, "status": "waived", "reason": reason})


# ----------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Problem:
    """One thing ``dockerbench waivers check`` reports: an error (exit 1) or a warning."""

    level: Literal["error", "warning"]
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.subject + ': ' if self.subject else ''}{self.message}"


def check(source: str | Path | Mapping[str, Any], policies: PolicySet, *, today: date,
          within_days: int = 30, where: str | None = None) -> tuple[list[Problem], Waivers | None]:
    """Every problem of a waivers file, and the usable part of it (its valid, uniquely named
    entries) to evaluate a snapshot with, or None when nothing of it is usable.

    Errors: not YAML/JSON, not a mapping, a wrong version, a malformed entry (missing reason,
    owner or expires, unknown fields, a bad date, "never" without allow_permanent), unknown
    control ids, duplicate ids, a waiver whose last day is before ``today``, an attestation
    that expired or is dated after ``today``. Warnings: expiring within ``within_days``.
    An unreadable file raises :class:`UsageError`.
    """
    if isinstance(source, Mapping):
        name, data = where or "<mapping>", dict(source)
    else:
        name = where or str(source)
        try:
            data = _parse(_read(Path(source), name), name)
        except _Unparsable as e:
            return [Problem("error", "", str(e).removeprefix(f"{name}: "))], None
    if not isinstance(data, dict):
        return [Problem("error", "", _not_a_mapping(data))], None
    found: list[tuple[tuple[int, int], Problem]] = []  # (where in the file, problem): listed in file order
    top = {k: v for k, v in data.items() if k not in ("waivers", "attestations")}
    for key in ("waivers", "attestations"):
        if key in data and not isinstance(data[key], list):
            found.append(((0, 0), Problem("error", "", f"{key}: must be a list, got {type(data[key]).__name__}")))
    try:
        Waivers.model_validate(top)
    except ValidationError as e:
        found += [((0, 0), Problem("error", "", p)) for p in _problems(e, top)]
    good_waivers = _entries(data, "waivers", Waiver, policies, found)
    good_attestations = _entries(data, "attestations", Attestation, policies, found)
    for i, w in good_waivers:
        if w.expires == "never":
            continue
        if w.expires < today:
            found.append(((1, i), Problem("error", f"waiver {w.id}", f"expired {w.expires} (as of {today})")))
        elif (w.expires - today).days < within_days:
            found.append(((1, i), Problem("warning", f"waiver {w.id}", f"expires {w.expires}, within {within_days} days")))
    for i, a in good_attestations:
        subject = _attestation_subject(a, i)
        if a.attested_on > today:
            found.append(((2, i), Problem("error", subject, f"attested_on {a.attested_on} is after {today}")))
        elif a.valid_through < today:
            found.append(((2, i), Problem("error", subject, f"expired {a.valid_through} (as of {today})")))
        elif (a.valid_through - today).days < within_days:
            found.append(((2, i), Problem("warning", subject, f"expires {a.valid_through}, within {within_days} days")))
    usable = None
    if good_waivers or good_attestations:
        usable = Waivers(version=1, waivers=[w for _, w in good_waivers], attestations=[a for _, a in good_attestations])
        usable._source = name
    return [p for _, p in sorted(found, key=lambda item: item[0])], usable


def _entries(data: dict[str, Any], key: str, model: Any, policies: PolicySet,
             found: list[tuple[tuple[int, int], Problem]]) -> list[tuple[int, Any]]:
    """(index, entry) of the entries of data[key] that are valid, resolvable and not a duplicate id."""
    raw = data.get(key)
    if not isinstance(raw, list):
        return []
    section = 1 if key == "waivers" else 2
    ids = [e.get("id") for e in raw if isinstance(e, dict) and isinstance(e.get("id"), str)]
    good = []
    reported: set[str] = set()
    for i, entry in enumerate(raw):
        try:
            item = model.model_validate(entry)
        except ValidationError as e:
            found += [((section, i), Problem("error", "", p)) for p in _problems(e, {key: {i: entry}}, prefix=(key, i))]
            continue
        subject = f"{key[:-1]} {item.id}" if item.id else f"{key}[{i}]"
        if item.id is not None and ids.count(item.id) > 1:
            if item.id not in reported:
                reported.add(item.id)
                found.append(((section, i), Problem("error", subject,
                                                    f"the id is used {ids.count(item.id)} times (ids are unique)")))
            continue
        try:
            control_ids(item.controls, policies)
        except UsageError as e:
            found.append(((section, i), Problem("error", subject, str(e))))
            continue
        good.append((i, item))
    return good


def check_outcomes(report: Report) -> list[Problem]:
    """Problems of the waivers as a snapshot's evaluation saw them: a waiver that matches no
    finding (stale, or expired and matching nothing) is an error; one not meant for this host
    or whose controls were not evaluated, and an attestation that decided nothing, a warning."""
    if report.waivers is None:
        return []
    where = f"on host {report.snapshot_meta.hostname or 'unnamed'}"
    out = []
    for w in report.waivers.waivers:
        if w.status == "stale":
            statuses = ", ".join(f"{cid} {next(r.status for r in report.results if r.id == cid)}" for cid in w.controls)
            out.append(Problem("error", f"waiver {w.id}", f"matches nothing {where} ({statuses})"))
        elif w.status == "expired" and w.findings == 0:
            out.append(Problem("error", f"waiver {w.id}", f"matches nothing {where} (and expired {w.expires})"))
        elif w.status == "not_applicable":
            out.append(Problem("warning", f"waiver {w.id}", f"does not apply {where}: {w.detail}"))
    for i, a in enumerate(report.waivers.attestations):
        if a.status == "not_applicable":
            subject = f"attestation {a.id}" if a.id else f"attestations[{i}]"
            out.append(Problem("warning", subject, f"decides nothing {where}: {a.detail}"))
    return out
