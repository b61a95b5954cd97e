"""Run an in-process engine in a worker subprocess, so a native crash cannot take the caller down.

regopy (rego-cpp) can abort or segfault on some inputs. Evaluated in the caller's process that
would lose every result — and kill a notebook kernel or a CI job with no message. Here the
engine lives in ``python -m dockerbench.engines.isolated NAME``; a crash becomes an
:class:`EngineError` for the one document being evaluated, and the worker is restarted (with
the same modules, data and input) for the next one. Several workers share the documents of
one evaluation between them (regopy uses one core).
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
    """An engine (by name) evaluated in worker processes, each restarted after a crash.

    With several workers, evaluate_many spreads the documents over them (regopy evaluates on
    one core; a host audit is many independent documents). One worker serves single documents.
    """

    def __init__(self, inner: str, *, timeout: float = 300.0, workers: int = 1) -> None:
        self.name = inner
        self.timeout = timeout
        self._inner = inner
        self._workers = [_Worker(inner, timeout) for _ in range(max(1, workers))]
        self._description: str | None = None

    @property
    def _proc(self) -> subprocess.Popen[bytes] | None:
        """The first worker's process (tests kill it to simulate a crash)."""
        return self._workers[0].proc

    def describe(self) -> str:
        if self._description is None:
            self._description = self._workers[0].call({"op": "describe"})["value"]
        return self._description

    def start(self) -> None:
        self._spawn(self._workers)  # no waiting: each imports while the caller goes on

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        """Load in the first worker (which reports broken policies) and in every other running
        one; a worker started later replays this load."""
        modules, data = dict(modules), dict(data)
        first, *others = self._workers
        running = [first, *(w for w in others if w.running())]
        self._spawn(running)
        for worker in running:
            worker.send_load(modules, data)
        errors = []
        for worker in running:  # every answer is read, so none is left for the next request
            try:
                worker.receive(what="the policies")
            except PolicyError as e:
                errors.append(e)
            except EngineError as e:  # a worker that died (here or compiling ahead) restarts with this load
                if worker is first:
                    errors.append(e)
        if errors:
            raise errors[0]
        for worker in self._workers:
            worker.loaded(modules, data)

    def prepare(self, paths: Sequence[str]) -> None:
        """Each worker compiles its share (the same shares evaluate_many gives) while the caller
        goes on; the answers are read with the next request."""
        shares = self._shares(paths)
        self._spawn([worker for worker, _ in shares])
        for worker, share in shares:
            worker.send({"op": "prepare", "paths": share})

    def evaluate(self, path: str, input: Any) -> Any:
        return self._workers[0].call({"op": "eval", "path": path}, input, what=f"data.{path}")["value"]

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        """All paths in one request per worker; a worker that crashes is asked again path by
        path, so only the culprit fails."""
        shares = self._shares(paths)
        self._spawn([worker for worker, _ in shares])
        for worker, share in shares:
            worker.send({"op": "eval_many", "paths": share}, input)
        out: dict[str, Any] = {}
        failure: DockerbenchError | None = None  # e.g. a policy that does not compile
        for worker, share in shares:  # every answer is read, none left in a pipe
            try:
                answer = worker.receive(what=f"{len(share)} documents")
            except EngineError:
                out.update(self._one_by_one(worker, share, input))
                continue
            except DockerbenchError as e:
                failure = failure or e
                continue
            out.update({p: EngineError(v["error"]["message"]) if isinstance(v, dict) and "__error__" in v else v
                        for p, v in ((p, answer["value"].get(p)) for p in share)})
        if failure is not None:
            raise failure
        return {p: out[p] for p in paths}

    @staticmethod
    def _spawn(workers: Sequence[_Worker]) -> None:
        """Start every one before writing to any: a write to a worker that is still importing
        waits until it reads, and the others should be importing meanwhile."""
        for worker in workers:
            worker.spawn()

    def _shares(self, paths: Sequence[str]) -> list[tuple[_Worker, list[str]]]:
        """Round robin over the workers, so the costly sections spread out."""
        workers = self._workers[: max(1, min(len(self._workers), len(paths)))]
        return [(w, list(paths[i:: len(workers)])) for i, w in enumerate(workers)]

    @staticmethod
    def _one_by_one(worker: _Worker, paths: Sequence[str], input: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path in paths:
            try:
                out[path] = worker.call({"op": "eval", "path": path}, input, what=f"data.{path}")["value"]
            except EngineError as e:
                out[path] = e
        return out

    def close(self) -> None:
        for worker in self._workers:
            worker.close()


class _Worker:
    """One worker process, started on first use and, after a crash, restarted in the same
    state: the modules and data of the last load that succeeded, and the input (sent again
    with the next request). Requests are pipelined: send() never waits for an answer, and
    receive() reads the answers owed in order, returning the last one."""

    def __init__(self, inner: str, timeout: float) -> None:
        self._inner = inner
        self._timeout = timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self._pending = bytearray()  # answer bytes read but not yet used (answers are pipelined)
        self._owed: list[str] = []  # what each answer still to be read answers
        self._modules: dict[str, str] = {}
        self._data: dict[str, Any] = {}
        self._input: Any = None
        self._input_sent = False
        self._fresh = False

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def spawn(self) -> None:
        """Start the process unless it runs. Nothing is written yet (it is still importing):
        the first write asks for a describe (or why it cannot start) and replays the last load."""
        if self.running():
            return
        # The worker imports this very copy of dockerbench, not whichever one sys.path finds first.
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dockerbench.engines.isolated", self._inner],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        self._owed, self._input_sent, self._fresh, self._pending = [], False, True, bytearray()

    def send_load(self, modules: dict[str, str], data: dict[str, Any]) -> None:
        self._modules, self._data = {}, {}  # a restart replays only a load that succeeded
        self.send({"op": "load", "modules": modules, "data": data})

    def loaded(self, modules: dict[str, str], data: dict[str, Any]) -> None:
        self._modules, self._data = modules, data

    def call(self, request: dict[str, Any], input: Any = None, what: str = "the request") -> dict[str, Any]:
        self.send(request, input)
        return self.receive(what)

    def send(self, request: dict[str, Any], input: Any = None) -> None:
        """Write one request; eval requests carry the input unless this worker has it already."""
        self.spawn()
        if request["op"].startswith("eval") and (input is not self._input or not self._input_sent):
            self._input, self._input_sent = input, True
            request = {**request, "input": input}
        self._write(request, "request")

    def receive(self, what: str = "the request") -> dict[str, Any]:
        """Read the answers owed and return the last; a crash or a timeout is an EngineError."""
        answer: dict[str, Any] = {}
        while self._owed:
            kind = self._owed.pop(0)
            answer = self._read(what, started=kind == "request")
            if "error" in answer:
                if kind == "start":
                    self.close()
                raise _ERRORS.get(answer["error"]["type"], EngineError)(answer["error"]["message"])
        return answer

    def _write(self, request: dict[str, Any], kind: str) -> None:
        if self._fresh:
            self._fresh = False
            self._write({"op": "describe"}, "start")
            if self._modules and request["op"] != "load":
                self._write({"op": "load", "modules": self._modules, "data": self._data}, "start")
        assert self.proc is not None and self.proc.stdin is not None
        self._owed.append(kind)
        try:
            self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # _read() reports the dead worker

    def _read(self, what: str, started: bool) -> dict[str, Any]:
        line = self._read_line()
        if line is None:  # a runaway evaluation: stop it rather than hang the caller
            assert self.proc is not None
            self.proc.kill()
            self.proc.wait()
            self._lost()
            raise EngineError(f"the {self._inner} engine took longer than {self._timeout:.0f} s and was stopped")
        if not line:
            code = self.proc.wait() if self.proc else None
            self._lost()
            if not started:
                raise EngineError(f"the {self._inner} engine worker did not start (exit status {code})")
            raise EngineError(f"the {self._inner} engine crashed (exit status {code}) evaluating {what}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _read_line(self) -> bytes | None:
        """The next answer line; b"" when the worker is gone, None after the timeout. Read
        through our own buffer: select() cannot see lines a buffered reader already holds."""
        proc = self.proc
        assert proc is not None and proc.stdout is not None
        fd = proc.stdout.fileno()
        searched = 0
        while (end := self._pending.find(b"\n", searched)) < 0:
            searched = len(self._pending)
            ready, _, _ = select.select([fd], [], [], self._timeout)
            if not ready:
                return None
            try:
                chunk = os.read(fd, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                return b""
            self._pending += chunk
        line = bytes(self._pending[:end])
        del self._pending[: end + 1]
        return line

    def _lost(self) -> None:
        self.proc, self._owed, self._input_sent, self._fresh, self._pending = None, [], False, False, bytearray()

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._lost()


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
                elif request["op"] == "prepare":
                    engine.prepare(request["paths"])
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
