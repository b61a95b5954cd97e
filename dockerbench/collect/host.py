"""Host facts: OS, mounts, fstab, docker group, audit rules, LSMs, listeners, systemd units.

Everything is read from the host filesystem under ``ctx.host_root`` and the host ``/proc``;
the only commands run are ``auditctl -l`` and ``systemctl show``, and only when auditing the
host itself (``host_root`` is ``/``), since their answers describe the auditor's own system.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shlex
import sys
from pathlib import Path

from .._snapshot import (
    Audit,
    AuditRule,
    ContentTrustSetting,
    ExecRecord,
    FstabEntry,
    Group,
    Host,
    Listener,
    MountEntry,
    NetInterface,
    OsInfo,
    SubIdRange,
    SystemdUnits,
)
from . import _redact as redact
from ._context import Context, one_line
from ._hostfs import (
    comm,
    host_file,
    is_absent,
    list_dir,
    parse_group,
    parse_passwd,
    pids,
    read_if_present,
    read_proc,
    read_required,
    run_command,
    shell_assignments,
)
from ._redact import REDACTED

SECTION = "host"
#: Where systemd unit files live when systemctl cannot say, most specific first.
UNIT_DIRS = ("/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system")
AUDIT_RULE_FILE = "/etc/audit/audit.rules"
AUDIT_RULES_DIR = "/etc/audit/rules.d"
CONTENT_TRUST = "DOCKER_CONTENT_TRUST"
_TCP_LISTEN = "0A"


def collect(ctx: Context) -> Host:
    """All host facts; what could not be read is None (or []) with a FactError in ``ctx``."""
    group_text = read_required(ctx, SECTION, "/etc/group")
    selinux_enabled, selinux_enforcing = _selinux(ctx)
    return Host(
        os=_os_info(ctx),
        mounts=_mounts(ctx),
        fstab=_fstab(ctx),
        docker_group=_docker_group(ctx, group_text) if group_text is not None else None,
        groups_collected=group_text is not None,
        audit=Audit(loaded=_loaded_audit_rules(ctx), persistent=_persistent_audit_rules(ctx),
                    docker_exec_records=_docker_exec_records(ctx)),
        apparmor_enabled=_apparmor(ctx),
        selinux_enabled=selinux_enabled,
        selinux_enforcing=selinux_enforcing,
        listeners=_listeners(ctx),
        interfaces=_interfaces(ctx),
        subuid=_subids(ctx, "/etc/subuid"),
        subgid=_subids(ctx, "/etc/subgid"),
        content_trust=_content_trust(ctx),
        systemd=_systemd(ctx),
    )


# ----------------------------------------------------------------------------- OS


def _os_info(ctx: Context) -> OsInfo | None:
    """os-release fields and the kernel release; None only when neither could be read."""
    release: dict[str, str] | None = None
    for path in ("/etc/os-release", "/usr/lib/os-release"):
        present, text = read_if_present(ctx, SECTION, path)
        if text is not None:
            release = dict(shell_assignments(text)[0])
            break
        if present:  # unreadable: already recorded, do not fall through to a stale copy
            break
    else:
        ctx.record(SECTION, "/etc/os-release", "missing", "neither /etc/os-release nor /usr/lib/os-release exists")
    kernel = read_proc(ctx, SECTION, ["sys/kernel/osrelease"])
    if release is None and kernel is None:
        return None
    release = release or {}
    return OsInfo(id=release.get("ID"), version_id=release.get("VERSION_ID"),
                  pretty_name=release.get("PRETTY_NAME"),
                  kernel_release=kernel.strip() if kernel is not None else None)


# ----------------------------------------------------------------------------- mounts


_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def unescape_mount_path(field: str) -> str:
    """Undo the kernel's octal escapes in mount tables (``\\040`` is a space)."""
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[MountEntry]:
    """Entries of a /proc/<pid>/mountinfo text (see proc(5)); malformed lines are skipped.

    Options are the per-mount options followed by the filesystem's super options not already
    listed, so ``nodev``/``noexec`` and ``errors=…`` are all visible.
    """
    entries = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        sep = fields.index("-", 6)
        if len(fields) < sep + 3:
            continue
        options = fields[5].split(",")
        options += [o for o in fields[sep + 3].split(",") if o not in options] if len(fields) > sep + 3 else []
        entries.append(MountEntry(
            mount_point=unescape_mount_path(fields[4]), root=unescape_mount_path(fields[3]),
            device=fields[2], fstype=fields[sep + 1], source=unescape_mount_path(fields[sep + 2]),
            options=options,
        ))
    return entries


