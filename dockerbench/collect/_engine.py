"""Helpers shared by the collectors of Engine objects (networks, images, containers, swarm).

They turn Engine API answers into snapshot values (times, health checks, environment) and
Engine API failures into recorded :class:`~dockerbench.FactError` s, and run one task per
object on ``ctx.workers`` threads with progress reports.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import datetime
from typing import Any, TypeVar

from .._snapshot import EnvVar, ErrorKind, Healthcheck
from . import _redact as redact
from ._api import ENGINE_ERRORS, EngineNotFound
from ._context import Context, error_kind, split_env

T = TypeVar("T")
R = TypeVar("R")

#: What converting an odd Engine answer can raise; recorded as "invalid", never fatal.
SHAPE_ERRORS: tuple[type[BaseException], ...] = (LookupError, TypeError, ValueError, AttributeError,
                                                 tarfile.TarError)


def api_error_kind(exc: BaseException) -> ErrorKind:
    """The error kind of a failed Engine API call: timeout, missing (404) or engine_error."""
    if isinstance(exc, EngineNotFound):
        return "missing"
    if isinstance(exc, TimeoutError) or "timed out" in str(exc).lower():
        return "timeout"
    if isinstance(exc, ENGINE_ERRORS):
        return "engine_error"
    return error_kind(exc)


def record_api_error(ctx: Context, section: str, item: str, exc: BaseException) -> None:
    """Record a failed Engine API call (or an answer of an unexpected shape)."""
    kind: ErrorKind = "invalid" if isinstance(exc, SHAPE_ERRORS) else api_error_kind(exc)
    ctx.record(section, item, kind, f"{type(exc).__name__}: {exc}" if kind == "invalid" else exc)


def fetch(ctx: Context, section: str, item: str, call: Callable[[], T]) -> T | None:
    """``call()``'s answer, or None with the failure recorded under (section, item)."""
    try:
        return call()
    except ENGINE_ERRORS as e:
        record_api_error(ctx, section, item, e)
        return None


class Vanished(Exception):
    """The object was removed between the list call and its inspect: it is no longer a fact."""


def inspect(ctx: Context, section: str, item: str, call: Callable[[], T]) -> T | None:
    """Like :func:`fetch` for an object's inspect, but a 404 raises :class:`Vanished`."""
    try:
        return call()
    except EngineNotFound as e:
        raise Vanished(item) from e
    except ENGINE_ERRORS as e:
        record_api_error(ctx, section, item, e)
        return None


def for_each(ctx: Context, stage: str, items: Sequence[T], task: Callable[[T], R]) -> list[R]:
    """``task(item)`` for every item on ``ctx.workers`` threads, results in input order.

    Progress goes to ``ctx.report(stage, done, total)``. Tasks record their own failures;
    an exception escaping a task is a bug and propagates.
    """
    total = len(items)
    ctx.report(stage, 0, total)
    if total == 0:
        return []
    results: list[Any] = [None] * total
    with ThreadPoolExecutor(max_workers=min(ctx.workers, total),
                            thread_name_prefix=f"dockerbench-{stage}") as pool:
        futures = {pool.submit(task, item): index for index, item in enumerate(items)}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            ctx.report(stage, done, total)
    return results


def collect_listed(ctx: Context, stage: str, what: str, listing: Callable[[], Sequence[T]],
                   build: Callable[[T], R | None]) -> list[R] | None:
    """Each listed object built by ``build(summary)`` on the worker threads, in list order,
    without those that vanished since the list (build gave None); None (recorded under
    (stage, what)) when the list itself cannot be read."""
    listed = fetch(ctx, stage, what, listing)
    if listed is None:
        return None
    return [built for built in for_each(ctx, stage, listed, build) if built is not None]


_RFC3339 = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def unix_time(value: str | int | None) -> int | None:
    """Epoch seconds of an Engine timestamp (RFC 3339 with nanoseconds, or already a number).

    Go's zero time (``0001-01-01T00:00:00Z``, "never") and unparsable text give None.
    """
    if value is None or isinstance(value, int):
        return value
    match = _RFC3339.match(value.strip())
    if not match:
        return None
    zone = "+00:00" if match.group(2) == "Z" else match.group(2)
    parsed = datetime.fromisoformat(match.group(1) + zone)
    return None if parsed.year <= 1 else int(parsed.timestamp())


def healthcheck(config: dict[str, Any] | None) -> Healthcheck | None:
    """A Config.Healthcheck object; None when there is none (Test ["NONE"] is kept as is)."""
    if not config:
        return None
    return Healthcheck(test=redact.argv([str(t) for t in config.get("Test") or []]), interval_ns=config.get("Interval"),
                       timeout_ns=config.get("Timeout"), retries=config.get("Retries"))


def env_vars(entries: list[str] | None, include_values: bool) -> list[EnvVar]:
    """'NAME=value' entries as EnvVars; values dropped unless the caller opted in."""
    return [EnvVar(**e) for e in split_env(entries, include_values)]


def labels(value: dict[str, Any] | None) -> dict[str, str]:
    """Labels as strings, a secret-looking key's value and secrets in other values redacted."""
    return redact.mapping(text_map(value))


def text_map(value: dict[str, Any] | None) -> dict[str, str]:
    """A labels/options map with None made empty and every value a string."""
    return {str(k): "" if v is None else str(v) for k, v in (value or {}).items()}
