"""The policies against real Docker Engines: each misconfiguration is reported by exactly its controls.

Per Docker Engine (tests/conftest.py: 20.10 and 26.1; every test runs on each) two daemons,
snapshotted once per state (module fixtures), every report computed once per Rego engine:

* the engine's shared test dockerd (DOCKERBENCH_TEST_DOCKER_HOST, ..._26): a *hardened*
  container and variants of it that each change ONE thing, plus a bare privileged container that was never started.
  For each the set of container-scoped controls (4.1 and section 5) with a finding for THAT
  container (by resource id) must equal the expected set exactly: nothing missing, nothing extra.
  Everything is labelled ``dockerbench.test=<run>`` and removed by that label at the end.
* a private dockerd of that engine (tests/integration/_dockerd.py: own network namespace,
  socket, data-root, exec-root, pidfile; stopped by pid) started with a hardened daemon.json via --config-file,
  then restarted WITHOUT it, then turned into a one-node swarm manager.
* every assertion runs on every installed Rego engine ("embedded" regorus and "opa"), and the two
  reports of every snapshot must agree control by control (the live conformance check).
* under the other benchmarks (profiles/: cis-docker-1.6.0, cis-docker-1.8.0) every control whose
  check is a v1.1.0 control decides exactly as that control on every snapshot, and each variant
  container is reported by exactly the controls it violates under the profile's ids.

Host-decided outcomes (no AppArmor / SELinux here, the shared daemon without daemon-wide
no-new-privileges) are read from the snapshot, so the expectations say why they hold.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docker
import docker.errors
import docker.types
import pytest
from _ci import unavailable
from _dockerd import PrivateDockerd, require_private_dockerd
from _live import quietly, remove_run, wait_until_settled
from conftest import BUSYBOX_BASE, TEST_LABEL, DockerEngine, build_image

import dockerbench
from dockerbench._policies import DEFAULT_BENCHMARK
from dockerbench._snapshot import Container, Snapshot
from dockerbench.collect._api import unix_socket_path
from dockerbench.engines import available_engines

pytestmark = pytest.mark.docker

ENGINES = ("embedded", "opa")
FAIL, WARN = "fail", "warn"
DROP = object()  # an option the variant removes from the hardened set

# ----------------------------------------------------------------------------- the variants

#: The hardened baseline, as docker SDK options (the network and the 127.0.0.1 port binding
#: are added by the fixture): --read-only --memory 64m --cpu-shares 512 --pids-limit 100
#: --restart on-failure:5 --security-opt no-new-privileges --health-cmd true --user 1000
#: --cap-drop ALL -p 127.0.0.1::80, on a user-defined bridge network. The health check interval
#: is long so that no probe (an exec instance) comes and goes while the snapshot is taken.
HARDENED: dict[str, Any] = {
    "command": ["sleep", "3600"],
    "read_only": True,
    "mem_limit": "64m",
    "cpu_shares": 512,
    "pids_limit": 100,
    "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 5},
    "security_opt": ["no-new-privileges"],
    "healthcheck": {"test": ["CMD-SHELL", "true"], "interval": 600 * 10**9},
    "user": "1000",
    "cap_drop": ["ALL"],
}


@dataclass(frozen=True)
class Variant:
    """The hardened container with ``change`` applied; ``expected`` maps control -> finding status."""

    change: dict[str, Any]  # option -> value, DROP, or a function of the run's values (paths, ports)
    expected: dict[str, str]
    start: bool = True
    image: str | None = None  # an image case of IMAGES instead of "base"
    after_start: str | None = None  # "exec_privileged" / "exec_user": an exec instance is created
    base: dict[str, Any] | None = None  # instead of HARDENED (the bare container of item 2)


VARIANTS: dict[str, Variant] = {
    # No container-level finding at all: 5.1 (AppArmor) and 5.2 (SELinux) are not applicable on
    # this host, 5.29 does not see the default bridge, 5.8 sees no -P, 5.22/5.23 no exec instance.
    "hardened": Variant({}, {}),
    # docker create only: runc cannot start a privileged container in this VM. Privileged
    # legitimately implies 5.17 for review (every host device is exposed; the 5.17 policy says
    # so). It does NOT imply 5.3 (the catalogue decides 5.3 on CapAdd; privileged is evidence
    # there, "see 5.4"), nor 5.21 ("privileged disables seccomp implicitly - covered by 5.4"),
    # nor 5.1 while AppArmor is off (added below when the host has AppArmor: unconfined).
    # Never started, so the running-only controls (5.6, 5.7, 5.13, 5.26) do not judge it.
    "privileged": Variant({"privileged": True}, {"5.4": FAIL, "5.17": WARN}, start=False),
    # Host networking takes the place of the user network; published ports do not exist there.
    "host_network": Variant({"network": DROP, "ports": DROP, "network_mode": "host"}, {"5.9": FAIL}),
    "etc_mount": Variant({"volumes": ["/etc:/host-etc:ro"]}, {"5.5": FAIL}),  # read-only still fails
    # The socket lives outside the sensitive directories of 5.5 ("/" itself only counts when the
    # source IS "/"), so 5.31 alone.
    "docker_socket": Variant({"volumes": lambda v: [f"{v['socket']}:/var/run/docker.sock"]}, {"5.31": FAIL}),
    "cap_sys_admin": Variant({"cap_add": ["SYS_ADMIN"]}, {"5.3": FAIL}),
    "host_pid": Variant({"pid_mode": "host"}, {"5.15": FAIL}),
    "host_ipc": Variant({"ipc_mode": "host"}, {"5.16": FAIL}),
    "host_uts": Variant({"uts_mode": "host"}, {"5.20": FAIL}),
    "userns_host": Variant({"userns_mode": "host"}, {"5.30": FAIL}),
    # -p 0.0.0.0:<free port >= 1024>:80 (so 5.7 does not apply).
    "all_interfaces": Variant({"ports": lambda v: {"80/tcp": ("0.0.0.0", _free_port())}}, {"5.13": FAIL}),
    # -p 127.0.0.1:<free port below 1024>:80 (the port is chosen when the fixture runs).
    "privileged_port": Variant({"ports": lambda v: {"80/tcp": ("127.0.0.1", v["low_port"])}}, {"5.7": FAIL}),
    # -P next to the 127.0.0.1 binding: the catalogue's red flag for 5.8 (a review).
    "publish_all": Variant({"publish_all_ports": True}, {"5.8": WARN}),
    "restart_always": Variant({"restart_policy": {"Name": "always"}}, {"5.14": FAIL}),
    "no_memory": Variant({"mem_limit": DROP}, {"5.10": FAIL}),
    "no_cpu_shares": Variant({"cpu_shares": DROP}, {"5.11": FAIL}),
    "writable_rootfs": Variant({"read_only": DROP}, {"5.12": FAIL}),
    "seccomp_unconfined": Variant({"security_opt": ["no-new-privileges", "seccomp=unconfined"]}, {"5.21": FAIL}),
    "cgroup_parent": Variant({"cgroup_parent": lambda v: v["cgroup_parent"]}, {"5.24": FAIL}),  # none approved
    "no_pids_limit": Variant({"pids_limit": DROP}, {"5.28": FAIL}),
    "user_root": Variant({"user": "root"}, {"4.1": FAIL}),
    # The shared daemon does not set no-new-privileges daemon-wide (adjusted below if it does).
    "no_no_new_privileges": Variant({"security_opt": DROP}, {"5.25": FAIL}),
    "no_healthcheck": Variant({"healthcheck": DROP}, {"5.26": FAIL}),
    # A directory bind-mounted onto itself and made shared, bind-mounted with shared propagation
    # (as --mount: the SDK turns `volumes=["src:/shared:shared"]` into a bind PLUS an anonymous
    # volume at "/shared:shared", which `docker run -v src:/shared:shared` does not create).
    "shared_propagation": Variant({"mounts": lambda v: [docker.types.Mount(
        "/shared", v["shared_dir"], type="bind", propagation="shared")]}, {"5.19": FAIL}),
    # busybox as /usr/sbin/sshd, exec -a sleep: the process is called sshd.
    "sshd": Variant({"command": DROP}, {"5.6": FAIL}, image="sshd"),
    "default_bridge": Variant({"network": DROP}, {"5.29": WARN}),  # informational: a review
    "device": Variant({"devices": ["/dev/null:/dev/xnull:r"]}, {"5.17": WARN}),  # informational
    "ulimit": Variant({"ulimits": [docker.types.Ulimit(name="nofile", soft=1024, hard=2048)]},
                      {"5.18": WARN}),  # informational
    "exec_privileged": Variant({}, {"5.22": FAIL}, after_start="exec_privileged"),
    "exec_user": Variant({}, {"5.23": FAIL}, after_start="exec_user"),  # --user root, not its user 1000
    # Item 2: a bare `docker create --privileged busybox sleep 3600`, never started, on the
    # default bridge. Every control whose scope is ALL containers (notes 1.1: 5.1-5.5, 5.9-5.12,
    # 5.14-5.21, 5.24, 5.25, 5.31) and that it violates reports it: 5.4 (privileged), 5.10 (no
    # memory limit), 5.11 (CpuShares 0), 5.12 (writable root), 5.25 (no no-new-privileges, none
    # daemon-wide) and 5.17 (privileged exposes every device: review). 4.1 and 5.28 are "running
    # containers" in the seed, but the catalogue lets the policy choose and both policies judge
    # the configuration of every container (for 4.1 that is CIS v1.1.0's own scope): Config.User
    # empty (root) and PidsLimit null fail. 5.29 (informational) reviews it: NetworkMode
    # "default" (Engine 20.10; "bridge" from API 1.44), so it joins docker0 whenever it starts. Running-only controls (5.6, 5.7, 5.13,
    # 5.26) do not judge it; 5.3 and 5.21 do not fire on privileged (see "privileged" above).
    "bare_privileged": Variant(
        {"privileged": True}, base={"command": ["sleep", "3600"]}, start=False,
        expected={"4.1": FAIL, "5.4": FAIL, "5.10": FAIL, "5.11": FAIL, "5.12": FAIL, "5.25": FAIL,
                  "5.28": FAIL, "5.17": WARN, "5.29": WARN}),
}

#: Image case -> Dockerfile after the busybox base (a run label keeps the image ids our own).
#: "base" has an /etc/passwd, so that `--user root` resolves (busybox FROM scratch has none).
PASSWD = "RUN echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd\n"
IMAGES = {
    "base": PASSWD + 'CMD ["sleep", "3600"]\n',
    "sshd": (PASSWD + 'RUN mkdir -p /usr/sbin && cp /bin/busybox /usr/sbin/sshd\n'
             'CMD ["/bin/sh", "-c", "exec -a sleep /usr/sbin/sshd 3600"]\n'),
    # The classic builder records HEALTHCHECK as `HEALTHCHECK &{["CMD" "true"] "5s" "3s" "0s" '\x00'}`:
    # text that broke the previous embedded engine's 4.7/4.9/4.10/4.11.
    "healthcheck": PASSWD + 'HEALTHCHECK --interval=5s --timeout=3s CMD ["true"]\nCMD ["sleep", "3600"]\n',
}


def container_scoped(control_id: str) -> bool:
    return control_id == "4.1" or control_id.startswith("5.")


# ----------------------------------------------------------------------------- engines and reports


@pytest.fixture(scope="module")
def installed_engines() -> list[str]:
    return available_engines()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, installed_engines: list[str]) -> str:
    if request.param not in installed_engines:
        unavailable(f"the {request.param} engine", "not installed")
    return request.param


class Reports:
    """Each (snapshot, engine, params, controls, benchmark) of one Docker Engine evaluated once for the module."""

    def __init__(self, docker_engine: DockerEngine) -> None:
        self.docker_engine = docker_engine
        self.snapshots: dict[str, Snapshot] = {}
        self._cache: dict[tuple[str, str, str, tuple[str, ...] | None, str], dockerbench.Report] = {}

    def get(self, case: str, engine: str, params: dict[str, Any] | None = None,
            controls: list[str] | None = None, benchmark: str = DEFAULT_BENCHMARK) -> dockerbench.Report:
        key = (case, engine, json.dumps(params or {}, sort_keys=True), tuple(controls) if controls else None, benchmark)
        if key not in self._cache:
            self._cache[key] = dockerbench.evaluate(self.snapshots[case], engine=engine, params=params,
                                                    controls=controls, benchmark=benchmark)
        return self._cache[key]


@pytest.fixture(scope="module")
def reports(docker_engine: DockerEngine) -> Reports:
    """Per Docker Engine: the snapshots of its daemons and their reports."""
    return Reports(docker_engine)


def findings_for(report: dockerbench.Report, resource_id: str) -> dict[str, str]:
    """Container-scoped control -> "fail" (a violation) or "warn" (a review) for one container."""
    found: dict[str, str] = {}
    for result in report.results:
        if not container_scoped(result.id):
            continue
        for f in result.findings:
            if f.resource.kind == "container" and f.resource.id == resource_id:
                found[result.id] = FAIL if FAIL in (f.status, found.get(result.id)) else f.status
    return found


def explain(report: dockerbench.Report, resource_id: str, ids: set[str]) -> str:
    """Status, reason and this container's finding messages of the controls in ``ids``."""
    lines = []
    for result in report.results:
        if result.id in ids:
            mine = [f"{f.status}: {f.message}" for f in result.findings if f.resource.id == resource_id]
            lines.append(f"  {result.id} {result.status} ({result.reason[:160]}) {mine}")
    return "\n".join(lines)