def _mounts(ctx: Context) -> list[MountEntry] | None:
    """The host mount table: pid 1's (the host mount namespace) else our own."""
    text = read_proc(ctx, SECTION, ["1/mountinfo", "self/mountinfo"])
    return parse_mountinfo(text) if text is not None else None


def parse_fstab(text: str) -> list[FstabEntry]:
    """Entries of an /etc/fstab text; comments, blank and short lines are skipped."""
    entries = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 3:
            continue
        entries.append(FstabEntry(
            device=unescape_mount_path(fields[0]), mount_point=unescape_mount_path(fields[1]),
            fstype=fields[2], options=fields[3].split(",") if len(fields) > 3 else [],
        ))
    return entries


def _fstab(ctx: Context) -> list[FstabEntry] | None:
    """/etc/fstab entries; [] when the host has no fstab."""
    present, text = read_if_present(ctx, SECTION, "/etc/fstab")
    if not present:
        return []
    return parse_fstab(text) if text is not None else None


# ----------------------------------------------------------------------------- docker group


def group_with_members(group_text: str, passwd_text: str | None, name: str = "docker") -> Group | None:
    """The named group with its listed members and the accounts whose primary group it is."""
    group = next((g for g in parse_group(group_text) if g.name == name), None)
    if group is None or passwd_text is None:
        return group
    primary = [p.name for p in parse_passwd(passwd_text) if p.gid == group.gid]
    return group.model_copy(update={"primary_members": primary})


def _docker_group(ctx: Context, group_text: str) -> Group | None:
    return group_with_members(group_text, read_required(ctx, SECTION, "/etc/passwd"))


# ----------------------------------------------------------------------------- audit


def parse_audit_rule(origin: str, line: str) -> AuditRule | None:
    """An audit rule line (``-w PATH … -k KEY`` or ``-a … -F path=PATH … -F key=KEY``).

    None for anything that is not a rule: comments, control lines (``-D``, ``-b``, ``-e``),
    deletions, auditctl's "No rules".
    """
    text = line.strip()
    try:
        tokens = shlex.split(text)
    except ValueError:
        tokens = text.split()
    if not tokens or tokens[0] not in ("-w", "-a", "-A"):
        return None
    path = key = None
    for flag, value in zip(tokens, [*tokens[1:], None], strict=True):
        if value is None:
            break
        if flag == "-w":
            path = value
        elif flag == "-k":
            key = value
        elif flag == "-F":
            field, op, arg = re.match(r"([^!=<>&]*)(!=|>=|<=|&=|=|<|>|&)?(.*)", value).groups()  # type: ignore[union-attr]
            if op == "=" and field in ("path", "dir"):
                path = arg
            elif op == "=" and field == "key":
                key = arg
    return AuditRule(origin=origin, text=text, path=path, key=key)


def parse_audit_rules(origin: str, text: str) -> list[AuditRule]:
    """The rules of an auditctl listing or rules file, in order."""
    return [r for r in (parse_audit_rule(origin, line) for line in text.splitlines()) if r]


def _loaded_audit_rules(ctx: Context) -> list[AuditRule] | None:
    """Kernel rules from ``auditctl -l``; only meaningful (and only run) on the host itself."""
    if ctx.host_root != Path("/"):
        ctx.record(SECTION, "auditctl -l", "unsupported",
                   f"loaded audit rules are only read on the host itself (host_root is {ctx.host_root})")
        return None
    out = run_command(ctx, SECTION, ["auditctl", "-l"])
    return parse_audit_rules("auditctl", out) if out is not None else None


def _persistent_audit_rules(ctx: Context) -> list[AuditRule] | None:
    """Rules of /etc/audit/audit.rules and rules.d/*.rules; [] when there are none at all."""
    files = list_dir(ctx, SECTION, AUDIT_RULES_DIR, ".rules")
    if files is None:
        return None
    rules: list[AuditRule] = []
    for path in [AUDIT_RULE_FILE, *files]:
        present, text = read_if_present(ctx, SECTION, path)
        if present and text is None:
            return None
        rules += parse_audit_rules(path, text or "")
    return rules


# ----------------------------------------------------------------------------- LSMs


