"""Shared fixtures: the real dockerd named by DOCKERBENCH_TEST_DOCKER_HOST, busybox images.

Integration tests never start their own daemon on the default bridge: scripts/test.sh starts
one and exports its address. Without it the docker tests are skipped on a developer machine,
and FAIL under CI=true, so a missing dockerd can never hide behind skips in CI.
"""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from _ci import unavailable

TEST_LABEL = "dockerbench.test"
BUSYBOX = shutil.which("busybox") or "/bin/busybox"


def _docker_host() -> str | None:
    return os.environ.get("DOCKERBENCH_TEST_DOCKER_HOST")


@pytest.fixture(scope="session")
def docker_host() -> str:
    """Address of the test dockerd; skip (developer) or fail (CI) when there is none."""
    import docker

    address = _docker_host()
    problem = None
    if not address:
        problem = "DOCKERBENCH_TEST_DOCKER_HOST is not set (scripts/test.sh starts a dockerd)"
    else:
        try:
            docker.APIClient(base_url=address, version="auto", timeout=10).ping()
        except Exception as e:  # noqa: BLE001 - any failure means: no daemon
            problem = f"dockerd at {address} does not answer: {' '.join(str(e).split())[:200]}"
    if problem:
        unavailable("the real dockerd", problem)
    return address  # type: ignore[return-value]


@pytest.fixture(scope="session")
def docker_client(docker_host: str) -> Iterator["docker.DockerClient"]:  # noqa: F821
    import docker

    client = docker.DockerClient(base_url=docker_host, version="auto", timeout=120)
    yield client
    client.close()


def build_image(client, tag: str, dockerfile: str, files: dict[str, bytes | tuple[bytes, int]] | None = None,
                **build_options) -> str:
    """Build an image FROM scratch with the host's static busybox at /bin/busybox.

    ``files`` maps build-context names to content or (content, mode); ``build_options`` go to
    ``client.images.build`` (e.g. ``buildargs``). Returns the image id.
    """
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        entries: dict[str, tuple[bytes, int]] = {"busybox": (Path(BUSYBOX).read_bytes(), 0o755)}
        for name, value in (files or {}).items():
            entries[name] = value if isinstance(value, tuple) else (value, 0o644)
        entries["Dockerfile"] = (dockerfile.encode(), 0o644)
        for name, (data, mode) in entries.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))
    buf.seek(0)
    image, _ = client.images.build(fileobj=buf, custom_context=True, tag=tag, rm=True,
                                   labels={TEST_LABEL: "1"}, **build_options)
    return image.id


BUSYBOX_BASE = """FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
"""


@pytest.fixture(scope="session")
def busybox_image(docker_client) -> str:
    """Tag of a minimal image: static busybox installed, `sleep 3600` by default."""
    tag = "dockerbench-test/busybox:latest"
    build_image(docker_client, tag, BUSYBOX_BASE + 'CMD ["sleep", "3600"]\n')
    return tag


@pytest.fixture
def unique() -> str:
    """A short unique suffix for names of containers, images and networks a test creates."""
    return uuid.uuid4().hex[:10]