def docker_proxy_parents() -> dict[int, int]:
    """Parent pid -> number of docker-proxy processes now running on this host."""
    parents: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and (proc / "comm").read_text().strip() == "docker-proxy":
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
                parents[ppid] = parents.get(ppid, 0) + 1
        except (OSError, ValueError, IndexError):
            continue
    return parents


def describe(report: dockerbench.Report, ids: tuple[str, ...]) -> str:
    """Status, reason and findings of some controls, for an assertion message."""
    lines = []
    for control in ids:
        r = report.result(control)
        lines.append(f"  {control} {r.status}: {r.reason}")
        lines += [f"      {f.status} {f.resource.kind} {f.resource.id}: {f.message}" for f in r.findings]
    return "\n" + "\n".join(lines)


def status_of(report: dockerbench.Report, control_id: str) -> str:
    return report.result(control_id).status


# ----------------------------------------------------------------------------- the shared dockerd


@dataclass
class Live:
    run: str
    socket: str
    containers: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    images: dict[str, str] = field(default_factory=dict)
    shared_dir: Path | None = None
    cgroup_parent: str = ""
    snapshot: Snapshot | None = None

    @property
    def snap(self) -> Snapshot:
        assert self.snapshot is not None
        return self.snapshot

    def container(self, case: str) -> Container:
        found = [c for c in self.snap.containers or [] if c.id == self.containers[case]]
        assert found, f"container {case} is not in the snapshot"
        return found[0]


