"""What every collector shares: where the host is, how to read it, where errors go."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._snapshot import ErrorKind, FactError
from . import _redact as redact

#: Called as progress(stage, done, total) while collecting; total is None when unknown.
ProgressCallback = Callable[[str, int, "int | None"], None]


def error_kind(exc: BaseException) -> ErrorKind:
    """Map an exception to the snapshot's error kinds ("absent" and "could not read" differ)."""
    if isinstance(exc, FileNotFoundError):
        return "missing"
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM):
        return "permission"
    if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
        return "missing"
    if isinstance(exc, (ValueError, UnicodeDecodeError)):
        return "invalid"
    return "unsupported"


def one_line(exc: BaseException | str) -> str:
    """A message on one line, for errors recorded in the snapshot."""
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())


@dataclass
class Context:
    """State shared by the collectors of one snapshot.

    ``host_root`` prefixes every host path (``/`` on the host; e.g. ``/host`` when the auditor runs
    in a container with the host's root mounted there). Errors are appended thread-safely.
    """

    host_root: Path = Path("/")
    include_env_values: bool = False
    scan_image_files: bool = True
    workers: int = 8
    progress: ProgressCallback | None = None
    errors: list[FactError] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # -- paths -----------------------------------------------------------

    def path(self, host_path: str) -> Path:
        """Where a host path is readable from here."""
        return self.host_root / host_path.lstrip("/")

    @property
    def proc(self) -> Path:
        """The host's /proc (under host_root when it holds one, else our own /proc)."""
        candidate = self.path("/proc")
        if self.host_root != Path("/") and not (candidate / "self").exists():
            return Path("/proc")
        return candidate

    # -- errors ----------------------------------------------------------

    def record(self, section: str, item: str, kind: ErrorKind, message: str | BaseException) -> None:
        err = FactError(section=section, item=item, kind=kind, message=one_line(message))
        with self._lock:
            self.errors.append(err)

    def record_exc(self, section: str, item: str, exc: BaseException) -> None:
        self.record(section, item, error_kind(exc), exc)

    def report(self, stage: str, done: int, total: int | None) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)


def env_looks_secret(name: str, value: str | None = None) -> bool:
    """A hint that an environment variable holds a secret, from its name (and value shape)."""
    if redact.is_secret_name(name):
        return True
    return value is not None and value.startswith(("-----BEGIN", "ghp_", "AKIA", "xox"))


def split_env(entries: list[str] | None, include_values: bool) -> list[dict[str, Any]]:
    """'NAME=value' strings to EnvVar dicts, dropping values unless the caller opted in."""
    out: list[dict[str, Any]] = []
    for entry in entries or []:
        name, _, value = entry.partition("=")
        out.append({"name": name, "looks_secret": env_looks_secret(name, value),
                    "value": value if include_values else None})
    return out

