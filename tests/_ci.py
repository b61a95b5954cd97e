"""A test whose requirement is missing here: skipped on a developer machine, failed under CI.

CI (scripts/test.sh, CI=true) installs everything the tests need, so there a missing dockerd,
browser, validator or engine must never hide behind a skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(needs: str, problem: str) -> NoReturn:
    """Fail (CI=true) or skip the calling test: it needs `needs`, which is missing (`problem`)."""
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {needs}: {problem}", pytrace=False)
    pytest.skip(f"needs {needs}: {problem}")