AUDIT_LOG = "/var/log/audit/audit.log"
_AUDIT_RECORD = re.compile(r"^type=(?P<type>\w+) msg=audit\((?P<time>\d+)(?:\.\d+)?:(?P<serial>\d+)\):(?P<body>.*)$")
_EXECVE_ARG = re.compile(r'\ba(\d+)=("(?:[^"]*)"|[0-9A-Fa-f]+)')
_UID = re.compile(r"\buid=(\d+)")
_ENV_OPTIONS = ("-e", "--env")


def parse_docker_exec_records(text: str) -> list[ExecRecord]:
    """`docker exec` / `docker container exec` runs from audit.log EXECVE records.

    Arguments come quoted or hex-encoded (when they hold spaces or quotes); the uid comes from
    the SYSCALL record with the same serial. Environment values (-e NAME=value) are redacted.
    """
    uids: dict[str, int] = {}
    execs: list[tuple[str, int, list[str]]] = []
    for line in text.splitlines():
        m = _AUDIT_RECORD.match(line)
        if not m:
            continue
        if m.group("type") == "SYSCALL":
            uid = _UID.search(m.group("body"))
            if uid:
                uids[m.group("serial")] = int(uid.group(1))
        elif m.group("type") == "EXECVE":
            args = [_audit_value(v) for _, v in sorted(_EXECVE_ARG.findall(m.group("body")), key=lambda a: int(a[0]))]
            if _is_docker_exec(args):
                execs.append((m.group("serial"), int(m.group("time")), redact.argv(_redact_env_args(args))))
    return [ExecRecord(time_unix=t, uid=uids.get(serial), args=args) for serial, t, args in execs]


def _audit_value(raw: str) -> str:
    if raw.startswith('"'):
        return raw[1:-1]
    try:
        return bytes.fromhex(raw).decode("utf-8", errors="replace")
    except ValueError:
        return raw


def _is_docker_exec(args: list[str]) -> bool:
    if not args or os.path.basename(args[0]) != "docker":
        return False
    words = [a for a in args[1:3] if not a.startswith("-")]
    return words[:1] == ["exec"] or words[:2] == ["container", "exec"]


def _redact_env_args(args: list[str]) -> list[str]:
    out: list[str] = []
    for i, arg in enumerate(args):
        if i > 0 and args[i - 1] in _ENV_OPTIONS and "=" in arg:
            arg = arg.split("=", 1)[0] + "=" + REDACTED
        elif arg.startswith(tuple(o + "=" for o in _ENV_OPTIONS)) and arg.count("=") >= 2:
            option, rest = arg.split("=", 1)
            arg = option + "=" + rest.split("=", 1)[0] + "=" + REDACTED
        out.append(arg)
    return out


def _docker_exec_records(ctx: Context) -> list[ExecRecord] | None:
    _, text = read_if_present(ctx, SECTION, AUDIT_LOG)
    return parse_docker_exec_records(text) if text is not None else None


def _apparmor(ctx: Context) -> bool | None:
    """AppArmor is enabled when the module parameter says Y; no module means not enabled."""
    present, text = read_if_present(ctx, SECTION, "/sys/module/apparmor/parameters/enabled")
    if not present:
        return False
    return text.strip().upper().startswith("Y") if text is not None else None


def _selinux(ctx: Context) -> tuple[bool | None, bool | None]:
    """(enabled, enforcing): selinuxfs' enforce file exists when SELinux is on; it holds 1 when enforcing."""
    present, text = read_if_present(ctx, SECTION, "/sys/fs/selinux/enforce")
    if not present:
        return False, False
    return True, (text.strip() == "1" if text is not None else None)


# ----------------------------------------------------------------------------- listeners


def decode_address(hex_address: str, byteorder: str = sys.byteorder) -> str:
    """An address as /proc/net/tcp{,6} prints it: 32-bit words in host byte order, as hex.

    IPv4-mapped IPv6 addresses keep their dotted form (``::ffff:127.0.0.1``) on every Python.
    """
    raw = bytes.fromhex(hex_address)
    if byteorder == "little":
        raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    address = ipaddress.ip_address(raw)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return str(address)


def parse_proc_net_tcp(text: str, byteorder: str = sys.byteorder) -> list[tuple[str, int, int]]:
    """(address, port, socket inode) of every LISTEN socket in a /proc/net/tcp{,6} text."""
    found = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 10 or fields[3] != _TCP_LISTEN:
            continue
        address, _, port = fields[1].partition(":")
        try:
            found.append((decode_address(address, byteorder), int(port, 16), int(fields[9])))
        except ValueError:
            continue
    return found


