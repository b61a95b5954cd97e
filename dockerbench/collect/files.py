"""File facts: stat() of every path a control needs.

Paths come from the daemon and host facts (unit files from systemd, daemon.json from
``--config-file``, sockets from ``-H``/``hosts``/``ListenStream``, TLS files from flags or
daemon.json, the data root from ``GET /info``, the containerd socket from ``GET /info`` or
``--containerd``) plus the benchmark's fixed paths. A rootless daemon's own files (its socket and
its containerd's in $XDG_RUNTIME_DIR, ~/.config/docker with daemon.json and certs.d, its data
root, TLS files, the user's systemd unit) are listed too, marked ``rootless``. Files are only
stat'ed, never opened: key material stays unread. Symlinks are resolved inside host_root and
owner/group names come from the host's /etc/passwd and /etc/group, not the auditor's NSS.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Callable
from typing import Any, Literal

from .._snapshot import Daemon, FileFact, Host
from ._api import unix_socket_path
from ._context import Context, error_kind, one_line
from ._hostfs import host_file, is_absent, parse_group, parse_passwd, read_required, resolve
from .daemon import DEFAULT_CONFIG
from .host import UNIT_DIRS

SECTION = "files"
DEFAULT_SOCKET = "/var/run/docker.sock"
DEFAULT_DATA_ROOT = "/var/lib/docker"
DEFAULT_EXEC_ROOT = "/var/run/docker"
#: The socket of a system containerd (containerd's default), which dockerd uses when it exists.
CONTAINERD_SOCKET = "/run/containerd/containerd.sock"
CERTS_D = "/etc/docker/certs.d"
#: (role, path) stat'ed on every host.
FIXED = (
    ("etc_docker", "/etc/docker"),
    ("etc_default_docker", "/etc/default/docker"),
    ("etc_sysconfig_docker", "/etc/sysconfig/docker"),
    ("docker_binary", "/usr/bin/docker"),
    ("dockerd_binary", "/usr/bin/dockerd"),
    ("containerd_legacy_binary", "/usr/bin/docker-containerd"),
    ("containerd_binary", "/usr/bin/containerd"),
    ("containerd_shim_binary", "/usr/bin/containerd-shim"),
    ("containerd_shim_runc_v1_binary", "/usr/bin/containerd-shim-runc-v1"),
    ("containerd_shim_runc_v2_binary", "/usr/bin/containerd-shim-runc-v2"),
    ("run_containerd", "/run/containerd"),
    ("containerd_config", "/etc/containerd/config.toml"),
    ("runc_legacy_binary", "/usr/bin/docker-runc"),
    ("runc_binary", "/usr/bin/runc"),
)
#: (role, path) listed only where they exist (alternative install locations).
WHERE_PRESENT = (("runc_binary", "/usr/sbin/runc"),)
#: (role, daemon option, default file name in the daemon's cert directory).
TLS_FILES = (("tls_ca", "tlscacert", "ca.pem"), ("tls_cert", "tlscert", "cert.pem"),
             ("tls_key", "tlskey", "key.pem"))
SWARM_CERTS = (("swarm_root_ca", "swarm-root-ca.crt"), ("swarm_node_cert", "swarm-node.crt"))

FileType = Literal["file", "dir", "socket", "symlink", "other"]
_TYPES: tuple[tuple[Callable[[int], bool], FileType], ...] = (
    (stat.S_ISREG, "file"), (stat.S_ISDIR, "dir"), (stat.S_ISSOCK, "socket"), (stat.S_ISLNK, "symlink"))
Names = tuple[dict[int, str], dict[int, str]]


def collect(ctx: Context, daemon: Daemon, host: Host) -> list[FileFact]:
    """One FileFact per (role, path), in a stable order."""
    names = _host_names(ctx)
    wanted = dict.fromkeys(_wanted(ctx, daemon, host))
    own, own_errors = _rootless_files(ctx, daemon)
    wanted.update(own)
    cert_paths, listing_errors = _certs_d(ctx, CERTS_D)
    wanted.update(dict.fromkeys(cert_paths))
    listing_errors.update(own_errors)
    facts = [stat_fact(ctx, role, path, names, listing_errors.get(path)) for role, path in wanted]
    return [f.model_copy(update={"rootless": True}) if (f.role, f.path) in own else f for f in facts]


# ----------------------------------------------------------------------------- stat


def stat_fact(ctx: Context, role: str, path: str, names: Names, listing_error: OSError | None = None) -> FileFact:
    """stat() of a host path, following symlinks inside host_root.

    Absent gives ``exists=False`` (a fact, not an error); a path that cannot be inspected gives
    ``exists=None`` with the reason, also recorded as a FactError. A dangling symlink is
    described as the link itself (type "symlink", resolved_path its missing target).
    """
    try:
        link = posixpath.join(resolve(ctx.host_root, posixpath.dirname(path)), posixpath.basename(path))
        st = os.lstat(ctx.path(link))
    except OSError as e:
        return FileFact(role=role, path=path, exists=False) if is_absent(e) else _failed(ctx, role, path, e)
    resolved = link
    if stat.S_ISLNK(st.st_mode):
        try:
            resolved = resolve(ctx.host_root, link)
            st = os.lstat(ctx.path(resolved))
        except OSError as e:
            if not is_absent(e):
                return _failed(ctx, role, path, e)
    fact = FileFact(
        role=role, path=path, exists=True,
        type=next((name for test, name in _TYPES if test(st.st_mode)), "other"),
        resolved_path=resolved if resolved != path else None,
        uid=st.st_uid, gid=st.st_gid, owner=names[0].get(st.st_uid), group=names[1].get(st.st_gid),
        mode=stat.S_IMODE(st.st_mode), mode_octal=f"{stat.S_IMODE(st.st_mode):04o}",
        mtime_unix=int(st.st_mtime),
    )
    if listing_error is None:
        return fact
    ctx.record_exc(SECTION, path, listing_error)
    return fact.model_copy(update={"error_kind": error_kind(listing_error),
                                   "error": f"cannot list directory: {one_line(listing_error)}"})


def _failed(ctx: Context, role: str, path: str, exc: OSError) -> FileFact:
    ctx.record_exc(SECTION, path, exc)
    return FileFact(role=role, path=path, exists=None, error_kind=error_kind(exc), error=one_line(exc))


def _host_names(ctx: Context) -> Names:
    """uid -> user name and gid -> group name from the host's own files (first entry wins)."""
    passwd = read_required(ctx, SECTION, "/etc/passwd") or ""
    groups = read_required(ctx, SECTION, "/etc/group") or ""
    users: dict[int, str] = {}
    for entry in parse_passwd(passwd):
        users.setdefault(entry.uid, entry.name)
    gids: dict[int, str] = {}
    for group in parse_group(groups):
        gids.setdefault(group.gid, group.name)
    return users, gids


