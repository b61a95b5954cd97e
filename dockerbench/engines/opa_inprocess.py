"""Real OPA in-process, through the ``opa-golib-python-bindings`` wheel (OPA's Go ``rego``).

It is the conformance reference in tests. Install it with
``pip install --ignore-requires-python opa-golib-python-bindings``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import metadata
from typing import Any

from .._errors import EngineError, PolicyError
from .interface import Engine, ParentDocumentMixin, input_value, load_key

_LOCATION = re.compile(r"(?P<file>[^\s:]+\.rego):(?P<line>\d+)(?::\d+)?:?\s*(?P<msg>.*)")


class OpaInProcessEngine(ParentDocumentMixin, Engine):
    name = "opa"

    def __init__(self) -> None:
        try:
            from opa_bindings import OpaEngine, OpaError, OpaUndefinedError
        except ImportError:
            raise EngineError(
                "real OPA in-process needs the opa-golib-python-bindings wheel: "
                "pip install --ignore-requires-python opa-golib-python-bindings"
            ) from None
        self._cls, self._error, self._undefined = OpaEngine, OpaError, OpaUndefinedError
        self._engine: Any = None
        self._loaded: tuple[dict[str, str], str] | None = None

    def describe(self) -> str:
        return f"opa (in-process, opa-golib-python-bindings {metadata.version('opa-golib-python-bindings')})"

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        loaded = load_key(modules, data)
        if self._engine is not None and self._loaded == loaded:
            return  # the same policies again (audit prepares, then evaluates)
        engine = self._cls()
        for name, source in modules.items():
            try:
                engine.add_policy(name, source)
            except self._error as e:
                engine.close()
                raise PolicyError(_one_line(e.message)) from None
        if data:
            engine.add_data(dict(data))
        if self._engine is not None:
            self._engine.close()
        self._engine, self._loaded = engine, loaded

    def evaluate(self, path: str, input: Any) -> Any:
        if self._engine is None:
            raise EngineError("no policies loaded")
        try:
            return self._engine.eval_document(path, input_value(input))
        except self._undefined:
            return None
        except self._error as e:
            raise EngineError(f"OPA failed evaluating data.{path}: {_one_line(e.message)}") from None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None


def _one_line(message: str) -> str:
    """OPA errors span lines ('1 error occurred: file.rego:3: rego_parse_error: ...'); keep the first."""
    for line in message.splitlines():
        m = _LOCATION.search(line)
        if m:
            return f"{m.group('file')}:{m.group('line')}: {m.group('msg').strip()}"
    return " ".join(message.split())[:300]
