"""Evaluate with an in-process engine (regorus, OPA) in worker processes, with a time limit.

A policy that does not terminate cannot be interrupted inside a native engine, and real OPA's
Go runtime ignores Ctrl-C while it evaluates. So the engines run in ``python -m
dockerbench.engines.workers NAME`` processes that the caller can kill: a document that takes
longer than ``timeout`` seconds is an EngineError ("evaluation timed out after N s"), its worker
is replaced, and every other document is still evaluated. A worker that crashes costs only the
document it was evaluating. Workers run in their own session (Ctrl-C reaches only the caller,
which kills them) and die with the caller (PR_SET_PDEATHSIG).

Several workers split the documents between them: each loads only the modules its share needs
(see _modgraph), sets the input once, and answers its share in one query per parent package.
When that batch fails or times out, the worker answers the rest document by document, so the
culprit is named and the others are kept.

Messages are pickled over the worker's stdin/stdout (multiprocessing.connection framing):
    caller -> worker   ("describe",) | ("load", modules, data) | ("eval", paths, input_json, batch)
    worker -> caller   ("ok", value) | ("error", kind, message)    (one per load/describe)
                       ("value", path, value) | ("error", path, message) ... then ("done",)
                       or ("fail", message) when the engine raised for the whole request
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .._errors import DockerbenchError, EngineError, PolicyError
from ._modgraph import ModuleGraph
from .interface import DEFAULT_TIMEOUT, Engine, input_json, load_key


class WorkerPoolEngine(Engine):
    """An in-process engine (``embedded`` or ``opa``) evaluated in ``workers`` processes."""

    def __init__(self, inner: str, *, workers: int = 1, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        if timeout is not None and timeout <= 0:
            raise EngineError(f"the evaluation timeout must be a positive number of seconds, got {timeout}")
        self.name = inner
        self.timeout = timeout
        self._workers = [_Worker(inner, timeout) for _ in range(max(1, workers))]
        self._loaded: tuple[dict[str, str], str] | None = None
        self._data: dict[str, Any] = {}
        self._graph = ModuleGraph({})
        self._description: str | None = None

    def describe(self) -> str:
        if self._description is None:
            self._description = str(self._workers[0].call(("describe",)))
        return self._description

    def start(self) -> None:
        for worker in self._workers:
            worker.spawn()

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        """Check the modules in the first worker (a broken one raises PolicyError here); the
        workers load their shares when they evaluate or prepare."""
        key, data = load_key(modules, data), dict(data)
        if self._loaded == key:
            return
        self._workers[0].call(("load", key[0], data))
        self._workers[0].has = (key[0], data)
        self._loaded, self._data = key, data
        self._graph = ModuleGraph(key[0])

    def prepare(self, paths: Sequence[str]) -> None:
        """Each worker loads its share while the caller goes on (answers read on next use)."""
        if self._loaded is None:
            return
        shares = self._shares(paths)
        for worker, _ in shares:
            worker.spawn()
        for worker, share in shares:
            worker.send_load(*self._share_modules(share))

    def evaluate(self, path: str, input: Any) -> Any:
        value = self.evaluate_many([path], input)[path]
        if isinstance(value, DockerbenchError):
            raise value
        return value

    def evaluate_many(self, paths: Sequence[str], input: Any) -> dict[str, Any]:
        if self._loaded is None:
            raise EngineError("no policies loaded")
        text = input_json(input)
        shares = [(worker, share, self._share_modules(share)) for worker, share in self._shares(paths)]
        for worker, _, _ in shares:
            worker.spawn()
        for worker, share, load in shares:  # every worker loads and starts before any is waited for
            worker.send_load(*load)
            worker.send_eval(share, text, batch=True)
        out: dict[str, Any] = {}
        for worker, share, load in shares:
            out.update(worker.collect(share, text, load))
        return {p: out[p] for p in paths}

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    def _shares(self, paths: Sequence[str]) -> list[tuple[_Worker, list[str]]]:
        """Round robin over the workers, so the costly sections spread out."""
        workers = self._workers[: max(1, min(len(self._workers), len(paths)))]
        return [(w, list(paths[i:: len(workers)])) for i, w in enumerate(workers)]

    def _share_modules(self, share: Sequence[str]) -> tuple[dict[str, str], dict[str, Any]]:
        assert self._loaded is not None
        needed = set().union(*(self._graph.closure(p) for p in share)) if share else set()
        return {n: s for n, s in self._loaded[0].items() if n in needed}, self._data


#: The caller's pid, given to each worker process (see _die_with_parent).
_PARENT = "DOCKERBENCH_WORKER_PARENT"


class _Worker:
    """One worker process, started on first use and replaced after a crash or a timeout."""

    def __init__(self, inner: str, timeout: float | None) -> None:
        self._inner = inner
        self._timeout = timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._recv: Connection | None = None
        self._owed_loads = 0  # load answers not read yet (prepare pipelines them)
        #: The (modules, data) this process has loaded or been sent.
        self.has: tuple[dict[str, str], dict[str, Any]] | None = None

    def spawn(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._discard()
        # The worker imports this very copy of dockerbench, not whichever one sys.path finds first.
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
               _PARENT: str(os.getpid())}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "dockerbench.engines.workers", self._inner],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._send = Connection(os.dup(self._proc.stdin.fileno()), readable=False)
        self._recv = Connection(os.dup(self._proc.stdout.fileno()), writable=False)
        self._proc.stdin.close()
        self._proc.stdout.close()

    def call(self, message: tuple[Any, ...]) -> Any:
        """Send one describe/load and return its answer; errors raise. The answers still owed
        to earlier loads (prepare) come first: they are read, so this one is not taken for them."""
        self._write(message)
        self._read_owed_loads()
        return self._answer(what="the policies" if message[0] == "load" else "describe")

    def send_load(self, modules: dict[str, str], data: dict[str, Any]) -> None:
        if self.has == (modules, data) and self._alive():
            return
        self._write(("load", modules, data))
        self.has = (modules, data)
        self._owed_loads += 1

    def send_eval(self, paths: list[str], text: str, *, batch: bool) -> None:
        self._write(("eval", paths, text, batch))

    def collect(self, paths: list[str], text: str, load: tuple[dict[str, str], dict[str, Any]]) -> dict[str, Any]:
        """Read the answers to send_eval(paths); after a crash or a timeout the unanswered
        paths are evaluated again one by one, each on a fresh worker if need be."""
        out: dict[str, Any] = {}
        batch = True
        while True:
            try:
                self._read_owed_loads()
                while True:
                    what = (f"data.{paths[len(out)]}" if not batch and len(out) < len(paths)
                            else f"{len(paths) - len(out)} documents")
                    message = self._read(what)
                    if message[0] == "done":
                        return out
                    if message[0] == "value":
                        out[message[1]] = message[2]
                    elif message[0] == "error" and len(message) == 3:
                        out[message[1]] = EngineError(message[2])
                    elif message[0] == "fail":  # the engine raised for the whole request
                        out.update({p: EngineError(message[1]) for p in paths if p not in out})
                        return out
                    else:  # a load or describe error cannot come here; fail closed all the same
                        raise EngineError(f"engine worker answered {message[0]!r} unexpectedly")
            except DockerbenchError as e:  # a crash, a timeout or a failed load: this worker is gone
                self.stop()
                rest = [p for p in paths if p not in out]
                if not batch and rest:
                    out[rest[0]] = e  # the document being evaluated is the culprit
                    rest = rest[1:]
                if not rest:
                    return out
                batch = False
                self.send_load(*load)
                self.send_eval(rest, text, batch=False)

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._discard()

    # -- internals -------------------------------------------------------

    def _alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _discard(self) -> None:
        for conn in (self._send, self._recv):
            if conn is not None:
                conn.close()
        self._send = self._recv = None
        self._proc, self.has, self._owed_loads = None, None, 0

    def _write(self, message: tuple[Any, ...]) -> None:
        self.spawn()
        assert self._send is not None
        with contextlib.suppress(OSError):  # it died meanwhile: the read reports it
            self._send.send(message)

    def _read_owed_loads(self) -> None:
        while self._owed_loads:
            self._owed_loads -= 1
            self._answer(what="the policies")

    def _answer(self, what: str) -> Any:
        message = self._read(what)
        if message[0] == "ok":
            return message[1]
        kind, text = message[1], message[2]
        raise (PolicyError if kind == "PolicyError" else EngineError)(text)

    def _read(self, what: str) -> tuple[Any, ...]:
        assert self._recv is not None
        deadline = None if self._timeout is None else time.monotonic() + self._timeout
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                if self._recv.poll(left if left is None else min(left, 1.0)):
                    answer: tuple[Any, ...] = self._recv.recv()
                    return answer
            except (EOFError, OSError):
                code = self._proc.wait() if self._proc is not None else None
                raise EngineError(f"the {self._inner} engine process died evaluating {what} "
                                  f"(exit status {code})") from None
            if deadline is not None and time.monotonic() >= deadline:
                raise EngineError(f"evaluation timed out after {self._timeout:g} s ({what})")


# -- the worker process -----------------------------------------------------


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the caller dies (a hung evaluation would never notice).

    A caller that died before the death signal was set leaves us with another parent: the pid
    the caller passed is no longer our parent's. (Parent pid 1 alone proves nothing: in a
    container the dockerbench command itself is pid 1.)
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the caller still kills its workers on close
        pass
    caller = os.environ.get(_PARENT, "")
    if caller.isdigit() and os.getppid() != int(caller):
        os._exit(1)


def _serve(inner_name: str) -> None:
    _die_with_parent()
    recv = Connection(os.dup(0), writable=False)
    send = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # anything an engine prints goes to stderr, never into the answers
    if inner_name == "embedded":
        from .regorus_engine import RegorusEngine as Inner
    else:
        from .opa_inprocess import OpaInProcessEngine as Inner  # type: ignore[assignment]
    inner: Any = None
    while True:
        try:
            message = recv.recv()
        except EOFError:
            return
        op = message[0]
        try:
            if inner is None:
                inner = Inner()
            if op == "describe":
                send.send(("ok", inner.describe()))
            elif op == "load":
                inner.load(message[1], message[2])
                send.send(("ok", None))
            elif op == "eval":
                _answer_eval(inner, send, *message[1:])
        except Exception as e:  # noqa: BLE001 - every failure goes back to the caller, with its cause
            kind = type(e).__name__ if isinstance(e, DockerbenchError) else "EngineError"
            text = str(e) if isinstance(e, DockerbenchError) else f"{inner_name} engine raised {type(e).__name__}: {e}"
            send.send(("fail", text) if op == "eval" else ("error", kind, " ".join(text.split())))


def _answer_eval(inner: Any, send: Connection, paths: list[str], text: str | None, batch: bool) -> None:
    """Batch: one evaluate_many (a query per parent package); else each document alone (never
    its parent package, which holds the others), answered as soon as it is known."""
    native = hasattr(inner, "evaluate_many_json")  # regorus parses the input text itself, once
    value = None if native or text is None else json.loads(text)

    def many(group: list[str], text: str | None) -> dict[str, Any]:
        if native:
            answers: dict[str, Any] = inner.evaluate_many_json(group, text, alone=not batch)
            return answers
        return inner.evaluate_many(group, value) if batch else Engine.evaluate_many(inner, group, value)

    if batch:
        values = many(paths, text)
        for path in paths:
            send.send(_answer(path, values.get(path)))
    else:
        for path in paths:
            send.send(_answer(path, many([path], text)[path]))
            text = None  # set once; the following documents reuse it
    send.send(("done",))


def _answer(path: str, value: Any) -> tuple[Any, ...]:
    return ("error", path, str(value)) if isinstance(value, DockerbenchError) else ("value", path, value)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller decides; it kills us
    _serve(sys.argv[1])
