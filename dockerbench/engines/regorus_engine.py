"""The embedded default engine: regorus (Microsoft's Rust Rego interpreter), in-process.

regorus comes from PyPI as ``gordon-to-regorus``: an automated, unmodified re-publish of
upstream's ``bindings/python`` (Microsoft does not publish the binding to PyPI). The version is
pinned in pyproject.toml and its provenance (the wheel's SBOM) is checked by a test.

Policies are parsed when loaded, so a broken file fails the load with file and line. A package
document is read with one query and comes back as JSON text (sets as arrays). Any exception the
binding raises, whatever its type, becomes :class:`EngineError` with regorus's own message:
no failure turns into an undefined value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from importlib import metadata
from typing import Any

from .._errors import EngineError, PolicyError
from .interface import Engine, ParentDocumentMixin, input_json, load_key

DISTRIBUTION = "gordon-to-regorus"

# regorus error text: "--> file.rego:3:1\n  |\n3 | ...\nerror: message\n\nStack backtrace: ..."
_LOCATION = re.compile(r"-->\s*(?P<file>.+?):(?P<line>\d+):\d+")
_MESSAGE = re.compile(r"^error:\s*(?P<msg>.+)$", re.M)

# Passed as the input of evaluate() when set_input_json has set it for the queries that follow.
_ALREADY_SET: Any = object()


class RegorusEngine(ParentDocumentMixin, Engine):
    """regorus in this process: the fastest engine, but without a timeout (see workers.py)."""

    name = "embedded"

    def __init__(self) -> None:
        try:
            import regorus
        except ImportError as e:  # pragma: no cover - a hard dependency
            raise EngineError(f"the embedded engine needs regorus (pip install {DISTRIBUTION}): {e}") from None
        self._regorus = regorus
        self._engine: Any = None
        self._loaded: tuple[dict[str, str], str] | None = None

    def describe(self) -> str:
        return f"embedded (regorus {metadata.version(DISTRIBUTION)})"

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        loaded = load_key(modules, data)
        if self._engine is not None and self._loaded == loaded:
            return  # the same policies again (audit prepares, then evaluates)
        engine = self._regorus.Engine()
        for name, source in modules.items():
            try:
                engine.add_policy(name, source)
            except Exception as e:  # noqa: BLE001 - the binding raises RuntimeError, maybe more
                raise PolicyError(one_line(str(e), name)) from None
        try:
            engine.add_data_json(loaded[1])
        except Exception as e:  # noqa: BLE001
            raise PolicyError(f"policy data rejected by regorus: {one_line(str(e))}") from None
        self._engine, self._loaded = engine, loaded

    def evaluate(self, path: str, input: Any) -> Any:
        if input is not _ALREADY_SET:
            self.set_input_json(input_json(input))
        return self._query(path)

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        self.set_input_json(input_json(input))
        return self.evaluate_many_json(paths, None)

    def evaluate_many_json(self, paths: Sequence[str], text: str | None, *, alone: bool = False) -> dict[str, Any]:
        """evaluate_many for an input given as JSON text (None: the input set last): the
        input is parsed once, and each parent package is one query (see ParentDocumentMixin)
        unless ``alone``, where each document is its own query."""
        if text is not None:
            self.set_input_json(text)
        if alone:
            return Engine.evaluate_many(self, paths, _ALREADY_SET)
        return ParentDocumentMixin.evaluate_many(self, paths, _ALREADY_SET)

    def set_input_json(self, text: str) -> None:
        """Set the input from JSON text, once for the queries that follow."""
        if self._engine is None:
            raise EngineError("no policies loaded")
        try:
            self._engine.set_input_json(text)
        except Exception as e:  # noqa: BLE001
            raise EngineError(f"regorus rejected the input: {one_line(str(e))}") from None

    def _query(self, path: str) -> Any:
        try:
            out = json.loads(self._engine.eval_query_as_json(f"data.{path}"))
        except Exception as e:  # noqa: BLE001 - a panic, a builtin error, a decode error: all the same to the caller
            raise EngineError(f"regorus failed evaluating data.{path}: {one_line(str(e))}") from None
        results = out.get("result") or []
        if not results:
            return None
        expressions = results[0].get("expressions") or []
        return expressions[0].get("value") if expressions else None

    def close(self) -> None:
        self._engine = None


def one_line(text: str, default_file: str | None = None) -> str:
    """'file:line: message' from regorus's multi-line error text (its backtrace dropped)."""
    text = text.split("Stack backtrace:")[0]
    loc, msg = _LOCATION.search(text), _MESSAGE.search(text)
    message = msg.group("msg").strip() if msg else " ".join(text.split())[:300]
    if loc:
        return f"{loc.group('file')}:{loc.group('line')}: {message}"
    return f"{default_file}: {message}" if default_file else message
