"""Reading the host as host, daemon and files collectors all need it.

Paths are host paths (``/etc/group``) read under ``ctx.host_root``; symlinks are resolved inside
that root, so an absolute link in a mounted host tree never escapes to the auditor's own files.
Process facts come from ``ctx.proc``. Nothing here writes anything.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import stat
import subprocess
from pathlib import Path
from typing import NamedTuple

from .._snapshot import ErrorKind, Group
from ._context import Context

#: Seconds a read-only helper command (auditctl, systemctl) may take.
COMMAND_TIMEOUT = 10.0

_MAX_LINKS = 40
_ABSENT_ERRNOS = (errno.ENOENT, errno.ENOTDIR)


def is_absent(exc: OSError) -> bool:
    """True when an OSError says the path does not exist (rather than: could not be read)."""
    return exc.errno in _ABSENT_ERRNOS


# ----------------------------------------------------------------------------- paths and files


def resolve(root: Path, host_path: str) -> str:
    """``host_path`` with every symlink resolved inside ``root``, like realpath under a chroot.

    Components that do not exist are kept literally (a later stat reports them absent).
    Raises OSError when a component cannot be inspected (e.g. EACCES) or links loop.
    """
    todo = [p for p in host_path.split("/") if p]
    done: list[str] = []
    links = 0
    while todo:
        name = todo.pop(0)
        if name == ".":
            continue
        if name == "..":
            if done:
                done.pop()
            continue
        candidate = [*done, name]
        try:
            st = os.lstat(root.joinpath(*candidate))
        except OSError as e:
            if is_absent(e):
                return "/" + "/".join(candidate + todo)
            raise
        if not stat.S_ISLNK(st.st_mode):
            done = candidate
            continue
        links += 1
        if links > _MAX_LINKS:
            raise OSError(errno.ELOOP, "Too many levels of symbolic links", host_path)
        target = os.readlink(root.joinpath(*candidate))
        if target.startswith("/"):
            done = []
        todo = [p for p in target.split("/") if p] + todo
    return "/" + "/".join(done)


def host_file(ctx: Context, host_path: str) -> Path:
    """Where to read a host file from here, symlinks resolved inside host_root."""
    if ctx.host_root == Path("/"):
        return Path(host_path)
    return ctx.path(resolve(ctx.host_root, host_path))


def read_if_present(ctx: Context, section: str, host_path: str) -> tuple[bool, str | None]:
    """(present, text) of a host file.

    ``(False, None)`` when it is absent (not an error: absence is a fact); ``(True, None)``
    when it exists but could not be read, recorded as a FactError.
    """
    try:
        return True, host_file(ctx, host_path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        if is_absent(e):
            return False, None
        ctx.record_exc(section, host_path, e)
        return True, None


def read_required(ctx: Context, section: str, host_path: str) -> str | None:
    """Text of a host file the facts need; None when absent or unreadable, recorded either way."""
    present, text = read_if_present(ctx, section, host_path)
    if not present:
        ctx.record(section, host_path, "missing", "No such file or directory")
    return text


def list_dir(ctx: Context, section: str, host_dir: str, suffix: str = "") -> list[str] | None:
    """Sorted host paths of the entries of a host directory ending in ``suffix``.

    ``[]`` when the directory is absent; None when it could not be listed (recorded).
    """
    try:
        names = os.listdir(host_file(ctx, host_dir))
    except OSError as e:
        if is_absent(e):
            return []
        ctx.record_exc(section, host_dir, e)
        return None
    return [f"{host_dir.rstrip('/')}/{n}" for n in sorted(names) if n.endswith(suffix)]


def read_proc(ctx: Context, section: str, candidates: list[str]) -> str | None:
    """Text of the first readable of several files under the host /proc (e.g. ``1/mountinfo``
    then ``self/mountinfo``); None when none is, recording why the first one failed."""
    first: OSError | None = None
    for rel in candidates:
        try:
            return (ctx.proc / rel).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            first = first or e
    if first is not None:
        ctx.record_exc(section, f"/proc/{candidates[0]}", first)
    return None


# ----------------------------------------------------------------------------- commands


def run_command(ctx: Context, section: str, argv: list[str]) -> str | None:
    """stdout of a read-only helper command, or None with the reason recorded.

    Not installed gives kind ``unsupported``; a refusal mentioning permission gives
    ``permission``; a hang gives ``timeout``.
    """
    item = " ".join(argv)
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
                              stdin=subprocess.DEVNULL, check=False)
    except FileNotFoundError:
        ctx.record(section, item, "unsupported", f"{argv[0]} is not installed")
        return None
    except subprocess.TimeoutExpired:
        ctx.record(section, item, "timeout", f"no answer within {COMMAND_TIMEOUT:g}s")
        return None
    except OSError as e:
        ctx.record_exc(section, item, e)
        return None
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        lowered = message.lower()
        kind: ErrorKind = "permission" if ("permission" in lowered or "not permitted" in lowered) else "unsupported"
        ctx.record(section, item, kind, message)
        return None
    return done.stdout


# ----------------------------------------------------------------------------- processes


def pids(ctx: Context) -> list[int]:
    """Ids of the processes in the host /proc, ascending."""
    try:
        return sorted(int(n) for n in os.listdir(ctx.proc) if n.isdigit())
    except OSError:
        return []


def proc_bytes(ctx: Context, pid: int, name: str) -> bytes:
    """Raw /proc/<pid>/<name>; raises OSError (the process may be gone or hidden)."""
    return (ctx.proc / str(pid) / name).read_bytes()


def comm(ctx: Context, pid: int) -> str | None:
    """The process name of a pid, None when it cannot be read (e.g. it has exited)."""
    try:
        return proc_bytes(ctx, pid, "comm").decode(errors="replace").strip()
    except OSError:
        return None


def pids_named(ctx: Context, name: str) -> list[int]:
    """Pids whose /proc/<pid>/comm is exactly ``name``."""
    return [pid for pid in pids(ctx) if comm(ctx, pid) == name]


def nul_split(data: bytes) -> list[str]:
    """A NUL-separated /proc record (cmdline, environ) as strings."""
    return [part.decode(errors="replace") for part in data.split(b"\0") if part]


# ----------------------------------------------------------------------------- parsing


class PasswdEntry(NamedTuple):
    name: str
    uid: int
    gid: int


def _fields(text: str, minimum: int) -> list[list[str]]:
    """Colon-separated records of a passwd-style file, skipping comments and NIS +/- lines."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "+", "-")):
            continue
        parts = line.split(":")
        if len(parts) >= minimum:
            rows.append(parts)
    return rows