def _listeners(ctx: Context) -> list[Listener] | None:
    """Listening TCP sockets of the host network namespace (pid 1's), with owning process."""
    sockets: list[tuple[str, int, int, str]] = []
    for table, family in (("tcp", "ipv4"), ("tcp6", "ipv6")):
        text = read_proc(ctx, SECTION, [f"1/net/{table}", f"net/{table}"])
        if text is None and family == "ipv4":
            return None
        sockets += [(a, p, inode, family) for a, p, inode in parse_proc_net_tcp(text or "")]
    owners = _socket_owners(ctx, {inode for _, _, inode, _ in sockets})
    listeners = []
    for address, port, inode, family in sockets:
        pid = owners.get(inode)
        listeners.append(Listener(address=address, port=port, family=family, pid=pid,  # type: ignore[arg-type]
                                  process=comm(ctx, pid) if pid is not None else None))
    return listeners


def _interfaces(ctx: Context) -> list[NetInterface] | None:
    """Interfaces of the host network namespace (pid 1's) and their addresses, from /proc/net."""
    fib = read_proc(ctx, SECTION, ["1/net/fib_trie", "net/fib_trie"])
    routes = read_proc(ctx, SECTION, ["1/net/route", "net/route"])
    if fib is None or routes is None:
        return None
    inet6 = read_proc(ctx, SECTION, ["1/net/if_inet6", "net/if_inet6"]) or ""  # absent without IPv6
    return interfaces_from_proc(fib, routes, inet6)


def interfaces_from_proc(fib_trie: str, route: str, if_inet6: str) -> list[NetInterface]:
    """Each interface with its addresses: IPv4 from the LOCAL entries of fib_trie, placed on the
    interface whose connected route holds them (127/8 on lo), IPv6 from if_inet6."""
    lines = fib_trie.splitlines()
    local = {lines[i - 1].split()[-1] for i, line in enumerate(lines)
             if i and line.strip() == "/32 host LOCAL" and lines[i - 1].strip().startswith("|--")}
    connected = []  # (prefix length, network, mask, interface)
    for row in route.splitlines()[1:]:
        cols = row.split()
        if len(cols) >= 8 and cols[7] != "00000000":
            network, mask = (int.from_bytes(bytes.fromhex(c), "little") for c in (cols[1], cols[7]))
            connected.append((bin(mask).count("1"), network, mask, cols[0]))
    found: dict[str, list[str]] = {}
    for address in sorted(local, key=lambda a: tuple(int(p) for p in a.split("."))):
        value = int(ipaddress.IPv4Address(address))
        owners = sorted((c for c in connected if value & c[2] == c[1] & c[2]), reverse=True)
        name = "lo" if address.startswith("127.") else owners[0][3] if owners else "unknown"
        found.setdefault(name, []).append(address)
    for row in if_inet6.splitlines():
        cols = row.split()
        if len(cols) == 6 and len(cols[0]) == 32:
            found.setdefault(cols[5], []).append(str(ipaddress.IPv6Address(bytes.fromhex(cols[0]))))
    return [NetInterface(name=name, addresses=found[name]) for name in sorted(found)]


def _socket_owners(ctx: Context, inodes: set[int]) -> dict[int, int]:
    """Socket inode -> pid holding it, from /proc/<pid>/fd links ``socket:[inode]``.

    Best effort: processes come and go; fd directories we may not list are recorded once.
    """
    owners: dict[int, int] = {}
    denied: OSError | None = None
    for pid in pids(ctx) if inodes else []:
        fd_dir = ctx.proc / str(pid) / "fd"
        try:
            links = _fd_targets(fd_dir)
        except OSError as e:  # gone (absent) or not ours to inspect (e.g. EACCES)
            denied = denied or (None if is_absent(e) else e)
            continue
        for target in links:
            if target.startswith("socket:[") and int(target[8:-1]) in inodes:
                owners.setdefault(int(target[8:-1]), pid)
        if len(owners) == len(inodes):
            return owners
    if denied is not None:
        ctx.record(SECTION, "/proc/*/fd", "permission",
                   f"owners of some listening sockets are unknown: {one_line(denied)}")
    return owners


def _fd_targets(fd_dir: Path) -> list[str]:
    """Link targets of a /proc/<pid>/fd directory; fds closed meanwhile are skipped, a refusal
    (EACCES) raises."""
    targets = []
    for fd in os.listdir(fd_dir):
        try:
            targets.append(os.readlink(fd_dir / fd))
        except OSError as e:
            if not is_absent(e):
                raise
    return targets


