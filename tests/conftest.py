"""Shared fixtures: the real dockerds of the test run (one per Docker Engine), busybox images.

Integration tests never start their own daemon on the default bridge: scripts/test.sh starts
one dockerd per engine and exports their addresses, Debian 12's 20.10 as
DOCKERBENCH_TEST_DOCKER_HOST and Debian 13's 26.1 (scripts/engine26.sh) as
DOCKERBENCH_TEST_DOCKER_HOST_26, with the 26.1 dockerd to run for a private daemon as
DOCKERBENCH_TEST_DOCKERD_26. Every live test runs once per engine (``docker_engine`` is a
session parameter: test ids carry ``docker20.10`` / ``docker26.1``). An engine that is not
there is skipped on a developer machine and FAILS under CI=true, so a missing dockerd can
never hide behind skips in CI.
"""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _ci import unavailable

TEST_LABEL = "dockerbench.test"
BUSYBOX = shutil.which("busybox") or "/bin/busybox"


@dataclass(frozen=True)
class DockerEngine:
    """One Docker Engine the live tests run against: its shared test dockerd and its dockerd binary."""

    name: str  # "20.10": the daemon must report a version starting "20.10."
    host_variable: str  # names the address of the shared test dockerd of this engine
    dockerd_variable: str | None  # names the dockerd to run for a private daemon (None: dockerd on PATH)

    @property
    def address(self) -> str | None:
        return os.environ.get(self.host_variable) or None

    @property
    def dockerd(self) -> str | None:
        """The dockerd command of this engine, or None when it is not there."""
        if self.dockerd_variable is None:
            return shutil.which("dockerd")
        path = os.environ.get(self.dockerd_variable)
        return path if path and os.access(path, os.X_OK) else None

    def is_version(self, version: str) -> bool:
        return version.startswith(f"{self.name}.")

    def __str__(self) -> str:
        return f"docker{self.name}"


DOCKER_ENGINES = (
    DockerEngine("20.10", "DOCKERBENCH_TEST_DOCKER_HOST", None),
    DockerEngine("26.1", "DOCKERBENCH_TEST_DOCKER_HOST_26", "DOCKERBENCH_TEST_DOCKERD_26"),
)


@pytest.fixture(scope="session", autouse=True)
def _cli_engine() -> Iterator[None]:
    """Stop the one embedded engine the in-process CLI tests share (tests/_cli.py), if they ran."""
    yield
    import sys

    cli = sys.modules.get("_cli")
    if cli is not None:
        cli.close_shared()


@pytest.fixture(scope="session", params=DOCKER_ENGINES, ids=str)
def docker_engine(request: pytest.FixtureRequest) -> DockerEngine:
    """The Docker Engine under test: every test that uses it runs once per engine."""
    return request.param


@pytest.fixture(scope="session")
def docker_host(docker_engine: DockerEngine) -> str:
    """Address of the engine's test dockerd; skip (developer) or fail (CI) when there is none."""
    import docker

    address = docker_engine.address
    problem = None
    if not address:
        problem = f"{docker_engine.host_variable} is not set (scripts/test.sh starts a dockerd)"
    else:
        try:
            client = docker.APIClient(base_url=address, version="auto", timeout=10)
            version = client.version().get("Version", "")
            client.close()
            if not docker_engine.is_version(version):
                problem = f"the dockerd at {address} is {version}, not {docker_engine.name}"
        except Exception as e:  # noqa: BLE001 - any failure means: no daemon
            problem = f"dockerd at {address} does not answer: {' '.join(str(e).split())[:200]}"
    if problem:
        unavailable(f"the real dockerd {docker_engine.name}", problem)
    return address  # type: ignore[return-value]


@pytest.fixture(scope="session")
def docker_client(docker_host: str) -> Iterator[docker.DockerClient]:  # noqa: F821
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
