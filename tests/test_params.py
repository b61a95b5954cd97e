"""Organisation parameters: misspelt names and wrong types are refused, naming the parameter."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import synthetic

import dockerbench
from dockerbench._params import Params, validate_params

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "params.schema.json").read_text())


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    from _cli import run

    return run(*args)


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "host.json"
    synthetic.snapshot(3).save(path)
    return path


BAD = [
    ("trusted_users: alice\n", "parameter 'trusted_users' must be a list of names: input should be a valid list, got 'alice'"),
    ("stopped_container_margin: lots\n",
     "parameter 'stopped_container_margin' must be a whole number, 0 or more: input should be a valid integer, got 'lots'"),
    ("trusted_registries: [registry.example.com, 5]\n",
     "parameter 'trusted_registries.1' must be a list of names: input should be a valid string, got 5"),
    ("swarm_needed: 'yes'\n", "parameter 'swarm_needed' must be true or false: input should be a valid boolean, got 'yes'"),
    ("min_engine_version: latest\n", "parameter 'min_engine_version' must be a version such as 24.0.7"),
    ("trusted_user: [alice]\n", "unknown parameter 'trusted_user'"),
    ("params: 5\n", "parameters must be a mapping of names to values, not a number"),
    ("- alice\n", "parameters must be a mapping of names to values, not a list"),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_a_bad_parameter_is_one_line_naming_it_and_exit_2(snapshot_file, tmp_path, text, expected):
    params = tmp_path / "params.yaml"
    params.write_text(text)
    proc = _cli("evaluate", str(snapshot_file), "--params", str(params))
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith(f"dockerbench: error: {params}: {expected}"), proc.stderr
    assert proc.stdout == ""


def test_good_parameters_reach_the_policies_as_given(snapshot_file, tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("params:\n  trusted_registries: [registry.example.com]\n  stopped_container_margin: 0\n"
                      "  swarm_needed: null\n  custom: {my_rule: [1, 2]}\n")
    proc = _cli("-q", "evaluate", str(snapshot_file), "--params", str(params), "--controls", "4.2", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["results"][0]["status"] != "manual"


def test_the_library_refuses_bad_parameters_with_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match="parameter 'max_managers' must be a whole number, 0 or more"):
        dockerbench.evaluate(synthetic.snapshot(1), controls=["7.2"], params={"max_managers": -1})


def test_unset_parameters_are_left_out_and_values_kept_as_given():
    assert validate_params({"ca_max_age_days": 30, "swarm_needed": None}) == {"ca_max_age_days": 30}


@pytest.mark.parametrize("doc", [{"trusted_users": "alice"}, {"nope": 1}, {"max_managers": -1}, {"swarm_needed": 1},
                                 {"ca_max_age_days": -1}, {"min_engine_version": "24.x"}])
def test_the_published_schema_refuses_what_the_loader_refuses(doc):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    with pytest.raises(dockerbench.UsageError):
        validate_params(doc)


def test_every_parameter_a_policy_reads_is_declared():
    read = set()
    for path in (ROOT / "policies").rglob("*.rego"):
        if not path.name.endswith("_test.rego"):
            read |= set(re.findall(r'params\.(?:value|with_default)\("([a-z_]+)"', path.read_text()))
    assert read and read == set(Params.model_fields) - {"custom"}
