"""File facts: stat() of every path a control needs."""

from __future__ import annotations

from .._snapshot import Daemon, FileFact, Host
from ._context import Context


def collect(ctx: Context, daemon: Daemon, host: Host) -> list[FileFact]:
    return []
