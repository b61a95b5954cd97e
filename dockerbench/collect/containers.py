"""Containers: every container (running and stopped), one inspect each, processes of running ones.

Cost per container: ``GET /containers/{id}/json``; when the engine still remembers exec
instances, ``GET /exec/{id}/json`` for each. Nothing is ever run inside a container. The host
UID of a running container's main process is read from ``/proc/<pid>/status`` after checking,
through ``/proc/<pid>/cgroup``, that the pid really is that container's (the auditor may see
another PID namespace than dockerd). A running container's processes are those whose cgroup is
the container's, read from the host's ``/proc`` once for all containers (:class:`HostProcesses`):
what ``docker top`` lists, without dockerd running ``ps`` for each container (~25 ms of its CPU
each). Where that ``/proc`` is not dockerd's (a remote daemon, another PID namespace), they come
from ``GET /containers/{id}/top``.

:func:`from_inspect` and :func:`from_list` turn the Engine's answers into a Container without
any call (tests/test_api_drift.py feeds them the answers of each API version). They normalise
what differs between engines: the network mode of a container created without ``--network``
is "default" before Engine 26.1 and "bridge" from it (``bridge`` here, as dockerd means on
Linux); a PIDs limit of null, 0 or -1 is no limit (``None``); unset ulimits are null or ``[]``,
as the client sent them (``[]``). API 1.52 drops ``NetworkSettings.IPAddress`` and the other
per-bridge fields; only ``NetworkSettings.Ports``/``Networks`` and ``HostConfig`` are read,
which every version has.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import threading
from pathlib import Path
from typing import Any

from .._snapshot import (
    Container,
    ContainerMount,
    Device,
    ExecInstance,
    PortBinding,
    Process,
    RestartPolicy,
    Ulimit,
)
from . import _redact as redact
from ._api import ENGINE_ERRORS, DockerApi, EngineApiError
from ._context import Context
from ._engine import (
    SHAPE_ERRORS,
    Vanished,
    collect_listed,
    env_vars,
    healthcheck,
    inspect,
    labels,
    record_api_error,
    unix_time,
)
from ._hostfs import parse_passwd

SECTION = "containers"
#: ps columns for the top endpoint; dockerd needs the PID column to pick the container's processes.
PS_ARGS = "-o pid,user,comm,args"


def collect(ctx: Context, api: DockerApi) -> list[Container] | None:
    """Every container; None (recorded) when the list cannot be read."""
    processes = HostProcesses(ctx.proc, ctx.path("/etc/passwd"))
    return collect_listed(ctx, SECTION, "GET /containers/json?all=1", lambda: api.get("/containers/json", all=True),
                          lambda summary: _container(ctx, api, summary, processes))


class HostProcesses:
    """The host's processes by the container whose cgroup holds them, read from ``/proc`` on
    first use (once per snapshot, for every container; thread-safe)."""

    def __init__(self, proc: Path, passwd: Path) -> None:
        self._proc, self._passwd = proc, passwd
        self._lock = threading.Lock()
        self._by_container: dict[str, list[int]] | None = None
        self._names: dict[int, str] = {}

    def of(self, cid: str, main_pid: int) -> list[Process] | None:
        """The processes of container ``cid``; None when this ``/proc`` does not show its main
        process ``main_pid`` in its cgroup (not dockerd's PID namespace): ask dockerd then."""
        with self._lock:
            if self._by_container is None:
                self._by_container = self._index()
        pids = self._by_container.get(cid, [])
        if main_pid not in pids:
            return None
        processes = [p for p in (self._process(pid) for pid in pids) if p is not None]
        return processes if any(p.pid == main_pid for p in processes) else None

    def _index(self) -> dict[str, list[int]]:
        try:
            self._names = {e.uid: e.name for e in parse_passwd(self._passwd.read_text(encoding="utf-8", errors="replace"))}
        except OSError:
            self._names = {}
        index: dict[str, list[int]] = {}
        try:
            entries = [e for e in os.scandir(self._proc) if e.name.isdigit()]
        except OSError:
            return index
        for entry in entries:
            try:
                cgroup = Path(entry.path, "cgroup").read_text(encoding="utf-8", errors="replace")
            except OSError:  # ended meanwhile, or not ours to read
                continue
            ids = _CONTAINER_ID.findall(cgroup)
            if ids:
                index.setdefault(ids[-1], []).append(int(entry.name))  # the innermost container (nested cgroups)
        for pids in index.values():
            pids.sort()
        return index

    def _process(self, pid: int) -> Process | None:
        """One process as ``ps -o pid,user,comm,args`` shows it; None when it ended meanwhile."""
        base = self._proc / str(pid)
        try:
            comm = (base / "comm").read_text(encoding="utf-8", errors="replace").rstrip("\n")
            argv = (base / "cmdline").read_bytes().decode("utf-8", "replace").rstrip("\0").split("\0")
            status = (base / "status").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        uid = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("Uid:")), None)
        user = None if uid is None else self._names.get(uid, str(uid))
        args = " ".join(argv) if argv != [""] else f"[{comm}]"
        return Process(pid=pid, user=user, command=comm, args=redact.text(args, joined=True))


