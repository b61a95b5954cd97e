"""Build fake host-root trees for collector tests: real files, real modes, real symlinks."""

from __future__ import annotations

import os
from pathlib import Path

PASSWD = """\
root:x:0:0:root:/root:/bin/bash
alice:x:1234:4242:Alice:/home/alice:/bin/sh
bob:x:1235:100::/home/bob:/bin/sh
carol:x:1236:4242::/home/carol:/bin/sh
"""
GROUP = """\
root:x:0:
users:x:100:
docker:x:4242:bob,dave
"""


def put(root: Path, path: str, text: str = "", mode: int = 0o644) -> Path:
    """Write the host file ``path`` under ``root`` with exactly ``mode``."""
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    os.chmod(target, mode)
    return target


def link(root: Path, path: str, target: str) -> Path:
    """A symlink ``path`` -> ``target`` under ``root`` (absolute targets are host paths)."""
    at = root / path.lstrip("/")
    at.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, at)
    return at


BOOT_TIME = 1_700_000_000


def process(root: Path, pid: int, argv: list[str], *, comm: str | None = None,
            environ: dict[str, str] | None = None, exe: str | None = None,
            sockets: tuple[int, ...] = (), ppid: int = 1, uid: int = 0, gid: int = 0,
            id_map: str | None = None) -> None:
    """A fake /proc/<pid> with comm, cmdline, environ, stat, status (real ``uid``/``gid``), exe,
    fd links ``socket:[inode]`` and, when ``id_map`` is given, that text as uid_map and gid_map.

    The process started 500 s after a boot at BOOT_TIME (stat field 22, in 100 Hz ticks).
    """
    base = f"/proc/{pid}"
    name = comm or Path(argv[0]).name
    put(root, f"{base}/comm", name + "\n")
    put(root, f"{base}/stat", f"{pid} ({name}) S {ppid} {pid} {pid} 0 -1 4194560" + " 0" * 12 + " 50000 0 0\n")
    put(root, "/proc/stat", f"cpu  1 2 3 4\nbtime {BOOT_TIME}\n")
    put(root, f"{base}/cmdline", "\0".join(argv) + "\0")
    put(root, f"{base}/environ", "".join(f"{k}={v}\0" for k, v in (environ or {}).items()))
    put(root, f"{base}/status", f"Name:\t{name}\nPPid:\t{ppid}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\n"
        f"Gid:\t{gid}\t{gid}\t{gid}\t{gid}\n")
    if id_map is not None:
        put(root, f"{base}/uid_map", id_map)
        put(root, f"{base}/gid_map", id_map)
    if exe:
        link(root, f"{base}/exe", exe)
    (root / base.lstrip("/") / "fd").mkdir(exist_ok=True)
    for fd, inode in enumerate(sockets, start=3):
        link(root, f"{base}/fd/{fd}", f"socket:[{inode}]")


def base_host(root: Path) -> Path:
    """The minimum every fixture host has: its own /proc (so the real one is never read),
    /etc/passwd and /etc/group."""
    (root / "proc" / "self").mkdir(parents=True, exist_ok=True)
    put(root, "/etc/passwd", PASSWD)
    put(root, "/etc/group", GROUP)
    return root
