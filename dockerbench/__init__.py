"""dockerbench: audit a Docker host against the CIS Docker Benchmark (v1.1.0, v1.6.0, v1.8.0).

    snapshot = dockerbench.snapshot()          # collect the live host (typed, schema-valid)
    report = dockerbench.evaluate(snapshot)    # 105 Rego policies -> one result per control
    report = dockerbench.evaluate(snapshot, benchmark="cis-docker-1.8.0")   # 118 controls
    report = dockerbench.audit()               # both at once
    report = dockerbench.evaluate(snapshot, waivers="waivers.yaml")   # accepted exceptions, counted
    report.to_pandas()                         # one row per finding (extra: pandas)

Errors the library raises derive from :class:`DockerbenchError`. Names are imported lazily,
so ``import dockerbench`` stays cheap for tools that only need part of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover
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
    from ._policies import Control, load_policies
    from ._profiles import available_benchmarks
    from ._report import ControlResult, Finding, Report, Resource, Score, Status, load_report
    from ._snapshot import SCHEMA_VERSION, Snapshot, load_snapshot
    from ._waivers import Waivers, load_waivers
    from .collect import snapshot
    from .engines import Engine, make_engine

_LAZY = {
    "CollectionError": "._errors", "DockerbenchError": "._errors", "EngineError": "._errors",
    "PolicyError": "._errors", "PolicyWarning": "._errors", "ReportError": "._errors",
    "SnapshotError": "._errors", "UsageError": "._errors",
    "evaluate": "._evaluate", "Control": "._policies", "load_policies": "._policies",
    "available_benchmarks": "._profiles",
    "ControlResult": "._report", "Finding": "._report", "Report": "._report", "Resource": "._report",
    "Score": "._report", "Status": "._report", "load_report": "._report",
    "SCHEMA_VERSION": "._snapshot", "Snapshot": "._snapshot", "load_snapshot": "._snapshot",
    "snapshot": ".collect", "Engine": ".engines", "make_engine": ".engines",
    "diff": "._diff", "Diff": "._diff", "Waivers": "._waivers", "load_waivers": "._waivers",
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
    "PolicyError",
    "PolicyWarning",
    "Report",
    "ReportError",
    "Resource",
    "Score",
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


def audit(*, engine: Engine | str | None = None, controls: list[str] | None = None,
          params: dict[str, Any] | None = None, policy_dirs: Any = (), waivers: Any = None,
          as_of: Any = None, benchmark: str | None = None, **snapshot_options: Any) -> Report:
    """Snapshot the live host and evaluate it: ``evaluate(snapshot(**snapshot_options), ...)``
    under ``benchmark`` (default ``cis-docker-1.1.0``). The engine starts, and compiles the
    policies, while the snapshot is collected. Malformed ``waivers`` (or ones naming an unknown
    control) raise before anything is collected."""
    from ._evaluate import evaluate, prepare
    from ._waivers import load_waivers, parse_as_of
    from .collect import snapshot
    from .engines import Engine as _Engine
    from .engines import make_engine

    waiver_set = load_waivers(waivers) if waivers is not None else None
    day = parse_as_of(as_of)
    eng = make_engine(engine)
    eng.start()
    try:
        prepare(eng, controls=controls, params=params, policy_dirs=policy_dirs, waivers=waiver_set,
                benchmark=benchmark)
        return evaluate(snapshot(**snapshot_options), engine=eng, controls=controls, params=params,
                        policy_dirs=policy_dirs, waivers=waiver_set, as_of=day, benchmark=benchmark)
    finally:
        if not isinstance(engine, _Engine):
            eng.close()