#: A container id in a /proc/<pid>/cgroup line: ``/docker/<id>`` (cgroupfs), ``docker-<id>.scope``
#: (systemd), under any parent (rootless: ``user.slice/.../docker-<id>.scope``).
_CONTAINER_ID = re.compile(r"(?<![0-9a-f])([0-9a-f]{64})(?![0-9a-f])")


def _container(ctx: Context, api: DockerApi, summary: dict[str, Any], host: HostProcesses) -> Container | None:
    """One container from its inspect (+ top, exec instances, host UID).

    Falls back to the list entry (``inspected=False``) when the inspect fails; None when the
    container was removed since it was listed.
    """
    cid = summary["Id"]
    item = f"container {_summary_name(summary) or cid}"
    try:
        detail = inspect(ctx, SECTION, item, lambda: api.get(f"/containers/{cid}/json"))
    except Vanished:
        return None
    if detail is not None:
        try:
            return _to_container(ctx, api, summary, detail, host)
        except SHAPE_ERRORS as e:
            record_api_error(ctx, SECTION, item, e)
    try:
        return from_list(summary)
    except SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, f"{item} (list entry)", e)
        return None


def from_list(summary: dict[str, Any]) -> Container:
    """What ``GET /containers/json`` alone says about a container (``inspected=False``)."""
    network_settings = summary.get("NetworkSettings") or {}
    return Container(
        id=summary["Id"],
        name=_summary_name(summary),
        image=summary.get("Image") or "",
        image_id=summary.get("ImageID") or "",
        created_unix=unix_time(summary.get("Created")),
        status=summary.get("State") or "",
        running=summary.get("State") in ("running", "paused", "restarting"),
        labels=labels(summary.get("Labels")),
        ports=[PortBinding(container_port=p["PrivatePort"], protocol=p.get("Type") or "tcp",
                           host_ip=p.get("IP") or "", host_port=p.get("PublicPort"))
               for p in summary.get("Ports") or [] if p.get("PublicPort")],
        mounts=[_mount(m) for m in summary.get("Mounts") or []],
        network_mode=_network_mode((summary.get("HostConfig") or {}).get("NetworkMode")),
        networks=sorted(network_settings.get("Networks") or {}),
        inspected=False,
    )


def _to_container(ctx: Context, api: DockerApi, summary: dict[str, Any], detail: dict[str, Any],
                  host: HostProcesses) -> Container:
    """The container from its inspect, with processes/exec instances/host UID fetched as needed."""
    running, restarting, pid = _main_process(detail.get("State") or {})
    name = _inspect_name(detail)
    host_uid = _host_uid(ctx, detail["Id"], name, pid) if pid else None
    processes = None if not running else [] if restarting else (
        (host.of(detail["Id"], pid) if pid else None) or _processes(ctx, api, detail["Id"], name, pid))
    return from_inspect(summary, detail, include_env_values=ctx.include_env_values, host_uid=host_uid,
                        processes=processes, exec_instances=_exec_instances(ctx, api, name, detail.get("ExecIDs")))


def _main_process(state: dict[str, Any]) -> tuple[bool, bool, int | None]:
    """(running, restarting, pid of the main process): a restarting container (a crash loop)
    has no process to look at, which is not a gap."""
    running = bool(state.get("Running"))
    restarting = bool(state.get("Restarting"))
    return running, restarting, (state.get("Pid") or None) if running and not restarting else None


def _inspect_name(detail: dict[str, Any]) -> str:
    return (detail.get("Name") or "").lstrip("/")