@pytest.fixture(scope="module")
def live(docker_client: docker.DockerClient, docker_host: str, reports: Reports) -> Iterator[Live]:
    run = uuid.uuid4().hex[:10]
    sock = unix_socket_path(docker_host)
    assert sock, "the test daemon must listen on a unix socket"
    state = Live(run=run, socket=sock, cgroup_parent=f"/dbt-pol-{run}")
    try:
        for case, dockerfile in IMAGES.items():
            text = BUSYBOX_BASE + f"LABEL dockerbench.test.run={run}\n" + dockerfile
            state.images[case] = build_image(docker_client, f"dockerbench-test/pol-{case}:{run}", text)
        network = f"dbt-pol-net-{run}"
        docker_client.networks.create(network, driver="bridge", labels={TEST_LABEL: run})
        state.shared_dir = _shared_mount(run)
        values = {"socket": sock, "cgroup_parent": state.cgroup_parent, "shared_dir": str(state.shared_dir),
                  "low_port": _free_low_port()}
        with ThreadPoolExecutor(max_workers=8) as pool:  # each start takes a while; they are independent
            list(pool.map(lambda case: _make(docker_client, state, case, _options(VARIANTS[case], values, network)),
                          VARIANTS))
        started = {state.containers[c]: c for c, v in VARIANTS.items() if v.start and c in state.containers}
        wait_until_settled(docker_client, state.run, started, state.containers["sshd"])
        state.snapshot = dockerbench.snapshot(docker_host=docker_host, scan_image_files=False)
        reports.snapshots["live"] = state.snapshot
        yield state
    finally:
        _remove_everything(docker_client, state)


