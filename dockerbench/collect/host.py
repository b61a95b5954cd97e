"""Host facts: OS, mounts, fstab, docker group, audit rules, LSMs, listeners, systemd units."""

from __future__ import annotations

from .._snapshot import Host
from ._context import Context


def collect(ctx: Context) -> Host:
    return Host()
