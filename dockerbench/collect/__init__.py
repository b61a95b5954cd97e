"""Collect a live Docker host into a :class:`~dockerbench.Snapshot`.

One module per source, each returning its part of the snapshot and recording in the shared
:class:`Context` what it could not collect:

    host.py        OS, mounts, fstab, docker group, audit rules, LSMs, listeners, systemd units
    daemon.py      dockerd pid/argv/flags, daemon.json, /etc/default/docker, /version, /info
    files.py       stat() of every path a control needs (paths discovered from daemon + host)
    networks.py    GET /networks
    images.py      GET /images/json + one inspect (+ history, + layer scan) per image
    containers.py  GET /containers/json?all=1 + one inspect per container (+ top when running)
    swarm.py       /info Swarm, nodes, secrets, services, swarm certificates
    auditor.py     the container dockerbench itself runs in (its /proc/self), left out of the controls

Collection is read-only and never runs anything inside a container.
"""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import CollectionError, UsageError
from .._version import __version__
from ._api import ENGINE_ERRORS, DockerApi, connect

if TYPE_CHECKING:
    from .._snapshot import Container, Daemon, Snapshot
    from ._context import Context, ProgressCallback

__all__ = ["snapshot"]

ENGINE_SECTIONS = ("daemon.version", "daemon.info", "networks", "images", "containers", "swarm")


def snapshot(
    docker_host: str | None = None,
    host_root: str | Path = "/",
    *,
    include_env_values: bool = False,
    scan_image_files: bool = True,
    timeout: float = 30.0,
    workers: int = 8,
    allow_partial: bool = False,
    progress: ProgressCallback | None = None,
) -> Snapshot:
    """Collect the Docker host into a Snapshot.

    ``docker_host`` defaults to what the docker CLI would use. ``host_root`` is where the host's
    filesystem is mounted (``/`` on the host itself). Environment values stay out unless
    ``include_env_values``. When the daemon cannot be reached, host and file facts are still
    collected and every engine fact is recorded as an error; then :class:`CollectionError` is
    raised with that partial snapshot attached (``.snapshot``), unless ``allow_partial``.
    """
    _check_host_root(Path(host_root))
    started = time.monotonic()
    collected_at = datetime.now(timezone.utc).replace(microsecond=0)
    if progress is not None:
        progress("connecting", 0, None)
    # The daemon's first answer before the collectors and the snapshot models are imported
    # (~0.1 s): a CLI audit asks its first question as early as it can.
    api, address, unreachable = connect(docker_host, timeout)
    from .._snapshot import Meta, Snapshot
    from . import auditor, containers, daemon, files, host, images, networks, swarm
    from ._context import Context

    ctx = Context(host_root=Path(host_root), include_env_values=include_env_values,
                  scan_image_files=scan_image_files, workers=max(1, workers), progress=progress)
    if api is None:
        for section in ENGINE_SECTIONS:
            ctx.record(section.split(".")[0], section, "engine_error",
                       f"Docker daemon at {address} is unreachable: {unreachable}")

    ctx.report("host", 0, None)
    host_part = host.collect(ctx)
    daemon_part = daemon.collect(ctx, api, docker_host=address)
    network_part = image_part = container_part = swarm_part = None
    if api is not None:
        # Independent lists, collected side by side: while one waits for the daemon (an image
        # export, a container's top), another's answers are read.
        with ThreadPoolExecutor(4, thread_name_prefix="dockerbench-collect") as pool:
            network_job, image_job = pool.submit(networks.collect, ctx, api), pool.submit(images.collect, ctx, api)
            container_job = pool.submit(containers.collect, ctx, api)
            swarm_job = pool.submit(swarm.collect, ctx, api, daemon_part, collected_at)
            network_part, image_part = network_job.result(), image_job.result()
            container_part, swarm_part = container_job.result(), swarm_job.result()
    ctx.report("files", 0, None)
    file_part = files.collect(ctx, daemon_part, host_part)
    _cross_check(ctx, daemon_part, container_part)

    meta = Meta(
        tool_version=__version__,
        collected_at=collected_at,
        collected_at_unix=int(collected_at.timestamp()),
        hostname=socket.gethostname(),
        docker_host=address,
        host_root=str(host_root),
        duration_seconds=round(time.monotonic() - started, 3),
        include_env_values=include_env_values,
        api_calls=api.calls if api else 0,
        auditor_container_id=auditor.container_id(),
        errors=sorted(ctx.errors, key=lambda e: (e.section, e.item)),
    )
    snap = Snapshot(meta=meta, host=host_part, daemon=daemon_part, files=file_part,
                    networks=network_part, images=image_part, containers=container_part,
                    swarm=swarm_part)
    lost = api is not None and _engine_errors(snap) > 0 and not _answers(api)
    if api is not None:
        api.close()
    ctx.report("done", 1, 1)
    if unreachable is not None and not allow_partial:
        raise CollectionError(f"cannot reach the Docker daemon at {address}: {unreachable}", snapshot=snap)
    if lost and not allow_partial:
        raise CollectionError(f"lost the connection to the Docker daemon at {address} during collection: "
                              f"{_engine_errors(snap)} facts missing", snapshot=snap)
    return snap


def _cross_check(ctx: Context, daemon_part: Daemon, listed: list[Container] | None) -> None:
    """Record a container list shorter than the count GET /info gave moments before.

    A list that lost containers (an API answer cut short, a filter, a proxy in between) would
    make every container control look at fewer than exist. Containers created after /info only
    make the list longer, so only a shorter list is recorded.
    """
    info = daemon_part.info
    if info is None or listed is None or len(listed) >= info.containers:
        return
    ctx.record("containers", "containers", "invalid",
               f"the daemon reports {info.containers} containers (GET /info) but {len(listed)} were listed")


def _engine_errors(snap: Snapshot) -> int:
    return sum(1 for e in snap.meta.errors if e.kind in ("engine_error", "timeout"))


def _answers(api: DockerApi) -> bool:
    """Whether the daemon still answers (it may have stopped while we collected)."""
    try:
        api.ping()
        return True
    except ENGINE_ERRORS:
        return False


def _check_host_root(root: Path) -> None:
    """Refuse a host root that is not a host's filesystem, before anything is collected.

    A wrong root would make every file and socket look absent, and their controls
    not applicable: a silent pass. Every Linux root has an ``etc`` directory.
    """
    if not root.is_dir():
        problem = "does not exist" if not root.exists() else "is not a directory"
        raise UsageError(f"host root {root} {problem}")
    if not (root / "etc").is_dir():
        raise UsageError(f"host root {root} is not a host's root filesystem (it has no etc/ directory)")