def _make(client: docker.DockerClient, state: Live, case: str, options: dict[str, Any]) -> None:
    """Create (and start) one variant; record its id, or why the :shared case could not be made."""
    variant = VARIANTS[case]
    options.update(name=f"dbt-pol-{case}-{state.run}", labels={TEST_LABEL: state.run})
    try:
        container = client.containers.create(state.images[variant.image or "base"], **options)
        state.containers[case] = container.id
        if variant.start:
            container.start()
    except docker.errors.APIError as e:
        if case != "shared_propagation":
            raise
        state.skipped[case] = f"docker refused a shared-propagation bind mount here: {e.explanation}"
        return
    if variant.after_start == "exec_privileged":
        client.api.exec_create(container.id, ["true"], privileged=True)
    elif variant.after_start == "exec_user":
        client.api.exec_create(container.id, ["true"], user="root")


def _options(variant: Variant, values: dict[str, Any], network: str) -> dict[str, Any]:
    if variant.base is not None:
        options = dict(variant.base)
    else:
        options = {**HARDENED, "network": network, "ports": {"80/tcp": ("127.0.0.1", _free_port())}}
    for key, value in variant.change.items():
        if value is DROP:
            options.pop(key, None)
        else:
            options[key] = value(values) if callable(value) else value
    return options


def _shared_mount(run: str) -> Path:
    """A directory bind-mounted onto itself and made shared: / is a private mount here."""
    path = Path(tempfile.mkdtemp(prefix=f"dbt-shared-{run}-", dir="/tmp"))
    subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
    subprocess.run(["mount", "--make-shared", str(path)], check=True)
    return path


