"""docs/organisations.md, executed: every `$` command of the guide runs in examples/org/.

The guide's claims about the outcome are checked too (the control 9.1 added, 5.3 replaced, a
finding waived until its expiry, 1.2 attested), so the example cannot drift from the product.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import synthetic

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "organisations.md"
EXAMPLE = ROOT / "examples" / "org"
COMMAND = re.compile(r"^\$ (?P<command>.+?)(?:\s+# exit (?P<code>\d+).*)?$", re.MULTILINE)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example with the saved snapshot the guide evaluates."""
    where = tmp_path_factory.mktemp("org") / "org"
    shutil.copytree(EXAMPLE, where)
    synthetic.snapshot(7).save(where / "host.json")
    return where


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command)
    if argv[0] == "dockerbench":
        argv = [sys.executable, "-m", "dockerbench.cli", *argv[1:]]
    elif argv[:3] == ["python3", "-m", "pytest"]:
        argv = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *argv[3:]]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600)


STEPS = [(m["command"], int(m["code"] or 0)) for m in COMMAND.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_the_guide_has_its_steps():
    assert [c.split()[0] for c, _ in STEPS] == ["python3", "dockerbench", "dockerbench", "dockerbench",
                                                "dockerbench", "dockerbench", "dockerbench"]


@pytest.mark.parametrize(("command", "code"), STEPS, ids=[c for c, _ in STEPS])
def test_each_step_of_the_guide_runs_as_it_says(org: Path, command: str, code: int):
    proc = _run(command, org)
    assert proc.returncode == code, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def _report(org: Path, as_of: str) -> dict:
    proc = _run(f"dockerbench -q evaluate host.json --controls 9,5.3,1.2 --as-of {as_of} --format json", org)
    return {r["id"]: r for r in json.loads(proc.stdout)["results"]}


def test_the_outcome_is_the_one_the_guide_describes(org: Path):
    results = _report(org, "2026-11-01")
    assert set(results) == {"1.2", "5.3", "9.1"}
    c91 = results["9.1"]
    assert c91["status"] == "fail"
    waived = sorted(f["resource"]["name"] for f in c91["findings"] if f.get("waiver"))
    failing = sorted(f["resource"]["name"] for f in c91["findings"] if not f.get("waiver"))
    assert (waived, failing) == (["app-0", "app-1", "app-2", "app-3"], ["app-4", "app-5", "app-6"])
    assert [f["message"] for f in results["5.3"]["findings"]] == [
        "container app-4 adds CAP_SYS_ADMIN, which image registry.example.com/app:1.0 is not allowed to add"]
    assert results["1.2"]["status"] == "pass" and "alice@example.com" in json.dumps(results["1.2"])


def test_after_the_expiry_the_waiver_waives_nothing(org: Path):
    c91 = _report(org, "2027-07-01")["9.1"]
    assert c91["status"] == "fail" and not [f for f in c91["findings"] if f.get("waiver") and not f["waiver"]["expired"]]
    assert len(c91["findings"]) == 7
