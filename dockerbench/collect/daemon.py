"""Daemon facts: dockerd pid/argv/flags, daemon.json, defaults files, GET /version and /info."""

from __future__ import annotations

from .._snapshot import Daemon
from ._api import DockerApi
from ._context import Context


def collect(ctx: Context, api: DockerApi | None, docker_host: str) -> Daemon:
    return Daemon()