def from_inspect(summary: dict[str, Any], detail: dict[str, Any], *, include_env_values: bool = False,
                 host_uid: int | None = None, processes: list[Process] | None = None,
                 exec_instances: list[ExecInstance] | None = None) -> Container:
    """The container from its list entry and its inspect, with no call made: the facts that
    need one more (host UID, processes, exec instances) are given by the caller."""
    state = detail.get("State") or {}
    config = detail.get("Config") or {}
    host = detail.get("HostConfig") or {}
    network_settings = detail.get("NetworkSettings") or {}
    running, _, pid = _main_process(state)
    restart = host.get("RestartPolicy") or {}
    return Container(
        id=detail["Id"],
        name=_inspect_name(detail),
        image=config.get("Image") or "",
        image_id=detail.get("Image") or "",
        created_unix=unix_time(summary.get("Created")) or unix_time(detail.get("Created")),
        status=state.get("Status") or "",
        running=running,
        pid=pid,
        host_uid=host_uid,
        user=config.get("User") or "",
        privileged=bool(host.get("Privileged")),
        cap_add=_capabilities(host.get("CapAdd")),
        cap_drop=_capabilities(host.get("CapDrop")),
        apparmor_profile=detail.get("AppArmorProfile") or "",
        process_label=detail.get("ProcessLabel") or "",
        mount_label=detail.get("MountLabel") or "",
        security_opt=list(host.get("SecurityOpt") or []),
        mounts=[_mount(m) for m in detail.get("Mounts") or []],
        binds=list(host.get("Binds") or []),
        ports=_ports(network_settings.get("Ports") if running else host.get("PortBindings")),
        publish_all_ports=bool(host.get("PublishAllPorts")),
        exposed_ports=sorted(config.get("ExposedPorts") or {}),
        network_mode=_network_mode(host.get("NetworkMode")),
        networks=sorted(network_settings.get("Networks") or {}),
        pid_mode=host.get("PidMode") or "",
        ipc_mode=host.get("IpcMode") or "",
        uts_mode=host.get("UTSMode") or "",
        userns_mode=host.get("UsernsMode") or "",
        memory=host.get("Memory") or config.get("Memory") or 0,
        cpu_shares=host.get("CpuShares") or 0,
        readonly_rootfs=bool(host.get("ReadonlyRootfs")),
        restart_policy=RestartPolicy(name=restart.get("Name") or "",
                                     maximum_retry_count=restart.get("MaximumRetryCount") or 0),
        devices=[Device(path_on_host=d.get("PathOnHost") or "", path_in_container=d.get("PathInContainer") or "",
                        cgroup_permissions=d.get("CgroupPermissions") or "")
                 for d in host.get("Devices") or []],
        device_cgroup_rules=list(host.get("DeviceCgroupRules") or []),
        ulimits=[Ulimit(name=u["Name"], soft=u["Soft"], hard=u["Hard"]) for u in host.get("Ulimits") or []],
        cgroup_parent=host.get("CgroupParent") or "",
        pids_limit=_pids_limit(host.get("PidsLimit")),
        health_status=(state.get("Health") or {}).get("Status"),
        healthcheck=healthcheck(config.get("Healthcheck")),
        log_driver=(host.get("LogConfig") or {}).get("Type"),
        labels=labels(config.get("Labels")),
        env=env_vars(config.get("Env"), include_env_values),
        processes=processes,
        exec_instances=exec_instances,
    )


def _network_mode(mode: str | None) -> str:
    """HostConfig.NetworkMode with "default" read as dockerd reads it on Linux: "bridge".

    Engines before 26.1 store "default" for a container created without ``--network``; from
    26.1 the API writes "bridge" at creation (containers created earlier keep "default").
    """
    return "bridge" if mode == "default" else mode or ""


def _pids_limit(limit: int | None) -> int | None:
    """HostConfig.PidsLimit: a positive limit, or None for none. Null, 0 and -1 all mean
    unlimited: from Engine 20.10 a container created without a limit (or with 0 or -1) has null,
    and ``docker update --pids-limit -1`` stores 0; older engines kept 0 or -1 as given."""
    return limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else None


def _summary_name(summary: dict[str, Any]) -> str:
    names = summary.get("Names") or []
    return names[0].lstrip("/") if names else ""


def _capabilities(names: list[str] | None) -> list[str]:
    """Capability names in one form, CAP_SYS_ADMIN: engines before 20.10 kept what the user typed."""
    out = []
    for name in names or []:
        upper = name.strip().upper()
        out.append(upper if upper == "ALL" or upper.startswith("CAP_") else f"CAP_{upper}")
    return out


def _mount(raw: dict[str, Any]) -> ContainerMount:
    return ContainerMount(type=raw.get("Type") or "", source=raw.get("Source") or "",
                          destination=raw.get("Destination") or "", rw=bool(raw.get("RW")),
                          mode=raw.get("Mode") or "", propagation=raw.get("Propagation") or "")


def _ports(bindings: dict[str, list[dict[str, str]] | None] | None) -> list[PortBinding]:
    """Port bindings ``{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}``, one per host binding.

    Exposed-only ports (no host binding, value null) are not published and are left out.
    """
    ports: list[PortBinding] = []
    for key, hosts in sorted((bindings or {}).items()):
        port, _, protocol = key.partition("/")
        for host in hosts or []:
            host_port = (host.get("HostPort") or "").split("-")[0]
            ports.append(PortBinding(container_port=int(port.split("-")[0]), protocol=protocol or "tcp",
                                     host_ip=host.get("HostIp") or "",
                                     host_port=int(host_port) if host_port.isdigit() else None))
    return ports


