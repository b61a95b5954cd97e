"""Swarm facts from a private dockerd running a one-node, auto-locked swarm.

The shared test daemon must stay out of swarm mode, so this module starts its own dockerd in
its own network namespace (tests/integration/_dockerd.py), inits a swarm there with a secret
and a service, snapshots it, restarts it (an auto-locked manager comes back "locked"),
snapshots again, and stops it by pid; once per Docker Engine (20.10 and 26.1, whose dockerd
scripts/engine26.sh unpacked). Needs root, ``dockerd``, ``nsenter`` and ``ip``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docker.types
import pytest
from _dockerd import PrivateDockerd, require_private_dockerd
from conftest import DockerEngine

import dockerbench
from dockerbench._snapshot import Snapshot, Swarm

pytestmark = pytest.mark.docker

NINETY_DAYS_NS = 90 * 24 * 3600 * 10**9


@dataclass
class SwarmRun:
    active: Snapshot
    locked: Snapshot
    root: Path
    canaries: tuple[str, str]

    @property
    def swarm(self) -> Swarm:
        assert self.active.swarm is not None
        return self.active.swarm


@pytest.fixture(scope="module")
def swarm_run(docker_engine: DockerEngine) -> Iterator[SwarmRun]:
    require_private_dockerd("the swarm tests", docker_engine)
    daemon = PrivateDockerd(docker_engine, prefix="dbt-swarm-")
    try:
        client = daemon.start()
        secret_value, env_value = (f"canary-{uuid.uuid4().hex}" for _ in range(2))
        client.swarm.init(advertise_addr="127.0.0.1", autolock_managers=True)
        secret = client.secrets.create(name="db_pass", data=secret_value.encode())
        spec = docker.types.ContainerSpec(
            image="busybox:latest", command=["sleep", "3600"], env=[f"DB_PASSWORD={env_value}", "PLAIN=1"],
            secrets=[docker.types.SecretReference(secret.id, "db_pass")])
        client.api.create_service(docker.types.TaskTemplate(spec), name="websvc",
                                  mode=docker.types.ServiceMode("replicated", replicas=0))
        active = dockerbench.snapshot(docker_host=daemon.address)
        client.close()
        daemon.stop()
        daemon.start().close()
        locked = dockerbench.snapshot(docker_host=daemon.address)
        yield SwarmRun(active=active, locked=locked, root=daemon.root, canaries=(secret_value, env_value))
    finally:
        daemon.remove()


def test_active_manager_state_from_info(swarm_run: SwarmRun) -> None:
    s = swarm_run.swarm
    assert (s.local_node_state, s.control_available, s.managers, s.nodes, s.node_addr) == (
        "active", True, 1, 1, "127.0.0.1")
    assert s.node_id and (s.autolock, s.root_rotation_in_progress) == (True, False)
    assert s.node_cert_expiry_ns == NINETY_DAYS_NS


def test_node_list_has_the_leader_manager(swarm_run: SwarmRun) -> None:
    nodes = swarm_run.swarm.node_list
    assert nodes is not None and len(nodes) == 1
    node = nodes[0]
    assert (node.id, node.role, node.leader, node.reachability, node.state, node.availability) == (
        swarm_run.swarm.node_id, "manager", True, "reachable", "ready", "active")
    assert node.manager_addr == "127.0.0.1:2377"


def test_secret_names_and_service_env_names_without_values(swarm_run: SwarmRun) -> None:
    s = swarm_run.swarm
    now = swarm_run.active.meta.collected_at_unix
    assert [(x.name, abs((x.created_unix or 0) - now) < 300) for x in s.secrets or []] == [("db_pass", True)]
    services = s.services or []
    assert [(x.name, x.secret_names) for x in services] == [("websvc", ["db_pass"])]
    assert [(e.name, e.looks_secret, e.value) for e in services[0].env] == [
        ("DB_PASSWORD", True, None), ("PLAIN", False, None)]
    text = swarm_run.active.to_json() + swarm_run.locked.to_json()
    assert not [c for c in swarm_run.canaries if c in text]


def test_certificate_validity_and_age(swarm_run: SwarmRun) -> None:
    s, now = swarm_run.swarm, swarm_run.active.meta.collected_at_unix
    certs = swarm_run.root / "data" / "swarm" / "certificates"
    assert s.root_ca is not None and s.node_cert is not None
    assert (s.root_ca.path, s.node_cert.path) == (str(certs / "swarm-root-ca.crt"), str(certs / "swarm-node.crt"))
    for cert in (s.root_ca, s.node_cert):
        assert cert.not_before_unix and cert.not_after_unix and cert.mtime_unix
        assert cert.age_seconds == now - cert.not_before_unix
        assert 0 <= cert.age_seconds < 2 * 3600  # swarmkit backdates certificates by an hour
    node_days = (s.node_cert.not_after_unix - s.node_cert.not_before_unix) / 86400
    root_years = (s.root_ca.not_after_unix - s.root_ca.not_before_unix) / (365 * 86400)
    assert 90 <= node_days <= 91 and 19.9 < root_years < 20.1


def test_locked_manager_after_restart_has_autolock_and_no_manager_lists(swarm_run: SwarmRun) -> None:
    s = swarm_run.locked.swarm
    assert s is not None
    assert (s.local_node_state, s.autolock, s.control_available) == ("locked", True, False)
    assert (s.node_list, s.secrets, s.services) == (None, None, None)


def test_ingress_network_lists_no_swarm_endpoints_as_containers(swarm_run: SwarmRun) -> None:
    networks = swarm_run.active.networks or []
    ingress = [n for n in networks if n.ingress]
    assert [(n.name, n.driver, n.scope) for n in ingress] == [("ingress", "overlay", "swarm")]
    assert all(len(cid) == 64 for n in networks for cid in n.containers)


def test_no_swarm_fact_failed(swarm_run: SwarmRun) -> None:
    assert swarm_run.active.errors_for("swarm") == [] and swarm_run.locked.errors_for("swarm") == []


def test_management_plane_separation_is_manual_with_the_advertise_interface(swarm_run: SwarmRun) -> None:
    result = dockerbench.evaluate(swarm_run.active, controls=["7.10"]).result("7.10")
    assert result.status == "manual", result.reason
    assert result.reason.startswith("this node advertises 127.0.0.1 for swarm management (interface lo);")
    assert result.evidence["advertise_interfaces"] == ["lo"]
    assert [n["addr"] for n in result.evidence["node_addresses"]] == ["127.0.0.1"]
