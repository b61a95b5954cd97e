"""Evaluate the policies over a snapshot and turn each control's output into a result.

Every control package answers with the same small contract (see policies/README.md):

    missing         set of facts the decision lacks        -> status error
    not_applicable  reason string                           -> status not_applicable
    violations      set of findings                         -> status fail
    reviews         set of findings that need a person      -> status warn
    manual          reason string (needs human judgement)   -> status manual
    evidence        object for the reviewer (any status)
    checked         number of resources examined            -> status pass when nothing above
    note            what the decision depended on (an Engine version) or could not check:
                    the reason ends with it, whatever the status

A package that defines none of these produced no decision: that is an error, never a pass.

An organisation's waivers and attestations (``dockerbench/_waivers.py``) are applied to the
decided results here, after ``decide()`` and outside Rego: the policies never see them. A
control of a benchmark profile that no check decides yet is ``manual``, never a pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from pydantic_core import PydanticSerializationError
from typing_extensions import Unpack

from ._errors import DockerbenchError, SnapshotError
from ._policies import DEFAULT_BENCHMARK, DEFAULT_TITLE, Control
from ._prepare import packages, prepare
from ._profiles import NOT_DECIDED_REASON
from ._report import (
    ENGINE_ERROR_PREFIX,
    ControlMetadata,
    ControlResult,
    DockerEngine,
    Finding,
    Report,
    Resource,
    Score,
    WaiverReport,
    count_reason,
)
from ._selection import Selection, SelectionOptions
from ._snapshot import Snapshot, load_snapshot
from ._version import __version__
from ._waivers import Waivers, load_waivers, parse_as_of
from ._waivers import apply as apply_waivers
from ._waivers import resolve as resolve_waivers
from .engines import Engine, make_engine
from .engines.interface import JsonInput

__all__ = ["decide", "evaluate", "prepare"]


def evaluate(
    snapshot: Snapshot | str | Path | Mapping[str, Any],
    selection: Selection | None = None,
    *,
    engine: Engine | str | None = None,
    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
    as_of: date | datetime | str | None = None,
    progress: Any = None,
    **options: Unpack[SelectionOptions],
) -> Report:
    """Evaluate the CIS controls over a snapshot and return the Report.

    ``snapshot`` is a Snapshot, a path or JSON text of one, or a dict. ``engine`` is an Engine,
    or a name: ``embedded`` (default, regorus) or ``opa`` (real OPA in-process). What is decided
    is a :class:`Selection`, or its fields as keywords (they replace the given selection's):
    ``benchmark`` is the profile whose controls are decided: ``cis-docker-1.1.0`` (default),
    ``cis-docker-1.8.0``, ... (``dockerbench.available_benchmarks()``); ids, levels and findings
    are that benchmark's. ``controls`` and ``exclude`` take ids ('5.4'), sections ('5') and globs
    ('5.*'). ``params`` become ``data.dockerbench.params`` (organisation inputs such as
    ``trusted_registries``).

    ``waivers`` is a waivers file (YAML/JSON path), a mapping of one, or :class:`Waivers`; they
    are applied after the policies decided, their expiry judged on ``as_of`` (a date; default:
    the snapshot's collection date). A malformed file, or one naming an unknown control, is a
    :class:`UsageError` before anything is evaluated.
    """
    chosen = Selection.of(selection, **options)
    snap = _as_snapshot(snapshot)
    waiver_set = load_waivers(waivers) if waivers is not None else None
    day = parse_as_of(as_of)
    eng = make_engine(engine)
    own_engine = not isinstance(engine, Engine)
    try:
        policies, selected = chosen.load(eng)
        plan = resolve_waivers(waiver_set, policies) if waiver_set is not None else None
        docs = _evaluate_all(eng, _engine_input(snap), selected, progress)
        description = eng.describe()
    finally:
        if own_engine:
            eng.close()
    results = [decide(c, docs[c.id]) for c in selected]
    applied = None
    if plan is not None:
        results, applied = apply_waivers(results, snap, plan, day)
    return build_report(results, snap, description, waivers=applied, benchmark=policies.benchmark,
                        title=policies.title)


def _engine_input(snap: Snapshot) -> Any:
    """The snapshot as the engines read it: JSON text serialised once by pydantic-core, no Python
    dict in between (a fifth of the time at 1000 containers); a snapshot holding a lone surrogate
    (read from a file with one escaped), which that serialiser refuses, as its JSON value."""
    try:
        return JsonInput(snap.model_dump_json())
    except PydanticSerializationError:
        return snap.model_dump(mode="json")


def _as_snapshot(snapshot: Snapshot | str | Path | Mapping[str, Any]) -> Snapshot:
    if isinstance(snapshot, Snapshot):
        return snapshot
    if isinstance(snapshot, Mapping):
        try:
            text = json.dumps(snapshot, allow_nan=False)
        except (TypeError, ValueError) as e:  # a value JSON cannot hold (a set, a datetime, NaN...)
            raise SnapshotError(f"<mapping>: not a valid snapshot: {e}") from None
        return load_snapshot(text)
    return load_snapshot(snapshot)


def _evaluate_all(eng: Engine, input_doc: dict[str, Any], selected: list[Control], progress: Any) -> dict[str, Any]:
    """Every selected control's package document, or the EngineError it raised.

    Engines evaluate documents independently, so one broken policy gives one `error` result
    and every other result is kept.
    """
    if progress is not None:
        progress("evaluating", 0, len(selected))
    docs = eng.evaluate_many(packages(selected), input_doc)
    if progress is not None:
        progress("evaluating", len(selected), len(selected))
    return {c.id: None if c.package is None else docs.get(c.package) for c in selected}


def decide(control: Control, doc: Any) -> ControlResult:
    """The status of one control from its package document (or the engine error it raised)."""
    base = ControlMetadata.fields_of(control)
    if control.package is None:  # a profile's control that no check decides yet: a person does
        return ControlResult(**base, status="manual", reason=NOT_DECIDED_REASON)
    if isinstance(doc, DockerbenchError):
        return ControlResult(**base, status="error", reason=f"{ENGINE_ERROR_PREFIX}{doc}")
    if not isinstance(doc, dict):
        doc = {}
    try:
        missing = sorted(str(m) for m in _as_list(doc.get("missing")))
        violations = [_finding(control.id, "fail", v) for v in _as_list(doc.get("violations"))]
        reviews = [_finding(control.id, "warn", v) for v in _as_list(doc.get("reviews"))]
        _check_shapes(doc)
    except (TypeError, ValueError, KeyError) as e:
        return ControlResult(**base, status="error", reason=f"policy output is malformed: {e}")
    evidence = doc.get("evidence") if isinstance(doc.get("evidence"), dict) else {}
    findings = sorted(violations + reviews, key=lambda f: (f.status, f.resource.kind, f.resource.name or "", f.resource.id, f.message))
    common: dict[str, Any] = {"findings": findings, "evidence": evidence, "missing": missing}
    result = _decide_status(doc, base, common, missing, violations, reviews)
    note = doc.get("note")
    return result.model_copy(update={"reason": f"{result.reason} ({note})"}) if note else result


def _decide_status(doc: dict[str, Any], base: dict[str, Any], common: dict[str, Any], missing: list[str],
                   violations: list[Finding], reviews: list[Finding]) -> ControlResult:
    """The status by the contract's precedence, and its reason (before the policy's note)."""
    if missing:
        return ControlResult(**base, **common, status="error",
                             reason="facts missing from the snapshot: " + "; ".join(missing))
    if isinstance(doc.get("not_applicable"), str):
        return ControlResult(**base, **common, status="not_applicable", reason=doc["not_applicable"])
    if violations:
        return ControlResult(**base, **common, status="fail", reason=count_reason(violations, "violate"))
    if reviews:
        return ControlResult(**base, **common, status="warn", reason=count_reason(reviews, "need review"))
    if isinstance(doc.get("manual"), str):
        return ControlResult(**base, **common, status="manual", reason=doc["manual"])
    checked = doc.get("checked")
    if checked == 0:  # nothing examined and no reason given: never a pass
        return ControlResult(**base, **common, status="error",
                             reason="the policy checked no resource and gave no reason the control does not apply")
    if checked is not None:
        return ControlResult(**base, **common, status="pass",
                             reason=f"{checked} resource{'s' if checked != 1 else ''} checked, none violates")
    return ControlResult(**base, **common, status="error",
                         reason="the policy produced no decision (no checked, not_applicable, missing or findings)")


def _check_shapes(doc: dict[str, Any]) -> None:
    """The contract's scalar rules: reasons are non-empty text, ``checked`` a count."""
    for rule in ("not_applicable", "manual", "note"):
        value = doc.get(rule)
        if rule in doc and not (isinstance(value, str) and value.strip()):
            raise ValueError(f"{rule} must be a non-empty string, got {json.dumps(value)[:60]}")
    checked = doc.get("checked")
    if "checked" in doc and not (isinstance(checked, int) and not isinstance(checked, bool) and checked >= 0):
        raise ValueError(f"checked must be a count (a whole number, 0 or more), got {json.dumps(checked)[:60]}")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise TypeError(f"expected a set, got {type(value).__name__}")


def _finding(control_id: str, status: str, v: Any) -> Finding:
    if not isinstance(v, dict) or not isinstance(v.get("resource"), dict):
        raise ValueError(f"finding without a resource: {json.dumps(v)[:120]}")
    res = v["resource"]
    return Finding(
        control_id=control_id, status=status, waiver=None,  # type: ignore[arg-type]
        resource=Resource(kind=res["kind"], id=str(res["id"]),
                          name=None if res.get("name") is None else str(res["name"])),
        message=str(v.get("message", "")), actual=v.get("actual"), expected=v.get("expected"),
    )


def build_report(results: list[ControlResult], snap: Snapshot, engine: str, *,
                 waivers: WaiverReport | None = None, benchmark: str = DEFAULT_BENCHMARK,
                 title: str = DEFAULT_TITLE) -> Report:
    """The Report of these results. The score leaves out waived controls (counted in
    ``score.waived``), as it leaves out manual and not applicable ones."""
    counts: dict[str, int] = {s: 0 for s in ("pass", "fail", "warn", "manual", "not_applicable", "error", "waived")}
    for r in results:
        counts[r.status] += 1
    considered = [r for r in results if r.scored and r.status in ("pass", "fail", "warn", "error")]
    passed = sum(1 for r in considered if r.status == "pass")
    score = Score(passed=passed, considered=len(considered),
                  percent=round(100.0 * passed / len(considered), 1) if considered else None,
                  waived=sum(1 for r in results if r.scored and r.status == "waived"))
    return Report(tool_version=__version__, generated_at=datetime.now(timezone.utc).replace(microsecond=0),
                  benchmark=title, benchmark_id=benchmark,
                  engine=engine, docker_engine=docker_engine(snap), snapshot_meta=snap.meta, results=results,
                  counts=counts, score=score, waivers=waivers)


def docker_engine(snap: Snapshot) -> DockerEngine | None:
    """The Docker Engine and API version the snapshot was taken from (GET /version, else /info)."""
    version, info = snap.daemon.version, snap.daemon.info
    if version is not None:
        return DockerEngine(version=version.version, api_version=version.api_version)
    if info is not None and info.server_version:
        return DockerEngine(version=info.server_version, api_version=None)
    return None
