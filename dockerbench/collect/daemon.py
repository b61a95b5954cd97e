"""Daemon facts: dockerd pid/argv/flags, daemon.json, defaults files, GET /version and /info.

dockerd is found in the host /proc (several may run: the one serving ``docker_host`` wins), its
command line parsed the way dockerd's own flag library (pflag) reads it. Values that look like
credentials (``--log-opt splunk-token=…``, passwords in URLs) are redacted before storing.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Callable, Sequence
from stat import S_ISSOCK
from typing import Any, Literal, TypeVar

from .._snapshot import (
    Component,
    ConfigFile,
    Daemon,
    DefaultsFile,
    EngineInfo,
    EngineVersion,
    IdMapRange,
    IndexConfig,
    Rootless,
    RootlessUser,
)
from . import _redact as redact
from ._api import DockerApi, unix_socket_path
from ._context import Context, one_line
from ._hostfs import (
    host_file,
    is_absent,
    nul_split,
    parse_group,
    parse_passwd,
    pids_named,
    proc_bytes,
    read_if_present,
    resolve,
    shell_assignments,
)

SECTION = "daemon"
DEFAULT_CONFIG = "/etc/docker/daemon.json"
DEFAULTS_FILES = ("/etc/default/docker", "/etc/sysconfig/docker")
#: Variables of a defaults file that carry dockerd options (Debian, Red Hat).
OPTION_VARIABLES = ("DOCKER_OPTS", "OPTIONS")
PIDFILE = "/var/run/docker.pid"
DEFAULT_SOCKET = "unix:///var/run/docker.sock"
KEPT_ENVIRONMENT = ("DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONFIG", "HOME")
#: Set by rootlesskit for the command it runs: dockerd then takes the rootless defaults
#: (moby's rootless.RunningWithRootlessKit).
ROOTLESSKIT_VARIABLE = "ROOTLESSKIT_STATE_DIR"
#: The variables of dockerd's environment a rootless daemon's paths come from (no other is read).
ROOTLESS_ENVIRONMENT = ("HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", ROOTLESSKIT_VARIABLE)

#: dockerd's boolean flags (any version): bare means true, never consume the next argument.
BOOL_FLAGS = frozenset({
    "debug", "icc", "iptables", "ip6tables", "ip-forward", "ip-forward-no-drop", "ip-masq", "ipv6",
    "tls", "tlsverify", "live-restore", "userland-proxy", "selinux-enabled", "experimental",
    "no-new-privileges", "disable-legacy-registry", "raw-logs", "init", "rootless", "cri-containerd",
    "validate", "api-enable-cors", "daemon", "help", "version",
})
#: Short forms; -g is the legacy --graph, i.e. --data-root.
SHORT_FLAGS = {
    "H": "host", "l": "log-level", "D": "debug", "g": "data-root", "s": "storage-driver",
    "G": "group", "b": "bridge", "p": "pidfile", "e": "exec-driver", "d": "daemon",
    "h": "help", "v": "version",
}
RENAMED_FLAGS = {"graph": "data-root"}
_GO_BOOLS = {"1": "true", "t": "true", "true": "true", "0": "false", "f": "false", "false": "false"}


def collect(ctx: Context, api: DockerApi | None, docker_host: str) -> Daemon:
    """Facts of the dockerd serving ``docker_host`` and of its configuration files."""
    pid, argv = _find_dockerd(ctx, docker_host)
    flags = parse_flags(argv) if argv else {}
    environ = _environ(ctx, pid) if pid is not None else None
    info = _from_api(ctx, api, "info", engine_info)
    rootless = rootless_facts(ctx, pid, environ, info)
    return Daemon(
        pid=pid,
        started_unix=process_started_unix(ctx, pid) if pid is not None else None,
        proxy_processes=_proxy_children(ctx, pid) if pid is not None else None,
        exe=_exe(ctx, pid) if pid is not None else None,
        argv=argv,
        flags=flags,
        config_file=_config_file(ctx, (flags.get("config-file") or [default_config(rootless)])[-1]),
        defaults_files=[_defaults_file(ctx, path) for path in DEFAULTS_FILES],
        environment={name: value for name, value in (environ or {}).items() if name in KEPT_ENVIRONMENT},
        version=_from_api(ctx, api, "version", engine_version),
        info=info,
        rootless=rootless,
    )


def default_config(rootless: Rootless) -> str:
    """The daemon.json dockerd reads without --config-file: a rootless one's is in its config dir."""
    if rootless.user is not None and rootless.user.config_dir:
        return f"{rootless.user.config_dir}/daemon.json"
    return DEFAULT_CONFIG


