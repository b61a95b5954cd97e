"""`pip install .` ships everything the library reads at run time; the daemon is found as the CLI finds it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from dockerbench.collect._api import DEFAULT_SOCKET, resolve_docker_host

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_policies_profiles_schemas_and_templates(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("dockerbench-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected_policies = {f"dockerbench/_data/policies/{p.relative_to(ROOT / 'policies')}" for p in (ROOT / "policies").rglob("*.rego")}
    assert expected_policies <= names
    assert {"dockerbench/_data/schemas/snapshot.schema.json", "dockerbench/_data/schemas/report.schema.json",
            "dockerbench/_data/schemas/profile.schema.json"} <= names
    assert {f"dockerbench/_data/profiles/{p.name}" for p in (ROOT / "profiles").glob("*.yaml")} <= names
    assert "dockerbench/report/templates/report.html.j2" in names
    assert "dockerbench/py.typed" in names  # PEP 561: type checkers read the package's annotations
    schemas = {f"dockerbench/_data/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    assert schemas <= names and len(schemas) == 7


def test_explicit_host_wins():
    assert resolve_docker_host("tcp://10.0.0.1:2376", {"DOCKER_HOST": "unix:///x.sock"}) == "tcp://10.0.0.1:2376"


def test_docker_host_variable_comes_next():
    assert resolve_docker_host(None, {"DOCKER_HOST": "unix:///x.sock"}) == "unix:///x.sock"


def test_rootless_socket_before_the_system_socket(tmp_path):
    (tmp_path / "docker.sock").touch()
    assert resolve_docker_host(None, {"XDG_RUNTIME_DIR": str(tmp_path)}) == f"unix://{tmp_path}/docker.sock"


def test_system_socket_last(tmp_path):
    assert resolve_docker_host(None, {"XDG_RUNTIME_DIR": str(tmp_path)}) == DEFAULT_SOCKET


def test_docker_build_context_is_what_the_wheel_is_built_from():
    """The Dockerfile's `COPY . /src` sends the wheel's sources and the engine pin, nothing else
    (.dockerignore is an allowlist; the SDK reads it as `docker build` does)."""
    from docker.utils.build import exclude_paths

    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    sent = exclude_paths(str(ROOT), patterns, dockerfile="Dockerfile")
    import tomllib

    hatch = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    wheel_sources = {*hatch["packages"], *hatch["force-include"]}  # dockerbench, policies, profiles, schemas
    assert {path.split("/")[0] for path in sent} - {"wheelhouse"} == {  # wheels of an offline build, if any
        ".ci", ".dockerignore", "Dockerfile", "README.md", "pyproject.toml", *wheel_sources}
    assert [p for p in sent if p.startswith(".ci/")] == [".ci/pinned.txt"]
    assert not [p for p in sent if "__pycache__" in p or p.endswith(".pyc")]
