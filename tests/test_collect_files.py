"""File facts on fixture host trees: modes, owners from the host's own files, symlinks, absent
paths and paths that cannot be inspected; and a snapshot of a host whose daemon is unreachable."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from _hosttree import base_host, link, put

import dockerbench
from dockerbench._snapshot import (
    ConfigFile,
    Daemon,
    EngineInfo,
    FactError,
    FileFact,
    Host,
    Rootless,
    RootlessUser,
    SystemdUnits,
)
from dockerbench.collect import files
from dockerbench.collect._context import Context

MTIME = 1_700_000_000
REPO = Path(dockerbench.__file__).resolve().parents[1]

# Runs files.collect and prints facts and errors as JSON: argv is host_root, Daemon, Host.
RUNNER = """
import json, sys
from pathlib import Path
from dockerbench._snapshot import Daemon, Host
from dockerbench.collect import files
from dockerbench.collect._context import Context
ctx = Context(host_root=Path(sys.argv[1]))
facts = files.collect(ctx, Daemon.model_validate_json(sys.argv[2]), Host.model_validate_json(sys.argv[3]))
print(json.dumps({"facts": [f.model_dump() for f in facts], "errors": [e.model_dump() for e in ctx.errors]}))
"""


def collect_unprivileged(root: Path, daemon: Daemon, host: Host) -> tuple[list[FileFact], list[FactError]]:
    """files.collect run without the power to bypass file permissions.

    As root, a subprocess keeps uid 0 but loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (so
    the interpreter, which may live under a private /root, still runs), which makes directory
    permissions apply exactly as they do for an unprivileged auditor.
    """
    if os.geteuid() != 0:
        ctx = Context(host_root=root)
        return files.collect(ctx, daemon, host), ctx.errors
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is needed to drop root's DAC capabilities")
    out = subprocess.run(
        [setpriv, "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", RUNNER,
         str(root), daemon.model_dump_json(), host.model_dump_json()],
        capture_output=True, text=True, check=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    data = json.loads(out.stdout)
    return [FileFact(**f) for f in data["facts"]], [FactError(**e) for e in data["errors"]]


def owned(path: Path, mode: int, uid: int, gid: int) -> None:
    os.chown(path, uid, gid, follow_symlinks=False)
    os.chmod(path, mode)
    os.utime(path, (MTIME, MTIME))


@pytest.fixture(scope="module")
def host_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A host with unit files, daemon.json, defaults file, TLS files (the key inside a directory
    only its owner may enter), certs.d, a dangling socket link, a data root, and containerd's
    state directory with its socket, its config.toml and one of its shims."""
    root = base_host(tmp_path_factory.mktemp("host"))
    owned(put(root, "/lib/systemd/system/docker.service"), 0o644, 0, 0)
    link(root, "/etc/systemd/system/docker.service", "/lib/systemd/system/docker.service")
    owned(put(root, "/lib/systemd/system/docker.socket"), 0o664, 0, 4242)
    owned(put(root, "/etc/docker/daemon.json", "{}"), 0o640, 1234, 4242)
    owned(put(root, "/etc/default/docker"), 0o477, 5555, 6666)
    owned(put(root, "/etc/docker/certs.d/reg:5000/ca.crt"), 0o644, 0, 0)
    owned(put(root, "/etc/docker/certs.d/reg:5000/client.key"), 0o400, 0, 0)
    put(root, "/etc/docker/tls/key.pem")
    owned(root / "etc/docker/tls", 0o000, 1234, 4242)  # nobody but CAP_DAC_* may look inside
    link(root, "/var/run/docker.sock", "/run/docker.sock")  # dangling: the socket is gone
    (root / "var/lib/docker/swarm/certificates").mkdir(parents=True)
    owned(root / "var/lib/docker", 0o710, 0, 0)
    owned(put(root, "/var/lib/docker/swarm/certificates/swarm-root-ca.crt"), 0o644, 0, 0)
    owned(put(root, "/etc/containerd/config.toml", "version = 2\n"), 0o644, 0, 0)
    owned(put(root, "/usr/bin/containerd-shim-runc-v2"), 0o755, 0, 0)
    (root / "run/containerd").mkdir(parents=True)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "run/containerd/containerd.sock"))
    owned(root / "run/containerd/containerd.sock", 0o660, 0, 4242)
    owned(root / "run/containerd", 0o711, 0, 0)
    return root


