"""dockerbench: audit a Docker host against the CIS Docker Benchmark (v1.1.0, v1.6.0, v1.8.0).

    snapshot = dockerbench.snapshot()          # collect the live host (typed, schema-valid)
    report = dockerbench.evaluate(snapshot)    # 105 Rego policies -> one result per control
    report = dockerbench.evaluate(snapshot, benchmark="cis-docker-1.8.0")   # 118 controls
    report = dockerbench.audit()               # both at once
    report = dockerbench.evaluate(snapshot, waivers="waivers.yaml")   # accepted exceptions, counted
    report.to_pandas()                         # one row per finding (extra: pandas)
    fleet = dockerbench.fleet()                # every node of a swarm (from a manager): a FleetReport
    fleet = dockerbench.evaluate_fleet(["a.json", "b.json"])   # the same from saved snapshots

The types of these documents, for annotations, are in :mod:`dockerbench.models`. Errors the
library raises derive from :class:`DockerbenchError`. Names are imported lazily,
so ``import dockerbench`` stays cheap for tools that only need part of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import Unpack

    from ._diff import Diff, diff
    from ._errors import (
        CollectionError,
        DockerbenchError,
        EngineError,
        PolicyError,
        PolicyWarning,
        ReportError,
        SnapshotError,
        UsageError,
    )
    from ._evaluate import evaluate
    from ._fleet import FleetReport, evaluate_fleet
    from ._fleet_swarm import fleet
    from ._policies import Control, available_benchmarks, load_policies
    from ._report import ControlResult, Finding, Report, Resource, Score, Status, load_report
    from ._selection import AuditOptions, Selection
    from ._snapshot import SCHEMA_VERSION, Snapshot, load_snapshot
    from ._waivers import Waivers, load_waivers
    from .collect import snapshot
    from .engines import Engine, make_engine

_LAZY = {
    "CollectionError": "._errors", "DockerbenchError": "._errors", "EngineError": "._errors",
    "PolicyError": "._errors", "PolicyWarning": "._errors", "ReportError": "._errors",
    "SnapshotError": "._errors", "UsageError": "._errors",
    "evaluate": "._evaluate", "Control": "._policies", "load_policies": "._policies",
    "available_benchmarks": "._policies",
    "ControlResult": "._report", "Finding": "._report", "Report": "._report", "Resource": "._report",
    "Score": "._report", "Selection": "._selection", "Status": "._report", "load_report": "._report",
    "SCHEMA_VERSION": "._snapshot", "Snapshot": "._snapshot", "load_snapshot": "._snapshot",
    "snapshot": ".collect", "Engine": ".engines", "make_engine": ".engines",
    "diff": "._diff", "Diff": "._diff", "FleetReport": "._fleet", "evaluate_fleet": "._fleet",
    "fleet": "._fleet_swarm", "Waivers": "._waivers", "load_waivers": "._waivers",
}

# Static, so type checkers and IDEs see the public names; test_packaging checks it against _LAZY.
__all__ = [
    "SCHEMA_VERSION",
    "CollectionError",
    "Control",
    "ControlResult",
    "Diff",
    "DockerbenchError",
    "Engine",
    "EngineError",
    "Finding",
    "FleetReport",
    "PolicyError",
    "PolicyWarning",
    "Report",
    "ReportError",
    "Resource",
    "Score",
    "Selection",
    "Snapshot",
    "SnapshotError",
    "Status",
    "UsageError",
    "Waivers",
    "__version__",
    "audit",
    "available_benchmarks",
    "diff",
    "evaluate",
    "evaluate_fleet",
    "fleet",
    "load_policies",
    "load_report",
    "load_snapshot",
    "load_waivers",
    "make_engine",
    "snapshot",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dockerbench' has no attribute {name!r}")


def audit(selection: Selection | None = None, *, engine: Engine | str | None = None, waivers: Any = None,
          as_of: Any = None, **options: Unpack[AuditOptions]) -> Report:
    """Snapshot the live host and evaluate it: ``evaluate(snapshot(...), selection, ...)``.

    The keywords are :func:`snapshot`'s (``docker_host``, ``host_root``, ...) and a
    :class:`Selection`'s (``benchmark``, ``controls``, ``exclude``, ``level``, ...), as for
    :func:`evaluate`. The engine starts, and compiles the selected policies, while the snapshot
    is collected. Malformed ``waivers`` (or ones naming an unknown control) raise before
    anything is collected."""
    from ._evaluate import evaluate
    from ._prepare import preparing
    from ._selection import Selection, SelectionOptions
    from ._waivers import load_waivers, parse_as_of
    from .collect import snapshot
    from .engines import Engine as _Engine
    from .engines import make_engine

    chosen = Selection.of(selection, **{k: v for k, v in options.items() if k in SelectionOptions.__optional_keys__})
    collect: dict[str, Any] = {k: v for k, v in options.items() if k not in SelectionOptions.__optional_keys__}
    waiver_set = load_waivers(waivers) if waivers is not None else None
    day = parse_as_of(as_of)
    eng = make_engine(engine)
    eng.start()
    try:
        with preparing(eng, chosen, waivers=waiver_set):
            snap = snapshot(**collect)
        return evaluate(snap, chosen, engine=eng, waivers=waiver_set, as_of=day)
    finally:
        if not isinstance(engine, _Engine):
            eng.close()
