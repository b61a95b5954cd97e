"""A dockerd of a test's own, in its own network namespace, started and stopped by pid.

The shared test daemon (DOCKERBENCH_TEST_DOCKER_HOST) must stay out of swarm mode and keep
its configuration, so tests that need another daemon state start one of these: its own
network namespace (no clash on docker0/iptables with the shared daemon), its own socket,
data-root, exec-root and pidfile under one temporary directory. The dockerd is the one of
the engine under test (conftest.DockerEngine: Debian 12's on PATH, or the 26.1 one that
scripts/engine26.sh unpacked). Needs root, that ``dockerd``, ``nsenter``, ``ip`` and ``unshare``;
:func:`require_private_dockerd` skips (developer) or fails (CI) when they are not there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import docker
import pytest
from _ci import unavailable
from conftest import DockerEngine

TOOLS = ("nsenter", "ip", "unshare")


def require_private_dockerd(purpose: str, engine: DockerEngine) -> None:
    """Skip the caller (or fail it under CI=true) when a private dockerd cannot be started here."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if engine.dockerd is None:
        missing.insert(0, f"dockerd {engine.name}" + (f" ({engine.dockerd_variable})" if engine.dockerd_variable else ""))
    problem = f"missing {', '.join(missing)}" if missing else None if os.geteuid() == 0 else "not root"
    if problem:
        unavailable(f"a private dockerd {engine.name} for {purpose}", problem)


class PrivateDockerd:
    """A dockerd of our own in a fresh network namespace, started and stopped by pid.

    ``start(*extra_args)`` may be called again after ``stop()`` (same data-root, so a swarm or
    images survive a restart), each time with its own extra dockerd arguments (e.g.
    ``--config-file``). ``remove()`` stops it and deletes everything it made. With ``hostname``
    it also runs in a UTS namespace of its own with that hostname (swarm nodes of one machine
    then have names of their own).
    """

    def __init__(self, engine: DockerEngine, prefix: str = "dbt-dockerd-", hostname: str | None = None) -> None:
        assert engine.dockerd, f"no dockerd {engine.name}: call require_private_dockerd first"
        self.dockerd = engine.dockerd
        self.hostname = hostname
        self.netns = f"dbt-{uuid.uuid4().hex[:8]}"
        self.root = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
        self.address = f"unix://{self.root}/docker.sock"
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(["ip", "netns", "add", self.netns], check=True)
        subprocess.run(["ip", "netns", "exec", self.netns, "ip", "link", "set", "lo", "up"], check=True)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def start(self, *extra_args: str) -> docker.DockerClient:
        """Start dockerd (plus ``extra_args``) and return a client once it answers."""
        log = open(self.root / "dockerd.log", "ab")  # noqa: SIM115 - the daemon keeps writing to it
        # nsenter execs dockerd (and the 26.1 wrapper execs its dockerd; unshare and sh exec it
        # too), so the pid we hold IS dockerd's (comm "dockerd", argv with --host).
        uts = ["unshare", "--uts", "--", "sh", "-c", 'hostname "$0" && exec "$@"', self.hostname] if self.hostname else []
        self.process = subprocess.Popen(
            ["nsenter", f"--net=/var/run/netns/{self.netns}", *uts, self.dockerd, "--host", self.address,
             "--data-root", str(self.root / "data"), "--exec-root", str(self.root / "exec"),
             "--pidfile", str(self.root / "docker.pid"), *extra_args],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        client = docker.DockerClient(base_url=self.address, version="auto", timeout=60) if self._wait() else None
        if client is None:
            tail = (self.root / "dockerd.log").read_text(errors="replace")[-2000:]
            self.stop()
            pytest.fail(f"private dockerd did not start:\n{tail}")
        return client

    def _wait(self) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process and self.process.poll() is None:
            try:
                docker.APIClient(base_url=self.address, timeout=5).ping()
                return True
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.3)
        return False

    def stop(self) -> None:
        """Stop the dockerd we started, by its pid (SIGTERM, then SIGKILL after 30 s)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def remove(self) -> None:
        """Stop dockerd, then drop what it leaves mounted (the swarm ingress netns), its netns and files."""
        self.stop()
        for mount_point in sorted(self._mounts(), key=len, reverse=True):
            subprocess.run(["umount", "-l", mount_point], check=False)
        subprocess.run(["ip", "netns", "delete", self.netns], check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _mounts(self) -> list[str]:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
        points = [line.split()[4] for line in lines]
        return [p for p in points if p == str(self.root) or p.startswith(f"{self.root}/")]
