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
from ._snapshot import SCHEMA_VERSION, Snapshot, load_snapshot
from ._version import __version__
from .collect import snapshot

__all__ = [
    "SCHEMA_VERSION",
    "CollectionError",
    "DockerbenchError",
    "EngineError",
    "PolicyError",
    "Snapshot",
    "SnapshotError",
    "UsageError",
    "__version__",
    "load_snapshot",
    "snapshot",
]
