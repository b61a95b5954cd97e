"""load_snapshot: round trip, and one clear line for every kind of bad input."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import typing
from pathlib import Path

import pydantic
import pytest
import synthetic

import dockerbench


def test_round_trip_through_json(tmp_path):
    snap = synthetic.snapshot(4)
    path = tmp_path / "s.json"
    snap.save(path)
    assert dockerbench.load_snapshot(path) == snap
    assert dockerbench.load_snapshot(path.read_text()) == snap
    assert dockerbench.load_snapshot(path.read_bytes()) == snap


def test_snapshot_is_frozen():
    snap = synthetic.snapshot(1)
    with pytest.raises(pydantic.ValidationError, match="Instance is frozen"):
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
    with pytest.raises(dockerbench.SnapshotError, match=r"schema 9\.0 is not supported"):
        dockerbench.load_snapshot(json.dumps(doc))


PUBLIC = ["CollectionError", "Control", "ControlResult", "Diff", "DockerbenchError", "Engine", "EngineError", "Finding", "FleetReport",
          "PolicyError", "PolicyWarning", "Report", "ReportError", "Resource", "SCHEMA_VERSION", "Score", "Selection", "Snapshot",
          "SnapshotError", "Status", "UsageError", "Waivers", "__version__", "audit", "available_benchmarks", "diff", "evaluate", "evaluate_fleet", "fleet",
          "load_policies", "load_report", "load_snapshot", "load_waivers", "make_engine", "snapshot"]


def test_public_api_is_exactly_these_names_each_typed():
    """A new public name is a decision (this list changes with it), and every callable is annotated."""
    import inspect
    from importlib.resources import files

    assert sorted(dockerbench.__all__) == sorted(PUBLIC)
    assert files("dockerbench").joinpath("py.typed").is_file()
    for name in PUBLIC:
        obj = getattr(dockerbench, name)
        if inspect.isfunction(obj):
            sig = inspect.signature(obj)
            assert sig.return_annotation is not inspect.Signature.empty, name
            assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values()), name
    errors = [getattr(dockerbench, n) for n in PUBLIC if n.endswith("Error")]
    assert all(issubclass(e, dockerbench.DockerbenchError) for e in errors) and len(errors) == 7


#: dockerbench.models: the private module each re-exported name comes from.
MODELS = {
    "_snapshot": ["Container", "ContainerMount", "Daemon", "EngineInfo", "EngineVersion", "FactError", "FileFact", "Host", "Image",
                  "Meta", "Network", "Rootless", "Snapshot", "Swarm", "SwarmNode", "SwarmService"],
    "_report": ["ControlMetadata", "ControlResult", "Finding", "Report", "Resource", "Score", "Status"],
    "_fleet": ["FleetControl", "FleetHost", "FleetReport", "HostError"],
    "_policies": ["Control", "PolicySet"],
}


def test_models_reexports_exactly_these_names_each_the_private_object():
    import importlib

    import dockerbench.models

    assert sorted(dockerbench.models.__all__) == sorted(n for names in MODELS.values() for n in names)
    for module, names in MODELS.items():
        private = importlib.import_module(f"dockerbench.{module}")
        for name in names:
            assert getattr(dockerbench.models, name) is getattr(private, name), name
    # what load_policies returns, and the names dockerbench also has, are these very objects
    assert typing.get_type_hints(dockerbench.load_policies)["return"] is dockerbench.models.PolicySet
    for name in set(dockerbench.__all__) & set(dockerbench.models.__all__):
        assert getattr(dockerbench, name) is getattr(dockerbench.models, name), name


def test_models_all_is_a_literal_list():
    """A static __all__ (no globbing, no computed list): type checkers and IDEs read it as written."""
    import dockerbench.models

    tree = ast.parse(Path(dockerbench.models.__file__).read_text())
    assigned = [node for node in tree.body if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)]
    assert len(assigned) == 1 and isinstance(assigned[0].value, ast.List)
    assert ast.literal_eval(assigned[0].value) == dockerbench.models.__all__
    assert not [node for node in tree.body if isinstance(node, (ast.AugAssign, ast.FunctionDef, ast.ClassDef))]


def _loaded_by(module: str, packages: list[str]) -> list[str]:
    """Which of ``packages`` a fresh interpreter has loaded once it imported ``module``."""
    code = f"import sys, {module}; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({packages!r})))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    return ast.literal_eval(proc.stdout)


def test_importing_models_loads_no_output_or_engine_library():
    heavy = ["pandas", "jinja2", "rich", "docker", "regorus", "opa_bindings", "click", "requests"]
    assert _loaded_by("dockerbench.models", heavy) == []


def test_importing_the_cli_loads_no_model_output_or_engine_library():
    """`dockerbench audit` sends its first Engine API request before pydantic, an engine or an
    output library is needed: they load while the host answers (benchmarks/audit_bench.py times it)."""
    heavy = ["pydantic", "pandas", "jinja2", "rich", "docker", "regorus", "opa_bindings", "requests", "multiprocessing"]
    assert _loaded_by("dockerbench.cli", heavy) == []


def test_audit_takes_every_option_of_snapshot_and_of_a_selection():
    """audit()'s keywords are snapshot()'s and a Selection's: none can be forgotten on either side."""
    import dataclasses
    import inspect

    from dockerbench._selection import AuditOptions, SelectionOptions

    snapshot_params = set(inspect.signature(dockerbench.snapshot).parameters)
    selection_fields = {f.name for f in dataclasses.fields(dockerbench.Selection)}
    assert set(SelectionOptions.__optional_keys__) == selection_fields
    assert set(AuditOptions.__optional_keys__) == snapshot_params | selection_fields
    assert not snapshot_params & selection_fields


