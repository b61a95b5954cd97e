"""The container dockerbench runs in, on the real test dockerd: found, and never a finding.

A container of the test daemon reads its own /proc/self files (the parsers must name it, with the
host cgroup namespace and with a private one), and then runs dockerbench itself: the busybox image
has no Python, so the container chroots into this machine's root (mounted read-only), where this
checkout and its Python are, and audits the daemon through its socket. It runs with ``--pid host``
and no ``dockerbench.auditor`` label, so only its id keeps it out of control 5.15's findings; a
sibling with ``--pid host`` stays a finding.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import docker
import pytest
from _ci import unavailable
from _live import remove_run
from conftest import TEST_LABEL

from dockerbench.collect import auditor
from dockerbench.collect._api import unix_socket_path

pytestmark = pytest.mark.docker

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_id(docker_client: docker.DockerClient) -> Iterator[str]:
    run = uuid.uuid4().hex[:10]
    yield run
    remove_run(docker_client, run, [])


def _output(client: docker.DockerClient, image: str, run: str, command: list[str], **options) -> tuple[str, str, int]:
    """(container id, stdout, exit code) of a container run to its end."""
    container = client.containers.create(image, command, labels={TEST_LABEL: run}, **options)
    container.start()
    code = container.wait(timeout=300)["StatusCode"]
    return container.id, container.logs(stdout=True, stderr=False).decode(), code


@pytest.mark.parametrize("cgroupns", ["host", "private"])
def test_a_container_finds_its_own_id(docker_client, busybox_image, run_id, cgroupns):
    cid, out, code = _output(docker_client, busybox_image, run_id,
                             ["sh", "-c", "cat /proc/self/cgroup; echo ---; cat /proc/self/mountinfo"], cgroupns=cgroupns)
    assert code == 0, out
    cgroup, mountinfo = out.split("---\n")
    assert auditor.from_mountinfo(mountinfo) == cid  # whatever the cgroup namespace
    if cgroupns == "host" or "/docker" in cgroup:
        assert auditor.from_cgroup(cgroup) == cid
    else:  # a private namespace shows only "/"
        assert auditor.from_cgroup(cgroup) is None


def test_the_container_dockerbench_runs_in_is_never_a_finding(docker_client, docker_host, busybox_image, run_id):
    socket = unix_socket_path(docker_host)
    if not socket:
        unavailable("a test dockerd on a unix socket of this machine", f"it is at {docker_host}")
    root = {"volumes": {"/": {"bind": "/hostfs", "mode": "ro"}}}
    _, out, code = _output(docker_client, busybox_image, run_id,
                           ["chroot", "/hostfs", sys.executable, "-c", "print('ok')"], **root)
    if code != 0 or out.strip() != "ok":  # the daemon does not share this machine's filesystem
        unavailable("a test dockerd whose containers can see this machine's Python", out.strip()[:200])
    sibling = docker_client.containers.run(busybox_image, labels={TEST_LABEL: run_id}, pid_mode="host", detach=True)
    audit = ["chroot", "/hostfs", "env", f"PYTHONPATH={REPO}", sys.executable, "-m", "dockerbench.cli", "-q", "audit",
             "--docker-host", docker_host, "--no-config", "--no-image-scan", "--controls", "5.15", "--format", "json",
             "--fail-on", "never"]
    cid, out, code = _output(docker_client, busybox_image, run_id, audit, pid_mode="host", **root)
    assert code == 0, out[-2000:]
    report = json.loads(out)
    assert report["snapshot_meta"]["auditor_container_id"] == cid
    findings = {f["resource"]["id"] for r in report["results"] for f in r["findings"]}
    assert sibling.id in findings
    assert cid not in findings
