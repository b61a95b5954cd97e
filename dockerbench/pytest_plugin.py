"""pytest plugin: every ``test_*`` rule of every ``*_test.rego`` is a pytest item, per engine.

Installed with dockerbench (entry point ``pytest11``), so ``pytest`` runs the Python and the
Rego tests in one command, and an organisation's policy directory is tested the same way:
``pytest my-policies/``. Items are named ``path::test_rule[engine]``. Engines: every
in-process engine installed here (``embedded`` always, ``opa`` when the
opa-golib-python-bindings wheel is present); ``--rego-engine NAME`` restricts the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._regotest import RegoTestFile, TestRunner, read_test_file


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--rego-engine", action="append", default=None,
                     help="Run Rego tests on this engine only (repeatable): embedded, opa")


def pytest_configure(config: pytest.Config) -> None:
    from .engines import available_engines

    chosen = config.getoption("--rego-engine") or available_engines()
    config._dockerbench_rego = _RegoSession(chosen)  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    session = getattr(config, "_dockerbench_rego", None)
    if session is not None:
        session.close()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith("_test.rego"):
        return RegoFile.from_parent(parent, path=file_path)
    return None


class _RegoSession:
    """The engines, and the results of each test file, evaluated once per engine."""

    def __init__(self, engines: list[str]) -> None:
        self.engines = engines
        self._runner = TestRunner(engines)
        self._results: dict[tuple[Path, str], dict[str, Any]] = {}

    def results(self, test: RegoTestFile, engine: str) -> dict[str, Any]:
        key = (test.path, engine)
        if key not in self._results:
            self._results[key] = self._runner.run(test, engine)
        return self._results[key]

    def close(self) -> None:
        self._runner.close()


class RegoFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        test = read_test_file(self.path)
        session: _RegoSession = self.config._dockerbench_rego  # type: ignore[attr-defined]
        if not test.tests:
            yield RegoItem.from_parent(self, name="(no test rules)", test=test, rule=None, engine=None)
            return
        for rule in test.tests:
            for engine in session.engines:
                yield RegoItem.from_parent(self, name=f"{rule}[{engine}]", test=test, rule=rule, engine=engine)


class RegoTestFailure(Exception):
    """A Rego test rule that was not true."""


class RegoItem(pytest.Item):
    def __init__(self, *, test: RegoTestFile, rule: str | None, engine: str | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.test, self.rule, self.engine = test, rule, engine

    def runtest(self) -> None:
        if self.rule is None or self.engine is None:
            raise RegoTestFailure(f"{self.test.path.name} defines no test_ rule")
        session: _RegoSession = self.config._dockerbench_rego  # type: ignore[attr-defined]
        answer = session.results(self.test, self.engine)
        if "error" in answer:
            raise RegoTestFailure(answer["error"])
        value = answer["results"].get(self.rule)
        if value is not True:
            what = "undefined (its body did not hold)" if value is None else f"{value!r}, not true"
            raise RegoTestFailure(f"{self.test.package}.{self.rule} is {what} on {self.engine}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RegoTestFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.test.package}.{self.rule}[{self.engine}]"
