"""dockerbench: audit a Docker host against the CIS Docker CE Benchmark v1.1.0.

    snapshot = dockerbench.snapshot()          # collect the live host (typed, schema-valid)
    report = dockerbench.evaluate(snapshot)    # 104 Rego policies -> one result per control
    report = dockerbench.audit()               # both at once

Errors the library raises derive from :class:`DockerbenchError`.
"""

from ._errors import (
    CollectionError,
    DockerbenchError,
    EngineError,
    PolicyError,
    SnapshotError,
    UsageError,
)
from ._evaluate import evaluate
from ._policies import Control, load_policies
from ._report import ControlResult, Finding, Report, Resource, Score, Status, load_report
from ._snapshot import SCHEMA_VERSION, Snapshot, load_snapshot
from ._version import __version__
from .collect import snapshot
from .engines import Engine, make_engine


def audit(*, engine: "Engine | str | None" = None, controls=None, params=None, policy_dirs=(),
          **snapshot_options) -> Report:
    """Snapshot the live host and evaluate it: ``evaluate(snapshot(**snapshot_options), ...)``."""
    return evaluate(snapshot(**snapshot_options), engine=engine, controls=controls, params=params,
                    policy_dirs=policy_dirs)

__all__ = [
    "SCHEMA_VERSION",
    "CollectionError",
    "Control",
    "ControlResult",
    "DockerbenchError",
    "Engine",
    "EngineError",
    "Finding",
    "PolicyError",
    "Report",
    "Resource",
    "Score",
    "Snapshot",
    "SnapshotError",
    "Status",
    "UsageError",
    "__version__",
    "audit",
    "evaluate",
    "load_policies",
    "load_report",
    "load_snapshot",
    "make_engine",
    "snapshot",
]
