"""notebooks/audit.ipynb runs end to end in a real Jupyter kernel against the real dockerd."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.docker

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "audit.ipynb"


def _run(tmp_path: Path, docker_host: str):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    env = {"DOCKER_HOST": docker_host, "DOCKERBENCH_NOTEBOOK_DIR": str(tmp_path)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits the environment of this process
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def test_audit_notebook_executes_without_errors(tmp_path, docker_host):
    first = _run(tmp_path, docker_host)  # a CellExecutionError fails the test
    outputs = [o for c in first.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "dockerbench-report" in html and "<svg" in html  # the report table and the chart rendered
    assert (tmp_path / "baseline-snapshot.json").is_file()

    second = _run(tmp_path, docker_host)  # now it compares with the saved baseline
    text = "".join(o.get("text", "") for c in second.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "resource changes" in text