# ----------------------------------------------------------------------------- argv


def parse_flags(argv: Sequence[str]) -> dict[str, list[str]]:
    """dockerd's command line (argv[0] included) as long flag name -> values, in order.

    Reads ``--flag value``, ``--flag=value``, repeats, short forms and clusters (``-D``,
    ``-H unix://…``, ``-Dl debug``, ``-s=overlay2``). Boolean flags never take the next
    argument: bare gives "true", ``--icc=false`` gives "false" (Go's spellings normalised).
    Legacy ``--graph``/``-g`` become ``data-root``. Positional arguments are ignored.
    """
    flags: dict[str, list[str]] = {}
    args = list(argv[1:])
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            break
        if arg.startswith("--"):
            name, eq, value = arg[2:].partition("=")
            i = _take(flags, name, value if eq else None, args, i)
        elif arg.startswith("-") and len(arg) > 1:
            i = _take_short(flags, arg[1:], args, i)
    return flags


def _take(flags: dict[str, list[str]], name: str, inline: str | None, args: list[str], i: int) -> int:
    """Record one flag; returns the index of the first argument not consumed."""
    name = RENAMED_FLAGS.get(name, name)
    values = flags.setdefault(name, [])
    if name in BOOL_FLAGS:
        values.append("true" if inline is None else _GO_BOOLS.get(inline.lower(), inline))
    elif inline is not None:
        values.append(inline)
    elif i < len(args) and not _looks_like_flag(args[i]):
        values.append(args[i])
        return i + 1
    else:  # a flag we do not know, followed by another flag: it must be a boolean
        values.append("true")
    return i


def _take_short(flags: dict[str, list[str]], cluster: str, args: list[str], i: int) -> int:
    """A cluster of short flags: booleans stack (``-Dl``); a value flag takes the rest or the next arg."""
    for pos, letter in enumerate(cluster):
        name = SHORT_FLAGS.get(letter, letter)
        rest = cluster[pos + 1:]
        if name in BOOL_FLAGS and not rest.startswith("="):
            _take(flags, name, None, args, i)
            continue
        return _take(flags, name, rest.removeprefix("=") if rest else None, args, i)
    return i


def _looks_like_flag(arg: str) -> bool:
    """``--x`` or ``-x`` (but not a negative number such as ``--oom-score-adjust -500``)."""
    return arg.startswith("--") or (arg.startswith("-") and len(arg) > 1 and not arg[1].isdigit())


# ----------------------------------------------------------------------------- finding dockerd


def _find_dockerd(ctx: Context, docker_host: str) -> tuple[int | None, list[str] | None]:
    """(pid, argv) of the dockerd serving ``docker_host``.

    Preference: the dockerd listening on the very socket file we talk to (same device and inode,
    so a socket bind-mounted at another path in the auditor's container still names its daemon),
    then the dockerd whose -H/--host names that address (several may run), then the pid in
    /var/run/docker.pid, then the only dockerd. Unknown is recorded as kind "missing".
    """
    procs: dict[int, list[str] | OSError] = {}
    for pid in pids_named(ctx, "dockerd"):
        try:
            procs[pid] = redact.argv(nul_split(proc_bytes(ctx, pid, "cmdline")))
        except OSError as e:
            procs[pid] = e
    defaults = {pid: _default_host(ctx, pid) for pid in procs}
    target = _normalise_address(ctx, docker_host)
    serving = _same_socket(ctx, docker_host, procs, defaults) or [
        pid for pid, argv in procs.items() if isinstance(argv, list)
        and target in {_normalise_address(ctx, h) for h in _listen_addresses(argv, defaults[pid])}]
    chosen = serving[0] if serving else _pidfile_pid(ctx, procs) or (next(iter(procs)) if len(procs) == 1 else None)
    if chosen is None:
        reason = (f"{len(procs)} dockerd processes and none is known to serve {docker_host}" if procs
                  else "no dockerd process found")
        ctx.record(SECTION, "dockerd process", "missing", reason)
        return None, None
    argv = procs[chosen]
    if isinstance(argv, OSError):
        ctx.record_exc(SECTION, f"/proc/{chosen}/cmdline", argv)
        return chosen, None
    return chosen, argv


