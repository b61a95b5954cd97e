"""The one interface every Rego backend implements.

An engine holds Rego modules and a data document, and evaluates a document of ``data`` (a
package, a rule) against an input. It returns plain JSON values (sets come back as lists), or
``None`` when the document is undefined. Broken modules raise :class:`PolicyError` naming file
and line; evaluation failures raise :class:`EngineError`. No engine may turn an error into an
undefined value: that would let a control pass silently.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import EngineError

#: Seconds one document may take to evaluate before it is stopped (engines in worker processes).
DEFAULT_TIMEOUT = 60.0

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class JsonInput(str):
    """An input already serialised as JSON text (a snapshot's ``model_dump_json``, which cannot
    hold a lone surrogate): engines that read text take it as it is, the others parse it once."""


def input_json(value: Any) -> str:
    """The input as JSON text for an engine (None: the empty object). A lone UTF-16 surrogate
    (a snapshot file may hold one as an escape; it is not Unicode) becomes U+FFFD, as OPA's Go
    JSON reader reads it: regorus and the OPA binding would reject the whole input instead."""
    if isinstance(value, JsonInput):
        return str(value)
    return _LONE_SURROGATE.sub("\ufffd", json.dumps({} if value is None else value, ensure_ascii=False))


def input_value(value: Any) -> Any:
    """The input as a JSON value, for engines that take one (a :class:`JsonInput` parsed)."""
    return json.loads(value) if isinstance(value, JsonInput) else value


def load_key(modules: Mapping[str, str], data: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    """What identifies a load (the modules, and the data as canonical JSON): an engine given the
    same again keeps what it has (audit prepares, then evaluates with the same policies)."""
    return dict(modules), json.dumps(data, sort_keys=True)


class Engine(ABC):
    """A Rego backend: load modules and data once, evaluate documents many times."""

    #: Short name used in reports and on the command line (``embedded``, ``opa``, ``opa-server``).
    name: str

    @abstractmethod
    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        """Replace the loaded modules (file name -> Rego source) and the data document."""

    @abstractmethod
    def evaluate(self, path: str, input: Any) -> Any:
        """The value of ``data.<path>`` for ``input``; None when undefined."""

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        """Each path's value, or the EngineError it raised: one failing document never hides
        the others. Engines override this when they can share work across paths."""
        input = input_value(input)
        out: dict[str, Any] = {}
        for path in paths:
            try:
                out[path] = self.evaluate(path, input)
            except EngineError as e:
                out[path] = e
        return out

    def describe(self) -> str:
        """Name and version, for reports."""
        return self.name

    def start(self) -> None:  # noqa: B027 - optional hook: doing nothing is the right default
        """Get ready in the background (the embedded engine starts its worker processes), so
        that work done meanwhile, such as collecting the snapshot, hides the start-up."""

    def prepare(self, paths: Sequence[str]) -> None:  # noqa: B027 - optional hook, as start
        """Compile what evaluating these documents needs, in the background where the engine
        can, so that a later evaluate_many of the same paths finds it ready. Never raises:
        whatever fails here fails again, and is reported, when evaluated."""

    def close(self) -> None:  # noqa: B027 - optional hook, as start
        """Release native or network resources (worker processes, connections)."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ParentDocumentMixin:
    """evaluate_many for engines where one document costs about as much as many: evaluate each
    parent package once (``cis_docker_1_1_0`` for all controls) and read the children from it.
    When a parent fails, its children are evaluated one by one so only the culprit fails."""

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        input = input_value(input)
        groups: dict[str, list[tuple[str, str]]] = {}
        for path in paths:
            parent, _, leaf = path.rpartition(".")
            groups.setdefault(parent, []).append((path, leaf))
        out: dict[str, Any] = {}
        for parent, children in groups.items():
            try:
                doc = self.evaluate(parent, input) if parent else None  # type: ignore[attr-defined]
            except EngineError:
                doc = None
                parent = ""
            if parent and (doc is None or isinstance(doc, dict)):
                out.update({path: (doc or {}).get(leaf) for path, leaf in children})
            else:
                out.update(Engine.evaluate_many(self, [p for p, _ in children], input))  # type: ignore[arg-type]
        return out