def _processes(ctx: Context, api: DockerApi, cid: str, name: str, pid: int | None) -> list[Process] | None:
    """The container's processes from the top endpoint (dockerd runs ``ps`` on its host; no exec
    into the container), where the host's /proc is not at hand (:class:`HostProcesses`).

    A container that is restarting (a crash loop) or stopped since it was inspected has no
    processes: dockerd answers 409 Conflict, which is that fact, not a collection error. Its main
    process ``pid`` can also end while dockerd reads it (500: "ttrpc: closed", "unable to get
    all container pids", seen on 20.10): when a second look at the container shows that process
    gone (restarting, stopped, or another one running), it had none either.
    """
    item = f"container {name} top"
    try:
        top = api.get(f"/containers/{cid}/top", ps_args=PS_ARGS)
    except EngineApiError as e:
        if e.status == 409 or (e.status >= 500 and _main_process_ended(api, cid, pid)):
            return []
        record_api_error(ctx, SECTION, item, e)
        return None
    except ENGINE_ERRORS as e:
        record_api_error(ctx, SECTION, item, e)
        return None
    try:
        return _parse_top(top)
    except SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, item, e)
        return None


def _main_process_ended(api: DockerApi, cid: str, pid: int | None) -> bool:
    """Whether the container no longer runs its main process ``pid`` (a second inspect)."""
    try:
        state = api.get(f"/containers/{cid}/json").get("State") or {}
    except ENGINE_ERRORS:
        return False
    return isinstance(state, dict) and _main_process(state)[2] != pid


def _parse_top(top: dict[str, Any]) -> list[Process]:
    """Rows of ``{"Titles": [...], "Processes": [[...]]}`` by column title.

    ``ps -o pid,user,comm,args`` titles both command columns "COMMAND": the first is the
    executable name, the last the full command line. Should dockerd answer in the default
    ``ps -ef`` shape (UID, CMD), the executable name is taken from the command line.
    """
    titles = [t.upper() for t in top["Titles"]]
    pid_at = titles.index("PID")
    user_at = next((i for i, t in enumerate(titles) if t in ("USER", "UID")), None)
    commands = [i for i, t in enumerate(titles) if t in ("COMMAND", "COMM", "CMD", "ARGS")]
    comm_at, args_at = commands[0], commands[-1]
    processes = []
    for row in top.get("Processes") or []:
        args = row[args_at]
        command = row[comm_at] if comm_at != args_at else posixpath.basename(args.split(" ", 1)[0])
        processes.append(Process(pid=int(row[pid_at]) if row[pid_at].isdigit() else None,
                                 user=row[user_at] if user_at is not None else None,
                                 command=command, args=redact.text(args, joined=True)))
    return processes


def _exec_instances(ctx: Context, api: DockerApi, name: str, exec_ids: list[str] | None) -> list[ExecInstance] | None:
    """Exec instances the engine still remembers (it forgets them after a while).

    One ``GET /exec/{id}/json`` each; an instance that vanished meanwhile is skipped, any other
    failure makes the whole list unknown (None, recorded).
    """
    instances = []
    for exec_id in exec_ids or []:
        try:
            raw = inspect(ctx, SECTION, f"container {name} exec {exec_id}", functools.partial(api.get, f"/exec/{exec_id}/json"))
        except Vanished:
            continue
        if raw is None:
            return None
        process = raw.get("ProcessConfig") or {}
        instances.append(ExecInstance(id=raw.get("ID") or exec_id, privileged=bool(process.get("privileged")),
                                      user=process.get("user") or "", running=bool(raw.get("Running"))))
    return instances


def _host_uid(ctx: Context, cid: str, name: str, pid: int) -> int | None:
    """Real UID on the host of the container's main process, from /proc/<pid>/status.

    Only trusted when /proc/<pid>/cgroup names the container: a /proc of another PID namespace
    (auditor in a container, remote daemon) would show some other process.
    """
    proc = ctx.proc / str(pid)
    item = f"container {name} /proc/{pid}/status"
    try:
        cgroup = (proc / "cgroup").read_text(encoding="utf-8", errors="replace")
        status = (proc / "status").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:  # the process ended since the inspect (a crash loop, a stop): nothing to read
        return None
    except OSError as e:
        ctx.record_exc(SECTION, item, e)
        return None
    if cid not in cgroup:
        ctx.record(SECTION, item, "unsupported",
                   f"process {pid} of {ctx.proc} is not in the container's cgroup "
                   "(this /proc is not the daemon's PID namespace)")
        return None
    for line in status.splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    ctx.record(SECTION, item, "invalid", "no Uid line")
    return None