def _free_port() -> int:
    """A host port nothing uses now, chosen by the kernel.

    Not left to dockerd: its ephemeral range is the kernel's range for outgoing connections, and
    a port one of those holds makes the container fail to start ("address already in use").
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("0.0.0.0", 0))
        return s.getsockname()[1]


def _free_low_port() -> int:
    """A port below 1024 that nothing listens on (never 80, which other tests publish)."""
    for port in range(1000, 600, -7):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("0.0.0.0", port))
                return port
            except OSError:
                continue
    pytest.fail("no free port below 1024 for the privileged-port container")


def _remove_everything(client: docker.DockerClient, state: Live) -> None:
    """Remove what this run created (by its label / ids / paths), ignoring what is already gone."""
    remove_run(client, state.run, state.images.values())
    if state.shared_dir is not None:
        subprocess.run(["umount", "-l", str(state.shared_dir)], check=False)
        quietly(state.shared_dir.rmdir)
    # cgroupfs leaves the --cgroup-parent directory behind in every v1 hierarchy.
    for hierarchy in Path("/sys/fs/cgroup").glob("*"):
        quietly((hierarchy / state.cgroup_parent.lstrip("/")).rmdir)


def adjusted_for_host(expected: dict[str, str], snap: Snapshot) -> dict[str, str]:
    """The expectation on this host: what AppArmor and daemon-wide no-new-privileges change."""
    out = dict(expected)
    if snap.host.apparmor_enabled and "5.4" in expected:
        out["5.1"] = FAIL  # a privileged container runs unconfined by AppArmor
    config = (snap.daemon.config_file.content if snap.daemon.config_file else None) or {}
    if "true" in snap.daemon.flags.get("no-new-privileges", []) or config.get("no-new-privileges") is True:
        out.pop("5.25", None)  # created under the daemon-wide setting: accepted
    return out


def uses_selinux(snap: Snapshot) -> bool:
    return any(o.startswith("name=selinux") for o in (snap.daemon.info.security_options if snap.daemon.info else []))


# ----------------------------------------------------------------------------- 1 + 2: containers


@pytest.mark.parametrize("case", list(VARIANTS))
def test_each_variant_is_reported_by_exactly_the_controls_it_violates(live: Live, reports: Reports, engine: str,
                                                                       case: str) -> None:
    if case in live.skipped:
        pytest.skip(live.skipped[case])
    if uses_selinux(live.snap):
        pytest.skip("the expectations assume a daemon without SELinux labelling")
    report = reports.get("live", engine)
    cid = live.containers[case]
    assert live.container(case).inspected
    expected = adjusted_for_host(VARIANTS[case].expected, live.snap)
    got = findings_for(report, cid)
    assert got == expected, (
        f"{case} ({cid[:12]}) on {engine}: expected {expected}, got {got}\n"
        + explain(report, cid, set(expected) | set(got) | {r.id for r in report.results
                                                          if container_scoped(r.id) and r.status == "error"}))


def test_the_snapshot_shows_each_variant_as_created(live: Live) -> None:
    """The one change of each variant is what the engine reports (so a finding is about it)."""
    c = live.container
    assert (c("hardened").readonly_rootfs, c("hardened").memory, c("hardened").cpu_shares,
            c("hardened").pids_limit, c("hardened").user, c("hardened").cap_drop) == (
        True, 64 * 1024 * 1024, 512, 100, "1000", ["ALL"])
    assert {(p.host_ip, p.host_port is not None and p.host_port >= 1024) for p in c("hardened").ports} == {
        ("127.0.0.1", True)}
    assert (c("privileged").privileged, c("privileged").running) == (True, False)
    assert (c("bare_privileged").privileged, c("bare_privileged").status, c("bare_privileged").user) == (
        True, "created", "")
    assert [p.command for p in c("sshd").processes or []] == ["sshd"]
    assert {(p.host_ip, p.host_port < 1024) for p in c("privileged_port").ports} == {("127.0.0.1", True)}
    if "shared_propagation" not in live.skipped:
        assert [m.propagation for m in c("shared_propagation").mounts] == ["shared"]
    assert c("cgroup_parent").cgroup_parent == live.cgroup_parent
    # an exec without --user runs as the container's user, and the engine reports that user
    assert [(e.privileged, e.user) for e in c("exec_privileged").exec_instances or []] == [(True, "1000")]
    assert [(e.privileged, e.user) for e in c("exec_user").exec_instances or []] == [(False, "root")]


def test_host_decides_apparmor_and_selinux_for_the_hardened_baseline(live: Live, reports: Reports,
                                                                     engine: str) -> None:
    """No AppArmor / SELinux here: 5.1 and 5.2 are not applicable, never a silent pass."""
    report = reports.get("live", engine)
    host = live.snap.host
    if host.apparmor_enabled is False:
        assert status_of(report, "5.1") == "not_applicable"
        assert "AppArmor is not enabled" in report.result("5.1").reason
    if host.selinux_enabled is False:
        assert status_of(report, "5.2") == "not_applicable"
        assert "SELinux is not enabled" in report.result("5.2").reason


def test_never_started_privileged_container_is_reported_by_the_all_container_controls(
        live: Live, reports: Reports, engine: str) -> None:
    """5.4 and every all-containers control it violates name it, though it never ran."""
    report = reports.get("live", engine)
    cid = live.containers["bare_privileged"]
    assert (live.container("bare_privileged").running, live.container("bare_privileged").pid) == (False, None)
    for control in ("5.4", "5.10", "5.11", "5.12", "5.25"):
        result = report.result(control)
        assert result.status == "fail", f"{control}: {result.status} {result.reason}"
        assert cid in {f.resource.id for f in result.findings if f.status == FAIL}, control
    for control in ("5.6", "5.7", "5.13", "5.26"):  # running containers only
        assert cid not in {f.resource.id for f in report.result(control).findings}, control


# ----------------------------------------------------------------------------- 3 + 4: a private dockerd

HARDENED_DAEMON_JSON = {
    "icc": False,
    "live-restore": True,
    "userland-proxy": False,
    "no-new-privileges": True,
    "log-level": "info",
    "default-ulimits": {"nofile": {"Name": "nofile", "Soft": 8192, "Hard": 8192}},  # VM hard limit 20000
}

#: Organisation parameters that decide 7.2, 7.8, 7.9 (generous: pass) and strict ones (fail).
SWARM_PARAMS = {"swarm_needed": True, "max_managers": 3, "node_cert_max_expiry_hours": 90 * 24,
                "ca_max_age_days": 365}
STRICT_SWARM_PARAMS = {"max_managers": 0, "node_cert_max_expiry_hours": 24, "ca_max_age_days": 0}


@dataclass
class Private:
    config_file: Path
    address: str


@pytest.fixture(scope="module")
def private(docker_engine: DockerEngine, reports: Reports) -> Iterator[Private]:
    """One private dockerd, four snapshots: hardened, hardened with a badly owned daemon.json,
    plain (no --config-file; swarm inactive), and plain after ``swarm init``."""
    require_private_dockerd("the daemon and swarm policy tests", docker_engine)
    daemon = PrivateDockerd(docker_engine, prefix="dbt-policies-")
    try:
        config = daemon.root / "daemon.json"
        config.write_text(json.dumps(HARDENED_DAEMON_JSON, indent=2) + "\n")
        os.chown(config, 0, 0)
        config.chmod(0o644)
        daemon.start("--config-file", str(config)).close()
        reports.snapshots["hardened_daemon"] = dockerbench.snapshot(docker_host=daemon.address)
        # dockerd reads its config file at start only: a later chmod/chown changes no option.
        os.chown(config, 1000, 1000)
        config.chmod(0o666)
        reports.snapshots["hardened_daemon_bad_file"] = dockerbench.snapshot(docker_host=daemon.address)
        daemon.stop()
        client = daemon.start()
        reports.snapshots["plain_daemon"] = dockerbench.snapshot(docker_host=daemon.address)
        client.swarm.init(advertise_addr="127.0.0.1")
        reports.snapshots["swarm"] = dockerbench.snapshot(docker_host=daemon.address)
        client.close()
        yield Private(config_file=config, address=daemon.address)
    finally:
        daemon.remove()


def test_hardened_daemon_passes_the_daemon_controls(private: Private, reports: Reports, engine: str) -> None:
    snap = reports.snapshots["hardened_daemon"]
    assert snap.daemon.argv and "--config-file" in snap.daemon.argv, "the snapshot must see our dockerd"
    assert snap.daemon.config_file is not None and snap.daemon.config_file.state == "parsed"
    report = reports.get("hardened_daemon", engine)
    controls = ("2.1", "2.2", "2.7", "2.14", "2.15", "2.18")
    got = {c: status_of(report, c) for c in controls}
    # userland-proxy is false, so this dockerd starts no docker-proxy: any on the host belong to
    # another dockerd (the shared one publishes ports for the containers above).
    assert got == dict.fromkeys(controls, "pass"), describe(report, controls) + (
        f"\n  docker-proxy processes on the host by parent pid: {docker_proxy_parents()};"
        f" the audited dockerd is pid {snap.daemon.pid}")


def test_daemon_json_controls_see_the_config_file_given_by_flag(private: Private, reports: Reports,
                                                                engine: str) -> None:
    path = str(private.config_file)
    snap = reports.snapshots["hardened_daemon"]
    assert snap.daemon.config_file is not None and snap.daemon.config_file.path == path
    assert [(f.path, f.exists, f.uid, f.gid, f.mode) for f in snap.files if f.role == "daemon_json"] == [
        (path, True, 0, 0, 0o644)]
    good = reports.get("hardened_daemon", engine)
    assert (status_of(good, "3.17"), status_of(good, "3.18")) == ("pass", "pass"), (
        good.result("3.17").reason, good.result("3.18").reason)
    bad = reports.get("hardened_daemon_bad_file", engine)
    for control in ("3.17", "3.18"):
        result = bad.result(control)
        assert (result.status, [(f.resource.kind, f.resource.id) for f in result.findings]) == (
            "fail", [("file", path)]), f"{control}: {result.status} {result.reason}"


def test_the_same_dockerd_without_the_hardened_config_fails_them(private: Private, reports: Reports,
                                                                  engine: str) -> None:
    snap = reports.snapshots["plain_daemon"]
    assert snap.daemon.argv and "--config-file" not in snap.daemon.argv
    report = reports.get("plain_daemon", engine)
    controls = ("2.1", "2.14", "2.15", "2.18")
    got = {c: status_of(report, c) for c in controls}
    assert got == dict.fromkeys(controls, "fail"), describe(report, controls)
    if not Path("/etc/docker/daemon.json").exists():
        # no --config-file: the default /etc/docker/daemon.json, absent here
        assert (status_of(report, "3.17"), status_of(report, "3.18")) == ("not_applicable", "not_applicable")


def test_swarm_controls_are_not_applicable_before_swarm_init(private: Private, reports: Reports,
                                                             engine: str) -> None:
    snap = reports.snapshots["plain_daemon"]
    assert snap.swarm is not None and snap.swarm.local_node_state == "inactive"
    report = reports.get("plain_daemon", engine)
    assert status_of(report, "7.1") == "pass"
    statuses = {c: status_of(report, c) for c in (f"7.{i}" for i in range(2, 10))}
    assert statuses == dict.fromkeys(statuses, "not_applicable")


def test_swarm_mode_fails_7_1_unless_the_organisation_needs_it(private: Private, reports: Reports,
                                                               engine: str) -> None:
    snap = reports.snapshots["swarm"]
    assert snap.swarm is not None and (snap.swarm.local_node_state, snap.swarm.control_available) == ("active", True)
    report = reports.get("swarm", engine)
    assert status_of(report, "7.1") == "fail"
    assert [(f.resource.kind, f.resource.id) for f in report.result("7.1").findings] == [("swarm", snap.swarm.node_id)]
    needed = reports.get("swarm", engine, params={"swarm_needed": True}, controls=["7"])
    assert status_of(needed, "7.1") == "pass"


def test_default_ingress_network_fails_7_4(private: Private, reports: Reports, engine: str) -> None:
    snap = reports.snapshots["swarm"]
    ingress = [n for n in snap.networks or [] if n.ingress]
    assert len(ingress) == 1
    result = reports.get("swarm", engine).result("7.4")
    assert (result.status, [(f.resource.kind, f.resource.id, f.resource.name) for f in result.findings]) == (
        "fail", [("network", ingress[0].id, "ingress")])
    assert "default ingress" in result.findings[0].message


def test_swarm_without_autolock_fails_7_6(private: Private, reports: Reports, engine: str) -> None:
    assert reports.snapshots["swarm"].swarm.autolock is False  # type: ignore[union-attr]
    result = reports.get("swarm", engine).result("7.6")
    assert (result.status, [f.resource.kind for f in result.findings]) == ("fail", ["swarm"])
    assert status_of(reports.get("swarm", engine), "7.7") == "not_applicable"  # no key to rotate


def test_manual_swarm_controls_are_decided_by_organisation_parameters(private: Private, reports: Reports,
                                                                      engine: str) -> None:
    manual = reports.get("swarm", engine)
    assert {c: status_of(manual, c) for c in ("7.2", "7.8", "7.9")} == dict.fromkeys(("7.2", "7.8", "7.9"), "manual")
    assert manual.result("7.2").evidence["manager_count"] == 1
    assert manual.result("7.8").evidence["node_cert_expiry_hours"] == 90 * 24
    decided = reports.get("swarm", engine, params=SWARM_PARAMS, controls=["7"])
    assert {c: status_of(decided, c) for c in ("7.1", "7.2", "7.8", "7.9")} == dict.fromkeys(
        ("7.1", "7.2", "7.8", "7.9"), "pass")
    strict = reports.get("swarm", engine, params=STRICT_SWARM_PARAMS, controls=["7"])
    assert {c: status_of(strict, c) for c in ("7.2", "7.8", "7.9")} == dict.fromkeys(("7.2", "7.8", "7.9"), "fail")


# ----------------------------------------------------------------------------- 5: conformance

#: (snapshot, params, controls) evaluated on both engines; all of the module's reports.
CONFORMANCE_CASES = {
    "live": ("live", None, None),
    "hardened_daemon": ("hardened_daemon", None, None),
    "hardened_daemon_bad_file": ("hardened_daemon_bad_file", None, None),
    "plain_daemon": ("plain_daemon", None, None),
    "swarm": ("swarm", None, None),
    "swarm_needed": ("swarm", {"swarm_needed": True}, ["7"]),
    "swarm_params": ("swarm", SWARM_PARAMS, ["7"]),
    "swarm_strict_params": ("swarm", STRICT_SWARM_PARAMS, ["7"]),
}


def decisions(report: dockerbench.Report) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [(r.id, r.status, sorted((f.status, f.resource.kind, f.resource.id) for f in r.findings))
            for r in report.results]


@pytest.mark.parametrize("case", list(CONFORMANCE_CASES))
def test_both_engines_decide_every_control_alike(request: pytest.FixtureRequest, reports: Reports,
                                                 installed_engines: list[str], case: str) -> None:
    missing = [e for e in ENGINES if e not in installed_engines]
    if missing:
        unavailable("every engine for the conformance check", f"not installed: {missing}")
    snapshot, params, controls = CONFORMANCE_CASES[case]
    request.getfixturevalue("live" if snapshot == "live" else "private")
    embedded, opa = (decisions(reports.get(snapshot, e, params, controls)) for e in ENGINES)
    assert len(embedded) == len(opa) == (len(embedded) if controls else 105)
    differences = [(a, b) for a, b in zip(embedded, opa, strict=True) if a != b]
    assert differences == [], "\n".join(f"embedded {a}\n     opa {b}" for a, b in differences)


def test_a_classic_builder_healthcheck_image_is_decided_alike_by_both_engines(live: Live, reports: Reports,
                                                                               installed_engines: list[str]) -> None:
    missing = [e for e in ENGINES if e not in installed_engines]
    if missing:
        unavailable("every engine for the conformance check", f"not installed: {missing}")
    image_id = live.images["healthcheck"]
    (image,) = [i for i in live.snapshot.images or [] if i.id == image_id]
    assert any("HEALTHCHECK &{" in (h.created_by or "") for h in image.history), [h.created_by for h in image.history]
    by_engine = {e: {r.id: r for r in reports.get("live", e).results} for e in ENGINES}
    for cid in ("4.7", "4.9", "4.10", "4.11"):
        embedded, opa = by_engine["embedded"][cid], by_engine["opa"][cid]
        assert embedded.status != "error" and embedded.status == opa.status, (cid, embedded.reason, opa.reason)
        assert [f.model_dump() for f in embedded.findings] == [f.model_dump() for f in opa.findings], cid


# ----------------------------------------------------------------------------- 6: the other benchmarks

PROFILES = [b for b in dockerbench.available_benchmarks() if b != DEFAULT_BENCHMARK]


def ancestors(benchmark: str) -> dict[str, str]:
    """Profile control id -> the v1.1.0 control its check is (carried-over controls only)."""
    by_package = {c.package: c.id for c in dockerbench.load_policies().controls.values()}
    return {c.id: by_package[c.package] for c in dockerbench.load_policies(benchmark=benchmark).ordered()
            if c.package in by_package}


def decision(result: dockerbench.ControlResult) -> tuple[Any, ...]:
    """What the check decided, without the control's identity (findings without their control id)."""
    return (result.status, result.reason, result.evidence, result.missing,
            [f.model_dump(exclude={"control_id"}) for f in result.findings])


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("case", list(CONFORMANCE_CASES))
def test_carried_over_controls_decide_as_their_v1_1_0_ancestor_on_every_live_snapshot(
        request: pytest.FixtureRequest, reports: Reports, engine: str, case: str, profile: str) -> None:
    snapshot, params, controls = CONFORMANCE_CASES[case]
    request.getfixturevalue("live" if snapshot == "live" else "private")
    theirs = {r.id: r for r in reports.get(snapshot, engine, params, controls).results}
    mine = reports.get(snapshot, engine, params, None, profile)
    pairs = {cid: a for cid, a in ancestors(profile).items() if a in theirs}
    assert len(pairs) >= (len(theirs) - 2 if controls is None else 1)  # all but 2.13 (dropped) and 1.9 (v1.8.0: own rule)
    differing = [(cid, a) for cid, a in pairs.items() if decision(mine.result(cid)) != decision(theirs[a])]
    assert differing == [], "\n".join(f"{profile} {cid}: {mine.result(cid).status} {mine.result(cid).reason}\n"
                                      f"  v1.1.0 {a}: {theirs[a].status} {theirs[a].reason}" for cid, a in differing)
    for cid in pairs:
        assert {f.control_id for f in mine.result(cid).findings} <= {cid}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("case", list(VARIANTS))
