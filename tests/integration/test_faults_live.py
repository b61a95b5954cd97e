"""Faults of a real daemon while it is audited: it stops mid-collection; a container crash-loops.

Each test runs a private dockerd (its own network namespace, socket and data-root; see
tests/integration/_dockerd.py) so stopping it or filling it with a crash loop touches nothing
else; once per Docker Engine (20.10 and 26.1). Needs root, ``dockerd``, ``nsenter`` and ``ip``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import docker
import pytest
from _dockerd import PrivateDockerd, require_private_dockerd
from conftest import BUSYBOX_BASE, DockerEngine, build_image

import dockerbench

pytestmark = pytest.mark.docker


@pytest.fixture
def private(docker_engine: DockerEngine) -> Iterator[tuple[PrivateDockerd, docker.DockerClient]]:
    require_private_dockerd("the fault tests", docker_engine)
    daemon = PrivateDockerd(docker_engine, prefix="dbt-faults-")
    try:
        client = daemon.start()
        build_image(client, "dbt-busybox:faults", BUSYBOX_BASE + 'CMD ["sleep", "3600"]\n')
        yield daemon, client
    finally:
        daemon.remove()


def test_a_daemon_that_stops_during_collection_is_one_clear_error_with_the_partial_snapshot(private):
    daemon, client = private
    for i in range(3):
        client.containers.create("dbt-busybox:faults", name=f"c{i}")

    def stop_after_connecting(stage: str, done: int, total: int | None) -> None:
        # "host" is reported once GET /version answered, before any list is asked for (the
        # Engine object lists are then read side by side, so a later stop would cut them unevenly).
        if stage == "host" and daemon.process is not None:
            daemon.stop()

    with pytest.raises(dockerbench.CollectionError) as raised:
        dockerbench.snapshot(docker_host=daemon.address, progress=stop_after_connecting, timeout=5)
    message = str(raised.value)
    assert message.startswith(f"lost the connection to the Docker daemon at {daemon.address} during collection: ")
    snap = raised.value.snapshot
    assert isinstance(snap, dockerbench.Snapshot)
    lost = [e for e in snap.meta.errors if e.kind in ("engine_error", "timeout")]
    assert message.endswith(f": {len(lost)} facts missing") and lost
    assert snap.daemon.version is not None  # what was read before it stopped is kept
    assert snap.containers is None  # and what could not be read is not made up


def test_a_crash_looping_container_has_no_processes_and_costs_no_collection_error(private):
    daemon, client = private
    looping = client.containers.run("dbt-busybox:faults", ["false"], name="crashloop", detach=True,
                                    restart_policy={"Name": "always"})
    running = client.containers.run("dbt-busybox:faults", name="steady", detach=True)
    deadline = time.monotonic() + 60
    while client.api.inspect_container(looping.id)["State"]["Status"] != "restarting":
        assert time.monotonic() < deadline, "the container never reached the restarting state"
        time.sleep(0.2)
    snap = dockerbench.snapshot(docker_host=daemon.address, scan_image_files=False)
    by_name = {c.name.lstrip("/"): c for c in snap.containers or []}
    assert by_name["crashloop"].processes == []
    assert [p.command for p in by_name["steady"].processes or []] == ["sleep"]
    assert [e for e in snap.meta.errors if e.section == "containers"] == []
    report = dockerbench.evaluate(snap, controls=["5.6"])
    assert report.result("5.6").status == "pass", report.result("5.6").reason
    running.remove(force=True)
    looping.remove(force=True)
