"""Running Rego unit tests (``*_test.rego``) on any engine.

A test file is evaluated with the modules it needs: the built-in ``lib/`` helpers, every
non-test module in its own directory, and the ``lib/`` of the tree it belongs to (for an
organisation's policy directory). Each test rule (``test_*``) passes when its value is true;
undefined means its body did not hold. Engines run in one worker process each (see
engines/workers.py), so a crash or a test that does not terminate fails one file's tests, not the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._errors import DockerbenchError
from ._policies import builtin_policy_dir
from .engines import Engine, make_engine

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


class TestRunner:
    """One engine per name, reused for every test file."""

    def __init__(self, engines: list[str]) -> None:
        self.engines = engines
        self._engines: dict[str, Engine] = {}

    def run(self, test: RegoTestFile, engine: str) -> dict[str, Any]:
        """{'results': {rule: value}} or {'error': one line}."""
        try:
            if engine not in self._engines:
                self._engines[engine] = make_engine(engine, workers=1)
            eng = self._engines[engine]
            eng.load(modules_for(test.path), {})
            value = eng.evaluate(test.package, {})
        except DockerbenchError as e:
            return {"error": str(e)}
        return {"results": value if isinstance(value, dict) else {}}

    def close(self) -> None:
        for eng in self._engines.values():
            eng.close()
