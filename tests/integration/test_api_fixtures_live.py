"""The checked-in Engine API fixtures are what the live engines answer (per Docker Engine).

tests/test_api_drift.py decides the controls from tests/data/engine_api/engine-20.10.json and
engine-26.1.json; here capture.py runs against the test dockerd of each engine (creating and
removing its own objects, labelled dockerbench.capture) and its answers must have the same shape
as the checked-in file: the same fields in every inspect, the same values where the drift tests
depend on them. A difference means the fixture is stale: refresh it with capture.py (see
tests/data/engine_api/README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import docker
import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "engine_api"
sys.path.insert(0, str(DATA))
import capture  # noqa: E402

pytestmark = pytest.mark.docker

FIXTURE = {"20.10": "engine-20.10.json", "26.1": "engine-26.1.json"}
#: The /info fields dockerbench reads (daemon.engine_info) and the drift tests look at.
INFO_FIELDS = ("ServerVersion", "Driver", "DriverStatus", "DockerRootDir", "SecurityOptions", "LoggingDriver",
               "CgroupDriver", "LiveRestoreEnabled", "Runtimes", "DefaultRuntime", "Containerd")


@pytest.fixture(scope="module")
def answers(docker_engine, docker_host) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what the engine answers now, the checked-in fixture of the engine)."""
    client = docker.APIClient(base_url=docker_host, version="auto", timeout=120)
    try:
        live = capture.capture(client, info_only=False)
    finally:
        capture.cleanup(client)
        client.close()
    return live, json.loads((DATA / FIXTURE[docker_engine.name]).read_text(encoding="utf-8"))


def paths(value: Any, prefix: str = "") -> set[str]:
    """Every field path of a JSON document ('HostConfig.Ulimits', 'Mounts[].Type')."""
    if isinstance(value, dict):
        out = {prefix} if prefix else set()
        for key, item in value.items():
            out |= paths(item, f"{prefix}.{key}" if prefix else key)
        return out
    if isinstance(value, list):
        return set().union({prefix}, *(paths(item, f"{prefix}[]") for item in value))
    return {prefix}


def test_the_engine_speaks_the_fixture_api_version(answers):
    live, fixture = answers
    assert live["_capture"]["api_version"] == fixture["_capture"]["api_version"]
    assert live["version"]["ApiVersion"] == fixture["version"]["ApiVersion"]
    assert live["version"]["Version"] == fixture["version"]["Version"]


@pytest.mark.parametrize("kind", ["containers", "images"])
def test_every_inspect_has_the_fields_of_the_fixture(answers, kind):
    live, fixture = answers
    assert sorted(live[kind]) == sorted(fixture[kind])
    for case in fixture[kind]:
        assert paths(live[kind][case]) == paths(fixture[kind][case]), f"{kind} {case}"


def test_the_lists_have_the_fields_of_the_fixture(answers):
    live, fixture = answers
    for kind in ("containers_list", "images_list"):
        assert set().union(*map(paths, live[kind])) == set().union(*map(paths, fixture[kind])), kind


def test_info_fields_dockerbench_reads(answers):
    live, fixture = answers
    for field in INFO_FIELDS:
        assert (field in live["info"]) == (field in fixture["info"]), field
    assert live["info"]["SecurityOptions"] == fixture["info"]["SecurityOptions"]
    assert live["info"]["Driver"] == fixture["info"]["Driver"]


def test_the_values_the_drift_tests_rely_on(answers):
    live, fixture = answers

    def facts(doc: dict[str, Any]) -> dict[str, Any]:
        return {case: (c["HostConfig"]["NetworkMode"], c["HostConfig"]["Ulimits"], c["HostConfig"]["PidsLimit"],
                       [m["Type"] for m in c["Mounts"]], sorted(c["NetworkSettings"]["Ports"] or {}))
                for case, c in doc["containers"].items()}

    assert facts(live) == facts(fixture)
    assert live["setuid_scan"] == fixture["setuid_scan"]
    for case, image in fixture["images"].items():
        assert live["images"][case]["Config"].get("User") == image["Config"].get("User"), case
