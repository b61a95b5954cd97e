"""Rego backends behind one interface (:class:`Engine`).

    embedded    regorus (Rust), default                    regorus_engine.RegorusEngine
    opa         real OPA in-process (Go rego via a wheel)  opa_inprocess.OpaInProcessEngine
    opa-server  an OPA server over REST                    opa_server.OpaServerEngine

``embedded`` and ``opa`` run in worker processes (workers.WorkerPoolEngine), so a document that
does not terminate is stopped after ``timeout`` seconds and Ctrl-C stops an evaluation at once.
"""

from __future__ import annotations

import os
from typing import Any

from .._errors import EngineError, UsageError
from .interface import DEFAULT_TIMEOUT, Engine

ENGINE_NAMES = ("embedded", "opa", "opa-server")

__all__ = ["DEFAULT_TIMEOUT", "ENGINE_NAMES", "Engine", "available_engines", "make_engine"]


def make_engine(
    engine: Engine | str | None = None, *, workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT, **options: Any,
) -> Engine:
    """An Engine from a name (or pass an instance through). Options go to the OPA server engine.

    ``embedded`` (regorus) runs in ``workers`` processes (default: one per usable CPU, at most 4)
    that split the controls; ``opa`` in one. ``workers=0`` evaluates in this process instead:
    fastest for a single small evaluation, but without the timeout. ``timeout`` bounds each
    document's evaluation in seconds (None: no bound); the OPA server engine uses it for HTTP.
    """
    if isinstance(engine, Engine):
        return engine
    name = engine or "embedded"
    if name not in ENGINE_NAMES:
        raise EngineError(f"unknown engine {name!r} (choose from {', '.join(ENGINE_NAMES)})")
    if name == "opa-server":
        from .opa_server import OpaServerEngine

        if not options.get("url"):
            raise UsageError("the opa-server engine needs the server's url (make_engine('opa-server', url=...))")
        unknown = sorted(set(options) - {"url", "token", "ca_cert", "client_cert"})
        if unknown:
            raise UsageError(f"unknown option {unknown[0]!r} for the opa-server engine "
                             "(it takes url, token, ca_cert, client_cert)")
        if timeout is not None:
            options["timeout"] = timeout
        return OpaServerEngine(**options)
    if options:
        raise UsageError(f"engine {name!r} takes no option {sorted(options)[0]!r}")
    if workers == 0:
        return _in_process(name)
    _in_process(name)  # fails here, with the install hint, when the engine is not installed
    from .workers import WorkerPoolEngine

    count = workers if workers is not None else (default_workers() if name == "embedded" else 1)
    return WorkerPoolEngine(name, workers=count, timeout=timeout)


def _in_process(name: str) -> Engine:
    if name == "embedded":
        from .regorus_engine import RegorusEngine

        return RegorusEngine()
    from .opa_inprocess import OpaInProcessEngine

    return OpaInProcessEngine()


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
            _in_process(name).close()
            names.append(name)
        except EngineError:
            pass
    return names