def _same_socket(ctx: Context, docker_host: str, procs: dict[int, list[str] | OSError],
                 defaults: dict[int, str]) -> list[int]:
    """The dockerds whose unix socket (under host_root) is the file ``docker_host`` names here.

    The address is a path of the auditor's own filesystem: in a container it is where the host's
    socket is bind-mounted, which may be another path than the daemon's -H. A bind mount keeps
    the device and inode, so they identify the daemon whatever the path.
    """
    ours = _socket_identity(unix_socket_path(docker_host))
    if ours is None:
        return []
    found = []
    for pid, argv in procs.items():
        addresses = _listen_addresses(argv, defaults[pid]) if isinstance(argv, list) else []
        paths = [p for p in map(unix_socket_path, addresses) if p]
        if any(_socket_identity(_host_path(ctx, path)) == ours for path in paths):
            found.append(pid)
    return found


def _host_path(ctx: Context, path: str) -> str | None:
    try:
        return str(host_file(ctx, path))
    except OSError:
        return None


def _socket_identity(path: str | None) -> tuple[int, int] | None:
    """(device, inode) of a unix socket file; None when it is not one or cannot be inspected."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if S_ISSOCK(st.st_mode) else None


def _listen_addresses(argv: list[str], default: str = DEFAULT_SOCKET) -> list[str]:
    """-H/--host values; dockerd without them listens on its default socket."""
    return parse_flags(argv).get("host") or [default]


def _default_host(ctx: Context, pid: int) -> str:
    """Where a dockerd without -H listens: a rootless one (under rootlesskit) on
    $XDG_RUNTIME_DIR/docker.sock, any other on /var/run/docker.sock. An environment we may not
    read (another user's process, for an unprivileged auditor) gives the usual default."""
    try:
        environ = dict(entry.partition("=")[::2] for entry in nul_split(proc_bytes(ctx, pid, "environ")))
    except OSError:
        return DEFAULT_SOCKET
    runtime_dir = environ.get("XDG_RUNTIME_DIR")
    if environ.get(ROOTLESSKIT_VARIABLE) and runtime_dir:
        return f"unix://{runtime_dir.rstrip('/')}/docker.sock"
    return DEFAULT_SOCKET


def _normalise_address(ctx: Context, address: str) -> str:
    """unix:// addresses compared by their resolved path (/var/run -> /run), others as written."""
    path = unix_socket_path(address)
    if path is None:
        return address
    try:
        return "unix://" + resolve(ctx.host_root, path)
    except OSError:
        return address


def _pidfile_pid(ctx: Context, procs: dict[int, Any]) -> int | None:
    """The pid in /var/run/docker.pid when it names a running dockerd."""
    _, text = read_if_present(ctx, SECTION, PIDFILE)
    pid = text.strip() if text else ""
    return int(pid) if pid.isdigit() and int(pid) in procs else None


def process_started_unix(ctx: Context, pid: int) -> int | None:
    """Start time of a process: /proc/<pid>/stat field 22 (clock ticks after boot) + btime."""
    try:
        stat = proc_bytes(ctx, pid, "stat").decode()
        boot = (ctx.proc / "stat").read_text()
    except OSError as e:
        ctx.record_exc(SECTION, f"/proc/{pid}/stat", e)
        return None
    fields = stat.rsplit(")", 1)[-1].split()  # after the command name, which may hold spaces
    btime = next((int(line.split()[1]) for line in boot.splitlines() if line.startswith("btime ")), None)
    if btime is None or len(fields) < 20:
        return None
    return btime + int(fields[19]) // os.sysconf("SC_CLK_TCK")


def _proxy_children(ctx: Context, pid: int) -> int:
    """docker-proxy processes whose parent is this dockerd (another dockerd's proxies are not its doing)."""
    count = 0
    for child in pids_named(ctx, "docker-proxy"):
        try:
            fields = proc_bytes(ctx, child, "stat").decode().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # exited meanwhile, or unreadable: not ours to count
        if len(fields) > 1 and fields[1] == str(pid):
            count += 1
    return count


def _exe(ctx: Context, pid: int) -> str | None:
    """The binary dockerd runs from (``/proc/<pid>/exe``)."""
    try:
        return os.readlink(ctx.proc / str(pid) / "exe").removesuffix(" (deleted)")
    except OSError as e:
        ctx.record_exc(SECTION, f"/proc/{pid}/exe", e)
        return None


def _environ(ctx: Context, pid: int) -> dict[str, str] | None:
    """The few variables of dockerd's environment that change its TLS defaults or, rootless, its
    paths; nothing else is kept (None when it could not be read, recorded)."""
    try:
        entries = nul_split(proc_bytes(ctx, pid, "environ"))
    except OSError as e:
        ctx.record_exc(SECTION, f"/proc/{pid}/environ", e)
        return None
    pairs = (entry.partition("=") for entry in entries)
    wanted = {*KEPT_ENVIRONMENT, *ROOTLESS_ENVIRONMENT}
    return {name: value for name, _, value in pairs if name in wanted}


# ----------------------------------------------------------------------------- rootless


def rootless_facts(ctx: Context, pid: int | None, environ: dict[str, str] | None,
                   info: EngineInfo | None) -> Rootless:
    """Whether dockerd runs rootless, and as whom.

    Signs: GET /info SecurityOptions lists name=rootless; the dockerd process runs as a uid other
    than 0 (as the host sees it); its environment has ROOTLESSKIT_STATE_DIR. The user comes from
    the process itself (its uid/gid, id maps and environment), so it is only known when that
    process is; /info alone says rootless, not as whom.
    """
    ids = _process_ids(ctx, pid) if pid is not None else None
    signs: list[Literal["security_options", "process_user", "rootlesskit"]] = []
    if info is not None and "name=rootless" in info.security_options:
        signs.append("security_options")
    if ids is not None and ids[0] != 0:
        signs.append("process_user")
    if environ is not None and environ.get(ROOTLESSKIT_VARIABLE):
        signs.append("rootlesskit")
    if not signs:
        known = info is not None or ids is not None
        return Rootless(enabled=False if known else None)
    user = None
    if ids is not None and ("process_user" in signs or "rootlesskit" in signs):
        user = _rootless_user(ctx, pid, ids, environ or {})
    elif ids is not None:
        ctx.record(SECTION, "rootless user", "invalid",
                   f"GET /info says the daemon is rootless, but dockerd (pid {pid}) runs as uid 0 without rootlesskit")
    return Rootless(enabled=True, detected_by=signs, user=user)


def _process_ids(ctx: Context, pid: int) -> tuple[int, int] | None:
    """(real uid, real gid) of a process from /proc/<pid>/status, as the host sees them."""
    try:
        status = proc_bytes(ctx, pid, "status").decode(errors="replace")
    except OSError as e:
        ctx.record_exc(SECTION, f"/proc/{pid}/status", e)
        return None
    fields = {key: value.split() for key, _, value in (line.partition(":") for line in status.splitlines())}
    uid, gid = fields.get("Uid") or [""], fields.get("Gid") or [""]
    if not (uid[0].isdigit() and gid[0].isdigit()):
        ctx.record(SECTION, f"/proc/{pid}/status", "invalid", "no numeric Uid/Gid line")
        return None
    return int(uid[0]), int(gid[0])


def _rootless_user(ctx: Context, pid: int | None, ids: tuple[int, int], environ: dict[str, str]) -> RootlessUser:
    """The account a rootless dockerd runs as and the directories its defaults come from
    (moby's homedir: $XDG_CONFIG_HOME else ~/.config, $XDG_DATA_HOME else ~/.local/share)."""
    home = environ.get("HOME") or None
    config_home = environ.get("XDG_CONFIG_HOME") or (f"{home.rstrip('/')}/.config" if home else None)
    data_home = environ.get("XDG_DATA_HOME") or (f"{home.rstrip('/')}/.local/share" if home else None)
    _, passwd = read_if_present(ctx, SECTION, "/etc/passwd")
    _, groups = read_if_present(ctx, SECTION, "/etc/group")
    users = {entry.uid: entry.name for entry in reversed(parse_passwd(passwd or ""))}  # first entry wins
    gids = {group.gid: group.name for group in reversed(parse_group(groups or ""))}
    return RootlessUser(
        uid=ids[0], gid=ids[1], name=users.get(ids[0]), group=gids.get(ids[1]), home=home,
        xdg_runtime_dir=environ.get("XDG_RUNTIME_DIR") or None,
        config_dir=f"{config_home.rstrip('/')}/docker" if config_home else None,
        data_home=data_home.rstrip("/") if data_home else None,
        uid_map=_id_map(ctx, pid, "uid_map") if pid is not None else None,
        gid_map=_id_map(ctx, pid, "gid_map") if pid is not None else None,
    )


def _id_map(ctx: Context, pid: int, name: str) -> list[IdMapRange] | None:
    """/proc/<pid>/uid_map or gid_map: ``inside outside count`` per line."""
    try:
        text = proc_bytes(ctx, pid, name).decode(errors="replace")
    except OSError as e:
        ctx.record_exc(SECTION, f"/proc/{pid}/{name}", e)
        return None
    rows = [line.split() for line in text.splitlines() if line.strip()]
    if not all(len(row) == 3 and all(part.isdigit() for part in row) for row in rows):
        ctx.record(SECTION, f"/proc/{pid}/{name}", "invalid", "a line is not three numbers")
        return None
    return [IdMapRange(inside=int(a), outside=int(b), count=int(c)) for a, b, c in rows]


# ----------------------------------------------------------------------------- configuration files


def _config_file(ctx: Context, path: str) -> ConfigFile:
    """daemon.json: parsed, absent, invalid (with line/column, also a FactError) or unreadable."""
    try:
        text = host_file(ctx, path).read_text(encoding="utf-8")
    except OSError as e:
        if is_absent(e):
            return ConfigFile(path=path, state="absent")
        ctx.record_exc(SECTION, path, e)
        return ConfigFile(path=path, state="unreadable", error=one_line(e))
    except UnicodeDecodeError as e:
        return _invalid_config(ctx, path, f"not UTF-8: {e.reason}")
    return parse_config(ctx, path, text)


def parse_config(ctx: Context, path: str, text: str) -> ConfigFile:
    """A daemon.json text as a ConfigFile, secrets redacted; malformed JSON is recorded."""
    try:
        content = json.loads(text)
    except json.JSONDecodeError as e:
        return _invalid_config(ctx, path, f"line {e.lineno} column {e.colno}: {e.msg}")
    if not isinstance(content, dict):
        return _invalid_config(ctx, path, f"top level is a JSON {type(content).__name__}, not an object")
    wrong = [f"{key!r} must be {_CONFIG_TYPE_NAMES[kind]}, not {json.dumps(content[key])[:40]}"
             for key, kind in _CONFIG_TYPES.items() if key in content and not _has_type(content[key], kind)]
    if wrong:  # dockerd refuses to start with such a file; its values are not configuration
        return _invalid_config(ctx, path, "; ".join(wrong))
    return ConfigFile(path=path, state="parsed", content=redact.json_value(content))


# The types dockerd requires of the daemon.json keys the controls read (dockerd's own
# reference, docs.docker.com/reference/cli/dockerd/#daemon-configuration-file).
_CONFIG_TYPES: dict[str, str] = {
    **dict.fromkeys(("icc", "iptables", "ip-forward", "ip-masq", "ipv6", "live-restore", "no-new-privileges",
                     "userland-proxy", "debug", "experimental", "tls", "tlsverify", "selinux-enabled",
                     "disable-legacy-registry", "raw-logs"), "bool"),
    **dict.fromkeys(("bridge", "cgroup-parent", "log-driver", "log-level", "seccomp-profile", "storage-driver",
                     "userns-remap", "metrics-addr", "tlscacert", "tlscert", "tlskey", "data-root",
                     "exec-root", "default-runtime"), "str"),
    **dict.fromkeys(("authorization-plugins", "hosts", "insecure-registries", "registry-mirrors",
                     "storage-opts", "exec-opts", "labels", "dns"), "list"),
    **dict.fromkeys(("log-opts", "default-ulimits", "runtimes"), "object"),
}
_CONFIG_TYPE_NAMES = {"bool": "true or false", "str": "a string", "list": "a list", "object": "an object"}


def _has_type(value: Any, kind: str) -> bool:
    return {"bool": isinstance(value, bool), "str": isinstance(value, str), "object": isinstance(value, dict),
            "list": isinstance(value, list)}[kind]


def _invalid_config(ctx: Context, path: str, message: str) -> ConfigFile:
    ctx.record(SECTION, path, "invalid", message)
    return ConfigFile(path=path, state="invalid", error=message)


def _defaults_file(ctx: Context, path: str) -> DefaultsFile:
    """/etc/default/docker or /etc/sysconfig/docker; absent files are listed as absent."""
    present, text = read_if_present(ctx, SECTION, path)
    if not present:
        return DefaultsFile(path=path, state="absent")
    if text is None:
        return DefaultsFile(path=path, state="unreadable")
    defaults, problem = parse_defaults_file(path, text)
    if problem:
        ctx.record(SECTION, path, "invalid", problem)
    return defaults


def parse_defaults_file(path: str, text: str) -> tuple[DefaultsFile, str | None]:
    """Variables of a shell-style defaults file and the dockerd options they carry.

    Returns the DefaultsFile (state "invalid" when some line or option string cannot be split
    like a shell would) and the reason it is invalid, if so.
    """
    assignments, bad_lines = shell_assignments(text)
    variables = redact.mapping(dict(assignments))
    problems = [f"line {n}: unbalanced quotes" for n in bad_lines]
    options: list[str] = []
    for name in OPTION_VARIABLES:
        if name in variables:
            try:
                options += shlex.split(variables[name])
            except ValueError as e:
                problems.append(f"{name}: {e}")
    state: Literal["parsed", "invalid"] = "invalid" if problems else "parsed"
    return (DefaultsFile(path=path, state=state, variables=variables, options=options),
            "; ".join(problems) or None)


# ----------------------------------------------------------------------------- engine API

T = TypeVar("T")


def _from_api(ctx: Context, api: DockerApi | None, what: str, build: Callable[[dict[str, Any]], T]) -> T | None:
    """``build(api.<what>)``; None when there is no API (already recorded by the orchestrator),
    the call fails (kind engine_error) or the answer does not fit the model (kind invalid)."""
    if api is None:
        return None
    item = f"daemon.{what}"
    try:
        raw = getattr(api, what)
    except Exception as e:  # noqa: BLE001 - SDK, requests and urllib3 errors all mean: engine failed
        ctx.record(SECTION, item, "engine_error", e)
        return None
    try:
        return build(raw)
    except (ValueError, TypeError, KeyError, AttributeError) as e:  # pydantic's ValidationError is a ValueError
        ctx.record(SECTION, item, "invalid", e)
        return None


def engine_version(raw: dict[str, Any]) -> EngineVersion:
    """GET /version as an EngineVersion (Experimental is omitted by engines when false)."""
    return EngineVersion(
        version=raw["Version"], api_version=raw["ApiVersion"], min_api_version=raw.get("MinAPIVersion"),
        experimental=bool(raw.get("Experimental", False)), os=raw.get("Os"), arch=raw.get("Arch"),
        kernel_version=raw.get("KernelVersion"),
        components=[Component(name=c.get("Name", ""), version=c.get("Version", ""))
                    for c in raw.get("Components") or []],
    )


def engine_info(raw: dict[str, Any]) -> EngineInfo:
    """The GET /info facts the controls read, normalised (nulls become empty lists)."""
    registry = raw.get("RegistryConfig") or {}
    indexes = registry.get("IndexConfigs") or {}
    cgroup_version = raw.get("CgroupVersion")
    return EngineInfo(
        id=raw.get("ID"), name=raw.get("Name"), server_version=raw.get("ServerVersion"),
        docker_root_dir=raw["DockerRootDir"], debug=bool(raw.get("Debug")), driver=raw.get("Driver"),
        driver_status=[[str(x) for x in pair] for pair in raw.get("DriverStatus") or []],
        logging_driver=raw.get("LoggingDriver"), cgroup_driver=raw.get("CgroupDriver"),
        cgroup_version=str(cgroup_version) if cgroup_version is not None else None,
        live_restore_enabled=bool(raw.get("LiveRestoreEnabled")),
        experimental_build=bool(raw.get("ExperimentalBuild")),
        security_options=list(raw.get("SecurityOptions") or []),
        authorization_plugins=list((raw.get("Plugins") or {}).get("Authorization") or []),
        insecure_registry_cidrs=list(registry.get("InsecureRegistryCIDRs") or []),
        index_configs=[
            IndexConfig(name=cfg.get("Name") or name, secure=bool(cfg.get("Secure")),
                        official=bool(cfg.get("Official")),
                        mirrors=[redact.text(m) for m in cfg.get("Mirrors") or []])
            for name, cfg in sorted(indexes.items())
        ],
        containers=int(raw.get("Containers") or 0),
        containers_running=int(raw.get("ContainersRunning") or 0),
        containers_paused=int(raw.get("ContainersPaused") or 0),
        containers_stopped=int(raw.get("ContainersStopped") or 0),
        images=int(raw.get("Images") or 0),
        runtimes=sorted(raw.get("Runtimes") or {}),
        default_runtime=raw.get("DefaultRuntime"),
        kernel_version=raw.get("KernelVersion"),
        operating_system=raw.get("OperatingSystem"),
        containerd_address=(raw.get("Containerd") or {}).get("Address") or None,
    )
