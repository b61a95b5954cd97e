"""``dockerbench fleet`` on a real three-node swarm of 20.10 dockerds.

The module fixture builds a swarm on this one machine without touching its own interfaces:

- a bridge ``br0`` in a network namespace of the test's own (``dbt-fleet-br-*``), and three
  private dockerds (tests/integration/_dockerd.py), each in its own network namespace joined to
  the bridge by a veth pair, with an address of 10.213.0.0/24, and in a UTS namespace of its own
  (hostnames ``dbt-fleet-manager``, ``dbt-fleet-w1``, ``dbt-fleet-w2``);
- one manager and two workers (``swarm init`` on 10.213.0.1, ``swarm join`` of the others);
- the auditor image built once from the Dockerfile (tests/integration/_image.py) in a builder
  dockerd of its own, then ``docker save`` | ``docker load`` on every node, so every node holds
  the same images: the auditor, and a busybox image with one plain container created;
- ``dbt-fleet-w1`` misconfigured: its dockerd runs with the default ``--icc=true`` (the others
  with ``--icc=false``) and a privileged container is created on it (created, never started: a
  privileged container cannot start in this VM, see DESIGN.md; its inspect is what 5.4 reads).

The three daemons share this machine's filesystem, so no single path is every node's socket:
each node's socket is linked as ``<dir>/<hostname>.sock`` and ``--socket`` names it with the
swarm template ``{{.Node.Hostname}}`` (on real nodes the default ``/var/run/docker.sock`` holds).

Then ``dockerbench fleet`` runs twice from the manager, with the CLI: with the default image (the
Dockerfile's ``dockerbench:latest``) on every node, and with an image only the manager and w1
hold, so that w2's task is rejected. Everything started is stopped by pid (PrivateDockerd), the
namespaces (and the veths in them) are deleted, in the fixture's ``finally``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docker
import pytest
from _ci import unavailable
from _dockerd import PrivateDockerd, require_private_dockerd
from _image import BuildTimes, build_auditor_image, require_image_tools
from conftest import BUSYBOX_BASE, DOCKER_ENGINES, TEST_LABEL, build_image

import dockerbench
from dockerbench._fleet import FleetReport, load_fleet_report

pytestmark = pytest.mark.docker

IMAGE = "dockerbench:latest"  # the CLI's default --image: the tag the README's docker build gives
PARTIAL = "dockerbench-test/fleet-partial:latest"  # held by the manager and w1 only
SUBNET = "10.213.0"
#: node -> (address, dockerd arguments, misconfigured?)
NODES = {"manager": (f"{SUBNET}.1", ["--icc=false"], False),
         "w1": (f"{SUBNET}.2", [], True),  # --icc=true: the default
         "w2": (f"{SUBNET}.3", ["--icc=false"], False)}
BAD = "dbt-fleet-w1"


@dataclass
class FleetRun:
    nodes: dict[str, PrivateDockerd]  # hostname -> its dockerd
    node_ids: dict[str, str]  # hostname -> swarm node id
    report: FleetReport  # every node with the image
    code: int
    stderr: str
    seconds: float  # wall time of the `dockerbench fleet` command
    snapshots: Path  # --save-snapshots
    partial: FleetReport  # w2 without the image
    partial_code: int
    partial_stderr: str
    services_left: list[str]
    times: BuildTimes


def _ip(*args: str, netns: str | None = None) -> None:
    argv = ["ip", "netns", "exec", netns, "ip", *args] if netns else ["ip", *args]
    subprocess.run(argv, check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def fleet_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FleetRun]:
    engine = DOCKER_ENGINES[0]  # 20.10: Engine API 1.41, the oldest that has global jobs
    require_private_dockerd("the fleet tests", engine)
    require_image_tools()
    if shutil.which("docker") is None:
        unavailable("the docker CLI for docker save | docker load", "docker is not installed (apt-get install docker.io)")
    run = uuid.uuid4().hex[:6]
    bridge = f"dbt-fleet-br-{run}"
    sockets = Path(tempfile.mkdtemp(prefix="dbt-fleet-sock-", dir="/tmp"))
    daemons: list[PrivateDockerd] = []
    bridge_made = False
    try:
        _ip("netns", "add", bridge)
        bridge_made = True
        _ip("link", "set", "lo", "up", netns=bridge)
        _ip("link", "add", "br0", "type", "bridge", netns=bridge)
        _ip("link", "set", "br0", "up", netns=bridge)

        times = BuildTimes()
        builder = PrivateDockerd(engine, prefix="dbt-fleet-build-")
        daemons.append(builder)
        image_tar = sockets / "auditor.tar"
        build_auditor_image(builder.start(), tag=IMAGE, times=times)
        subprocess.run(["docker", "-H", builder.address, "save", "-o", str(image_tar), IMAGE], check=True, timeout=300)
        builder.remove()
        daemons.remove(builder)
        _say(request, f"auditor image: {times}")

        nodes: dict[str, PrivateDockerd] = {}
        for i, (name, (address, args, _)) in enumerate(NODES.items()):
            hostname = f"dbt-fleet-{name}"
            daemon = PrivateDockerd(engine, prefix=f"dbt-fleet-{name}-", hostname=hostname)
            daemons.append(daemon)
            peer = f"dbtf{run}{i}"  # its end on the bridge (15 characters at most)
            _ip("link", "add", peer, "type", "veth", "peer", "name", "eth0", "netns", daemon.netns, netns=bridge)
            _ip("link", "set", peer, "master", "br0", "up", netns=bridge)
            _ip("addr", "add", f"{address}/24", "dev", "eth0", netns=daemon.netns)
            _ip("link", "set", "eth0", "up", netns=daemon.netns)
            daemon.start(*args).close()
            (sockets / f"{hostname}.sock").symlink_to(daemon.address.removeprefix("unix://"))
            nodes[hostname] = daemon
        with ThreadPoolExecutor(len(nodes)) as pool:  # docker load on every node at once
            list(pool.map(lambda d: _load(d, image_tar, bad=d.hostname == BAD), nodes.values()))
        node_ids = _swarm(nodes)

        out = tmp_path_factory.mktemp("fleet")
        template = f"{sockets}/{{{{.Node.Hostname}}}}.sock"
        started = time.monotonic()
        code, stderr = _fleet(nodes["dbt-fleet-manager"], "--socket", template, "--format", "json", "-o",
                              str(out / "fleet.json"), "--save-snapshots", str(out))
        seconds = time.monotonic() - started
        _say(request, f"dockerbench fleet of {len(nodes)} nodes: {seconds:.1f} s")
        for hostname, daemon in nodes.items():
            if hostname != "dbt-fleet-w2":
                subprocess.run(["docker", "-H", daemon.address, "tag", IMAGE, PARTIAL], check=True, timeout=60)
        partial_code, partial_stderr = _fleet(nodes["dbt-fleet-manager"], "--socket", template, "--image", PARTIAL,
                                              "--no-image-scan", "--task-timeout", "120", "--format", "json", "-o",
                                              str(out / "partial.json"))
        manager = docker.APIClient(base_url=nodes["dbt-fleet-manager"].address, timeout=60)
        services_left = [s["Spec"]["Name"] for s in manager.services()]
        manager.close()
        yield FleetRun(nodes=nodes, node_ids=node_ids, report=load_fleet_report(out / "fleet.json"), code=code,
                       stderr=stderr, seconds=seconds, snapshots=out, partial=load_fleet_report(out / "partial.json"),
                       partial_code=partial_code, partial_stderr=partial_stderr, services_left=services_left,
                       times=times)
    finally:
        for daemon in reversed(daemons):
            daemon.remove()
        if bridge_made:
            subprocess.run(["ip", "netns", "delete", bridge], check=False, timeout=30)
        shutil.rmtree(sockets, ignore_errors=True)


def _load(daemon: PrivateDockerd, image_tar: Path, *, bad: bool) -> None:
    """The auditor image, busybox and a plain container on a node; on the bad node also a privileged one."""
    subprocess.run(["docker", "-H", daemon.address, "load", "-q", "-i", str(image_tar)], check=True,
                   capture_output=True, timeout=300)
    client = docker.DockerClient(base_url=daemon.address, version="auto", timeout=120)
    busybox = build_image(client, "dockerbench-test/busybox:latest", BUSYBOX_BASE + 'CMD ["sleep", "3600"]\n')
    client.containers.create(busybox, name="dbt-fleet-plain", labels={TEST_LABEL: "1"})
    if bad:
        client.containers.create(busybox, name="dbt-fleet-privileged", privileged=True, labels={TEST_LABEL: "1"})
    client.close()


def _swarm(nodes: dict[str, PrivateDockerd]) -> dict[str, str]:
    """Init on the manager, join the workers; hostname -> node id once all three are ready."""
    clients = {h: docker.DockerClient(base_url=d.address, version="auto", timeout=60) for h, d in nodes.items()}
    manager = clients["dbt-fleet-manager"]
    manager.swarm.init(advertise_addr=NODES["manager"][0], listen_addr=f"{NODES['manager'][0]}:2377")
    token = manager.swarm.attrs["JoinTokens"]["Worker"]
    for name in ("w1", "w2"):
        address = NODES[name][0]
        clients[f"dbt-fleet-{name}"].swarm.join(remote_addrs=[f"{NODES['manager'][0]}:2377"], join_token=token,
                                                listen_addr=f"{address}:2377", advertise_addr=address)
    deadline = time.monotonic() + 60
    while True:
        ready = {n.attrs["Description"]["Hostname"]: n.id for n in manager.nodes.list()
                 if n.attrs["Status"]["State"] == "ready"}
        if set(ready) == set(nodes):
            break
        if time.monotonic() > deadline:
            pytest.fail(f"swarm nodes not ready after 60 s: {ready}")
        time.sleep(0.5)
    for client in clients.values():
        client.close()
    return ready


def _fleet(manager: PrivateDockerd, *args: str) -> tuple[int, str]:
    """`dockerbench fleet` against the manager: its exit code and stderr."""
    done = subprocess.run([sys.executable, "-m", "dockerbench.cli", "--no-color", "fleet", "--docker-host",
                           manager.address, *args], capture_output=True, text=True, timeout=600, check=False)
    return done.returncode, done.stderr


def _say(request: pytest.FixtureRequest, line: str) -> None:
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


# ----------------------------------------------------------------------------- every node answers


def test_every_node_answers_with_its_own_snapshot(fleet_run: FleetRun) -> None:
    report = fleet_run.report
    assert [(h.name, h.role, h.ok) for h in report.hosts] == [
        ("dbt-fleet-manager", "manager", True), ("dbt-fleet-w1", "worker", True), ("dbt-fleet-w2", "worker", True)]
    for h in report.hosts:
        assert h.node_id == fleet_run.node_ids[h.name]
        assert h.report.snapshot_meta.hostname == h.name  # the task's hostname is {{.Node.Hostname}}
    assert fleet_run.code == 1, fleet_run.stderr  # w1 fails controls; nothing is in error
    assert report.swarm is not None and (report.swarm.image, report.swarm.nodes, report.swarm.api_version) == (IMAGE, 3, "1.41")


def test_each_snapshot_names_the_dockerd_of_its_node(fleet_run: FleetRun) -> None:
    for hostname, daemon in fleet_run.nodes.items():
        snap = dockerbench.load_snapshot(fleet_run.snapshots / f"{hostname}.json")
        assert (snap.daemon.pid, snap.swarm.node_id) == (daemon.pid, fleet_run.node_ids[hostname])
        assert snap.meta.host_root == "/host" and snap.meta.auditor_container_id is not None


def test_only_the_misconfigured_node_fails_icc_and_privileged_containers(fleet_run: FleetRun) -> None:
    report = fleet_run.report
    assert report.failing_hosts("2.1") == [BAD] and report.failing_hosts("5.4") == [BAD]
    for h in ("dbt-fleet-manager", "dbt-fleet-w2"):
        assert (report.matrix["2.1"][h], report.matrix["5.4"][h]) == ("pass", "pass"), h
    bad = report.host(BAD).report
    assert [f.resource.name for f in bad.result("5.4").findings] == ["dbt-fleet-privileged"]
    assert report.worst("2.1") == report.worst("5.4") == "fail"


def test_drift_is_icc_the_privileged_container_and_the_roles(fleet_run: FleetRun) -> None:
    report = fleet_run.report
    assert {"2.1", "5.4"} <= set(report.drift)
    for cid in report.drift:
        statuses = report.matrix[cid]
        roles = cid.startswith("7.") and statuses["dbt-fleet-w1"] == statuses["dbt-fleet-w2"]  # manager vs workers
        containers = cid.startswith("5.") and statuses["dbt-fleet-manager"] == statuses["dbt-fleet-w2"]  # w1's container
        explained = roles or containers or cid == "2.1"
        assert explained, f"{cid} drifts unexplained: {statuses}"


def test_the_auditor_task_is_never_a_finding(fleet_run: FleetRun) -> None:
    for h in fleet_run.report.hosts:
        names = {f.resource.name for f in h.report.findings if f.resource.kind == "container"}
        assert names <= {"dbt-fleet-plain", "dbt-fleet-privileged"}, names


def test_saved_snapshots_evaluated_offline_give_the_same_matrix(fleet_run: FleetRun) -> None:
    files = [fleet_run.snapshots / f"{h}.json" for h in fleet_run.nodes]
    offline = dockerbench.evaluate_fleet(files)
    assert offline.matrix == fleet_run.report.matrix and offline.drift == fleet_run.report.drift


def test_the_service_is_removed(fleet_run: FleetRun) -> None:
    assert fleet_run.services_left == []


def test_fleet_wall_time_and_snapshot_cost_are_reported(fleet_run: FleetRun, record_property) -> None:
    collected = {h.name: h.report.snapshot_meta.duration_seconds for h in fleet_run.report.hosts}
    tasks = {h.name: h.task_seconds for h in fleet_run.report.hosts}
    line = (f"fleet of 3 nodes: {fleet_run.seconds:.1f} s wall (swarm part {fleet_run.report.swarm.seconds:.1f} s); "
            f"snapshot per node {collected} s; task per node {tasks} s")
    record_property("fleet_timing", line)
    print(f"\n{line}")
    assert all(t is not None and t >= c for t, c in zip(tasks.values(), collected.values(), strict=True))


def test_the_fleet_page_of_the_swarm_renders_in_chromium(fleet_run: FleetRun, tmp_path, record_property) -> None:
    from test_formats_html import CHROMIUM_FLAGS, ink

    from dockerbench.report.fleet import render_fleet

    browser = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
    if browser is None:
        unavailable("headless Chromium", "chromium is not installed (apt-get install -y chromium)")
    page, png = tmp_path / "fleet.html", tmp_path / "fleet.png"
    page.write_text(render_fleet(fleet_run.partial, "html"), encoding="utf-8")
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
                    "--window-size=1280,1400", page.as_uri()], check=True, capture_output=True, timeout=180, cwd=tmp_path)
    record_property("screenshot", str(png))
    print(f"\nHTML fleet report (3-node swarm, w2 without the image) screenshot: {png}")
    colours, share = ink(png)
    assert colours >= 16 and share >= 0.05


# ----------------------------------------------------------------------------- a node without the image


def test_a_node_without_the_image_is_an_error_never_a_pass(fleet_run: FleetRun) -> None:
    partial = fleet_run.partial
    w2 = partial.host("dbt-fleet-w2")
    assert (w2.ok, w2.report, w2.error.kind) == (False, None, "task_failed")
    assert w2.error.message.startswith(f"task rejected: No such image: {PARTIAL}"), w2.error.message
    assert all(c.statuses["dbt-fleet-w2"] == "error" for c in partial.controls)
    assert [h.name for h in partial.hosts if h.ok] == ["dbt-fleet-manager", BAD]
    assert partial.failing_hosts("5.4") == [BAD]


def test_a_node_in_error_makes_the_fleet_exit_3(fleet_run: FleetRun) -> None:
    assert fleet_run.partial_code == 3
    errors = [line for line in fleet_run.partial_stderr.splitlines() if line.startswith("dockerbench: error:")]
    assert errors == [f"dockerbench: error: host dbt-fleet-w2 was not audited: task_failed: "
                      f"{fleet_run.partial.host('dbt-fleet-w2').error.message}"]