# ----------------------------------------------------------------------------- subordinate ids


def parse_subids(text: str) -> list[SubIdRange]:
    """``name:start:count`` lines of /etc/subuid or /etc/subgid; malformed lines skipped."""
    ranges = []
    for line in text.splitlines():
        parts = line.strip().split(":")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            ranges.append(SubIdRange(name=parts[0], start=int(parts[1]), count=int(parts[2])))
    return ranges


def _subids(ctx: Context, path: str) -> list[SubIdRange] | None:
    present, text = read_if_present(ctx, SECTION, path)
    if not present:
        return []
    return parse_subids(text) if text is not None else None


# ----------------------------------------------------------------------------- content trust


def _content_trust(ctx: Context) -> list[ContentTrustSetting]:
    """DOCKER_CONTENT_TRUST of the auditor's process, then every assignment in login files."""
    settings = [ContentTrustSetting(source="process", value=os.environ.get(CONTENT_TRUST))]
    scripts = list_dir(ctx, SECTION, "/etc/profile.d", ".sh") or []
    for path in ["/etc/environment", "/etc/profile", *scripts]:
        _, text = read_if_present(ctx, SECTION, path)
        for name, value in shell_assignments(text or "")[0]:
            if name == CONTENT_TRUST:
                settings.append(ContentTrustSetting(source=path, value=value))
    return settings


# ----------------------------------------------------------------------------- systemd


def _systemd(ctx: Context) -> SystemdUnits:
    """docker.service / docker.socket unit paths and the socket's stream listeners.

    Asks systemd on the host itself; otherwise (or when systemd is not running) looks in the
    standard unit directories under host_root.
    """
    if ctx.host_root == Path("/"):
        units = _systemctl_units(ctx)
        if units is not None:
            return units
    service = _unit_file(ctx, "docker.service")
    socket = _unit_file(ctx, "docker.socket")
    return SystemdUnits(docker_service=service, docker_socket=socket,
                        socket_listen=_listen_streams(ctx, socket) if socket else [])


def _systemctl_units(ctx: Context) -> SystemdUnits | None:
    """Unit facts from ``systemctl show``; None when systemctl cannot answer (recorded)."""
    service = run_command(ctx, SECTION, ["systemctl", "show", "-p", "FragmentPath", "docker.service"])
    if service is None:
        return None
    socket = run_command(ctx, SECTION, ["systemctl", "show", "-p", "FragmentPath", "-p", "Listen", "docker.socket"])
    if socket is None:
        return None
    service_props, socket_props = _properties(service), _properties(socket)
    listen = [v.rsplit(" (", 1)[0] for v in socket_props.get("Listen", []) if v.endswith("(Stream)")]
    return SystemdUnits(docker_service=(service_props.get("FragmentPath") or [""])[0] or None,
                        docker_socket=(socket_props.get("FragmentPath") or [""])[0] or None,
                        socket_listen=listen)


def _properties(text: str) -> dict[str, list[str]]:
    """``Key=value`` lines of ``systemctl show`` (a key may repeat)."""
    props: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            props.setdefault(key, []).append(value.strip())
    return props


def _unit_file(ctx: Context, unit: str) -> str | None:
    """The first existing ``<dir>/<unit>`` of the standard unit directories."""
    for directory in UNIT_DIRS:
        path = f"{directory}/{unit}"
        try:
            host_file(ctx, path).lstat()
            return path
        except OSError:
            continue
    return None


def _listen_streams(ctx: Context, unit_path: str) -> list[str]:
    """ListenStream= values of a socket unit and its drop-ins; an empty value resets the list."""
    unit = unit_path.rsplit("/", 1)[1]
    dropins: dict[str, str] = {}
    for directory in reversed(UNIT_DIRS):  # same-named drop-ins in earlier dirs win
        for path in list_dir(ctx, SECTION, f"{directory}/{unit}.d", ".conf") or []:
            dropins[path.rsplit("/", 1)[1]] = path
    listen: list[str] = []
    for path in [unit_path, *(dropins[name] for name in sorted(dropins))]:
        _, text = read_if_present(ctx, SECTION, path)
        for line in (text or "").splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and key.strip() == "ListenStream":
                listen = [*listen, value.strip()] if value.strip() else []
    return listen
