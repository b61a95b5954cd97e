"""Container mode: the repository's Dockerfile, built and run as the README says, on a dockerd of our own.

The module fixture starts a private dockerd (its own network namespace, socket, data-root and
pidfile; tests/integration/_dockerd.py), builds the auditor image from the Dockerfile on a
debootstrapped Debian base (tests/integration/_image.py), creates misconfigured containers,
then:

1. runs the README's container-mode command (its ``docker run`` line, with the daemon's socket
   mounted at its own path and named by ``--docker-host``, as the README says for a socket
   elsewhere, and an output directory mounted for the report and the snapshot);
2. audits the same host directly with the library. ``--rm`` is left out of the command so that
   the host audited directly still holds the auditor's (exited) container, as it did while the
   auditor ran: its image stays in use (6.1);
3. runs the README's minimum command (no ``--uts host``, no capabilities, socket at
   /var/run/docker.sock while the daemon's is elsewhere).

Every control's status, reason, findings, evidence and missing facts are compared; the only
differences allowed are the rows of the README's container-mode table, each asserted here.
"""

from __future__ import annotations

import difflib
import json
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docker
import pytest
from _ci import unavailable
from _dockerd import PrivateDockerd, require_private_dockerd
from _image import REPO, BuildTimes, build_auditor_image, require_image_tools
from conftest import BUSYBOX_BASE, DOCKER_ENGINES, TEST_LABEL, build_image

import dockerbench
from dockerbench import Report, Snapshot
from dockerbench._report import load_report

pytestmark = pytest.mark.docker

AUDITOR_LABEL = "dockerbench.auditor"
DEFAULT_SOCKET = "/var/run/docker.sock"
COMPARED = ("status", "reason", "findings", "evidence", "missing")

#: Misconfigured containers: name -> (started?, docker SDK options). The busybox image sleeps.
CONTAINERS: dict[str, tuple[bool, dict[str, Any]]] = {
    "privileged": (False, {"privileged": True}),  # cannot start in this VM; created is enough
    "cap_sys_admin": (True, {"cap_add": ["SYS_ADMIN"]}),
    "host_network": (True, {"network_mode": "host"}),
    "host_pid": (True, {"pid_mode": "host"}),
    "docker_socket": (True, {}),  # + the daemon's socket, once its path is known
    "port_80": (True, {"ports": {"80/tcp": 80}}),
    "exited": (True, {"command": ["true"]}),
}


