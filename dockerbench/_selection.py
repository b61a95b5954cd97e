"""Which controls are decided: one :class:`Selection`, the same for evaluate(), prepare() and audit().

An audit compiles its policies while it reads the host (``prepare``) and evaluates them after
(``evaluate``); both take the same Selection, so what is compiled is what is evaluated. The
keyword options of those functions (``benchmark=``, ``controls=``, ...) are its fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ._errors import UsageError
from ._policies import Control, PolicySet, load_policies

if TYPE_CHECKING:  # pragma: no cover
    from .engines import Engine

__all__ = ["AuditOptions", "Selection", "SelectionOptions"]


class SelectionOptions(TypedDict, total=False):
    """The keyword form of a :class:`Selection` (``evaluate(snap, benchmark=..., controls=...)``)."""

    benchmark: str | None
    controls: Sequence[str] | None
    exclude: Sequence[str] | None
    level: int | None
    scored_only: bool
    params: Mapping[str, Any] | None
    policy_dirs: Iterable[str | Path]


class AuditOptions(SelectionOptions, total=False):
    """audit()'s keywords: a Selection's fields and :func:`dockerbench.snapshot`'s options
    (tests/test_snapshot_api.py checks these against snapshot()'s signature)."""

    docker_host: str | None
    host_root: str | Path
    include_env_values: bool
    scan_image_files: bool
    timeout: float
    workers: int
    allow_partial: bool
    progress: Any


@dataclass(frozen=True)
class Selection:
    """The benchmark (profile) and which of its controls, decided with which organisation
    policies and parameters.

    ``benchmark``: ``cis-docker-1.1.0`` (default), ``cis-docker-1.8.0``, ... ; ``controls`` and
    ``exclude``: ids ('5.4'), sections ('5') and globs ('5.*'); ``level``: this CIS level or
    lower; ``params``: ``data.dockerbench.params``; ``policy_dirs``: directories whose controls
    are added or replace the built-in ones by id.
    """

    benchmark: str | None = None
    controls: Sequence[str] | None = None
    exclude: Sequence[str] | None = None
    level: int | None = None
    scored_only: bool = False
    params: Mapping[str, Any] | None = None
    policy_dirs: Iterable[str | Path] = field(default=())

    def __post_init__(self) -> None:  # a list, a string or a generator: kept as a tuple (hashable, reusable)
        for name in ("controls", "exclude", "policy_dirs"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                if isinstance(value, (str, Path)):
                    value = (value,)
                object.__setattr__(self, name, tuple(value))

    @classmethod
    def of(cls, selection: Selection | None = None, **options: Any) -> Selection:
        """``selection`` (default: everything) with the keyword options given replacing its fields."""
        base = selection if selection is not None else cls()
        unknown = set(options) - set(SelectionOptions.__optional_keys__)
        if unknown:
            raise TypeError(f"unexpected keyword argument {sorted(unknown)[0]!r}")
        return dataclasses.replace(base, **options) if options else base

    def load(self, engine: Engine) -> tuple[PolicySet, list[Control]]:
        """Load the benchmark's policies and the params into ``engine``; the policy set and its
        selected controls, in order. :class:`UsageError` when no control matches."""
        from ._params import validate_params  # pydantic, imported while the host is read

        policies = load_policies(self.policy_dirs, self.benchmark)
        selected = policies.select(self.controls, self.exclude, self.level, self.scored_only)
        if not selected:
            raise UsageError("no control matches the selection")
        engine.load(policies.modules, {"dockerbench": {"params": validate_params(self.params)}})
        return policies, selected
