"""Rego backends behind one interface (:class:`Engine`).

    embedded    regopy, in-process (default)              regopy_engine.RegopyEngine
    opa         real OPA in-process (Go rego via a wheel)  opa_inprocess.OpaInProcessEngine
    opa-server  an OPA server over REST                    opa_server.OpaServerEngine
"""

from __future__ import annotations

import os
from typing import Any

from .._errors import EngineError
from .interface import Engine

ENGINE_NAMES = ("embedded", "opa", "opa-server")

__all__ = ["ENGINE_NAMES", "Engine", "available_engines", "make_engine"]


def make_engine(
    engine: Engine | str | None = None, *, isolated: bool = True, workers: int | None = None, **options: Any
) -> Engine:
    """An Engine from a name (or pass an instance through). Options go to the OPA server engine.

    The embedded engine runs in worker subprocesses unless ``isolated=False``: a native crash of
    regopy then fails one evaluation with EngineError instead of killing the caller. It starts
    up to ``workers`` of them (default: one per CPU this process may use, at most 4) and spreads
    the controls over them; regopy itself uses one core.
    """
    if isinstance(engine, Engine):
        return engine
    name = engine or "embedded"
    if name == "embedded":
        if isolated:
            from .isolated import IsolatedEngine

            return IsolatedEngine("embedded", workers=workers or default_workers())
        from .regopy_engine import RegopyEngine

        return RegopyEngine()
    if name == "opa":
        from .opa_inprocess import OpaInProcessEngine

        return OpaInProcessEngine()
    if name == "opa-server":
        from .opa_server import OpaServerEngine

        return OpaServerEngine(**options)
    raise EngineError(f"unknown engine {name!r} (choose from {', '.join(ENGINE_NAMES)})")


def default_workers() -> int:
    """One embedded-engine worker per usable CPU, at most 4 (each holds its own copy of the input)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(4, cpus))


def available_engines() -> list[str]:
    """In-process engines installed here (the OPA server engine needs a URL, so it is not listed)."""
    names = []
    for name in ("embedded", "opa"):
        try:
            make_engine(name).close()
            names.append(name)
        except EngineError:
            pass
    return names