def test_each_variant_is_reported_by_exactly_its_controls_under_the_other_benchmarks(
        live: Live, reports: Reports, engine: str, case: str, profile: str) -> None:
    if case in live.skipped:
        pytest.skip(live.skipped[case])
    if uses_selinux(live.snap):
        pytest.skip("the expectations assume a daemon without SELinux labelling")
    successor = {a: cid for cid, a in ancestors(profile).items()}
    expected = {successor[cid]: status for cid, status in adjusted_for_host(VARIANTS[case].expected, live.snap).items()}
    report = reports.get("live", engine, benchmark=profile)
    cid = live.containers[case]
    got = findings_for(report, cid)
    assert got == expected, f"{case} ({cid[:12]}) on {engine} under {profile}: expected {expected}, got {got}\n" + explain(
        report, cid, set(expected) | set(got))


# ----------------------------------------------------------------------------- 7: the controls new since v1.1.0

#: The audit controls new since v1.1.0 and the file role each audits.
NEW_AUDITED = {"1.1.4": "run_containerd", "1.1.8": "containerd_sock", "1.1.12": "containerd_config",
               "1.1.13": "etc_sysconfig_docker", "1.1.15": "containerd_shim_binary",
               "1.1.16": "containerd_shim_runc_v1_binary", "1.1.17": "containerd_shim_runc_v2_binary"}
