"""The one exception tree of dockerbench.

Every error the library raises on purpose derives from :class:`DockerbenchError`, so a caller
can catch one type. Third-party exceptions (docker SDK, pydantic, engines) are translated at
the boundary; their text is kept in the message, which is always a single line.

    DockerbenchError
    ├── SnapshotError      a snapshot document is unreadable, malformed or of another schema
    ├── ReportError        a report document is unreadable, malformed or of another schema
    ├── CollectionError    the live host could not be collected (e.g. the daemon is unreachable)
    ├── PolicyError        a Rego file or its METADATA is broken (names file and line)
    ├── EngineError        the Rego engine failed or is not installed
    └── UsageError         the caller asked for something that does not exist (unknown control id),
                           or gave malformed parameters or waivers

Warnings (``warnings.warn``; the CLI prints each as one ``dockerbench: warning:`` line):

    PolicyWarning          a policy directory holds something that will not do what it seems to
"""

from __future__ import annotations


class DockerbenchError(Exception):
    """Root of every error dockerbench raises on purpose. ``str(e)`` is one line."""

    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class SnapshotError(DockerbenchError):
    """A snapshot document could not be read or does not match the schema."""

    exit_code = 2


class ReportError(DockerbenchError):
    """A report document could not be read or does not match the schema."""

    exit_code = 2


class CollectionError(DockerbenchError):
    """Collection from the live host failed as a whole (a partial snapshot may be attached)."""

    exit_code = 3

    def __init__(self, message: str, snapshot: object | None = None) -> None:
        super().__init__(message)
        #: The partial snapshot, when one could be built (host and file facts still collected).
        self.snapshot = snapshot


class PolicyError(DockerbenchError):
    """A policy file, its METADATA block or the policy data is broken."""

    exit_code = 2


class EngineError(DockerbenchError):
    """The Rego engine failed, is not installed, or cannot be reached."""

    exit_code = 3


class UsageError(DockerbenchError):
    """The caller asked for something that does not exist, such as an unknown control id."""

    exit_code = 2


class PolicyWarning(UserWarning):
    """A policy directory holds a file that defines no control and is not a library."""