def parse_passwd(text: str) -> list[PasswdEntry]:
    """Accounts of an /etc/passwd text (name, uid, primary gid); malformed lines are skipped."""
    out = []
    for parts in _fields(text, 4):
        if parts[2].isdigit() and parts[3].isdigit():
            out.append(PasswdEntry(parts[0], int(parts[2]), int(parts[3])))
    return out


def parse_group(text: str) -> list[Group]:
    """Groups of an /etc/group text with their listed members (primary members not filled)."""
    out = []
    for parts in _fields(text, 3):
        if parts[2].isdigit():
            members = [m for m in (parts[3].split(",") if len(parts) > 3 else []) if m.strip()]
            out.append(Group(name=parts[0], gid=int(parts[2]), members=[m.strip() for m in members]))
    return out


_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.S)
_DECLARATIONS = {"export", "readonly", "declare", "typeset", "local"}
_KEYWORDS = {"then", "do", "else", "{"}


def shell_assignments(text: str) -> tuple[list[tuple[str, str]], list[int]]:
    """``VAR=value`` assignments of a shell-style file, unquoted like a shell would, in order.

    Understands ``export``, ``;``-separated commands and comments; ``VAR=x cmd`` (a command's own
    environment) is not an assignment. Returns the assignments and the numbers of lines that
    could not be split (unbalanced quotes).
    """
    found: list[tuple[str, str]] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        try:
            tokens = list(lexer)
        except ValueError:
            bad.append(number)
            continue
        command: list[str] = []
        for token in [*tokens, ";"]:
            if token and set(token) <= set(";&|"):
                found.extend(_command_assignments(command))
                command = []
            else:
                command.append(token)
    return found, bad


def _command_assignments(command: list[str]) -> list[tuple[str, str]]:
    """Assignments of one simple command: all of ``A=1 B=2``, the ``A=1`` of ``export A=1 B``."""
    while command and command[0] in _KEYWORDS:
        command = command[1:]
    declared = bool(command) and command[0] in _DECLARATIONS
    matches = [_ASSIGNMENT.fullmatch(t) for t in command[1:] if not t.startswith("-")] if declared \
        else [_ASSIGNMENT.fullmatch(t) for t in command]
    if not declared and not all(matches):
        return []
    return [(m.group(1), m.group(2)) for m in matches if m]
