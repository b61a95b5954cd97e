"""The embedded default engine: regopy (Microsoft rego-cpp), no server, no Go.

The modules are compiled once into a bundle whose entrypoints are the documents asked for;
each document is then a cheap entrypoint query (a plain regopy query recompiles everything).
Builtin errors are strict: regopy's default would make a rule that calls a builtin it lacks
silently undefined — a false pass. With strict errors the failure comes back as an error
*output*, which this class turns into :class:`EngineError`.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from importlib import metadata
from typing import Any, Iterator, Mapping, Sequence

from .._errors import EngineError, PolicyError
from .interface import Engine

# regopy reports parse errors as s-expressions: (error <len>:<file>|<offset>|<length> (errormsg <len>:<text>)
_ERROR = re.compile(r"\(error \d+:(?P<file>[^|]+)\|(?P<offset>\d+)\|\d+\s*\(errormsg \d+:(?P<msg>[^)\n]*)")


class RegopyEngine(Engine):
    name = "embedded"

    def __init__(self) -> None:
        try:
            import regopy
        except ImportError as e:  # pragma: no cover - regopy is a hard dependency
            raise EngineError(f"the embedded engine needs regopy: {e}") from None
        self._regopy = regopy
        self._compiler: Any = None
        self._modules: dict[str, str] = {}
        self._bundles: dict[tuple[str, ...], Any] = {}

    def describe(self) -> str:
        return f"embedded (regopy {metadata.version('regopy')})"

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        compiler = self._new_interpreter()
        for name, source in modules.items():
            try:
                with _native_stderr_silenced():
                    compiler.add_module(name, source)
            except self._regopy.RegoError as e:
                raise PolicyError(parse_error(str(e), modules)) from None
        if data:
            compiler.add_data_json(json.dumps(data))
        self._compiler, self._modules, self._bundles = compiler, dict(modules), {}

    def evaluate(self, path: str, input: Any) -> Any:
        value = self.evaluate_many([path], input)[path]
        if isinstance(value, EngineError):
            raise value
        return value

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        bundle = self._bundle(tuple(paths))
        runner = self._new_interpreter()
        runner.set_input_term(json.dumps({} if input is None else input))
        out: dict[str, Any] = {}
        for path in paths:
            try:
                out[path] = self._value(runner.query_bundle_entrypoint(bundle, path.replace(".", "/")), path)
            except EngineError as e:
                out[path] = e
            except self._regopy.RegoError as e:
                out[path] = EngineError(f"regopy could not evaluate data.{path}: {parse_error(str(e), self._modules)}")
        return out

    # -- internals -------------------------------------------------------

    def _new_interpreter(self) -> Any:
        interp = self._regopy.Interpreter()
        interp.strict_built_in_errors = True
        return interp

    def _bundle(self, paths: tuple[str, ...]) -> Any:
        if self._compiler is None:
            raise EngineError("no policies loaded")
        if paths not in self._bundles:
            try:
                with _native_stderr_silenced():
                    self._bundles[paths] = self._compiler.build(None, [p.replace(".", "/") for p in paths])
            except self._regopy.RegoError as e:
                raise PolicyError(parse_error(str(e), self._modules)) from None
        return self._bundles[paths]

    @staticmethod
    def _value(out: Any, path: str) -> Any:
        if not out.ok():
            # str() of an error output can crash regopy 1.5; the path is what the caller needs.
            raise EngineError(f"regopy failed evaluating data.{path} (a builtin error or an unsupported construct)")
        # Read the JSON text: Output.binding() aborts the process on an undefined result.
        text = str(out)
        if text == "undefined":
            return None
        try:
            doc = json.loads(text)
        except json.JSONDecodeError:
            # Seen with regopy 1.5: sprintf of a literal passed through a function keeps its
            # quotes and the output is no longer JSON. Fail this document, never guess.
            raise EngineError(f"regopy produced invalid output for data.{path} (a regopy sprintf quoting bug)") from None
        if isinstance(doc, list):
            doc = doc[0] if doc else {}
        expressions = doc.get("expressions") or []
        return expressions[0] if expressions else None


@contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """rego-cpp prints parse errors to fd 2 itself; the same text reaches us in the exception."""
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 (e.g. a daemonised process): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def parse_error(text: str, modules: Mapping[str, str]) -> str:
    """One line 'file:line: message' from regopy's s-expression error text."""
    m = _ERROR.search(text)
    if not m:
        return " ".join(text.split())[:300]
    file, offset, msg = m.group("file"), int(m.group("offset")), m.group("msg").strip()
    line = modules.get(file, "")[:offset].count("\n") + 1
    return f"{file}:{line}: {msg}"
