"""The committed JSON Schemas are generated from the models and validate real documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import synthetic

import dockerbench
from dockerbench import schemas

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


def _edited(path: str, value) -> dict:
    doc = json.loads(synthetic.snapshot(3).to_json())
    *parents, last = path.split("/")
    target = doc
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    target[last] = value
    return doc


# Each edit is one a hand-edited or foreign snapshot shows; coercing any of them would change a verdict.
WRONG_TYPES = [("containers/0/privileged", "no"), ("containers/0/privileged", 0), ("containers/0/privileged", 1),
               ("containers/0/pids_limit", "100"), ("containers/0/readonly_rootfs", "true"), ("files/0/mode", "420"),
               ("files/0/mode", 420.5), ("meta/collected_at_unix", "1700000000"), ("containers/0/cap_add", "ALL"),
               ("daemon/info", [])]


@pytest.mark.parametrize(("path", "value"), WRONG_TYPES)
def test_a_wrong_typed_fact_is_rejected_as_the_published_schema_rejects_it(path, value):
    doc = _edited(path, value)
    schema = json.loads((SCHEMA_DIR / "snapshot.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError) as refused:
        jsonschema.validate(doc, schema)
    assert ("/".join(map(str, refused.value.absolute_path)), refused.value.validator) in ((path, "type"), (path, "anyOf"))
    with pytest.raises(dockerbench.SnapshotError, match=re.escape(f"not a valid snapshot: {path.replace('/', '.')}: Input should be ")):
        dockerbench.load_snapshot(json.dumps(doc))


def test_the_schema_and_the_loader_accept_the_same_valid_snapshot():
    text = synthetic.snapshot(3).to_json()
    jsonschema.validate(json.loads(text), json.loads((SCHEMA_DIR / "snapshot.schema.json").read_text()))
    assert dockerbench.load_snapshot(text) == synthetic.snapshot(3)


@pytest.mark.parametrize("value", [{1, 2}, float("nan"), object()])
def test_a_mapping_with_values_json_cannot_hold_is_a_snapshot_error(value):
    doc = json.loads(synthetic.snapshot(1).to_json())
    doc["containers"][0]["labels"] = {"x": value}
    with pytest.raises(dockerbench.SnapshotError, match="<mapping>: not a valid snapshot"):
        dockerbench.evaluate(doc, controls=["5.4"])
