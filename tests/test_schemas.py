"""The committed JSON Schemas are generated from the models and validate real documents."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import dockerbench
from dockerbench import schemas

import synthetic

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_committed_schema_is_not_stale(name):
    committed = (SCHEMA_DIR / name).read_text()
    assert committed == schemas.schema_text(schemas.SCHEMAS[name]), (
        f"schemas/{name} is stale: run `python -m dockerbench.schemas`")


def test_snapshot_validates_against_its_schema():
    schema = json.loads((SCHEMA_DIR / "snapshot.schema.json").read_text())
    jsonschema.validate(json.loads(synthetic.snapshot(3).to_json()), schema)


def test_report_validates_against_its_schema():
    schema = json.loads((SCHEMA_DIR / "report.schema.json").read_text())
    report = dockerbench.evaluate(synthetic.snapshot(3), controls=["5"])
    jsonschema.validate(json.loads(report.to_json()), schema)


def test_installed_package_ships_schemas_and_policies():
    # schema_dir()/builtin_policy_dir() resolve inside the wheel when installed with `pip install .`
    assert (schemas.schema_dir() / "snapshot.schema.json").is_file()
    assert (dockerbench._policies.builtin_policy_dir() / "lib" / "result.rego").is_file()
