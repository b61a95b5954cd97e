"""The types of dockerbench's documents, for annotating code that reads them.

A snapshot (:class:`Snapshot` and the models of its sections: ``snap.daemon`` is a
:class:`Daemon`, each of ``snap.containers`` a :class:`Container`, ...), a report
(:class:`Report`, one :class:`ControlResult` per control, each :class:`Finding` on a
:class:`Resource`), a fleet report (:class:`FleetReport`) and the loaded policies
(:func:`dockerbench.load_policies` gives a :class:`PolicySet` of :class:`Control`)::

    from dockerbench.models import Container, Snapshot

    def privileged(snap: Snapshot) -> list[Container]:
        return [c for c in snap.containers or [] if c.privileged]

The models live in private modules (``dockerbench._snapshot``, ``_report``, ``_fleet``,
``_policies``) whose layout may change; this module is the stable place to import them from,
so a consumer never reaches into a private one. It re-exports them and adds nothing: each name
is the very object the private module defines. Importing it loads pydantic and PyYAML, not
pandas, jinja2, rich, the Docker SDK or an engine.
"""

from __future__ import annotations

from ._fleet import FleetControl, FleetHost, FleetReport, HostError
from ._policies import Control, PolicySet
from ._report import ControlMetadata, ControlResult, Finding, Report, Resource, Score, Status
from ._snapshot import (
    Container,
    ContainerMount,
    Daemon,
    EngineInfo,
    EngineVersion,
    FactError,
    FileFact,
    Host,
    Image,
    Meta,
    Network,
    Rootless,
    Snapshot,
    Swarm,
    SwarmNode,
    SwarmService,
)

# Static, so type checkers and IDEs see the names; tests/test_snapshot_api.py checks it.
__all__ = [
    "Container",
    "ContainerMount",
    "Control",
    "ControlMetadata",
    "ControlResult",
    "Daemon",
    "EngineInfo",
    "EngineVersion",
    "FactError",
    "FileFact",
    "Finding",
    "FleetControl",
    "FleetHost",
    "FleetReport",
    "Host",
    "HostError",
    "Image",
    "Meta",
    "Network",
    "PolicySet",
    "Report",
    "Resource",
    "Rootless",
    "Score",
    "Snapshot",
    "Status",
    "Swarm",
    "SwarmNode",
    "SwarmService",
]