# ----------------------------------------------------------------------------- discovery


def _wanted(ctx: Context, daemon: Daemon, host: Host) -> list[tuple[str, str]]:
    """Every (role, path) to stat except the certs.d walk."""
    config = daemon.config_file.content if daemon.config_file and daemon.config_file.content else {}
    data_root = _data_root(daemon, config)
    wanted = [
        ("docker.service", host.systemd.docker_service or f"{UNIT_DIRS[0]}/docker.service"),
        ("docker.socket", host.systemd.docker_socket or f"{UNIT_DIRS[0]}/docker.socket"),
        ("daemon_json", daemon.config_file.path if daemon.config_file else DEFAULT_CONFIG),
        *FIXED,
        *[("docker_sock", path) for path in _sockets(daemon, host, config)],
        *[("containerd_sock", path) for path in _containerd_sockets(daemon, config)],
        ("data_root", data_root),
        *_tls_files(daemon, config),
        *[(role, f"{data_root.rstrip('/')}/swarm/certificates/{name}") for role, name in SWARM_CERTS],
    ]
    if daemon.exe:
        wanted.append(("dockerd_binary", daemon.exe))
    wanted += [(role, path) for role, path in WHERE_PRESENT if _present(ctx, path)]
    return wanted


def _present(ctx: Context, path: str) -> bool:
    try:
        host_file(ctx, path).lstat()
        return True
    except OSError:
        return False


def _last(daemon: Daemon, flag: str) -> str | None:
    """The value of the last --flag on dockerd's command line (the one that wins)."""
    values = daemon.flags.get(flag)
    return values[-1] if values else None