DAEMON = Daemon(
    flags={"tlsverify": ["true"], "tlskey": ["/etc/docker/tls/key.pem"], "host": ["unix:///run/alt.sock"]},
    environment={"HOME": "/home/alice"},
    config_file=ConfigFile(path="/etc/docker/daemon.json", state="parsed",
                           content={"tlscacert": "/etc/docker/certs.d/reg:5000/ca.crt"}),
)
HOST = Host(systemd=SystemdUnits(docker_service="/etc/systemd/system/docker.service",
                                 docker_socket="/lib/systemd/system/docker.socket",
                                 socket_listen=["/run/docker.sock", "127.0.0.1:2375"]))


@pytest.fixture(scope="module")
def collected(host_tree: Path) -> tuple[dict[tuple[str, str], FileFact], list[FactError]]:
    facts, errors = collect_unprivileged(host_tree, DAEMON, HOST)
    assert len({(f.role, f.path) for f in facts}) == len(facts), "one fact per (role, path)"
    return {(f.role, f.path): f for f in facts}, errors


def fact(collected, role: str, path: str) -> FileFact:
    return collected[0][(role, path)]


@pytest.mark.parametrize(("role", "path", "mode", "uid", "gid", "owner", "group"), [
    ("docker.socket", "/lib/systemd/system/docker.socket", 0o664, 0, 4242, "root", "docker"),
    ("daemon_json", "/etc/docker/daemon.json", 0o640, 1234, 4242, "alice", "docker"),
    ("etc_default_docker", "/etc/default/docker", 0o477, 5555, 6666, None, None),
    ("certs_d", "/etc/docker/certs.d/reg:5000/client.key", 0o400, 0, 0, "root", "root"),
    ("data_root", "/var/lib/docker", 0o710, 0, 0, "root", "root"),
    ("run_containerd", "/run/containerd", 0o711, 0, 0, "root", "root"),
    ("containerd_sock", "/run/containerd/containerd.sock", 0o660, 0, 4242, "root", "docker"),
    ("containerd_config", "/etc/containerd/config.toml", 0o644, 0, 0, "root", "root"),
    ("containerd_shim_runc_v2_binary", "/usr/bin/containerd-shim-runc-v2", 0o755, 0, 0, "root", "root"),
])
def test_mode_and_owner_are_recorded_exactly(collected, role, path, mode, uid, gid, owner, group) -> None:
    f = fact(collected, role, path)
    assert (f.exists, f.mode, f.mode_octal, f.uid, f.gid, f.owner, f.group) == (
        True, mode, f"{mode:04o}", uid, gid, owner, group)
    assert (f.error_kind, f.error, f.resolved_path) == (None, None, None)


def test_file_under_unreadable_directory_is_unknown_with_permission_error(collected) -> None:
    f = fact(collected, "tls_key", "/etc/docker/tls/key.pem")
    assert (f.exists, f.error_kind, f.mode, f.uid) == (None, "permission", None, None)
    assert f.error == "Permission denied"
    assert [(e.section, e.kind) for e in collected[1] if e.item == f.path] == [("files", "permission")]


def test_only_the_path_that_could_not_be_inspected_is_an_error(collected) -> None:
    assert [e.item for e in collected[1]] == ["/etc/docker/tls/key.pem"]


def test_symlink_is_followed_inside_host_root(collected) -> None:
    f = fact(collected, "docker.service", "/etc/systemd/system/docker.service")
    assert (f.exists, f.type, f.resolved_path, f.mode, f.mtime_unix) == (
        True, "file", "/lib/systemd/system/docker.service", 0o644, MTIME)


