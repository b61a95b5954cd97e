"""The dockerbench command run in this process (click's CliRunner) on one embedded engine.

``run(...)`` gives what a user sees of ``dockerbench ARGS``: the exit code, stdout and stderr,
as a CompletedProcess. It reuses one embedded engine for the whole test session (the CLI's
own ``make_engine("embedded")`` returns it; its workers keep the compiled policies), so a CLI
test costs milliseconds instead of a Python start, an engine start and a compile. Any other
engine, or a non-default ``--timeout``, is made as the CLI makes it. A handful of tests keep a
real process on purpose (``run_process``): exit codes of ``python -m dockerbench.cli``, a
stdin pipe, Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import dockerbench.engines
from dockerbench.cli import main
from dockerbench.engines import DEFAULT_TIMEOUT, Engine

REPO = Path(__file__).resolve().parent.parent
_real_make_engine = dockerbench.engines.make_engine
_shared: Engine | None = None


def _make_engine(engine: Engine | str | None = None, **options: Any) -> Engine:
    """The CLI's make_engine: the session's embedded engine for the default settings."""
    global _shared
    if engine not in (None, "embedded") or options not in ({}, {"timeout": DEFAULT_TIMEOUT}):
        return _real_make_engine(engine, **options)
    if _shared is None:
        _shared = _real_make_engine("embedded")
        _shared.close = lambda: None  # type: ignore[method-assign]  # closed once, by close_shared()
    return _shared


def close_shared() -> None:
    """Stop the session engine's workers (conftest calls this at the end of the session)."""
    global _shared
    if _shared is not None:
        type(_shared).close(_shared)
        _shared = None


@contextlib.contextmanager
def _patched() -> Iterator[None]:
    dockerbench.engines.make_engine = _make_engine  # the CLI imports it from there when it runs
    try:
        yield
    finally:
        dockerbench.engines.make_engine = _real_make_engine


def run(*args: str, cwd: str | Path | None = None, env: Mapping[str, str] | None = None,
        input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``dockerbench ARGS`` in this process, from ``cwd``, with ``env`` added to the environment."""
    runner = CliRunner()
    with contextlib.chdir(cwd or os.getcwd()), _patched():
        result = runner.invoke(main, list(args), env=dict(env or {}), input=input, catch_exceptions=False)
    return subprocess.CompletedProcess(["dockerbench", *args], result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: str | Path | None = None, env: Mapping[str, str] | None = None,
                input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m dockerbench.cli ARGS`` as a real process (this checkout's dockerbench, from any cwd)."""
    environ = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "dockerbench.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=environ, input=input, timeout=300)