def readme_commands() -> list[list[str]]:
    """The ``docker run`` commands of the README's "Container mode" section, as argv lists."""
    section = (REPO / "README.md").read_text().split("\n## Container mode\n", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    commands = []
    for i, line in enumerate(lines):
        if line.startswith("    docker run "):
            text, j = line.strip(), i
            while text.endswith("\\"):
                j += 1
                text = text[:-1] + " " + lines[j].strip()
            commands.append(shlex.split(text))
    return commands


def as_run(argv: list[str], *, address: str, image: str, name: str, socket: str, socket_at: str,
           mounts: tuple[str, ...] = (), audit_args: tuple[str, ...] = ()) -> list[str]:
    """A README command as the test runs it: against ``address``, without --rm, named ``name``,
    the host's default socket replaced by ``socket`` mounted at ``socket_at`` (and named with
    --docker-host when that is not the default path), the image ``image``."""
    assert argv[:2] == ["docker", "run"] and "--rm" in argv, argv
    image_at = argv.index("dockerbench")
    options, command = argv[2:image_at], argv[image_at + 1:]
    socket_mount = f"{DEFAULT_SOCKET}:{DEFAULT_SOCKET}"
    assert socket_mount in options, options
    options = [f"{socket}:{socket_at}" if o == socket_mount else o for o in options if o != "--rm"]
    if socket_at != DEFAULT_SOCKET:
        command = [*command, "--docker-host", f"unix://{socket_at}"]
    for mount in mounts:
        options += ["-v", mount]
    return ["docker", "-H", address, "run", "--name", name, *options, image, *command, *audit_args]


@dataclass
class Run:
    """What the fixture built and collected."""

    daemon_pid: int
    address: str
    socket: str
    image_id: str
    times: BuildTimes
    containers: dict[str, str]
    unused_image: str
    auditor: dict[str, Any]  # `docker inspect` of the documented run's (exited) auditor container
    documented: Report  # the README command's report
    documented_snapshot: Snapshot  # and its --save-snapshot
    direct: Report
    direct_snapshot: Snapshot
    minimum: Report  # the README's minimum command
    minimum_snapshot: Snapshot
    direct_again: Report  # the direct audit again if the host's listeners changed meanwhile, else the same
    direct_again_snapshot: Snapshot


@pytest.fixture(scope="module")
def run(request: pytest.FixtureRequest) -> Iterator[Run]:
    engine = DOCKER_ENGINES[0]  # one Engine is enough for the image and container mode (CI time budget)
    require_private_dockerd("container mode", engine)
    require_image_tools()
    if shutil.which("docker") is None:
        unavailable("the docker CLI for container mode", "docker is not installed (apt-get install docker.io)")
    commands = readme_commands()
    assert len(commands) == 2, f"the README's container-mode section should hold 2 docker run commands: {commands}"
    daemon = PrivateDockerd(engine, prefix="dbt-image-")
    try:
        client = daemon.start()
        times = BuildTimes()
        image_id = build_auditor_image(client, times=times)
        _say(request, f"auditor image: {times}")
        socket = daemon.address.removeprefix("unix://")
        busybox = build_image(client, "dockerbench-test/busybox:latest", BUSYBOX_BASE + 'CMD ["sleep", "3600"]\n')
        unused = build_image(client, "dockerbench-test/unused:latest", BUSYBOX_BASE + 'CMD ["true"]\n')
        containers = _create_containers(client, busybox, socket)
        documented, documented_snapshot, auditor = _audit_in_container(
            client, commands[0], address=daemon.address, image=image_id, socket=socket, socket_at=socket)
        direct_snapshot = _direct_snapshot(daemon.address, documented_snapshot)
        direct = dockerbench.evaluate(direct_snapshot)
        minimum, minimum_snapshot, _ = _audit_in_container(
            client, commands[1], address=daemon.address, image=image_id, socket=socket, socket_at=DEFAULT_SOCKET)
        again_snapshot, again = direct_snapshot, direct
        if _listening(minimum_snapshot) != _listening(direct_snapshot):  # a port opened or closed meanwhile
            again_snapshot = _direct_snapshot(daemon.address, minimum_snapshot)
            again = dockerbench.evaluate(again_snapshot)
        yield Run(daemon_pid=daemon.pid or 0, address=daemon.address, socket=socket, image_id=image_id, times=times,
                  containers=containers, unused_image=unused, auditor=auditor, documented=documented,
                  documented_snapshot=documented_snapshot, direct=direct, direct_snapshot=direct_snapshot,
                  minimum=minimum, minimum_snapshot=minimum_snapshot, direct_again=again,
                  direct_again_snapshot=again_snapshot)
    finally:
        daemon.remove()


def _say(request: pytest.FixtureRequest, line: str) -> None:
    """A line on the terminal, past pytest's capture (how long the image took is worth seeing)."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def _create_containers(client: docker.DockerClient, image: str, socket: str) -> dict[str, str]:
    ids = {}
    for case, (start, options) in CONTAINERS.items():
        extra = {"volumes": [f"{socket}:{DEFAULT_SOCKET}"]} if case == "docker_socket" else {}
        kwargs = {"command": ["sleep", "3600"], **options, **extra}
        container = client.containers.create(image, name=f"dbt-{case}", labels={TEST_LABEL: "1"}, **kwargs)
        ids[case] = container.id
        if start:
            container.start()
    deadline = time.monotonic() + 60
    while True:
        states = {case: client.api.inspect_container(cid)["State"]["Status"] for case, cid in ids.items()}
        wanted = {case: "exited" if case == "exited" else "running" if start else "created"
                  for case, (start, _) in CONTAINERS.items()}
        if states == wanted:
            return ids
        if time.monotonic() > deadline:
            pytest.fail(f"test containers not settled after 60 s: {states}")
        time.sleep(0.2)


def _audit_in_container(client: docker.DockerClient, command: list[str], *, address: str, image: str, socket: str,
                        socket_at: str) -> tuple[Report, Snapshot, dict[str, Any]]:
    """Run a README command (report and snapshot written to a mounted directory); its results
    and the `docker inspect` of its exited container, which is kept."""
    name = f"dbt-auditor-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="dbt-image-out-") as out:
        _docker(as_run(command, address=address, image=image, name=name, socket=socket, socket_at=socket_at,
                       mounts=(f"{out}:/out",), audit_args=("--format", "json", "-o", "/out/report.json",
                                                             "--save-snapshot", "/out/snapshot.json")))
        report = load_report(Path(out, "report.json"))
        snapshot = dockerbench.load_snapshot(Path(out, "snapshot.json"))
    return report, snapshot, client.api.inspect_container(name)


def _direct_snapshot(address: str, like: Snapshot) -> Snapshot:
    """The host audited directly, while its listening sockets are those ``like`` saw.

    On a shared machine other processes open and close ports in the host's network namespace
    (1.2 lists them): up to 3 tries, 2 s apart; the comparison shows the listeners if they still
    differ. 4.5 reads the auditor's own environment, which has no DOCKER_CONTENT_TRUST in the
    container: it is left out here too.
    """
    with pytest.MonkeyPatch.context() as env:
        env.delenv("DOCKER_CONTENT_TRUST", raising=False)
        for _ in range(3):
            snap = dockerbench.snapshot(docker_host=address)
            if _listening(snap) == _listening(like):
                break
            time.sleep(2)
    return snap


def _listening(snap: Snapshot) -> list[tuple[str, int]]:
    return sorted((listener.address, listener.port) for listener in snap.host.listeners or [])


def _docker(argv: list[str]) -> str:
    """stdout of a docker CLI command whose audit exits 0 or 1 (a failing control is no error)."""
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode not in (0, 1):
        pytest.fail(f"{shlex.join(argv)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return done.stdout


# ----------------------------------------------------------------------------- comparing reports


def results(report: Report) -> dict[str, dict[str, Any]]:
    """Control id -> the compared fields of its result, as JSON values."""
    return {r.id: r.model_dump(mode="json", include=set(COMPARED)) for r in report.results}


def differences(left: Report, right: Report) -> dict[str, list[str]]:
    """Control id -> the compared fields that differ between two reports."""
    a, b = results(left), results(right)
    assert a.keys() == b.keys()
    return {cid: [f for f in COMPARED if a[cid][f] != b[cid][f]] for cid in a if a[cid] != b[cid]}


def explain(left: Report, right: Report, ids: Any) -> str:
    """What differs in each control: a diff (container -> direct) of each differing field."""
    a, b = results(left), results(right)
    lines = []
    for cid in sorted(ids):
        for f in (f for f in COMPARED if a[cid][f] != b[cid][f]):
            before, after = (json.dumps(x[cid][f], indent=1).splitlines() for x in (a, b))
            diff = difflib.unified_diff(before, after, "container", "direct", lineterm="")
            lines += [f"{cid} {f}:", *list(diff)[2:32]]
    return "\n".join(lines) + "\n"


def renamed(report: Report, names: dict[tuple[str, str], str]) -> Report:
    """The report with the (kind, id) of finding resources renamed (id and name) as ``names`` says."""
    data = report.model_dump(mode="json")
    for result in data["results"]:
        for finding in result["findings"]:
            resource = finding["resource"]
            new = names.get((resource["kind"], resource["id"]))
            if new is not None:
                resource["id"] = new
                if resource["kind"] == "host":
                    resource["name"] = new
    return Report.model_validate(data)


def error_items(snap: Snapshot | Report) -> set[tuple[str, str, str, str]]:
    meta = snap.meta if isinstance(snap, Snapshot) else snap.snapshot_meta
    return {(e.section, e.item, e.kind, e.message) for e in meta.errors}


# ----------------------------------------------------------------------------- the image


def final_stage() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile's last stage, continuation lines joined."""
    logical: list[str] = []
    pending = ""
    for line in (REPO / "Dockerfile").read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.rstrip().removesuffix("\\") if line.rstrip().endswith("\\") else line
        if not line.rstrip().endswith("\\"):
            logical.append(pending.strip())
            pending = ""
    instructions = [(text.split(None, 1)[0].upper(), text.split(None, 1)[1]) for text in logical]
    last_from = max(i for i, (op, _) in enumerate(instructions) if op == "FROM")
    return instructions[last_from + 1:]


def declared(op: str) -> list[str]:
    return [args for name, args in final_stage() if name == op]


def test_a_cached_image_build_stays_within_the_ci_budget(run: Run) -> None:
    """With the root filesystem and the wheels cached, importing and building take seconds (about 15 here)."""
    if {"rootfs", "wheelhouse"} <= set(run.times.cached):
        assert run.times.import_ + run.times.build < 120, str(run.times)


def test_image_configuration_is_what_the_dockerfile_declares(run: Run) -> None:
    config = docker.APIClient(base_url=run.address, version="auto").inspect_image(run.image_id)["Config"]
    entrypoint = json.loads(declared("ENTRYPOINT")[-1])
    assert (config["Entrypoint"], config["Cmd"], config["User"], config["WorkingDir"]) == (
        entrypoint, json.loads(declared("CMD")[-1]), declared("USER")[-1], declared("WORKDIR")[-1])
    labels = dict(pair.split("=", 1) for args in declared("LABEL") for pair in shlex.split(args))
    assert labels[AUDITOR_LABEL] == "true"
    assert {k: config["Labels"].get(k) for k in labels} == labels
    assert set(declared("ENV")) <= set(config["Env"])
    check = declared("HEALTHCHECK")[-1]
    assert config["Healthcheck"]["Test"] == ["CMD", *json.loads(check.split(" CMD ", 1)[1])]


def test_image_layout_venv_command_and_package(run: Run) -> None:
    """The venv the ENTRYPOINT names holds the package and the command; no pip; the image user is 10001."""
    client = docker.DockerClient(base_url=run.address, version="auto")
    entrypoint = json.loads(declared("ENTRYPOINT")[-1])
    venv = str(Path(entrypoint[0]).parent.parent)
    script = ("import dockerbench, importlib.util, json, os, pwd, shutil, sys; from pathlib import Path; "
              "data = Path(dockerbench.__file__).parent / '_data'; "
              "print(json.dumps({'prefix': sys.prefix, 'package': dockerbench.__file__, "
              "'version': dockerbench.__version__, 'command': shutil.which('dockerbench'), "
              "'user': [os.getuid(), os.getgid(), pwd.getpwuid(os.getuid()).pw_name], "
              "'pip': importlib.util.find_spec('pip') is not None, "
              "'policies': len(list((data / 'policies').rglob('*.rego'))), "
              "'schemas': sorted(p.name for p in (data / 'schemas').glob('*.json')), "
              "'src': os.path.exists('/src') or os.path.exists('/tmp/dist')}))")
    out = client.containers.run(run.image_id, entrypoint=[f"{venv}/bin/python", "-c", script], remove=True)
    facts = json.loads(out)
    assert facts["prefix"] == venv
    assert facts["package"].startswith(f"{venv}/lib/python3.") and facts["package"].endswith(
        "/site-packages/dockerbench/__init__.py")
    assert (facts["command"], facts["version"]) == (entrypoint[0], dockerbench.__version__)
    assert facts["user"] == [10001, 10001, "dockerbench"]
    assert (facts["pip"], facts["src"]) == (False, False)
    assert facts["policies"] == len(list((REPO / "policies").rglob("*.rego")))
    assert facts["schemas"] == sorted(p.name for p in (REPO / "schemas").glob("*.json"))
    version = client.containers.run(run.image_id, ["--version"], remove=True).decode()
    assert version.strip() == f"dockerbench, version {dockerbench.__version__}"
    client.close()


def test_image_user_evaluates_a_saved_snapshot_as_the_library_does(run: Run, tmp_path: Path) -> None:
    """The README's `docker run --rm -v "$PWD:/data:ro" dockerbench evaluate /data/host.json`, as user 10001."""
    tmp_path.chmod(0o755)
    run.direct_snapshot.save(tmp_path / "host.json")
    (tmp_path / "host.json").chmod(0o644)
    client = docker.DockerClient(base_url=run.address, version="auto")
    try:
        out = client.containers.run(run.image_id, ["evaluate", "/data/host.json", "--format", "json", "--fail-on",
                                                   "never"], volumes={str(tmp_path): {"bind": "/data", "mode": "ro"}},
                                    remove=True)
    finally:
        client.close()
    assert results(load_report(out)) == results(run.direct)


def test_auditor_image_passes_the_image_controls_it_audits(run: Run) -> None:
    image = next(i for i in run.direct_snapshot.images or [] if i.id == run.image_id)
    assert (image.user, image.setuid_files, image.labels[AUDITOR_LABEL]) == ("10001:10001", [], "true")
    about_it = [(r.id, f.message) for r in run.direct.results for f in r.findings
                if f.resource.kind == "image" and f.resource.id == run.image_id]
    assert about_it == []


# ----------------------------------------------------------------------------- container mode


def test_documented_command_reports_every_control_as_the_direct_audit(run: Run) -> None:
    differ = differences(run.documented, run.direct)
    listeners = f"listeners: container {_listening(run.documented_snapshot)}, direct {_listening(run.direct_snapshot)}"
    assert differ == {}, explain(run.documented, run.direct, differ) + listeners


def test_the_comparison_covers_the_misconfigured_containers(run: Run) -> None:
    named = {r.id: {f.resource.name for f in r.findings if f.resource.kind == "container"}
             for r in run.documented.results}
    assert {"dbt-privileged"} <= named["5.4"]
    assert {"dbt-cap_sys_admin"} <= named["5.3"]
    assert {"dbt-host_network"} <= named["5.9"]
    assert {"dbt-host_pid"} <= named["5.15"]
    assert {"dbt-docker_socket"} <= named["5.31"]
    unused = {f.resource.id for r in run.documented.results if r.id == "6.1" for f in r.findings}
    assert run.unused_image in unused and run.image_id not in unused


def test_collection_differs_only_by_what_the_container_does_not_ask(run: Run) -> None:
    """Audit rules from auditctl and units from systemctl are only asked on the host itself."""
    container, direct = error_items(run.documented), error_items(run.direct)
    asked_on_host = {e for e in direct if e[1] == "auditctl -l" or e[1].startswith("systemctl ")}
    assert container - direct == {("host", "auditctl -l", "unsupported",
                                   "loaded audit rules are only read on the host itself (host_root is /host)")}
    assert direct - container == asked_on_host
    assert run.documented_snapshot.host.audit.loaded is None


def test_auditor_container_is_seen_but_never_a_finding(run: Run) -> None:
    me = [c for c in run.documented_snapshot.containers or [] if c.id == run.auditor["Id"]]
    assert me and (me[0].running, me[0].labels.get(AUDITOR_LABEL), me[0].pid_mode) == (True, "true", "host")
    assert ("/", "/host") in {(m.source, m.destination) for m in me[0].mounts}
    for report in (run.documented, run.direct, run.minimum):
        text = json.dumps([r.model_dump(mode="json") for r in report.results])
        assert run.auditor["Id"][:12] not in text
        assert run.auditor["Name"].lstrip("/") not in text


def test_documented_snapshot_meta_names_the_host_and_its_daemon(run: Run) -> None:
    meta, direct = run.documented.snapshot_meta, run.direct.snapshot_meta
    assert (meta.hostname, meta.docker_host, meta.host_root) == (direct.hostname, direct.docker_host, "/host")
    assert run.documented_snapshot.daemon.pid == run.direct_snapshot.daemon.pid == run.daemon_pid


def test_minimum_command_loses_only_what_the_table_says(run: Run) -> None:
    """No --uts host: the host's name; socket elsewhere: the daemon's address; no SYS_PTRACE:
    dockerd's binary (1.5 unless it is /usr/bin/dockerd), environment and listener owners."""
    meta, direct = run.minimum.snapshot_meta, run.direct_again.snapshot_meta
    assert meta.hostname != direct.hostname and meta.docker_host == f"unix://{DEFAULT_SOCKET}" != direct.docker_host
    assert run.minimum_snapshot.daemon.pid == run.daemon_pid  # found by the socket's inode, not its path
    back = renamed(run.minimum, {("host", meta.hostname or ""): direct.hostname or "",
                                 ("daemon", meta.docker_host): direct.docker_host or ""})
    expected: dict[str, list[str] | None] = {}
    if run.direct_again_snapshot.daemon.exe != "/usr/bin/dockerd":
        expected["1.5"] = None  # decided directly, an error here
    if any(listener.process for listener in run.direct_again_snapshot.host.listeners or []):
        expected.update({"1.2": ["evidence"], "2.6": ["evidence"]})
    differ = differences(back, run.direct_again)
    listeners = (f"listeners: container {_listening(run.minimum_snapshot)}, "
                 f"direct {_listening(run.direct_again_snapshot)}")
    unexpected = differ.keys() ^ expected.keys()
    assert differ.keys() == expected.keys(), explain(back, run.direct_again, unexpected & differ.keys()) + listeners
    assert {cid: fields for cid, fields in differ.items() if expected[cid] is not None} == {
        cid: fields for cid, fields in expected.items() if fields is not None}
    if "1.5" in expected:
        result = next(r for r in run.minimum.results if r.id == "1.5")
        assert result.status == "error" and any(m.startswith("daemon.exe") for m in result.missing), result
    pid = run.daemon_pid
    lost = error_items(run.minimum) - error_items(run.documented)
    assert {(s, item, kind) for s, item, kind, _ in lost} >= {
        ("daemon", f"/proc/{pid}/exe", "permission"), ("daemon", f"/proc/{pid}/environ", "permission")}
    assert {item for _, item, _, _ in lost} <= {f"/proc/{pid}/exe", f"/proc/{pid}/environ", "/proc/*/fd"}