NEW_CONTROLS = (*NEW_AUDITED, "2.1", "2.7", "3.21", "3.22", "3.23", "3.24", "4.12")


def containerd_socket_of(dockerd_pid: int) -> str:
    """Where the containerd a dockerd uses listens, read from the processes rather than the snapshot: the
    [grpc] address in the configuration of the containerd it started itself, else the system containerd's."""
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or (proc / "comm").read_text().strip() != "containerd":
                continue
            if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) != dockerd_pid:
                continue
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            config = Path(argv[argv.index(b"--config") + 1].decode())
        except (OSError, ValueError, IndexError):
            continue
        grpc = config.read_text().split("[grpc]", 1)[1]
        return grpc.split('address = "', 1)[1].split('"', 1)[0]
    return "/run/containerd/containerd.sock"


def expected_new_decisions(snap: Snapshot, profile: str) -> dict[str, str]:
    """What the new controls must decide on a snapshot, read from its facts. An audit control whose file is
    named by some rule (this host's rules, if any) is left out: the Rego tests decide those cases."""
    by_role: dict[str, list[Any]] = {}
    for f in snap.files:
        by_role.setdefault(f.role, []).append(f)
    rules = snap.host.audit.loaded if snap.host.audit.loaded is not None else snap.host.audit.persistent
    expected: dict[str, str] = {}
    for cid, role in NEW_AUDITED.items():
        present = [f for f in by_role[role] if f.exists and (role != "containerd_sock" or f.type == "socket")]
        names = {p for f in present for p in (f.path, f.resolved_path) if p}
        if not present:
            expected[cid] = "not_applicable"
        elif rules is None:
            expected[cid] = "error"
        elif not any(r.path and any(n == r.path.rstrip("/") or n.startswith(r.path.rstrip("/") + "/") for n in names)
                     for r in rules):
            expected[cid] = "fail"
    assert snap.daemon.info is not None and snap.daemon.version is not None
    expected["2.1"] = "pass" if "name=rootless" in snap.daemon.info.security_options else "warn"
    if profile == "cis-docker-1.8.0":
        major = int(snap.daemon.version.version.split(".")[0])
        expected["2.7"] = ("not_applicable" if major >= 25 else
                           "fail" if snap.daemon.info.driver == "devicemapper" else "pass")
    if not any(f.exists for f in by_role["etc_sysconfig_docker"]):
        expected["3.21"] = expected["3.22"] = "not_applicable"
    sockets = [f for f in by_role["containerd_sock"] if f.exists and f.type == "socket"]
    expected["3.23"] = "pass" if all((f.uid, f.gid) == (0, 0) for f in sockets) else "fail"
    expected["3.24"] = "pass" if all(f.mode is not None and f.mode & ~0o660 == 0 for f in sockets) else "fail"
    expected["4.12"] = "manual" if snap.images else "not_applicable"
    return expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("case", ["live", "swarm"])