def test_dangling_symlink_is_reported_as_the_link(collected) -> None:
    f = fact(collected, "docker_sock", "/var/run/docker.sock")
    assert (f.exists, f.type, f.resolved_path) == (True, "symlink", "/run/docker.sock")


def test_absent_paths_are_facts_not_errors(collected) -> None:
    for role, path in [("etc_sysconfig_docker", "/etc/sysconfig/docker"), ("docker_sock", "/run/alt.sock"),
                       ("docker_sock", "/run/docker.sock"), ("tls_cert", "/home/alice/.docker/cert.pem"),
                       ("swarm_node_cert", "/var/lib/docker/swarm/certificates/swarm-node.crt"),
                       ("containerd_shim_binary", "/usr/bin/containerd-shim"),
                       ("containerd_shim_runc_v1_binary", "/usr/bin/containerd-shim-runc-v1"),
                       ("containerd_sock", "/var/run/docker/containerd/containerd.sock")]:
        f = fact(collected, role, path)
        assert (f.exists, f.error_kind, f.mode) == (False, None, None), path


def test_the_containerd_socket_is_stated_as_a_socket(collected) -> None:
    f = fact(collected, "containerd_sock", "/run/containerd/containerd.sock")
    assert (f.exists, f.type, f.resolved_path) == (True, "socket", None)


def test_certs_d_is_walked_recursively(collected) -> None:
    listed = sorted((role, path) for role, path in collected[0] if role.startswith("certs_d"))
    assert listed == [
        ("certs_d", "/etc/docker/certs.d/reg:5000/ca.crt"),
        ("certs_d", "/etc/docker/certs.d/reg:5000/client.key"),
        ("certs_d_dir", "/etc/docker/certs.d"),
        ("certs_d_dir", "/etc/docker/certs.d/reg:5000"),
    ]


def test_tls_paths_from_daemon_json_flags_and_default_dir(collected) -> None:
    tls = sorted((role, path) for role, path in collected[0] if role.startswith("tls_"))
    assert tls == [("tls_ca", "/etc/docker/certs.d/reg:5000/ca.crt"),
                   ("tls_cert", "/home/alice/.docker/cert.pem"),
                   ("tls_key", "/etc/docker/tls/key.pem")]


def test_swarm_root_ca_is_stated(collected) -> None:
    f = fact(collected, "swarm_root_ca", "/var/lib/docker/swarm/certificates/swarm-root-ca.crt")
    assert (f.exists, f.type, f.mode) == (True, "file", 0o644)


# ----------------------------------------------------------------------------- discovery (in-process)


def roles(root: Path, daemon: Daemon, host: Host) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in files.collect(Context(host_root=root), daemon, host):
        out.setdefault(f.role, []).append(f.path)
    return out


def test_without_tls_no_tls_files_are_listed(tmp_path: Path) -> None:
    assert not [r for r in roles(base_host(tmp_path), Daemon(), Host()) if r.startswith("tls_")]


def test_tls_from_dockerd_environment_uses_its_cert_path(tmp_path: Path) -> None:
    daemon = Daemon(environment={"DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/etc/docker/tls"})
    found = roles(base_host(tmp_path), daemon, Host())
    assert (found["tls_ca"], found["tls_cert"], found["tls_key"]) == (
        ["/etc/docker/tls/ca.pem"], ["/etc/docker/tls/cert.pem"], ["/etc/docker/tls/key.pem"])
    off = daemon.model_copy(update={"flags": {"tlsverify": ["false"]}})
    assert "tls_ca" not in roles(tmp_path, off, Host())


