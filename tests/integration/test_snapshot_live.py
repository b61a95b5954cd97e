"""One snapshot of the real test dockerd, holding every misconfiguration sections 4-6 look for.

Per Docker Engine (tests/conftest.py: 20.10 and 26.1): every test runs against each.

The module fixture builds the images and creates the containers below (all labelled
``dockerbench.test=<run id>``), takes ONE snapshot, and removes everything at the end, also
when a test or the setup fails. Each test checks that the snapshot tells the truth about one
of them. Other containers on the shared daemon are ignored, never counted.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docker
import docker.errors
import pytest
from _live import remove_run, wait_until_settled
from conftest import BUSYBOX_BASE, TEST_LABEL, build_image

import dockerbench
from dockerbench._snapshot import Container, Image, Network, Snapshot, SpecialFile
from dockerbench.collect import containers as containers_collector
from dockerbench.collect._api import unix_socket_path
from dockerbench.collect._context import Context

pytestmark = pytest.mark.docker

SLEEP = 'CMD ["sleep", "3600"]\n'
ENGINE_SECTIONS = ("networks", "images", "containers", "swarm")

#: Image case -> (Dockerfile after the busybox base, extra build-context files).
IMAGES: dict[str, tuple[str, dict[str, bytes]]] = {
    "add": ("ADD added.txt /added.txt\n" + SLEEP, {"added.txt": b"added\n"}),
    # One setuid file survives; one is deleted by a whiteout, one by an opaque directory.
    "setuid": (
        "RUN mkdir -p /usr/local/bin /opt /var/d"
        " && cp /bin/busybox /usr/local/bin/su-copy && chmod 4755 /usr/local/bin/su-copy"
        " && cp /bin/busybox /opt/gone && chmod 4755 /opt/gone"
        " && cp /bin/busybox /var/d/in && chmod 2755 /var/d/in\n"
        "RUN rm /opt/gone && rm -rf /var/d && mkdir /var/d\n" + SLEEP, {}),
    "user_health": ("USER 1000\nHEALTHCHECK --interval=5s --timeout=3s --retries=2 CMD true\n" + SLEEP, {}),
    # comm comes from the executed file's name, argv[0] picks busybox's applet: "sshd" that sleeps.
    "sshd": ('RUN mkdir -p /usr/sbin && cp /bin/busybox /usr/sbin/sshd\n'
             'CMD ["/bin/sh", "-c", "exec -a sleep /usr/sbin/sshd 3600"]\n', {}),
    # A secret in every place a build records one (each {name} is a canary value).
    "canary": ("ARG BUILD_SECRET\nENV API_TOKEN={api_token}\n"
               'RUN test -n "$BUILD_SECRET"\n'
               "RUN echo apt-get update && echo mysql --password={run_password} >/dev/null\n"
               "RUN TOKEN={inline_token} echo hi && export AWS_SECRET_ACCESS_KEY={aws_secret}"
               " && echo curl -u admin:{curl_password} https://user:{url_password}@example.com/ >/dev/null\n"
               'RUN echo "-----BEGIN RSA PRIVATE KEY-----" > /k && echo {pem_body} >> /k'
               ' && echo "-----END RSA PRIVATE KEY-----" >> /k\n'
               "ARG PASSPHRASE\n"
               'RUN ["/bin/busybox", "true"]\n'
               'ARG "<script>x</script>_PASSWORD"={nonid_arg}\nENV "<b>_TOKEN"={nonid_env}\n'
               "LABEL api_key={label_key}\n" + SLEEP, {}),
}

#: Container case -> (image case or None for busybox, started?, docker SDK options).
CONTAINERS: dict[str, tuple[str | None, bool, dict[str, Any]]] = {
    "privileged": (None, False, {"privileged": True}),  # cannot START in this VM; created is enough
    "host_network": (None, True, {"network_mode": "host"}),
    "etc_mount": (None, True, {"volumes": ["/etc:/host-etc:ro"]}),
    "docker_socket": (None, True, {}),  # the socket bind is added once the socket path is known
    "cap_sys_admin": (None, True, {"cap_add": ["SYS_ADMIN"]}),
    "host_pid": (None, True, {"pid_mode": "host"}),
    "port_80": (None, True, {"ports": {"80/tcp": 80}}),
    "restart_always": (None, True, {"restart_policy": {"Name": "always"}}),
    "read_only_memory": (None, True, {"read_only": True, "mem_limit": "64m"}),  # + the user network
    "never_started": (None, False, {"ports": {"8080/tcp": ("127.0.0.1", 8080)}}),
    "sshd": ("sshd", True, {}),
    "user_health": ("user_health", True, {}),
    "env_canary": (None, True, {}),  # + DB_PASSWORD canary and a privileged exec instance
    "paused": (None, True, {}),  # paused once started
}


#: Secret values planted in the images, containers and build args; none may reach the snapshot.
CANARIES = ("db_password", "api_token", "build_secret", "run_password", "inline_token", "aws_secret",
            "curl_password", "url_password", "pem_body", "nonid_arg", "nonid_env", "label_key",
            "passphrase_a", "passphrase_b", "passphrase_c", "process_password", "container_label")


@dataclass
class Live:
    """What the fixture made, and the one snapshot taken of it."""

    run: str
    socket: str
    canaries: dict[str, str]
    images: dict[str, str] = field(default_factory=dict)
    containers: dict[str, str] = field(default_factory=dict)
    network: str = ""
    snapshot: Snapshot | None = None
    progress: list[tuple[str, int, int | None]] = field(default_factory=list)

    @property
    def snap(self) -> Snapshot:
        assert self.snapshot is not None
        return self.snapshot

    def container(self, case: str) -> Container:
        cid = self.containers[case]
        found = [c for c in self.snap.containers or [] if c.id == cid]
        assert found, f"container {case} ({cid[:12]}) is not in the snapshot"
        return found[0]

    def image(self, case: str) -> Image:
        found = [i for i in self.snap.images or [] if i.id == self.images[case]]
        assert found, f"image {case} is not in the snapshot"
        return found[0]

    def network_named(self, name: str) -> Network:
        found = [n for n in self.snap.networks or [] if n.name == name]
        assert found, f"network {name} is not in the snapshot"
        return found[0]


@pytest.fixture(scope="module")
def live(docker_client: docker.DockerClient, docker_host: str, busybox_image: str) -> Iterator[Live]:
    run = uuid.uuid4().hex[:10]
    socket = unix_socket_path(docker_host)
    assert socket, "the test daemon must listen on a unix socket"
    state = Live(run=run, socket=socket, canaries={
        name: f"canary-{name}-{uuid.uuid4().hex}" for name in CANARIES})
    try:
        _build_images(docker_client, state)
        state.network = docker_client.networks.create(f"dbt-net-{run}", internal=True,
                                                      labels={TEST_LABEL: run}).id
        _create_containers(docker_client, state, busybox_image)
        started = {state.containers[case]: case for case, (_, start, _) in CONTAINERS.items() if start}
        wait_until_settled(docker_client, state.run, started, state.containers["sshd"], ("running", "paused"))
        lock = threading.Lock()

        def progress(stage: str, done: int, total: int | None) -> None:
            with lock:
                state.progress.append((stage, done, total))

        state.snapshot = dockerbench.snapshot(docker_host=docker_host, allow_partial=False, progress=progress)
        yield state
    finally:
        remove_run(docker_client, state.run, state.images.values())


def _build_images(client: docker.DockerClient, state: Live) -> None:
    for case, (dockerfile, files) in IMAGES.items():
        text = BUSYBOX_BASE + dockerfile.format(**state.canaries)
        passphrase = " ".join(state.canaries[f"passphrase_{x}"] for x in "abc")  # a value with blanks
        state.images[case] = build_image(client, f"dockerbench-test/live-{case}:{state.run}", text, files,
                                         buildargs={"BUILD_SECRET": state.canaries["build_secret"],
                                                    "PASSPHRASE": passphrase})


def _create_containers(client: docker.DockerClient, state: Live, busybox: str) -> None:
    extra: dict[str, dict[str, Any]] = {
        "docker_socket": {"volumes": [f"{state.socket}:/var/run/docker.sock"]},
        "read_only_memory": {"network": f"dbt-net-{state.run}"},
        "env_canary": {"environment": {"DB_PASSWORD": state.canaries["db_password"]},
                       "labels": {TEST_LABEL: state.run, "db_token": state.canaries["container_label"]},
                       "command": ["sh", "-c", "sleep 3600; true", f"--password={state.canaries['process_password']}"]},
    }
    for case, (image_case, start, options) in CONTAINERS.items():
        image = state.images[image_case] if image_case else busybox
        kwargs = {"name": f"dbt-{case}-{state.run}", "labels": {TEST_LABEL: state.run},
                  **options, **extra.get(case, {})}
        if "command" not in kwargs and image == busybox:
            kwargs["command"] = ["sleep", "3600"]
        container = client.containers.create(image, **kwargs)
        state.containers[case] = container.id
        if start:
            container.start()
    client.api.exec_create(state.containers["env_canary"], ["true"], privileged=True, user="root")
    client.api.pause(state.containers["paused"])


# ----------------------------------------------------------------------------- containers


def test_every_container_of_the_run_is_in_the_snapshot(live: Live) -> None:
    found = {c.id for c in live.snap.containers or []}
    assert set(live.containers.values()) <= found
    assert all(live.container(case).inspected for case in live.containers)


def test_privileged_created_container_is_reported_privileged_and_not_running(live: Live) -> None:
    c = live.container("privileged")
    assert (c.privileged, c.status, c.running, c.pid, c.processes) == (True, "created", False, None, None)


def test_host_network_container_has_network_mode_host(live: Live) -> None:
    c = live.container("host_network")
    assert (c.network_mode, c.networks) == ("host", ["host"])


def test_etc_mounted_read_only_is_a_bind_mount_of_etc(live: Live) -> None:
    c = live.container("etc_mount")
    assert [(m.type, m.source, m.destination, m.rw, m.mode) for m in c.mounts] == [
        ("bind", "/etc", "/host-etc", False, "ro")]
    assert c.binds == ["/etc:/host-etc:ro"]
    assert c.mounts[0].propagation == "rprivate"


def test_docker_socket_mount_names_the_daemon_socket(live: Live) -> None:
    c = live.container("docker_socket")
    assert [(m.source, m.destination, m.rw) for m in c.mounts] == [(live.socket, "/var/run/docker.sock", True)]


def test_added_capability_is_listed_in_canonical_form(live: Live) -> None:
    c = live.container("cap_sys_admin")
    assert (c.cap_add, c.cap_drop, c.running) == (["CAP_SYS_ADMIN"], [], True)


def test_host_pid_namespace_is_reported(live: Live) -> None:
    assert live.container("host_pid").pid_mode == "host"
    assert live.container("etc_mount").pid_mode == ""


def test_published_port_80_is_the_effective_binding_of_a_running_container(live: Live) -> None:
    ports = {(p.container_port, p.protocol, p.host_ip, p.host_port) for p in live.container("port_80").ports}
    assert (80, "tcp", "0.0.0.0", 80) in ports
    assert {p[0] for p in ports} == {80}


def test_restart_policy_always(live: Live) -> None:
    policy = live.container("restart_always").restart_policy
    assert (policy.name, policy.maximum_retry_count) == ("always", 0)


def test_read_only_rootfs_and_memory_limit(live: Live) -> None:
    c = live.container("read_only_memory")
    assert (c.readonly_rootfs, c.memory) == (True, 64 * 1024 * 1024)
    assert (live.container("etc_mount").readonly_rootfs, live.container("etc_mount").memory) == (False, 0)


def test_never_started_container_has_requested_ports_and_no_runtime_facts(live: Live) -> None:
    c = live.container("never_started")
    assert (c.status, c.running, c.pid, c.host_uid, c.processes, c.health_status) == (
        "created", False, None, None, None, None)
    assert [(p.container_port, p.host_ip, p.host_port) for p in c.ports] == [(8080, "127.0.0.1", 8080)]


def test_sshd_in_a_container_is_seen_by_its_process_name(live: Live) -> None:
    processes = live.container("sshd").processes
    assert processes is not None
    assert [p.command for p in processes] == ["sshd"]
    assert processes[0].pid == live.container("sshd").pid
    assert processes[0].args == "sleep 3600"


def test_running_container_has_processes_host_uid_and_its_image_user(live: Live) -> None:
    c = live.container("user_health")
    assert (c.user, c.host_uid, c.running) == ("1000", 1000, True)
    assert c.processes is not None and [p.command for p in c.processes] == ["sleep"]
    assert live.container("etc_mount").host_uid == 0


def test_container_health_check_and_status(live: Live) -> None:
    c = live.container("user_health")
    assert c.health_status in ("starting", "healthy")
    assert c.healthcheck is not None and c.healthcheck.test == ["CMD-SHELL", "true"]
    assert (live.container("etc_mount").health_status, live.container("etc_mount").healthcheck) == (None, None)


def test_exec_instance_with_privileged_and_user_is_recorded(live: Live) -> None:
    execs = live.container("env_canary").exec_instances
    assert execs is not None
    assert [(e.privileged, e.user, e.running) for e in execs] == [(True, "root", False)]
    assert live.container("etc_mount").exec_instances == []


def test_paused_container_counts_as_running_with_its_processes(live: Live) -> None:
    c = live.container("paused")
    assert (c.status, c.running, c.pid is not None) == ("paused", True, True)
    assert c.processes is not None and [p.command for p in c.processes] == ["sleep"]


def test_list_entry_alone_gives_the_list_facts_marked_not_inspected(live: Live, docker_client) -> None:
    """What a container becomes when its inspect fails: the list facts, never invented ones."""
    entry = docker_client.api.containers(all=True, filters={"id": live.containers["port_80"]})[0]
    c = containers_collector.from_list(entry)
    assert (c.inspected, c.id, c.name, c.running, c.image_id) == (
        False, live.containers["port_80"], f"dbt-port_80-{live.run}", True, live.container("port_80").image_id)
    assert (80, "tcp", "0.0.0.0", 80) in {(p.container_port, p.protocol, p.host_ip, p.host_port) for p in c.ports}
    entry = docker_client.api.containers(all=True, filters={"id": live.containers["etc_mount"]})[0]
    assert containers_collector.from_list(entry).mounts == live.container("etc_mount").mounts


def test_host_uid_of_a_pid_outside_the_container_is_refused(live: Live) -> None:
    """A /proc of another PID namespace would show some other process: the cgroup check catches it."""
    ctx = Context()
    other_pid = live.container("sshd").pid
    assert other_pid is not None
    assert containers_collector._host_uid(ctx, live.containers["etc_mount"], "etc_mount", other_pid) is None
    assert [(e.section, e.kind) for e in ctx.errors] == [("containers", "unsupported")]


def test_log_driver_and_default_namespaces(live: Live) -> None:
    c = live.container("etc_mount")
    assert c.log_driver == "json-file"
    # Created without a network: Engine 20.10 records NetworkMode "default", 26.1 "bridge" (both
    # docker0); the snapshot says bridge for both (tests/test_api_drift.py has the raw answers).
    assert (c.privileged, c.network_mode, c.uts_mode, c.userns_mode) == (False, "bridge", "", "")
    assert c.labels == {TEST_LABEL: live.run}


# ----------------------------------------------------------------------------- images


def test_image_user_and_healthcheck(live: Live) -> None:
    image = live.image("user_health")
    assert image.user == "1000"
    assert image.healthcheck is not None
    hc = image.healthcheck
    assert (hc.test, hc.interval_ns, hc.timeout_ns, hc.retries) == (["CMD-SHELL", "true"], 5_000_000_000,
                                                                    3_000_000_000, 2)
    assert (live.image("add").user, live.image("add").healthcheck) == ("", None)


def test_add_instruction_is_in_the_history_and_copy_base_is_not_add(live: Live) -> None:
    history = live.image("add").history
    assert history is not None
    adds = [h.created_by for h in history if " ADD " in h.created_by]
    assert len(adds) == 1 and adds[0].rstrip().endswith("in /added.txt")
    assert "COPY file:" in history[0].created_by  # oldest first: the busybox base layer


def test_history_marks_metadata_entries_as_empty_layers(live: Live) -> None:
    history = live.image("add").history or []
    marked = {h.created_by.split()[3]: h.empty_layer for h in history if "#(nop)" in h.created_by}
    assert (marked["CMD"], marked["ADD"], marked["COPY"]) == (True, False, False)
    assert all(h.created_unix and h.created_unix > 1_500_000_000 for h in history)


def test_setuid_file_is_found_and_files_deleted_by_later_layers_are_not(live: Live) -> None:
    assert live.image("setuid").setuid_files == [
        SpecialFile(path="/usr/local/bin/su-copy", mode=0o4755, setuid=True, setgid=False)]
    assert live.image("add").setuid_files == []


def test_image_tags_ids_and_sizes(live: Live) -> None:
    image = live.image("add")
    assert image.repo_tags == [f"dockerbench-test/live-add:{live.run}"]
    assert image.id.startswith("sha256:") and image.size and image.size > 1_000_000
    assert image.created_unix and image.created_unix > 1_500_000_000
    assert image.labels == {TEST_LABEL: "1"}


# ----------------------------------------------------------------------------- secrets


def test_env_and_build_arg_canaries_are_nowhere_in_the_snapshot(live: Live) -> None:
    text = live.snap.to_json()
    for canary in live.canaries.values():
        assert canary not in text
    assert [(e.name, e.looks_secret, e.value) for e in live.container("env_canary").env if e.name == "DB_PASSWORD"] == [
        ("DB_PASSWORD", True, None)]
    assert [(e.name, e.looks_secret, e.value) for e in live.image("canary").env if e.name == "API_TOKEN"] == [
        ("API_TOKEN", True, None)]
    history = [h.created_by for h in live.image("canary").history or []]
    assert "/bin/sh -c #(nop)  ENV API_TOKEN=<redacted>" in history
    assert '|1 BUILD_SECRET=<redacted> /bin/sh -c test -n "$BUILD_SECRET"' in history
    assert "|1 BUILD_SECRET=<redacted> /bin/sh -c echo apt-get update && echo mysql --password=<redacted> >/dev/null" in history
    assert ("|1 BUILD_SECRET=<redacted> /bin/sh -c TOKEN=<redacted> echo hi && export AWS_SECRET_ACCESS_KEY=<redacted>"
            " && echo curl -u admin:<redacted> https://user:<redacted>@example.com/ >/dev/null") in history
    assert "|2 BUILD_SECRET=<redacted> PASSPHRASE=<redacted>" in history
    assert "/bin/sh -c #(nop)  ARG <script>x</script>_PASSWORD=<redacted>" in history
    assert live.image("canary").labels["api_key"] == "<redacted>"
    container = live.container("env_canary")
    assert container.labels["db_token"] == "<redacted>"
    assert [p.args for p in container.processes or [] if p.command == "sh"] == ["sh -c sleep 3600; true --password=<redacted>"]


def test_env_values_are_kept_only_when_asked_and_build_args_never(live: Live, docker_host: str) -> None:
    snap = dockerbench.snapshot(docker_host=docker_host, include_env_values=True, scan_image_files=False)
    assert snap.meta.include_env_values
    container = next(c for c in snap.containers or [] if c.id == live.containers["env_canary"])
    image = next(i for i in snap.images or [] if i.id == live.images["canary"])
    assert {e.name: e.value for e in container.env}["DB_PASSWORD"] == live.canaries["db_password"]
    assert {e.name: e.value for e in image.env}["API_TOKEN"] == live.canaries["api_token"]
    assert live.canaries["build_secret"] not in snap.to_json()
    assert image.setuid_files is None and not snap.errors_for("images")


# ----------------------------------------------------------------------------- networks, swarm


def test_default_bridge_lists_the_running_containers_attached_to_it(live: Live) -> None:
    bridges = [n for n in live.snap.networks or [] if n.is_default_bridge]
    assert [n.name for n in bridges] == ["bridge"]
    attached = set(bridges[0].containers)
    assert live.containers["sshd"] in attached
    assert not {live.containers[c] for c in ("never_started", "host_network", "read_only_memory")} & attached
    assert bridges[0].options["com.docker.network.bridge.name"] == "docker0"


def test_user_network_is_internal_and_knows_its_container(live: Live) -> None:
    network = live.network_named(f"dbt-net-{live.run}")
    assert (network.id, network.driver, network.internal, network.is_default_bridge) == (
        live.network, "bridge", True, False)
    assert network.containers == [live.containers["read_only_memory"]]
    assert live.container("read_only_memory").networks == [network.name]


def test_swarm_state_matches_the_engine(live: Live, docker_client: docker.DockerClient) -> None:
    swarm = live.snap.swarm
    assert swarm is not None
    assert swarm.local_node_state == docker_client.info()["Swarm"]["LocalNodeState"]
    if swarm.local_node_state == "inactive":
        assert (swarm.node_list, swarm.secrets, swarm.services, swarm.root_ca) == (None, None, None, None)


# ----------------------------------------------------------------------------- cost and errors


def test_no_engine_fact_failed(live: Live) -> None:
    assert [e for e in live.snap.meta.errors if e.section in ENGINE_SECTIONS] == []


def test_api_calls_are_per_object_not_per_control(live: Live) -> None:
    snap = live.snap
    containers, images, networks = snap.containers or [], snap.images or [], snap.networks or []
    per_object = (1 + len(containers) + sum(c.running for c in containers)
                  + sum(len(c.exec_instances or []) for c in containers)
                  + 1 + 2 * len(images) + 1 + len(networks))  # one export of all images together
    constant = 10  # /version, /info and the like
    assert snap.meta.api_calls <= per_object + constant
    unscanned = dockerbench.snapshot(docker_host=snap.meta.docker_host, scan_image_files=False)
    assert snap.meta.api_calls - unscanned.meta.api_calls == 1  # the layer scan: one grouped export


def test_progress_is_reported_for_every_container(live: Live) -> None:
    stages = [p for p in live.progress if p[0] == "containers"]
    total = stages[-1][2]
    assert total is not None and total >= len(live.containers)
    assert [done for _, done, _ in stages] == list(range(total + 1))
    assert ("images", len(live.snap.images or []), len(live.snap.images or [])) in live.progress
