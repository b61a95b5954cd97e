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
    assert proc.returncode == 0, proc.stderr  # warn is below --fail-on fail
    (result,) = json.loads(proc.stdout)["results"]
    # without trusted_registries 4.2 is manual; with it, images without a repo digest are for review
    assert (result["status"], result["reason"]) == ("warn", "5 images need review")


def test_the_library_refuses_bad_parameters_with_a_usage_error():
    with pytest.raises(dockerbench.UsageError, match="parameter 'max_managers' must be a whole number, 0 or more"):
        dockerbench.evaluate(synthetic.snapshot(1), controls=["7.2"], params={"max_managers": -1})


def test_unset_parameters_are_left_out_and_values_kept_as_given():
    assert validate_params({"ca_max_age_days": 30, "swarm_needed": None}) == {"ca_max_age_days": 30}


@pytest.mark.parametrize(("doc", "problem"), [
    ({"trusted_users": "alice"}, "parameter 'trusted_users' must be a list of names: input should be a valid list, got 'alice'"),
    ({"nope": 1}, "unknown parameter 'nope' (known: min_engine_version, "),
    ({"max_managers": -1}, "parameter 'max_managers' must be a whole number, 0 or more: input should be greater than or equal to 0, got -1"),
    ({"swarm_needed": 1}, "parameter 'swarm_needed' must be true or false: input should be a valid boolean, got 1"),
    ({"ca_max_age_days": -1}, "parameter 'ca_max_age_days' must be a number, 0 or more: input should be greater than or equal to 0, got -1"),
    ({"min_engine_version": "24.x"}, "parameter 'min_engine_version' must be a version such as 24.0.7: string should match pattern"),
])
def test_the_published_schema_refuses_what_the_loader_refuses(doc, problem):
    with pytest.raises(jsonschema.ValidationError) as refused:
        jsonschema.validate(doc, SCHEMA)
    # a bad value is refused where it is; an unknown name by the mapping holding it
    assert list(refused.value.absolute_path) == ([] if problem.startswith("unknown") else list(doc))
    with pytest.raises(dockerbench.UsageError, match="^" + re.escape(f"params: {problem}")):
        validate_params(doc)


def test_every_parameter_a_policy_reads_is_declared():
    read = set()
    for path in (ROOT / "policies").rglob("*.rego"):
        if not path.name.endswith("_test.rego"):
            read |= set(re.findall(r'params\.(?:value|with_default)\("([a-z_]+)"', path.read_text()))
    assert read and read == set(Params.model_fields) - {"custom"}