def test_unit_and_data_root_fallbacks_and_engine_root_dir(tmp_path: Path) -> None:
    root = base_host(tmp_path)
    found = roles(root, Daemon(), Host())
    assert found["docker.service"] == ["/etc/systemd/system/docker.service"]
    assert found["docker.socket"] == ["/etc/systemd/system/docker.socket"]
    assert (found["data_root"], found["daemon_json"]) == (["/var/lib/docker"], ["/etc/docker/daemon.json"])
    daemon = Daemon(flags={"data-root": ["/srv/flag"]}, info=EngineInfo(docker_root_dir="/srv/engine"))
    assert roles(root, daemon, Host())["data_root"] == ["/srv/engine"]
    assert roles(root, daemon.model_copy(update={"info": None}), Host())["data_root"] == ["/srv/flag"]


def test_sockets_are_deduplicated_by_path(tmp_path: Path) -> None:
    daemon = Daemon(flags={"host": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376", "fd://"]},
                    config_file=ConfigFile(path="/etc/docker/daemon.json", state="parsed",
                                           content={"hosts": ["unix:///run/x.sock"]}))
    host = Host(systemd=SystemdUnits(socket_listen=["/run/x.sock"]))
    assert roles(base_host(tmp_path), daemon, host)["docker_sock"] == ["/var/run/docker.sock", "/run/x.sock"]


@pytest.mark.parametrize(("daemon", "expected"), [
    (Daemon(), ["/run/containerd/containerd.sock", "/var/run/docker/containerd/containerd.sock"]),
    (Daemon(flags={"exec-root": ["/srv/exec/"]}),
     ["/run/containerd/containerd.sock", "/srv/exec/containerd/containerd.sock"]),
    (Daemon(flags={"containerd": ["/srv/c.sock"], "exec-root": ["/srv/exec"]}), ["/srv/c.sock"]),
    (Daemon(config_file=ConfigFile(path="/etc/docker/daemon.json", state="parsed",
                                   content={"containerd": "unix:///run/alt/containerd.sock"})),
     ["/run/alt/containerd.sock"]),
    (Daemon(flags={"containerd": ["/srv/c.sock"]},
            info=EngineInfo(docker_root_dir="/var/lib/docker", containerd_address="/run/docker/containerd/containerd.sock")),
     ["/run/docker/containerd/containerd.sock"]),
], ids=["defaults", "exec-root", "flag", "daemon.json", "engine-info"])
def test_the_containerd_socket_is_the_one_dockerd_reports_else_configures_else_both_defaults(
        tmp_path: Path, daemon: Daemon, expected: list[str]) -> None:
    """GET /info Containerd.Address (API 1.46+) wins; an older dockerd uses --containerd, else the
    system containerd's socket when it exists, else that of the containerd it starts itself."""
    assert roles(base_host(tmp_path), daemon, Host())["containerd_sock"] == expected


def test_the_fixed_containerd_paths_are_stated_on_every_host(tmp_path: Path) -> None:
    found = roles(base_host(tmp_path), Daemon(), Host())
    assert {r: found[r] for r in ("run_containerd", "containerd_config", "containerd_shim_binary",
                                  "containerd_shim_runc_v1_binary", "containerd_shim_runc_v2_binary")} == {
        "run_containerd": ["/run/containerd"], "containerd_config": ["/etc/containerd/config.toml"],
        "containerd_shim_binary": ["/usr/bin/containerd-shim"],
        "containerd_shim_runc_v1_binary": ["/usr/bin/containerd-shim-runc-v1"],
        "containerd_shim_runc_v2_binary": ["/usr/bin/containerd-shim-runc-v2"]}

# ----------------------------------------------------------------------------- rootless daemon

ROOTLESS_USER = RootlessUser(uid=1234, gid=4242, name="alice", home="/home/alice", xdg_runtime_dir="/run/user/1234",
                             config_dir="/home/alice/.config/docker", data_home="/home/alice/.local/share")
ROOTLESS = Daemon(
    argv=["dockerd"], rootless=Rootless(enabled=True, detected_by=["rootlesskit"], user=ROOTLESS_USER),
    config_file=ConfigFile(path="/home/alice/.config/docker/daemon.json", state="absent"),
)


def marked(root: Path, daemon: Daemon) -> list[tuple[str, str, bool]]:
    """(role, path, rootless) of every fact, in the collector's order."""
    return [(f.role, f.path, f.rootless) for f in files.collect(Context(host_root=root), daemon, Host())]


def test_rootless_daemon_files_are_listed_and_marked(tmp_path: Path) -> None:
    root = base_host(tmp_path)
    put(root, "/home/alice/.config/systemd/user/docker.service")
    put(root, "/home/alice/.config/docker/certs.d/reg:5000/ca.crt")
    own = [(role, path) for role, path, rootless in marked(root, ROOTLESS) if rootless]
    assert own == [
        ("daemon_json", "/home/alice/.config/docker/daemon.json"),
        ("containerd_sock", "/run/user/1234/containerd/containerd.sock"),
        ("containerd_sock", "/run/user/1234/docker/containerd/containerd.sock"),
        ("data_root", "/home/alice/.local/share/docker"),
        ("swarm_root_ca", "/home/alice/.local/share/docker/swarm/certificates/swarm-root-ca.crt"),
        ("swarm_node_cert", "/home/alice/.local/share/docker/swarm/certificates/swarm-node.crt"),
        ("docker_sock", "/run/user/1234/docker.sock"),
        ("etc_docker", "/home/alice/.config/docker"),
        ("certs_d_dir", "/home/alice/.config/docker/certs.d"),
        ("certs_d_dir", "/home/alice/.config/docker/certs.d/reg:5000"),
        ("certs_d", "/home/alice/.config/docker/certs.d/reg:5000/ca.crt"),
        ("docker.service", "/home/alice/.config/systemd/user/docker.service"),
    ]


def test_the_system_files_stay_listed_unmarked_beside_a_rootless_daemon(tmp_path: Path) -> None:
    system = [(role, path) for role, path, rootless in marked(base_host(tmp_path), ROOTLESS) if not rootless]
    for wanted in [("docker.service", "/etc/systemd/system/docker.service"), ("etc_docker", "/etc/docker"),
                   ("docker_sock", "/var/run/docker.sock"), ("certs_d_dir", "/etc/docker/certs.d")]:
        assert wanted in system
    assert ("docker.service", "/home/alice/.config/systemd/user/docker.service") not in system  # absent: not listed


def test_a_rootless_daemon_with_host_flags_listens_there_only(tmp_path: Path) -> None:
    daemon = ROOTLESS.model_copy(update={"flags": {"host": ["unix:///srv/alice/d.sock", "tcp://127.0.0.1:2376"]}})
    sockets = [(path, rootless) for role, path, rootless in marked(base_host(tmp_path), daemon) if role == "docker_sock"]
    assert sockets == [("/var/run/docker.sock", False), ("/srv/alice/d.sock", True)]


@pytest.mark.parametrize(("daemon", "expected"), [
    (ROOTLESS, ["/run/user/1234/containerd/containerd.sock", "/run/user/1234/docker/containerd/containerd.sock"]),
    (ROOTLESS.model_copy(update={"flags": {"exec-root": ["/srv/alice/exec"]}}),
     ["/run/user/1234/containerd/containerd.sock", "/srv/alice/exec/containerd/containerd.sock"]),
    (ROOTLESS.model_copy(update={"info": EngineInfo(docker_root_dir="/home/alice/.local/share/docker",
                                                    containerd_address="/run/user/1234/docker/containerd/containerd.sock")}),
     ["/run/user/1234/docker/containerd/containerd.sock"]),
], ids=["defaults", "exec-root", "engine-info"])
def test_a_rootless_daemons_containerd_socket_is_looked_for_in_its_runtime_dir_and_marked(
        tmp_path: Path, daemon: Daemon, expected: list[str]) -> None:
    """Like moby's honorXDG: the user's containerd ($XDG_RUNTIME_DIR/containerd) when it runs, else
    the one dockerd starts under its exec-root ($XDG_RUNTIME_DIR/docker by default); its user's file."""
    found = [(path, rootless) for role, path, rootless in marked(base_host(tmp_path), daemon) if role == "containerd_sock"]
    assert found == [(path, True) for path in expected]


def test_without_its_runtime_dir_a_rootless_daemons_containerd_socket_is_not_guessed(tmp_path: Path) -> None:
    """The system paths are stated, unmarked (the policies call the rootless daemon's socket missing)."""
    user = ROOTLESS_USER.model_copy(update={"xdg_runtime_dir": None})
    daemon = ROOTLESS.model_copy(update={"rootless": ROOTLESS.rootless.model_copy(update={"user": user})})
    found = [(path, rootless) for role, path, rootless in marked(base_host(tmp_path), daemon) if role == "containerd_sock"]
    assert found == [("/run/containerd/containerd.sock", False), ("/var/run/docker/containerd/containerd.sock", False)]


def test_rootless_data_root_defaults_to_the_users_data_home_without_info(tmp_path: Path) -> None:
    found = roles(base_host(tmp_path), ROOTLESS, Host())
    assert found["data_root"] == ["/home/alice/.local/share/docker"]


def test_a_daemon_that_is_not_rootless_marks_nothing(tmp_path: Path) -> None:
    assert not [f for f in marked(base_host(tmp_path), Daemon()) if f[2]]


# ----------------------------------------------------------------------------- whole snapshot


@pytest.fixture
def unreachable_host(tmp_path: Path) -> Path:
    root = base_host(tmp_path)
    put(root, "/etc/os-release", "ID=debian\nVERSION_ID=12\n")
    (root / "etc/docker").mkdir()
    return root


def test_unreachable_daemon_with_allow_partial_still_has_host_and_file_facts(unreachable_host: Path) -> None:
    snap = dockerbench.snapshot(docker_host="unix:///nonexistent.sock", host_root=unreachable_host,
                                allow_partial=True, timeout=5)
    assert snap.host.os is not None and snap.host.os.id == "debian"
    assert snap.host.groups_collected is True
    etc_docker = next(f for f in snap.files if f.role == "etc_docker")
    assert (etc_docker.exists, etc_docker.type) == (True, "dir")
    engine = {(e.section, e.item) for e in snap.meta.errors if e.kind == "engine_error"}
    assert {("daemon", "daemon.version"), ("daemon", "daemon.info"), ("containers", "containers")} <= engine
    assert (snap.daemon.version, snap.daemon.info, snap.containers) == (None, None, None)


def test_unreachable_daemon_without_allow_partial_raises(unreachable_host: Path) -> None:
    with pytest.raises(dockerbench.CollectionError,
                       match=r"^cannot reach the Docker daemon at unix:///nonexistent\.sock: No such file or directory$") as raised:
        dockerbench.snapshot(docker_host="unix:///nonexistent.sock", host_root=unreachable_host, timeout=5)
    snap = raised.value.snapshot  # what was collected is still there: the host and file facts
    assert snap is not None and snap.host.os is not None and snap.host.os.id == "debian"
    assert [f.role for f in snap.files if f.exists] == ["etc_docker"]


def test_a_container_list_shorter_than_the_daemon_count_is_a_recorded_error() -> None:
    from dockerbench._snapshot import Daemon, EngineInfo
    from dockerbench.collect import _cross_check

    info = EngineInfo(docker_root_dir="/var/lib/docker", containers=21)
    ctx = Context()
    _cross_check(ctx, Daemon(info=info), [])
    assert [(e.section, e.item, e.kind, e.message) for e in ctx.errors] == [
        ("containers", "containers", "invalid", "the daemon reports 21 containers (GET /info) but 0 were listed")]
    longer = Context()  # containers created after GET /info only lengthen the list: no error
    _cross_check(longer, Daemon(info=EngineInfo(docker_root_dir="/", containers=0)), [])
    assert longer.errors == []
