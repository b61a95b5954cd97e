"""Swarm: state from /info, and on managers the nodes, secret names, services; cert ages."""

from __future__ import annotations

from datetime import datetime

from .._snapshot import Daemon, Swarm
from ._api import DockerApi
from ._context import Context


def collect(ctx: Context, api: DockerApi, daemon: Daemon, collected_at: datetime) -> Swarm | None:
    return None
