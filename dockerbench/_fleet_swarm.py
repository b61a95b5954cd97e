"""``dockerbench fleet``: a snapshot from every node of a swarm, evaluated on the manager.

From a manager, one ``global-job`` service (Engine API >= 1.41, Docker 20.10) runs
``dockerbench snapshot --host-root /host --framed`` once on every node, in the auditor image
(the repository's Dockerfile), as root with only ``DAC_READ_SEARCH`` and ``SYS_PTRACE``, a
read-only root filesystem, the restart condition ``none`` and these mounts:

- the node's Docker socket at ``/var/run/docker.sock`` (``socket``: its path on the nodes; swarm
  templates such as ``{{.Node.Hostname}}`` are allowed);
- the node's ``/`` at ``/host``, read-only (a recursive bind, so the node's ``/proc`` comes along
  at ``/host/proc``: dockerd's command line and environment, pid 1's network namespace for the
  listeners, the processes of containers).

Its hostname is ``{{.Node.Hostname}}``, so findings name the node. A swarm task cannot be
privileged nor share the node's PID, UTS or network namespace, so a task sees less than
``docker run`` in container mode: what it cannot see is in README's "Fleet" section (the kernel's
loaded audit rules and systemd's answers, as in container mode; ``no-new-privileges`` only from
API 1.44, Docker 25, and no AppArmor profile of its choosing).

Transport: the snapshot comes back in the task's log (``docker service logs``), gzip-compressed,
base64 in numbered 76-character lines between a ``begin`` line (line count, SHA-256 of the JSON)
and an ``end`` line (:func:`frame` / :func:`unframe`). Why the log and not a bind mount per node:
the log is the one channel from a node's task to the manager that swarm itself provides, so
nothing needs to be writable on the nodes (the host mount stays read-only), and no shared storage,
SSH or registry is needed to bring files back; short numbered lines survive the log drivers'
16 KB line splitting and any interleaving, and the checksum and line count tell a truncated or
garbled answer from a snapshot. The service uses the ``json-file`` log driver so that its log can
be read whatever the daemon's default driver; the log goes away with the service, which is
removed at the end, whatever happened. A snapshot holds no secret values (they never enter one).

Every node of the swarm is expected to answer. A node with no task (down, drained), with a task
that failed or was rejected (e.g. the image is missing there), that did not finish within
``task_timeout``, or whose output is no intact snapshot of that very node's daemon is a host in
error in the :class:`~dockerbench._fleet.FleetReport`, never a passing host.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import re
import time
import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from ._errors import CollectionError, DockerbenchError, SnapshotError, UsageError

if TYPE_CHECKING:  # imported where used: the CLI reads this module's defaults at start-up
    from typing_extensions import Unpack

    from ._fleet import FleetReport, HostInput, SwarmRun
    from ._selection import Selection, SelectionOptions
    from ._snapshot import Snapshot
    from ._waivers import Waivers
    from .engines import Engine

#: The image the repository's Dockerfile builds (``docker build -t dockerbench .``).
DEFAULT_IMAGE = "dockerbench:latest"
DEFAULT_SOCKET = "/var/run/docker.sock"
DEFAULT_TASK_TIMEOUT = 600.0
MIN_API_VERSION = "1.41"  # global jobs and service capabilities: Docker 20.10
NO_NEW_PRIVILEGES_API = "1.44"  # ContainerSpec.Privileges.NoNewPrivileges: Docker 25
HOST_MOUNT = "/host"
CAPABILITIES = ("CAP_DAC_READ_SEARCH", "CAP_SYS_PTRACE")
TERMINAL_STATES = frozenset({"complete", "failed", "rejected", "shutdown", "orphaned", "remove"})
SERVICE_LABEL = "dockerbench.fleet"
AUDITOR_LABEL = "dockerbench.auditor"

# ----------------------------------------------------------------------------- the frame

FRAME = "dockerbench-snapshot-v1"
LINE_WIDTH = 76
_BEGIN = re.compile(rf"^{FRAME} begin lines=(\d+) sha256=([0-9a-f]{{64}})$")
_LINE = re.compile(rf"^{FRAME} (\d+) ([A-Za-z0-9+/=]+)$")


def frame(snapshot: Snapshot) -> str:
    """The snapshot as one framed block of text: a begin line (line count, SHA-256 of the JSON),
    its gzip-compressed JSON in numbered base64 lines of 76 characters, an end line."""
    data = snapshot.to_json(indent=None).encode("utf-8")
    encoded = base64.b64encode(gzip.compress(data, mtime=0)).decode("ascii")
    chunks = [encoded[i:i + LINE_WIDTH] for i in range(0, len(encoded), LINE_WIDTH)]
    lines = [f"{FRAME} begin lines={len(chunks)} sha256={hashlib.sha256(data).hexdigest()}"]
    lines += [f"{FRAME} {n} {chunk}" for n, chunk in enumerate(chunks, 1)]
    lines.append(f"{FRAME} end")
    return "\n".join(lines) + "\n"


def unframe(lines: Iterable[str]) -> Snapshot:
    """The snapshot of the last framed block in ``lines`` (other lines are ignored);
    :class:`~dockerbench.SnapshotError` when there is none, it is cut short, a line is missing
    or garbled, or the checksum or the snapshot itself is wrong."""
    begin: tuple[int, str] | None = None
    chunks: dict[int, str] = {}
    done: tuple[tuple[int, str], dict[int, str]] | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.startswith(FRAME):
            continue
        if line == f"{FRAME} end":
            if begin is not None:
                done, begin = (begin, chunks), None
            continue
        match = _BEGIN.match(line)
        if match:
            begin, chunks = (int(match.group(1)), match.group(2)), {}
            continue
        match = _LINE.match(line)
        if match and begin is not None:
            n = int(match.group(1))
            if n in chunks:
                raise SnapshotError(f"the snapshot frame has line {n} twice")
            chunks[n] = match.group(2)
        elif begin is not None:
            raise SnapshotError(f"the snapshot frame has a garbled line: {line[:80]!r}")
    if done is None:
        if begin is not None:
            raise SnapshotError(f"the snapshot frame is cut short: {len(chunks)} of {begin[0]} lines and no end line")
        raise SnapshotError("no snapshot frame in the output")
    (count, digest), chunks = done
    if sorted(chunks) != list(range(1, count + 1)):
        missing = sorted(set(range(1, count + 1)) - set(chunks))
        raise SnapshotError(f"the snapshot frame has {len(chunks)} of {count} lines"
                            + (f" (line {missing[0]} is missing)" if missing else " (and lines beyond them)"))
    try:
        data = gzip.decompress(base64.b64decode("".join(chunks[n] for n in range(1, count + 1)), validate=True))
    except (ValueError, OSError, EOFError, zlib.error) as e:
        raise SnapshotError(f"the snapshot frame does not decode: {e}") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise SnapshotError("the snapshot frame's checksum does not match its content")
    from ._snapshot import load_snapshot

    return load_snapshot(data)


# ----------------------------------------------------------------------------- the swarm run


def fleet(
    docker_host: str | None = None,
    selection: Selection | None = None,
    *,
    image: str = DEFAULT_IMAGE,
    socket: str = DEFAULT_SOCKET,
    task_timeout: float = DEFAULT_TASK_TIMEOUT,
    scan_image_files: bool = True,
    engine: Engine | str | None = None,
    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
    as_of: date | datetime | str | None = None,
    progress: Any = None,
    save_snapshots: str | Path | None = None,
    **options: Unpack[SelectionOptions],
) -> FleetReport:
    """Snapshot every node of the swarm whose manager is ``docker_host`` (a global-job service of
    ``image``; ``socket`` is the Docker socket's path on the nodes) and evaluate each snapshot
    here as :func:`dockerbench.evaluate` does (a selection or its fields as keywords, waivers,
    ``as_of``). The service is removed at the end. Nodes that do not answer within
    ``task_timeout`` seconds, or whose task fails, are hosts in error. Raises
    :class:`~dockerbench.UsageError` when ``docker_host`` is no manager or speaks an API older than
    1.41, :class:`~dockerbench.CollectionError` when it cannot be reached. ``save_snapshots``: a
    directory where each node's snapshot is also written (``HOST.json``)."""
    from ._fleet import evaluate_inputs
    from ._prepare import prepare
    from ._selection import Selection
    from ._waivers import load_waivers
    from .collect._api import connect
    from .engines import Engine, make_engine

    chosen = Selection.of(selection, **options)
    waiver_set = load_waivers(waivers) if waivers is not None else None
    eng = make_engine(engine)
    own_engine = not isinstance(engine, Engine)
    try:
        eng.start()  # the engine compiles the policies while the nodes collect
        prepare(eng, chosen, waivers=waiver_set)
        api, address, unreachable = connect(docker_host, timeout=60)
        if api is None:
            raise CollectionError(f"the swarm manager at {address} is unreachable: {unreachable}")
        api.close()
        with _sdk_client(address) as client:
            inputs, run = _collect(client, address, image=image, socket=socket, task_timeout=task_timeout,
                                   scan_image_files=scan_image_files, progress=progress)
        report = evaluate_inputs(inputs, chosen, engine=eng, waivers=waiver_set, as_of=as_of, swarm=run,
                                 progress=progress)
        if save_snapshots is not None:
            for host, entry in zip(report.hosts, inputs, strict=True):
                if entry.snapshot is not None:
                    entry.snapshot.save(Path(save_snapshots) / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', host.name)}.json")
        return report
    finally:
        if own_engine:
            eng.close()


def _sdk_client(address: str) -> Any:
    """The Docker SDK's client of the manager (the fleet creates and removes a service: writes,
    which the collectors' read-only client does not do), with the docker CLI's TLS settings."""
    import docker

    tls = docker.utils.kwargs_from_env().get("tls") if not address.startswith("unix://") else None
    return docker.APIClient(base_url=address, version="auto", timeout=60, **({"tls": tls} if tls else {}))


def _collect(api: Any, address: str, *, image: str, socket: str, task_timeout: float, scan_image_files: bool,
             progress: Any) -> tuple[list[HostInput], SwarmRun]:
    """Run the service, wait for every node, read the logs, remove the service."""
    import docker.errors
    import requests

    from ._fleet import SwarmRun

    try:
        nodes = _manager_nodes(api, address)
        started = time.monotonic()
        spec = service_spec(f"dockerbench-fleet-{uuid.uuid4().hex[:10]}", image, socket, scan_image_files,
                            api.api_version)
        service = api.create_service(**spec)
        name = f"service {service['ID'][:12]}"
    except (docker.errors.DockerException, requests.RequestException) as e:
        if isinstance(e, docker.errors.APIError) and e.status_code == 400:
            raise UsageError(f"the manager refused the fleet service: {_api_text(e)}") from None
        raise CollectionError(f"the swarm manager at {address}: {_api_text(e)}") from None
    try:
        tasks = _wait(api, service["ID"], nodes, task_timeout, progress)
        seconds = time.monotonic() - started
        stdout, stderr = (_task_lines(api, service["ID"], stream) for stream in ("stdout", "stderr"))
        inputs = [_host(node, tasks.get(node["ID"], []), stdout, stderr, task_timeout) for node in nodes]
    except (docker.errors.DockerException, requests.RequestException) as e:
        raise CollectionError(f"the fleet {name} on {address}: {_api_text(e)}") from None
    finally:
        with contextlib.suppress(docker.errors.DockerException, requests.RequestException):  # already gone
            api.remove_service(service["ID"])  # its tasks, their containers and logs go with it
    return inputs, SwarmRun(service=spec["name"], image=image, docker_host=address, api_version=api.api_version,
                            nodes=len(nodes), seconds=round(seconds, 3))


def _api_text(e: BaseException) -> str:
    explanation = getattr(e, "explanation", None)
    return " ".join(str(explanation or e).split())[:300]


def _manager_nodes(api: Any, address: str) -> list[dict[str, Any]]:
    from docker.utils import version_lt

    if version_lt(api.api_version, MIN_API_VERSION):
        raise UsageError(f"dockerbench fleet needs Engine API {MIN_API_VERSION} or later (Docker 20.10, for global "
                         f"jobs); {address} speaks {api.api_version}")
    swarm = api.info().get("Swarm") or {}
    if swarm.get("LocalNodeState") != "active" or not swarm.get("ControlAvailable"):
        raise UsageError(f"{address} is not a swarm manager (swarm state {swarm.get('LocalNodeState') or 'unknown'}"
                         f"{', a worker' if swarm.get('LocalNodeState') == 'active' else ''}): run "
                         "dockerbench fleet against a manager")
    nodes: list[dict[str, Any]] = api.nodes()
    return sorted(nodes, key=lambda n: ((n.get("Description") or {}).get("Hostname") or "", n["ID"]))


def service_spec(name: str, image: str, socket: str, scan_image_files: bool,
                 api_version: str = MIN_API_VERSION) -> dict[str, Any]:
    """The keyword arguments of ``APIClient.create_service`` for the fleet job. From API 1.44
    (Docker 25) a service can have no-new-privileges, and the task has it."""
    from docker.types import ContainerSpec, DriverConfig, Mount, RestartPolicy, ServiceMode, TaskTemplate
    from docker.utils import version_gte

    args = ["snapshot", "--host-root", HOST_MOUNT, "--docker-host", f"unix://{DEFAULT_SOCKET}", "--framed", "--quiet"]
    if not scan_image_files:
        args.append("--no-image-scan")
    container = ContainerSpec(
        image, args=args, user="0", hostname="{{.Node.Hostname}}", read_only=True,
        labels={AUDITOR_LABEL: "true"}, cap_drop=["ALL"], cap_add=list(CAPABILITIES),
        mounts=[Mount(HOST_MOUNT, "/", type="bind", read_only=True),
                Mount(DEFAULT_SOCKET, socket, type="bind")])
    if version_gte(api_version, NO_NEW_PRIVILEGES_API):
        container["Privileges"] = {"NoNewPrivileges": True}
    template = TaskTemplate(container, restart_policy=RestartPolicy(condition="none"),
                            log_driver=DriverConfig("json-file"))
    return {"task_template": template, "name": name, "labels": {SERVICE_LABEL: "true"},
            "mode": ServiceMode("global-job")}


def _wait(api: Any, service_id: str, nodes: list[dict[str, Any]], timeout: float,
          progress: Any) -> dict[str, list[dict[str, Any]]]:
    """Node id -> its tasks, once every node that can run one has a task that ended (or at the timeout)."""
    expected = {n["ID"] for n in nodes if _schedulable(n)}
    deadline = time.monotonic() + timeout
    while True:
        by_node: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for task in api.tasks(filters={"service": service_id}):
            by_node[task.get("NodeID") or ""].append(task)
        ended = {n for n in expected if any(_state(t) in TERMINAL_STATES for t in by_node.get(n, []))}
        if progress is not None:
            progress("nodes", len(ended), len(expected))
        if ended == expected or time.monotonic() >= deadline:
            return dict(by_node)
        time.sleep(0.5)


def _schedulable(node: dict[str, Any]) -> bool:
    return (node.get("Status") or {}).get("State") == "ready" and (node.get("Spec") or {}).get("Availability") == "active"


def _state(task: dict[str, Any]) -> str:
    return str((task.get("Status") or {}).get("State") or "unknown")


def _task_lines(api: Any, service_id: str, stream: str) -> dict[str, list[str]]:
    """Task id -> its log lines on ``stream`` (each line's details name its task)."""
    lines: dict[str, list[str]] = defaultdict(list)
    logs = api.service_logs(service_id, details=True, stdout=stream == "stdout", stderr=stream == "stderr",
                            follow=False, is_tty=False)
    for chunk in logs:
        for text in chunk.decode("utf-8", errors="replace").splitlines():
            attrs, _, message = text.partition(" ")
            task = _details(attrs).get("com.docker.swarm.task.id")
            if task:
                lines[task].append(message)
    return dict(lines)


def _details(attrs: str) -> dict[str, str]:
    """``k=v,k=v`` log details (query-escaped by the daemon) as a dict."""
    out = {}
    for pair in attrs.split(","):
        key, sep, value = pair.partition("=")
        if sep:
            out[unquote_plus(key)] = unquote_plus(value)
    return out


def _host(node: dict[str, Any], tasks: list[dict[str, Any]], stdout: dict[str, list[str]],
          stderr: dict[str, list[str]], timeout: float) -> HostInput:
    """One node's snapshot, or the error that stands for it."""
    from ._fleet import HostError, HostInput

    hostname = (node.get("Description") or {}).get("Hostname") or None
    role = (node.get("Spec") or {}).get("Role")
    base: dict[str, Any] = {"hostname": hostname, "node_id": node["ID"], "qualifier": f"node {node['ID'][:12]}",
                            "role": role if role in ("manager", "worker") else None}

    def error(kind: str, message: str, source: str = f"swarm node {node['ID'][:12]}") -> HostInput:
        return HostInput(source=source, error=HostError(kind=kind, message=message), **base)  # type: ignore[arg-type]

    if not _schedulable(node):
        status, availability = (node.get("Status") or {}).get("State"), (node.get("Spec") or {}).get("Availability")
        why = f"node is {status}" if status != "ready" else f"node availability is {availability}"
        return error("no_task", f"{why}: swarm scheduled no task there, so it was not audited")
    complete = [t for t in tasks if _state(t) == "complete"]
    ended = [t for t in tasks if _state(t) in TERMINAL_STATES]
    if not complete and not ended:
        state = _state(tasks[-1]) if tasks else "none"
        return error("timeout", f"no answer within {timeout:g} s (task state: {state})")
    task = complete[0] if complete else sorted(ended, key=lambda t: str(t.get("CreatedAt")))[0]
    source = f"swarm task {task['ID'][:12]} on node {node['ID'][:12]}"
    if not complete:
        status = task.get("Status") or {}
        reason = status.get("Err") or status.get("Message") or "no reason given"
        last = next((line for line in reversed(stderr.get(task["ID"], [])) if line.strip()), None)
        exit_code = (status.get("ContainerStatus") or {}).get("ExitCode")
        text = f"task {_state(task)}: {reason}" + (f" (exit {exit_code})" if exit_code and f"({exit_code})" not in reason
                                                    else "")
        return error("task_failed", text + (f"; its last error line: {last.strip()[:300]}" if last else ""), source)
    try:
        snap = unframe(stdout.get(task["ID"], []))
    except DockerbenchError as e:
        return error("garbled", f"{e} (task {task['ID'][:12]})", source)
    node_of = snap.swarm.node_id if snap.swarm is not None else None
    if node_of != node["ID"]:
        return error("garbled", f"the task's snapshot is of {'node ' + node_of[:12] if node_of else 'no swarm node'}'s "
                                "daemon, not this node's (is --socket the daemon's socket on every node?)", source)
    return HostInput(source=source, snapshot=snap, task_seconds=_task_seconds(task), **base)


def _task_seconds(task: dict[str, Any]) -> float | None:
    """From the task's creation to its last status (its completion), seconds."""
    try:
        created = _timestamp(str(task["CreatedAt"]))
        ended = _timestamp(str(task["Status"]["Timestamp"]))
    except (KeyError, ValueError):
        return None
    return round(ended - created, 3)


def _timestamp(text: str) -> float:
    """An Engine API RFC 3339 time (nanoseconds, Z) as epoch seconds."""
    match = re.match(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$", text)
    if not match:
        raise ValueError(text)
    base = datetime.fromisoformat(match.group(1) + ("+00:00" if match.group(3) == "Z" else match.group(3)))
    return base.timestamp() + float("0." + (match.group(2) or "0"))
