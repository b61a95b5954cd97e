"""The auditor itself: the id of the container dockerbench runs in, if it runs in one.

The container controls leave that container out (``lib.containers``), as they leave out one
labelled ``dockerbench.auditor=true``: the auditor's own ``--pid host`` and socket mount are
what it needs to audit, not findings. Two sources, read from the auditor's own ``/proc/self``
(never under ``--host-root``: that is the host's, not ours):

* ``/proc/self/cgroup``: the cgroup path names the container with a host cgroup namespace:
  ``/docker/<id>`` (cgroupfs driver, cgroup v1 or v2), ``/system.slice/docker-<id>.scope``
  (systemd driver; rootless Docker's ``.../user@1000.service/.../docker-<id>.scope`` too).
  With a private cgroup namespace (Docker's default on cgroup v2) the path is only ``/``.
* ``/proc/self/mountinfo``: Docker bind-mounts ``<data-root>/containers/<id>/hostname``,
  ``hosts`` and ``resolv.conf`` onto ``/etc/...`` of every container, whatever the cgroup
  namespace; the mount's root names the container.

Nothing is ever guessed: an id is 64 lowercase hex digits found in one of those places, and
``None`` means dockerbench did not run in a container of a Docker daemon (or ran in one that
shows neither). A wrong id could only ever match the one container that has it.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["container_id", "from_cgroup", "from_mountinfo"]

_ID = r"[0-9a-f]{64}"
#: One path segment naming a container: "<id>" or "docker-<id>.scope".
_CGROUP_SEGMENT = re.compile(rf"^(?:docker-)?({_ID})(?:\.scope)?$")
#: The root of the /etc/hostname, /etc/hosts or /etc/resolv.conf bind mount of a container.
_MOUNT_ROOT = re.compile(rf"(?:^|/)containers/({_ID})/(?:hostname|hosts|resolv\.conf)$")
_MOUNT_POINTS = frozenset({"/etc/hostname", "/etc/hosts", "/etc/resolv.conf"})


def container_id(proc: Path | str = "/proc") -> str | None:
    """The id of the container this process runs in, from ``proc``/self/cgroup, else
    ``proc``/self/mountinfo; None when neither names one (or neither can be read)."""
    for name, parse in (("cgroup", from_cgroup), ("mountinfo", from_mountinfo)):
        try:
            text = (Path(proc) / "self" / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = parse(text)
        if found is not None:
            return found
    return None


def from_cgroup(text: str) -> str | None:
    """The container a ``/proc/<pid>/cgroup`` names (the innermost, when containers nest)."""
    for line in text.splitlines():
        parts = line.split(":", 2)  # hierarchy-id:controllers:path; the path may hold ':'
        if len(parts) != 3:
            continue
        ids = [m.group(1) for segment in parts[2].split("/") if (m := _CGROUP_SEGMENT.match(segment))]
        if ids:
            return ids[-1]
    return None


def from_mountinfo(text: str) -> str | None:
    """The container whose hostname/hosts/resolv.conf files are mounted on our /etc."""
    for line in text.splitlines():
        fields = line.split(" ")
        if len(fields) < 5 or fields[4] not in _MOUNT_POINTS:
            continue
        m = _MOUNT_ROOT.search(fields[3])
        if m:
            return m.group(1)
    return None
