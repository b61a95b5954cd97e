"""Run an in-process engine in a worker subprocess, so a native crash cannot take the caller down.

regopy (rego-cpp) can abort or segfault on some inputs. Evaluated in the caller's process that
would lose every result — and kill a notebook kernel or a CI job with no message. Here the
engine lives in ``python -m dockerbench.engines.isolated NAME``; a crash becomes an
:class:`EngineError` for the one document being evaluated, and the worker is restarted (with
the same modules, data and input) for the next one.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping, Sequence

from .._errors import DockerbenchError, EngineError, PolicyError
from .interface import Engine

_ERRORS: dict[str, type[DockerbenchError]] = {"PolicyError": PolicyError, "EngineError": EngineError}


class IsolatedEngine(Engine):
    """An engine (by name) evaluated in a child process, restarted after a crash."""

    def __init__(self, inner: str, *, timeout: float = 300.0) -> None:
        self.name = inner
        self.timeout = timeout
        self._inner = inner
        self._proc: subprocess.Popen[str] | None = None
        self._modules: dict[str, str] = {}
        self._data: dict[str, Any] = {}
        self._input: Any = None
        self._input_sent = False
        self._description: str | None = None

    def describe(self) -> str:
        if self._description is None:
            self._description = self._call({"op": "describe"})["value"]
        return self._description

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        self._modules, self._data = {}, {}  # a restart replays only a load that succeeded
        self._call({"op": "load", "modules": dict(modules), "data": dict(data)})
        self._modules, self._data = dict(modules), dict(data)

    def evaluate(self, path: str, input: Any) -> Any:
        return self._call(self._with_input({"op": "eval", "path": path}, input), what=f"data.{path}")["value"]

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        """All paths in one request; after a crash, path by path so only the culprit fails."""
        try:
            answer = self._call(self._with_input({"op": "eval_many", "paths": list(paths)}, input),
                                what=f"{len(paths)} documents")
        except EngineError:
            return super().evaluate_many(paths, input)
        return {p: EngineError(v["error"]["message"]) if isinstance(v, dict) and "__error__" in v else v
                for p, v in ((p, answer["value"].get(p)) for p in paths)}

    def _with_input(self, request: dict[str, Any], input: Any) -> dict[str, Any]:
        if input is not self._input or not self._input_sent:
            self._input, self._input_sent = input, True
            request["input"] = input
        return request

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        self._proc = None

    # -- plumbing --------------------------------------------------------

    def _start(self) -> subprocess.Popen[str]:
        # The worker imports this very copy of dockerbench, not whichever one sys.path finds first.
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        proc = subprocess.Popen(
            [sys.executable, "-m", "dockerbench.engines.isolated", self._inner],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
        )
        self._proc = proc
        hello = self._exchange({"op": "describe"})
        if hello is None:
            raise EngineError(f"the {self._inner} engine worker did not start")
        if "error" in hello:
            self.close()
            raise _ERRORS.get(hello["error"]["type"], EngineError)(hello["error"]["message"])
        if self._modules:  # a restart: bring the new worker to the same state
            self._exchange({"op": "load", "modules": self._modules, "data": self._data})
            self._input_sent = False
        return proc

    def _exchange(self, request: dict[str, Any]) -> dict[str, Any] | None:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
            if not ready:  # a runaway evaluation: stop it rather than hang the caller
                proc.kill()
                proc.wait()
                self._proc = None
                self._input_sent = False
                raise EngineError(f"the {self._inner} engine took longer than {self.timeout:.0f} s and was stopped")
            line = proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        return json.loads(line) if line else None

    def _call(self, request: dict[str, Any], what: str = "the request") -> dict[str, Any]:
        if self._proc is None or self._proc.poll() is not None:
            self._start()
            if request.get("op") == "eval" and "input" not in request:
                request = {**request, "input": self._input}
                self._input_sent = True
        answer = self._exchange(request)
        if answer is None:
            code = self._proc.wait() if self._proc else None
            self._proc = None
            self._input_sent = False
            raise EngineError(f"the {self._inner} engine crashed (exit status {code}) evaluating {what}")
        if "error" in answer:
            raise _ERRORS.get(answer["error"]["type"], EngineError)(answer["error"]["message"])
        return answer


def _serve(name: str) -> None:
    """Worker loop: one JSON request per line in, one JSON answer per line out.

    The answers go to a private copy of stdout; fd 1 itself is pointed at stderr so that
    anything the native engine prints cannot corrupt the protocol.
    """
    from . import make_engine

    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)

    try:
        engine = make_engine(name, isolated=False)
    except DockerbenchError as e:
        failure: dict[str, Any] | None = {"error": {"type": type(e).__name__, "message": str(e)}}
        engine = None
    else:
        failure = None
    current_input: Any = None
    for line in sys.stdin:
        request = json.loads(line)
        if failure is not None or engine is None:
            answer = failure or {}
        else:
            try:
                if request["op"] == "describe":
                    answer = {"value": engine.describe()}
                elif request["op"] == "load":
                    engine.load(request["modules"], request["data"])
                    answer = {"value": None}
                else:
                    if "input" in request:
                        current_input = request["input"]
                    if request["op"] == "eval_many":
                        values = engine.evaluate_many(request["paths"], current_input)
                        answer = {"value": {p: {"__error__": True, "error": {"type": type(v).__name__, "message": str(v)}}
                                            if isinstance(v, DockerbenchError) else v for p, v in values.items()}}
                    else:
                        answer = {"value": engine.evaluate(request["path"], current_input)}
            except DockerbenchError as e:
                answer = {"error": {"type": type(e).__name__, "message": str(e)}}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
