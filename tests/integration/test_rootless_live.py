"""A real rootless dockerd: its facts in the snapshot and the section 1-3 verdicts on its files.

The module creates a user of its own (with subordinate id ranges), gives it an
$XDG_RUNTIME_DIR in /run/user/<uid>, a daemon.json, a user unit (what
dockerd-rootless-setuptool.sh would install) and a registry certificate another user owns
with a wider mode, then runs Debian 12's dockerd-rootless.sh as that user. rootlesskit gives
dockerd its own user, mount and network namespaces (slirp4netns), so the host's interfaces,
routes and iptables are never touched. dockerbench snapshots it as root through
unix://$XDG_RUNTIME_DIR/docker.sock; the daemon is stopped by rootlesskit's pid and the user
and its files are removed at the end.

Needs root, dockerd, /usr/share/docker.io/contrib/dockerd-rootless.sh (docker.io), rootlesskit,
newuidmap/newgidmap (uidmap), slirp4netns, useradd/userdel, setpriv and user namespaces;
skipped on a developer machine without them, failed under CI (scripts/test.sh installs them).
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docker
import pytest
from _ci import unavailable

import dockerbench
from dockerbench._snapshot import FileFact, Snapshot
from dockerbench.engines import available_engines

pytestmark = pytest.mark.docker

SCRIPT = "/usr/share/docker.io/contrib/dockerd-rootless.sh"
TOOLS = ("dockerd", "rootlesskit", "newuidmap", "newgidmap", "slirp4netns", "useradd", "userdel", "setpriv")
#: A uid no file of the daemon's should have: the host's "nobody".
NOBODY = 65534
CONTROLS = ["1.4", "2.8", *(f"3.{n}" for n in range(1, 21))]
CONTAINERD_CONTROLS = ["1.1.8", "3.23", "3.24"]  # CIS v1.8.0: audit rule, owner and mode of containerd's socket


def require_rootless() -> None:
    """Skip (developer) or fail (CI=true) when a rootless dockerd cannot be started here."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not Path(SCRIPT).is_file():
        missing.append(f"{SCRIPT} (docker.io)")
    problem = f"missing {', '.join(missing)}" if missing else None
    if problem is None and os.geteuid() != 0:
        problem = "not root"
    if problem is None and int(Path("/proc/sys/user/max_user_namespaces").read_text()) == 0:
        problem = "user namespaces are disabled (/proc/sys/user/max_user_namespaces is 0)"
    if problem:
        unavailable("a rootless dockerd (rootlesskit, uidmap, slirp4netns)", problem)


@dataclass
class RootlessRun:
    snapshot: Snapshot
    user: pwd.struct_passwd
    runtime_dir: str
    pid: int  # dockerd's, inside rootlesskit
    reports: dict[str, dockerbench.Report]
    containerd_reports: dict[str, dockerbench.Report]  # CIS v1.8.0's containerd socket controls

    @property
    def home(self) -> str:
        return self.user.pw_dir

    def fact(self, role: str, path: str) -> FileFact:
        return next(f for f in self.snapshot.files if (f.role, f.path) == (role, path))


