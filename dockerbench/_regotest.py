"""Running Rego unit tests (``*_test.rego``) on any engine, with crash isolation.

A test file is evaluated with the modules it needs: the built-in ``lib/`` helpers, every
non-test module in its own directory, and the ``lib/`` of the tree it belongs to (for an
organisation's policy directory). Each test rule (``test_*``) passes when its value is true;
undefined means its body did not hold.

Engines run in a worker subprocess, one per engine, so a native crash of an engine (regopy can
abort on some inputs) fails the tests of one file instead of killing the test run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._policies import builtin_policy_dir

_TEST_RULE = re.compile(r"^(test_[A-Za-z0-9_]+)\b", re.MULTILINE)
_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)


@dataclass(frozen=True)
class RegoTestFile:
    path: Path
    package: str
    tests: tuple[str, ...]


def read_test_file(path: Path) -> RegoTestFile:
    source = path.read_text(encoding="utf-8")
    pkg = _PACKAGE.search(source)
    names = tuple(dict.fromkeys(_TEST_RULE.findall(source)))
    return RegoTestFile(path=path, package=pkg.group(1) if pkg else "", tests=names)


def modules_for(test: Path) -> dict[str, str]:
    """The modules one test file is evaluated with."""
    dirs = [builtin_policy_dir() / "lib", test.parent]
    for parent in test.parents:
        if (parent / "lib").is_dir() and parent / "lib" not in dirs:
            dirs.append(parent / "lib")
            break
    modules: dict[str, str] = {}
    for d in dirs:
        for p in sorted(d.glob("*.rego")):
            if not p.name.endswith("_test.rego") or p == test:
                modules[str(p)] = p.read_text(encoding="utf-8")
    modules[str(test)] = test.read_text(encoding="utf-8")
    return modules


class EngineWorker:
    """A subprocess that evaluates test packages on one engine; restarted after a crash."""

    def __init__(self, engine: str) -> None:
        self.engine = engine
        self._proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "dockerbench._regotest", self.engine],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            )
        return self._proc

    def run(self, test: RegoTestFile) -> dict[str, Any]:
        """{'results': {rule: value}} or {'error': one line}."""
        proc = self._start()
        request = {"modules": modules_for(test.path), "package": test.package}
        try:
            assert proc.stdin and proc.stdout
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            code = proc.wait()
            self._proc = None
            return {"error": f"the {self.engine} engine crashed (exit status {code}) evaluating {test.path.name}"}
        return json.loads(line)

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            assert self._proc.stdin
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
        self._proc = None


def _serve(engine_name: str) -> None:
    """Worker loop: one JSON request per line in, one JSON answer per line out."""
    from ._errors import DockerbenchError
    from .engines import make_engine

    engine = make_engine(engine_name)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            engine.load(request["modules"], {})
            value = engine.evaluate(request["package"], {})
            answer: dict[str, Any] = {"results": value if isinstance(value, dict) else {}}
        except DockerbenchError as e:
            answer = {"error": str(e)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
