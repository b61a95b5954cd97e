"""The embedded default engine: regopy (Microsoft rego-cpp), no server, no Go.

Documents are compiled into bundles whose entrypoints are the documents asked for; each
document is then a cheap entrypoint query (a plain regopy query recompiles everything). A
bundle holds only the modules its documents need (see _modgraph): regopy evaluates more slowly
the more a bundle holds. Bundles are kept while the same modules and data are loaded, but not
on disk: regopy 1.5's binary bundle files lose string escapes (a loaded bundle emits invalid
JSON), and its JSON bundle files load more slowly than the policies compile.
Builtin errors are strict: regopy's default would make a rule that calls a builtin it lacks
silently undefined — a false pass. With strict errors the failure comes back as an error
*output*, which this class turns into :class:`EngineError`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager
from importlib import metadata
from typing import Any, Iterator, Mapping, Sequence

from .._errors import EngineError, PolicyError
from ._modgraph import ModuleGraph
from ._regopy_input import build_input
from .interface import Engine

# regopy 1.5 now and then fails a pass of a valid compilation without raising: it prints
# "Pass unify failed ..." and returns a bundle that crashes when queried. Builds are retried.
_BUILD_ATTEMPTS = 3

# regopy keeps every string in its JSON-escaped source form (a module's literals, and an input
# set from JSON text). Building the input from Python values (_regopy_input) is ~4x faster than
# set_input_term's JSON parser, so the input is given as values whose strings carry those same
# escapes: each escape of the JSON text is escaped once more before json.loads.
_JSON_ESCAPE = re.compile(r"\\(.)")
_KEEP_ESCAPE = {'"': r"\\\"", "\\": r"\\\\"}  # \" -> \\\", \\ -> \\\\, any other \x -> \\x

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
        self._modules: dict[str, str] | None = None
        self._data_json = "{}"
        self._graph = ModuleGraph({})
        self._bundles: dict[tuple[tuple[str, ...], tuple[str, ...]], Any] = {}

    def describe(self) -> str:
        return f"embedded (regopy {metadata.version('regopy')})"

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        data_json = json.dumps(data, sort_keys=True)
        if self._modules == modules and self._data_json == data_json:
            return  # the same policies again (a notebook re-evaluating): keep the compiled bundles
        parser = self._new_interpreter()
        for name, source in modules.items():  # parse everything now: a broken file fails the load
            try:
                with _native_stderr_captured():  # rego-cpp prints parse errors itself; we get them in e
                    parser.add_module(name, source)
            except self._regopy.RegoError as e:
                raise PolicyError(parse_error(str(e), modules)) from None
        self._modules, self._data_json, self._bundles = dict(modules), data_json, {}
        self._graph = ModuleGraph(modules)

    def evaluate(self, path: str, input: Any) -> Any:
        value = self.evaluate_many([path], input)[path]
        if isinstance(value, EngineError):
            raise value
        return value

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        if self._modules is None:
            raise EngineError("no policies loaded")
        runner = self._new_interpreter()
        text = json.dumps({} if input is None else input)
        built = build_input(self._regopy, _escapes_kept(text))
        if built is not None:
            runner.set_input(built)
        else:  # e.g. an integer beyond 64 bits, which regopy.Input would wrap around silently
            runner.set_input_term(text)
        out: dict[str, Any] = {}
        for group, modules in self._graph.groups(paths):
            try:
                bundle = self._bundle(tuple(group), tuple(modules))
            except EngineError as e:  # this group's documents fail; the other groups go on
                out.update({path: e for path in group})
                continue
            for path in group:
                try:
                    out[path] = self._value(runner.query_bundle_entrypoint(bundle, path.replace(".", "/")), path)
                except EngineError as e:
                    out[path] = e
                except self._regopy.RegoError as e:
                    out[path] = EngineError(f"regopy could not evaluate data.{path}: {parse_error(str(e), self._modules)}")
        return {path: out[path] for path in paths}

    def prepare(self, paths: Sequence[str]) -> None:
        if self._modules is None:
            return
        for group, modules in self._graph.groups(paths):
            try:
                self._bundle(tuple(group), tuple(modules))
            except (EngineError, PolicyError):
                pass  # evaluate_many meets it again and reports it

    # -- internals -------------------------------------------------------

    def _new_interpreter(self) -> Any:
        interp = self._regopy.Interpreter()
        interp.strict_built_in_errors = True
        return interp

    def _bundle(self, paths: tuple[str, ...], modules: tuple[str, ...]) -> Any:
        """The compiled bundle of these modules with these entrypoints (cached)."""
        key = (paths, modules)
        if key not in self._bundles:
            assert self._modules is not None
            native = ""
            for _ in range(_BUILD_ATTEMPTS):
                compiler = self._new_interpreter()
                try:
                    with _native_stderr_captured() as captured:
                        for name in modules:
                            compiler.add_module(name, self._modules[name])
                        compiler.add_data_json(self._data_json)
                        bundle = compiler.build(None, [p.replace(".", "/") for p in paths])
                        native = captured()
                except self._regopy.RegoError as e:
                    raise PolicyError(parse_error(str(e), self._modules)) from None
                if "failed" not in native:
                    self._bundles[key] = bundle
                    break
            else:
                raise EngineError(f"regopy could not compile {len(paths)} documents: {' '.join(native.split())[:200]}")
        return self._bundles[key]

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


def _escapes_kept(text: str) -> Any:
    """The JSON text as Python values whose strings keep their JSON escapes (see _JSON_ESCAPE)."""
    return json.loads(_JSON_ESCAPE.sub(lambda m: _KEEP_ESCAPE.get(m.group(1), r"\\" + m.group(1)), text))


@contextmanager
def _native_stderr_captured() -> Iterator[Any]:
    """Collect what rego-cpp prints to fd 2 meanwhile; yields a function returning the text."""
    with tempfile.TemporaryFile(mode="w+") as sink:
        try:
            saved = os.dup(2)
        except OSError:  # no fd 2 (e.g. a daemonised process): nothing to capture
            yield lambda: ""
            return
        try:
            os.dup2(sink.fileno(), 2)
            yield lambda: (sink.seek(0), sink.read())[1]
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