def _option(daemon: Daemon, config: dict[str, Any], flag: str, *keys: str) -> str | None:
    """A daemon string option: the last --flag value, else the first daemon.json key set."""
    value = _last(daemon, flag)
    if value is not None:
        return value
    return next((config[k] for k in keys if isinstance(config.get(k), str) and config[k]), None)


def _data_root(daemon: Daemon, config: dict[str, Any]) -> str:
    if daemon.info is not None:
        return daemon.info.docker_root_dir
    user = daemon.rootless.user
    default = f"{user.data_home}/docker" if user is not None and user.data_home else DEFAULT_DATA_ROOT
    return _option(daemon, config, "data-root", "data-root", "graph") or default


def _sockets(daemon: Daemon, host: Host, config: dict[str, Any]) -> list[str]:
    """The default socket plus every unix socket dockerd or docker.socket is told to listen on."""
    hosts = config.get("hosts")
    addresses = [*daemon.flags.get("host", []), *([hosts] if isinstance(hosts, str) else hosts or [])]
    paths = [unix_socket_path(a) for a in addresses if isinstance(a, str)]
    listen = [p for p in host.systemd.socket_listen if p.startswith("/")]
    return list(dict.fromkeys([DEFAULT_SOCKET, *(p for p in paths if p), *listen]))


def _containerd_sockets(daemon: Daemon, config: dict[str, Any]) -> list[str]:
    """The containerd socket dockerd uses (:func:`_located_containerd_sockets`); where that is
    unknown, the two an older dockerd chooses between: the system containerd's, which it uses
    when that socket exists, and that of the containerd it then starts itself
    (<exec-root>/containerd/containerd.sock)."""
    located = _located_containerd_sockets(daemon, config)
    if located is not None:
        return located
    exec_root = _option(daemon, config, "exec-root", "exec-root") or DEFAULT_EXEC_ROOT
    return [CONTAINERD_SOCKET, f"{exec_root.rstrip('/')}/containerd/containerd.sock"]


def _located_containerd_sockets(daemon: Daemon, config: dict[str, Any]) -> list[str] | None:
    """The containerd socket GET /info Containerd.Address (API 1.46+) names, else the one
    --containerd / "containerd" configures. A rootless dockerd without either looks in its
    user's XDG_RUNTIME_DIR for both of an older dockerd's choices (containerd/containerd.sock
    there; its exec-root defaults to docker/ there). None when none of these is known (and a
    rootless daemon's socket is left for the policies to call missing)."""
    address = (daemon.info.containerd_address if daemon.info else None) or _option(daemon, config, "containerd", "containerd")
    if address:
        path = unix_socket_path(address) or address
        return [path] if path.startswith("/") else []
    runtime_dir = _rootless_runtime_dir(daemon)
    if runtime_dir is None:
        return None
    exec_root = _option(daemon, config, "exec-root", "exec-root") or f"{runtime_dir}/docker"
    return [f"{runtime_dir}/containerd/containerd.sock", f"{exec_root.rstrip('/')}/containerd/containerd.sock"]


def _tls_files(daemon: Daemon, config: dict[str, Any]) -> list[tuple[str, str]]:
    """TLS CA/cert/key: explicit paths, else dockerd's defaults when TLS is on."""
    default_dir = _cert_dir(daemon) if _tls_on(daemon, config) else None
    found = []
    for role, option, default in TLS_FILES:
        path = _option(daemon, config, option, option)
        if path is None and default_dir is not None:
            path = f"{default_dir.rstrip('/')}/{default}"
        if path is not None:
            found.append((role, path))
    return found


def _tls_on(daemon: Daemon, config: dict[str, Any]) -> bool:
    """--tls/--tlsverify (flag or daemon.json), or DOCKER_TLS_VERIFY in dockerd's environment
    (which only sets --tlsverify's default, so an explicit --tlsverify=false wins)."""
    if "true" in (_last(daemon, "tls"), _last(daemon, "tlsverify")):
        return True
    if config.get("tls") is True or config.get("tlsverify") is True:
        return True
    return bool(daemon.environment.get("DOCKER_TLS_VERIFY")) and _last(daemon, "tlsverify") != "false"


