"""What the live integration modules share: waiting for their containers, removing their run."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from typing import Any

import docker
import docker.errors
import pytest
from conftest import TEST_LABEL


def wait_until_settled(client: docker.DockerClient, run: str, started: dict[str, str], sshd_id: str,
                       up_states: tuple[str, ...] = ("running",)) -> None:
    """The started containers (id -> case) are up, and the sshd container is past its shell (exec -a)."""
    deadline = time.monotonic() + 60
    while True:
        mine = client.api.containers(all=True, filters={"label": f"{TEST_LABEL}={run}"})
        states = {c["Id"]: c["State"] for c in mine}
        not_up = {case: states.get(cid, "gone") for cid, case in started.items() if states.get(cid) not in up_states}
        top = client.api.top(sshd_id) if not not_up else {}
        if not not_up and any("sleep 3600" in row[-1] for row in top.get("Processes") or []):
            return
        if time.monotonic() > deadline:
            pytest.fail(f"test containers not up after 60s: {not_up or 'sshd not exec-ed yet'}")
        time.sleep(0.2)


def remove_run(client: docker.DockerClient, run: str, image_ids: Iterable[str]) -> None:
    """Remove the containers, networks and images of one run, ignoring what is already gone."""
    mine = {"label": f"{TEST_LABEL}={run}"}
    for container in client.containers.list(all=True, filters=mine):
        quietly(lambda c=container: c.remove(force=True, v=True))
    for network in client.networks.list(filters=mine):
        quietly(network.remove)
    for image_id in image_ids:
        quietly(lambda i=image_id: client.images.remove(i, force=True))


def quietly(action: Callable[[], Any]) -> None:
    with contextlib.suppress(docker.errors.NotFound, OSError):  # already gone, or (a cgroup, a mount) never made
        action()