def test_keywords_and_a_selection_select_the_same_controls():
    snap = synthetic.snapshot(2)
    by_keywords = dockerbench.evaluate(snap, benchmark="cis-docker-1.8.0", controls=["5"], exclude=["5.1*"], level=1)
    chosen = dockerbench.Selection(benchmark="cis-docker-1.8.0", controls=["5"], exclude=["5.1*"], level=1)
    by_selection = dockerbench.evaluate(snap, chosen)
    assert [r.id for r in by_selection.results] == [r.id for r in by_keywords.results]
    assert by_selection.benchmark_id == "cis-docker-1.8.0" and "5.10" not in {r.id for r in by_selection.results}
    assert all(r.level == 1 and r.section == "5" for r in by_selection.results)
    # a keyword refines a given selection; an unknown one is refused as Python refuses it
    refined = dockerbench.evaluate(snap, chosen, controls=["5.4"])
    assert [r.id for r in refined.results] == ["5.4"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'contrls'"):
        dockerbench.evaluate(snap, contrls=["5.4"])  # type: ignore[call-arg]


def test_a_report_that_is_not_one_is_a_report_error(tmp_path):
    snap = tmp_path / "snap.json"
    synthetic.snapshot(1).save(snap)
    with pytest.raises(dockerbench.ReportError, match=r"snap.json: this is a dockerbench snapshot, not a report"):
        dockerbench.load_report(snap)
    report = tmp_path / "report.json"
    report.write_text(dockerbench.evaluate(synthetic.snapshot(1), controls=["5.4"]).to_json())
    with pytest.raises(dockerbench.SnapshotError, match=r"report.json: this is a dockerbench report, not a snapshot"):
        dockerbench.load_snapshot(report)
    (tmp_path / "other.json").write_text('{"results": 1}')
    with pytest.raises(dockerbench.ReportError, match=r"other.json: not a valid report: tool_version: Field required \(\+"):
        dockerbench.load_report(tmp_path / "other.json")
    with pytest.raises(dockerbench.ReportError, match="cannot read report"):
        dockerbench.load_report(tmp_path / "none.json")
    assert issubclass(dockerbench.ReportError, dockerbench.DockerbenchError)


def test_asking_a_report_for_a_control_it_does_not_hold_is_a_usage_error():
    report = dockerbench.evaluate(synthetic.snapshot(1), controls=["5.4"])
    assert report.result("5.4").id == "5.4"
    with pytest.raises(dockerbench.UsageError, match=r"control '9.9' is not in this report \(it has 1 results\)"):
        report.result("9.9")


@pytest.mark.parametrize(("name", "options", "problem"), [
    ("opa-server", {}, "the opa-server engine needs the server's url"),
    ("opa-server", {"url": "http://127.0.0.1:1", "tokn": "x"}, "unknown option 'tokn' for the opa-server engine"),
    ("embedded", {"url": "http://x"}, "engine 'embedded' takes no option 'url'"),
])
def test_engine_options_that_do_not_fit_are_usage_errors(name, options, problem):
    with pytest.raises(dockerbench.UsageError, match=problem):
        dockerbench.make_engine(name, **options)