def test_the_new_controls_decide_from_the_live_facts(request: pytest.FixtureRequest, reports: Reports,
                                                     engine: str, case: str, profile: str) -> None:
    request.getfixturevalue("live" if case == "live" else "private")
    snap = reports.snapshots[case]  # "swarm": the private dockerd's last start, still running
    assert snap.daemon.pid is not None
    socket_path = containerd_socket_of(snap.daemon.pid)
    stated = {p for f in snap.files if f.role == "containerd_sock" and f.exists and f.type == "socket"
              for p in (f.path, f.resolved_path)}
    assert socket_path in stated, f"dockerd's containerd listens on {socket_path}; the snapshot has {stated}"
    report = reports.get(case, engine, benchmark=profile)
    expected = expected_new_decisions(snap, profile)
    got = {cid: status_of(report, cid) for cid in expected}
    assert got == expected, describe(report, tuple(expected))


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("case", ["live", "swarm"])
def test_both_engines_decide_the_new_controls_alike(request: pytest.FixtureRequest, reports: Reports,
                                                    installed_engines: list[str], case: str, profile: str) -> None:
    missing = [e for e in ENGINES if e not in installed_engines]
    if missing:
        unavailable("every engine for the conformance check", f"not installed: {missing}")
    request.getfixturevalue("live" if case == "live" else "private")
    ids = [cid for cid in NEW_CONTROLS if profile == "cis-docker-1.8.0" or cid != "2.7"]
    embedded, opa = ([decision(reports.get(case, e, benchmark=profile).result(cid)) for cid in ids] for e in ENGINES)
    assert embedded == opa