class RootlessDockerd:
    """A throw-away user running dockerd-rootless.sh; started and stopped by pid, then removed."""

    def __init__(self) -> None:
        self.name = f"dbt-rl-{uuid.uuid4().hex[:8]}"
        subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", "--user-group", self.name],
                       check=True, capture_output=True)
        self.user = pwd.getpwnam(self.name)
        self.runtime_dir = f"/run/user/{self.user.pw_uid}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.mkstemp(prefix="dbt-rootless-", suffix=".log", dir="/tmp")[1])
        self._ensure_subids()
        Path(self.runtime_dir).mkdir(parents=True, mode=0o700)
        os.chown(self.runtime_dir, self.user.pw_uid, self.user.pw_gid)

    @property
    def address(self) -> str:
        return f"unix://{self.runtime_dir}/docker.sock"

    def _ensure_subids(self) -> None:
        """Subordinate ids for the user, when useradd did not give them (SUB_UID_COUNT 0)."""
        for path, option in (("/etc/subuid", "--add-subuids"), ("/etc/subgid", "--add-subgids")):
            lines = Path(path).read_text().splitlines() if Path(path).exists() else []
            if any(line.split(":")[0] in (self.name, str(self.user.pw_uid)) for line in lines):
                continue
            top = max([100000, *(int(f[1]) + int(f[2]) for f in (line.split(":") for line in lines) if len(f) == 3)])
            subprocess.run(["usermod", option, f"{top}-{top + 65535}", self.name], check=True, capture_output=True)

    def put(self, path: str, text: str, mode: int, uid: int | None = None) -> None:
        """A file of the user's (or of ``uid``), its directories the user's."""
        target = Path(self.user.pw_dir) / path
        for parent in reversed([p for p in target.parents if str(p).startswith(self.user.pw_dir + "/")]):
            if not parent.exists():
                parent.mkdir(mode=0o755)
                os.chown(parent, self.user.pw_uid, self.user.pw_gid)
        target.write_text(text)
        os.chown(target, self.user.pw_uid if uid is None else uid, self.user.pw_gid)
        os.chmod(target, mode)

    def start(self) -> None:
        env = {"HOME": self.user.pw_dir, "USER": self.name, "LOGNAME": self.name,
               "XDG_RUNTIME_DIR": self.runtime_dir, "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"}
        with self.log.open("ab") as log:
            # setpriv, env and the script exec: the pid we hold is rootlesskit's.
            self.process = subprocess.Popen(
                ["setpriv", f"--reuid={self.user.pw_uid}", f"--regid={self.user.pw_gid}", "--init-groups",
                 "env", "-i", *(f"{k}={v}" for k, v in env.items()), SCRIPT],
                cwd="/", stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if not self._wait():
            tail = self.log.read_text(errors="replace")[-3000:]
            self.remove()
            pytest.fail(f"the rootless dockerd did not start:\n{tail}")

    def _wait(self) -> bool:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and self.process and self.process.poll() is None:
            try:
                docker.APIClient(base_url=self.address, timeout=5).ping()
                return True
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.5)
        return False

    def dockerd_pid(self) -> int | None:
        """The dockerd process the user runs (a descendant of rootlesskit)."""
        return next((pid for pid in self._own_pids() if _comm(pid) == "dockerd"), None)

    def _own_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and entry.stat().st_uid == self.user.pw_uid:
                    pids.append(int(entry.name))
            except OSError:
                continue
        return sorted(pids)

    def stop(self) -> None:
        """SIGTERM to rootlesskit (it stops dockerd), SIGKILL after 30 s; then anything the test
        user still runs, by pid (the user is this module's own)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        for _ in range(20):
            left = self._own_pids()
            if not left:
                return
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.25)

    def remove(self) -> None:
        """Stop the daemon, then delete the user, its home (data root included), its runtime dir."""
        self.stop()
        subprocess.run(["userdel", "--remove", self.name], check=False, capture_output=True)
        shutil.rmtree(self.user.pw_dir, ignore_errors=True)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)
        self.log.unlink(missing_ok=True)


def _comm(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return None


@pytest.fixture(scope="module")
def rootless_run() -> Iterator[RootlessRun]:
    require_rootless()
    daemon = RootlessDockerd()
    try:
        daemon.put(".config/docker/daemon.json", json.dumps({"log-level": "info"}), 0o644)
        daemon.put(".config/systemd/user/docker.service",
                   f"[Service]\nExecStart={SCRIPT}\n[Install]\nWantedBy=default.target\n", 0o644)
        daemon.put(".config/docker/certs.d/registry.example:5000/ca.crt", "not a certificate\n", 0o644, uid=NOBODY)
        daemon.start()
        pid = daemon.dockerd_pid()
        assert pid is not None, "no dockerd process of the test user"
        snap = dockerbench.snapshot(docker_host=daemon.address)
        reports = {engine: dockerbench.evaluate(snap, engine=engine, controls=CONTROLS)
                   for engine in available_engines()}
        containerd_reports = {engine: dockerbench.evaluate(snap, engine=engine, benchmark="cis-docker-1.8.0",
                                                           controls=CONTAINERD_CONTROLS)
                              for engine in available_engines()}
        yield RootlessRun(snapshot=snap, user=daemon.user, runtime_dir=daemon.runtime_dir, pid=pid, reports=reports,
                          containerd_reports=containerd_reports)
    finally:
        daemon.remove()


# ----------------------------------------------------------------------------- facts


def test_the_rootless_dockerd_is_the_one_found_and_rootless_by_every_sign(rootless_run: RootlessRun) -> None:
    d = rootless_run.snapshot.daemon
    assert d.pid == rootless_run.pid
    assert d.info is not None and "name=rootless" in d.info.security_options
    assert (d.rootless.enabled, d.rootless.detected_by) == (True, ["security_options", "process_user", "rootlesskit"])


def test_the_user_it_runs_as_is_recorded(rootless_run: RootlessRun) -> None:
    user, home = rootless_run.snapshot.daemon.rootless.user, rootless_run.home
    assert user is not None
    assert (user.uid, user.gid, user.name, user.group) == (
        rootless_run.user.pw_uid, rootless_run.user.pw_gid, rootless_run.user.pw_name, rootless_run.user.pw_name)
    assert (user.home, user.xdg_runtime_dir, user.config_dir, user.data_home) == (
        home, rootless_run.runtime_dir, f"{home}/.config/docker", f"{home}/.local/share")
    assert user.uid_map and user.uid_map[0].model_dump() == {"inside": 0, "outside": user.uid, "count": 1}


def test_only_the_kept_variables_of_its_environment_are_stored(rootless_run: RootlessRun) -> None:
    d = rootless_run.snapshot.daemon
    assert d.environment == {"HOME": rootless_run.home}
    assert "ROOTLESSKIT" not in rootless_run.snapshot.to_json()


def test_daemon_json_is_read_from_the_users_config_dir(rootless_run: RootlessRun) -> None:
    config = rootless_run.snapshot.daemon.config_file
    assert config is not None
    assert (config.path, config.state, config.content) == (
        f"{rootless_run.home}/.config/docker/daemon.json", "parsed", {"log-level": "info"})


def test_its_own_files_are_listed_marked_and_owned_by_the_user(rootless_run: RootlessRun) -> None:
    home, uid = rootless_run.home, rootless_run.user.pw_uid
    expected = {
        ("docker_sock", f"{rootless_run.runtime_dir}/docker.sock"): "socket",
        ("daemon_json", f"{home}/.config/docker/daemon.json"): "file",
        ("etc_docker", f"{home}/.config/docker"): "dir",
        ("data_root", f"{home}/.local/share/docker"): "dir",
        ("docker.service", f"{home}/.config/systemd/user/docker.service"): "file",
        ("certs_d_dir", f"{home}/.config/docker/certs.d"): "dir",
    }
    for (role, path), kind in expected.items():
        f = rootless_run.fact(role, path)
        assert (f.rootless, f.exists, f.type, f.uid) == (True, True, kind, uid), path


def test_the_socket_is_in_the_docker_group_of_its_namespace_with_the_sticky_bit(rootless_run: RootlessRun) -> None:
    sock = rootless_run.fact("docker_sock", f"{rootless_run.runtime_dir}/docker.sock")
    user, host = rootless_run.snapshot.daemon.rootless.user, rootless_run.snapshot.host
    assert user is not None and user.gid_map is not None
    if host.docker_group is not None:  # dockerd gives it the group "docker" of its namespace's /etc/group
        inside = host.docker_group.gid
        outside = next(r.outside + inside - r.inside for r in user.gid_map if r.inside <= inside < r.inside + r.count)
        assert sock.gid == outside
    assert sock.mode == 0o1660


def test_its_containerd_socket_is_found_in_the_runtime_dir_and_marked(rootless_run: RootlessRun) -> None:
    """dockerd-rootless.sh's dockerd starts its own containerd under its exec-root, $XDG_RUNTIME_DIR/docker
    (GET /info of Engine 20.10 does not name it)."""
    sock = rootless_run.fact("containerd_sock", f"{rootless_run.runtime_dir}/docker/containerd/containerd.sock")
    assert (sock.rootless, sock.exists, sock.type, sock.uid, sock.mode) == (True, True, "socket", rootless_run.user.pw_uid, 0o660)
    system = [f for f in rootless_run.snapshot.files if f.role == "containerd_sock" and not f.rootless]
    assert system == []  # the system containerd's paths are not this daemon's


# ----------------------------------------------------------------------------- verdicts


def _outcome(report: dockerbench.Report) -> dict[str, tuple]:
    return {r.id: (r.status, sorted((f.resource.id, f.message) for f in r.findings)) for r in report.results}


@pytest.fixture(scope="module", params=["embedded", "opa"])
def report(request: pytest.FixtureRequest, rootless_run: RootlessRun) -> dockerbench.Report:
    if request.param not in rootless_run.reports:
        unavailable(f"the {request.param} engine", "not installed")
    return rootless_run.reports[request.param]


def test_engines_agree_on_the_rootless_daemon(rootless_run: RootlessRun) -> None:
    if len(rootless_run.reports) < 2:
        unavailable("two engines", "real OPA is not installed")
    embedded, opa = (_outcome(rootless_run.reports[e]) for e in ("embedded", "opa"))
    assert embedded == opa


@pytest.mark.parametrize("control", ["2.8", "3.1", "3.2", "3.5", "3.6", "3.15", "3.16", "3.17", "3.18"])
def test_the_daemons_own_files_pass(report: dockerbench.Report, control: str) -> None:
    result = report.result(control)
    assert (result.status, result.findings) == ("pass", []), result.reason


def test_ownership_by_the_user_is_said_in_the_reason(report: dockerbench.Report, rootless_run: RootlessRun) -> None:
    name, home = rootless_run.user.pw_name, rootless_run.home
    assert report.result("3.17").reason.endswith(
        f"(the rootless daemon's own files ({home}/.config/docker/daemon.json) are judged as the user's it runs as "
        f"({name}), not root's)")


def test_a_registry_certificate_of_another_user_fails_ownership(report: dockerbench.Report,
                                                                rootless_run: RootlessRun) -> None:
    name, home = rootless_run.user.pw_name, rootless_run.home
    ca = f"{home}/.config/docker/certs.d/registry.example:5000/ca.crt"
    result = report.result("3.7")
    assert result.status == "fail"
    assert [(f.resource.id, f.message) for f in result.findings] == [
        (ca, f"{ca} is owned by nobody:{name}, not {name}:{name} (the user the rootless daemon runs as) or root:root")]


def test_a_registry_certificate_wider_than_0444_fails_its_mode(report: dockerbench.Report,
                                                               rootless_run: RootlessRun) -> None:
    ca = f"{rootless_run.home}/.config/docker/certs.d/registry.example:5000/ca.crt"
    result = report.result("3.8")
    assert result.status == "fail"
    assert [(f.resource.id, f.message) for f in result.findings] == [(ca, f"{ca} has mode 0644, wider than 0444")]


def test_the_user_is_named_among_those_who_control_the_daemon(report: dockerbench.Report,
                                                               rootless_run: RootlessRun) -> None:
    result = report.result("1.4")
    accounts = (result.evidence or {}).get("accounts", {})
    assert accounts.get(rootless_run.user.pw_name) == [f"owner of {rootless_run.runtime_dir}/docker.sock"]
    assert result.status in ("manual", "pass"), result.reason


@pytest.mark.parametrize("engine", ["embedded", "opa"])
def test_its_containerd_socket_is_judged_as_the_users(rootless_run: RootlessRun, engine: str) -> None:
    if engine not in rootless_run.containerd_reports:
        unavailable(f"the {engine} engine", "not installed")
    report, name = rootless_run.containerd_reports[engine], rootless_run.user.pw_name
    sock = f"{rootless_run.runtime_dir}/docker/containerd/containerd.sock"
    owner, mode, audit = (report.result(c) for c in ("3.23", "3.24", "1.1.8"))
    assert (owner.status, owner.findings, mode.status, mode.findings) == ("pass", [], "pass", []), (owner.reason, mode.reason)
    assert owner.reason.endswith(f"(the rootless daemon's own files ({sock}) are judged as the user's it runs as ({name}), not root's)")
    assert audit.status != "error" and sock in {f.resource.id for f in audit.findings} | {audit.reason}, audit.reason
