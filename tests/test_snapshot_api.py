"""load_snapshot: round trip, and one clear line for every kind of bad input."""

from __future__ import annotations

import json

import pytest

import dockerbench

import synthetic


def test_round_trip_through_json(tmp_path):
    snap = synthetic.snapshot(4)
    path = tmp_path / "s.json"
    snap.save(path)
    assert dockerbench.load_snapshot(path) == snap
    assert dockerbench.load_snapshot(path.read_text()) == snap
    assert dockerbench.load_snapshot(path.read_bytes()) == snap


def test_snapshot_is_frozen():
    snap = synthetic.snapshot(1)
    with pytest.raises(Exception):
        snap.meta.hostname = "other"  # type: ignore[misc]


@pytest.mark.parametrize("text, fragment", [
    ("{not json", "not a valid snapshot"),
    ('{"meta": {}}', "meta.tool_version"),
    ("[]", "not a valid snapshot"),
])
def test_malformed_snapshot_is_one_line(text, fragment, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(dockerbench.SnapshotError) as err:
        dockerbench.load_snapshot(path)
    assert fragment in str(err.value) and "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_missing_file_is_a_snapshot_error(tmp_path):
    with pytest.raises(dockerbench.SnapshotError, match="cannot read snapshot"):
        dockerbench.load_snapshot(tmp_path / "nope.json")


def test_unknown_field_is_rejected():
    doc = json.loads(synthetic.snapshot(0).to_json())
    doc["containers_extra"] = []
    with pytest.raises(dockerbench.SnapshotError, match="containers_extra"):
        dockerbench.load_snapshot(json.dumps(doc))


def test_other_major_schema_version_is_rejected():
    doc = json.loads(synthetic.snapshot(0).to_json())
    doc["meta"]["schema_version"] = "9.0"
    with pytest.raises(dockerbench.SnapshotError, match="schema 9.0 is not supported"):
        dockerbench.load_snapshot(json.dumps(doc))


def test_public_api_is_small_and_typed():
    assert "snapshot" in dockerbench.__all__ and "evaluate" in dockerbench.__all__
    for name in dockerbench.__all__:
        assert hasattr(dockerbench, name)
    assert issubclass(dockerbench.SnapshotError, dockerbench.DockerbenchError)
    assert issubclass(dockerbench.CollectionError, dockerbench.DockerbenchError)