def _cert_dir(daemon: Daemon) -> str:
    """dockerd's default cert directory: DOCKER_CERT_PATH, else (older engines) DOCKER_CONFIG,
    else $HOME/.docker of the daemon, else root's."""
    env = daemon.environment
    if env.get("DOCKER_CERT_PATH"):
        return env["DOCKER_CERT_PATH"]
    if env.get("DOCKER_CONFIG"):
        return env["DOCKER_CONFIG"]
    return f"{env.get('HOME') or '/root'}/.docker"


def _certs_d(ctx: Context, top: str) -> tuple[list[tuple[str, str]], dict[str, OSError]]:
    """certs.d itself, every directory ("certs_d_dir") and file ("certs_d") below it, and the
    directories that could not be listed (their error goes on their FileFact)."""
    found: list[tuple[str, str]] = [("certs_d_dir", top)]
    errors: dict[str, OSError] = {}
    pending = [top]
    while pending:
        directory = pending.pop(0)
        try:
            with os.scandir(host_file(ctx, directory)) as it:
                entries = sorted((e.name, e.is_dir(follow_symlinks=False)) for e in it)
        except OSError as e:
            if not is_absent(e):
                errors[directory] = e
            continue
        for name, is_dir in entries:
            path = f"{directory}/{name}"
            found.append(("certs_d_dir" if is_dir else "certs_d", path))
            if is_dir:
                pending.append(path)
    return found, errors


# ----------------------------------------------------------------------------- rootless


def _rootless_files(ctx: Context, daemon: Daemon) -> tuple[dict[tuple[str, str], None], dict[str, OSError]]:
    """A rootless daemon's own (role, path)s: what it reads and writes as its user.

    Its daemon.json (--config-file, else the config dir's), every unix socket it listens on
    ($XDG_RUNTIME_DIR/docker.sock without -H/"hosts"), its data root and the swarm certificates
    in it, its TLS files, its containerd's socket, its config dir (~/.config/docker, the
    /etc/docker of a rootless daemon) with the certs.d walk below it (moby reads registry
    certificates there when rootless), and the user's systemd unit where present; and the
    directories of that walk that could not be listed. Empty for any other daemon.
    """
    user = daemon.rootless.user
    errors: dict[str, OSError] = {}
    if daemon.rootless.enabled is not True:
        return {}, errors
    config = daemon.config_file.content if daemon.config_file and daemon.config_file.content else {}
    data_root = _data_root(daemon, config)
    own: list[tuple[str, str]] = [
        *([("daemon_json", daemon.config_file.path)] if daemon.config_file else []),
        *[("docker_sock", path) for path in _rootless_sockets(daemon, config)],
        # its containerd runs as it too, once located (not the system paths stated for want of that)
        *[("containerd_sock", path) for path in _located_containerd_sockets(daemon, config) or []],
        ("data_root", data_root),
        *_tls_files(daemon, config),
        *[(role, f"{data_root.rstrip('/')}/swarm/certificates/{name}") for role, name in SWARM_CERTS],
    ]
    if user is not None and user.config_dir:
        own.append(("etc_docker", user.config_dir))
        certs, errors = _certs_d(ctx, f"{user.config_dir}/certs.d")
        own += certs
        unit = f"{posixpath.dirname(user.config_dir)}/systemd/user/docker.service"
        if _present(ctx, unit):
            own.append(("docker.service", unit))
    return dict.fromkeys(own), errors


def _rootless_sockets(daemon: Daemon, config: dict[str, Any]) -> list[str]:
    """The unix sockets a rootless dockerd listens on: -H/"hosts", else its default one."""
    hosts = config.get("hosts")
    addresses = [*daemon.flags.get("host", []), *([hosts] if isinstance(hosts, str) else hosts or [])]
    paths = [p for p in (unix_socket_path(a) for a in addresses if isinstance(a, str)) if p]
    runtime_dir = _rootless_runtime_dir(daemon)
    if not addresses and runtime_dir is not None:
        paths.append(f"{runtime_dir}/docker.sock")
    return list(dict.fromkeys(paths))


def _rootless_runtime_dir(daemon: Daemon) -> str | None:
    """The XDG_RUNTIME_DIR of a rootless dockerd's user (no trailing slash), where it keeps its
    sockets; None for any other daemon, or when its environment could not be read."""
    user = daemon.rootless.user
    if daemon.rootless.enabled is not True or user is None or not user.xdg_runtime_dir:
        return None
    return user.xdg_runtime_dir.rstrip("/") or None
