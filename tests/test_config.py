"""dockerbench.yaml: found in the working directory or named with --config; a flag beats the
file, the file beats the default; a broken file is one line and exit 2 before anything runs."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import jsonschema
import pytest
import synthetic
import yaml
from _cli import run

import dockerbench
from dockerbench import _config_model, cli

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "schemas" / "config.schema.json").read_text())


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("dockerbench: error: ") and "Traceback" not in proc.stderr
    return lines[0]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("snap") / "host.json"
    synthetic.snapshot(7).save(path)
    return path


def _statuses(proc: subprocess.CompletedProcess[str]) -> dict[str, str]:
    return {r["id"]: r["status"] for r in json.loads(proc.stdout)["results"]}


def _show(cwd: Path, *args: str) -> dict:
    proc = run("config", "show", "--format", "json", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# ----------------------------------------------------------------------------- finding the file


def test_the_file_in_the_working_directory_is_read(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "fail_on: never\n")
    assert run("-q", "evaluate", str(snapshot_file), cwd=tmp_path).returncode == 0


def test_without_a_file_the_defaults_apply(tmp_path, snapshot_file):
    assert run("-q", "evaluate", str(snapshot_file), cwd=tmp_path).returncode == 1  # --fail-on fail


def test_no_config_ignores_the_file_in_the_working_directory(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "fail_on: never\n")
    assert run("-q", "evaluate", str(snapshot_file), "--no-config", cwd=tmp_path).returncode == 1
    assert _show(tmp_path, "--no-config")["config_file"] is None


def test_config_names_a_file_elsewhere_and_beats_the_working_directory(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "fail_on: fail\n")
    other = _write(tmp_path / "elsewhere" / "audit.yaml", "fail_on: never\n")
    assert run("-q", "evaluate", str(snapshot_file), "--config", str(other), cwd=tmp_path).returncode == 0


def test_a_config_file_that_does_not_exist_exits_2(tmp_path, snapshot_file):
    line = _one_error_line(run("evaluate", str(snapshot_file), "--config", "nope.yaml", cwd=tmp_path))
    assert "nope.yaml: cannot read the configuration file: No such file or directory" in line


def test_config_and_no_config_together_exit_2(tmp_path, snapshot_file):
    other = _write(tmp_path / "audit.yaml", "fail_on: never\n")
    line = _one_error_line(run("evaluate", str(snapshot_file), "--config", str(other), "--no-config", cwd=tmp_path))
    assert "--config and --no-config exclude each other" in line


def test_an_empty_file_configures_nothing(tmp_path):
    _write(tmp_path / "dockerbench.yaml", "# nothing yet\n")
    shown = _show(tmp_path)
    assert shown["config_file"] == "dockerbench.yaml"
    assert {s["source"] for s in shown["settings"].values()} == {"default"}


# ----------------------------------------------------------------------------- precedence, key by key

#: key -> (its line in the file, the flag that overrides it, the value from the file, from the flag, by default).
#: "{dir}" stands for the configuration file's directory: relative paths resolve against it.
KEYS = {
    "params": ("params: conf/p.yaml", ["--params", "flag-p.yaml"], "{dir}/conf/p.yaml", "flag-p.yaml", None),
    "policy_dirs": ("policy_dirs: [org, /abs/org2]", ["--policy-dir", "flag-org"], ["{dir}/org", "/abs/org2"], ["flag-org"], []),
    "waivers": ("waivers: waivers.yaml", None, "{dir}/waivers.yaml", None, None),
    "attestations": ("attestations: att/attest.yaml", None, "{dir}/att/attest.yaml", None, None),
    "controls": ('controls: ["5", "4.1"]', ["-c", "2.5"], ["5", "4.1"], ["2.5"], []),
    "exclude": ('exclude: "5.31,5.1"', ["--exclude", "5.4"], ["5.31,5.1"], ["5.4"], []),
    "fail_on": ("fail_on: warn", ["--fail-on", "never"], "warn", "never", "fail"),
    "engine": ("engine: opa", ["--engine", "embedded"], "opa", "embedded", "embedded"),  # a flag equal to the default still wins
    "opa_url": ("opa_url: http://opa.internal:8181", ["--opa-url", "http://flag:8181"], "http://opa.internal:8181", "http://flag:8181", None),
    "format": ("format: sarif", None, "sarif", None, "table"),  # config show's --format prints it: see the evaluate test
    "output": ("output: reports/r.json", ["-o", "flag.json"], "{dir}/reports/r.json", "flag.json", None),
}


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> dict[str, dict]:
    """config show of: the file alone, the file and every flag, no file; run in another directory."""
    root = tmp_path_factory.mktemp("precedence")
    conf = root / "conf"
    _write(conf / "dockerbench.yaml", "\n".join(line for line, *_ in KEYS.values()) + "\n")
    _write(conf / "conf" / "p.yaml", "trusted_users: [alice]\n")
    _write(root / "flag-p.yaml", "trusted_users: [bob]\n")
    flags = [arg for _, args, *_ in KEYS.values() if args for arg in args]
    config = ["--config", "conf/dockerbench.yaml"]
    return {"file": _show(root, *config), "flag": _show(root, *config, *flags), "default": _show(root),
            "dir": str(conf)}  # type: ignore[dict-item]


def _expected(value, directory: str):
    if isinstance(value, list):
        return [_expected(v, directory) for v in value]
    return value.replace("{dir}", directory) if isinstance(value, str) else value


def test_every_key_is_covered():
    assert set(KEYS) == set(_config_model.Config.model_fields) == set(cli._OPTION_OF)


@pytest.mark.parametrize("key", sorted(KEYS))
def test_the_file_beats_the_default(shown, key):
    assert shown["file"]["settings"][key] == {"value": _expected(KEYS[key][2], shown["dir"]), "source": "file"}
    assert shown["file"]["config_file"] == "conf/dockerbench.yaml"


@pytest.mark.parametrize("key", sorted(k for k, v in KEYS.items() if v[1]))
def test_a_flag_beats_the_file(shown, key):
    assert shown["flag"]["settings"][key] == {"value": KEYS[key][3], "source": "flag"}


@pytest.mark.parametrize("key", sorted(KEYS))
def test_without_a_file_the_default(shown, key):
    assert shown["default"]["settings"][key] == {"value": KEYS[key][4], "source": "default"}
    assert shown["default"]["config_file"] is None


# ----------------------------------------------------------------------------- the keys at work


def test_controls_and_exclude_from_the_file_select_the_controls(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", 'controls: ["5.1", "5.4"]\nexclude: ["5.1"]\n')
    proc = run("-q", "evaluate", str(snapshot_file), "-f", "json", "--fail-on", "never", cwd=tmp_path)
    assert set(_statuses(proc)) == {"5.4"}
    proc = run("-q", "evaluate", str(snapshot_file), "-f", "json", "--fail-on", "never", "-c", "2.5", cwd=tmp_path)
    assert set(_statuses(proc)) == {"2.5"}  # the flag replaces the file's controls


def test_fail_on_from_the_file_is_beaten_by_the_flag(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "fail_on: never\n")
    assert run("-q", "evaluate", str(snapshot_file), "--fail-on", "fail", cwd=tmp_path).returncode == 1


def test_format_and_output_from_the_file_write_the_report_beside_the_file(tmp_path, snapshot_file):
    conf = _write(tmp_path / "conf" / "dockerbench.yaml", "format: json\noutput: reports/report.json\ncontrols: ['5.4']\n")
    (tmp_path / "conf" / "reports").mkdir()
    proc = run("-q", "evaluate", str(snapshot_file), "--config", "conf/dockerbench.yaml", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert dockerbench.load_report(conf.parent / "reports" / "report.json").results[0].id == "5.4"


def test_format_flag_beats_the_file(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "format: json\ncontrols: ['5.4']\n")
    proc = run("-q", "evaluate", str(snapshot_file), "--format", "markdown", "--fail-on", "never", cwd=tmp_path)
    assert proc.stdout.lstrip().startswith("#"), proc.stdout[:200]


def test_an_output_directory_that_does_not_exist_is_refused_first(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "output: nowhere/report.json\n")
    assert "is not a directory" in _one_error_line(run("evaluate", str(snapshot_file), cwd=tmp_path))


@pytest.mark.parametrize("how", ["path", "inline"])
def test_params_from_the_file_decide_a_control(tmp_path, snapshot_file, how):
    # 1.4 is manual until trusted_users is given; the docker group holds alice and bob.
    if how == "path":
        _write(tmp_path / "conf" / "org" / "params.yaml", "trusted_users: [alice, bob]\n")
        _write(tmp_path / "conf" / "dockerbench.yaml", "params: org/params.yaml\n")
    else:
        _write(tmp_path / "conf" / "dockerbench.yaml", "params:\n  trusted_users: [alice, bob]\n")
    args = ("-q", "evaluate", str(snapshot_file), "-c", "1.4", "-f", "json", "--config", "conf/dockerbench.yaml")
    assert _statuses(run(*args, cwd=tmp_path)) == {"1.4": "pass"}
    _write(tmp_path / "alice.yaml", "trusted_users: [alice]\n")
    assert _statuses(run(*args, "--params", "alice.yaml", "--fail-on", "never", cwd=tmp_path)) == {"1.4": "fail"}


def test_policy_dirs_from_the_file_add_the_organisation_policies(tmp_path, snapshot_file):
    source = dockerbench.load_policies().controls["5.4"].file.read_text()
    source = source.replace("package cis_docker_1_1_0.c5_4", "package org.c5_4")
    source = source.replace("c.privileged == true", 'c.privileged == "never"')  # the org accepts them all
    _write(tmp_path / "conf" / "org" / "c5_4" / "c5_4.rego", source)
    _write(tmp_path / "conf" / "dockerbench.yaml", "policy_dirs: [org]\n")
    config = ("--config", "conf/dockerbench.yaml")
    assert _statuses(run("-q", "evaluate", str(snapshot_file), "-c", "5.4", "-f", "json", *config, cwd=tmp_path)) == {"5.4": "pass"}
    listed = json.loads(run("controls", "5.4", "--format", "json", *config, cwd=tmp_path).stdout)
    assert listed["policy"] == str(tmp_path / "conf" / "org" / "c5_4" / "c5_4.rego")
    proc = run("-q", "evaluate", str(snapshot_file), "-c", "5.4", "-f", "json", *config,
               "--policy-dir", str(tmp_path / "none-here"), cwd=tmp_path)  # the flag replaces the file's list
    assert "none-here: policy directory does not exist" in _one_error_line(proc)


def test_engine_from_the_file_evaluates(tmp_path, snapshot_file):
    if "opa" not in dockerbench.engines.available_engines():
        pytest.skip("real OPA is not installed")
    _write(tmp_path / "dockerbench.yaml", "engine: opa\n")
    proc = run("-q", "evaluate", str(snapshot_file), "-c", "5.4", "-f", "json", "--fail-on", "never", cwd=tmp_path)
    assert json.loads(proc.stdout)["engine"].startswith("opa")
    proc = run("-q", "evaluate", str(snapshot_file), "-c", "5.4", "-f", "json", "--fail-on", "never",
               "--engine", "embedded", cwd=tmp_path)
    assert json.loads(proc.stdout)["engine"].startswith("embedded")


def test_diff_reads_params_and_policy_dirs_from_the_file(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "params: {trusted_users: alice}\n")
    line = _one_error_line(run("diff", str(snapshot_file), str(snapshot_file), cwd=tmp_path))
    assert "dockerbench.yaml: params: parameter 'trusted_users' must be a list of names" in line


# ----------------------------------------------------------------------------- a broken file


BROKEN = [
    ("fail_on: [never\n", "dockerbench.yaml: the configuration file is not valid YAML: "),
    ("- fail_on: never\n", "dockerbench.yaml: the configuration must be a mapping of keys to values, not a list"),
    ("fial_on: never\n", "dockerbench.yaml: unknown key 'fial_on' (known: params, policy_dirs, waivers, attestations, "
                         "controls, exclude, fail_on, engine, opa_url, format, output)"),
    ("fail_on: sometimes\n", "dockerbench.yaml: 'fail_on' must be one of warn, fail, error, never, got 'sometimes'"),
    ("fail_on: no\n", "dockerbench.yaml: 'fail_on' must be one of warn, fail, error, never, got False"),
    ("engine: oppa\n", "dockerbench.yaml: 'engine' must be one of embedded, opa, opa-server, got 'oppa'"),
    ("format: xml\n", "dockerbench.yaml: 'format' must be one of table, json, sarif, junit, html, csv, markdown, got 'xml'"),
    ("controls: [5.10]\n", "dockerbench.yaml: 'controls' must be a list of control selectors or one comma-separated "
                           "string (quote ids: 5.10 unquoted is the number 5.1), got [5.1]"),
    ("exclude: 5\n", "dockerbench.yaml: 'exclude' must be a list of control selectors"),
    ("policy_dirs: org\n", "dockerbench.yaml: 'policy_dirs' must be a list of directory paths, got 'org'"),
    ("output: ''\n", "dockerbench.yaml: 'output' must be a file path, got ''"),
    ("params: 3\n", "dockerbench.yaml: 'params' must be a mapping of parameters or the path of a parameters file, got 3"),
    ("params: {trusted_userz: [a]}\n", "dockerbench.yaml: params: unknown parameter 'trusted_userz'"),
    ("waivers: [W-1]\n", "dockerbench.yaml: 'waivers' must be a mapping (the waivers document inline) or the path of a "
                         "waivers file, got ['W-1']"),
    ("attestations: 7\n", "dockerbench.yaml: 'attestations' must be a list of attestations, a mapping holding them, "
                          "or the path of a file of them, got 7"),
    ("fail_on: warn\nfail_on: never\n", "dockerbench.yaml: the configuration file is not valid YAML: key 'fail_on' is given twice"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN, ids=[m.split(": ", 1)[1][:40] for _, m in BROKEN])
def test_a_broken_file_is_one_line_and_exit_2(tmp_path, snapshot_file, text, message):
    _write(tmp_path / "dockerbench.yaml", text)
    assert message in _one_error_line(run("evaluate", str(snapshot_file), cwd=tmp_path))


def test_a_broken_file_stops_an_audit_before_anything_is_collected(tmp_path):
    # The daemon address answers nothing: collecting would exit 3; the file is refused first.
    _write(tmp_path / "dockerbench.yaml", "fail_on: sometimes\n")
    proc = run("audit", "--docker-host", f"unix://{tmp_path}/none.sock", "--host-root", str(tmp_path / "none"), cwd=tmp_path)
    assert "'fail_on' must be one of" in _one_error_line(proc)


@pytest.mark.parametrize("command", [["controls"], ["config", "show"], ["diff", "a.json", "b.json"]])
def test_every_command_that_reads_the_file_refuses_a_broken_one(tmp_path, command):
    _write(tmp_path / "dockerbench.yaml", "fial_on: never\n")
    assert "unknown key 'fial_on'" in _one_error_line(run(*command, cwd=tmp_path))


def test_a_broken_parameters_file_named_by_the_config_shows_in_config_show(tmp_path):
    _write(tmp_path / "p.yaml", "trusted_users: alice\n")
    _write(tmp_path / "dockerbench.yaml", "params: p.yaml\n")
    assert "must be a list of names" in _one_error_line(run("config", "show", cwd=tmp_path))


# ----------------------------------------------------------------------------- config show


EXAMPLE = """\
params: params.yaml
policy_dirs: [org-policies]
waivers: waivers.yaml
attestations:
  - controls: ["1.2"]
    status: pass
    explanation: "the host runs nothing but Docker"
    attested_by: ops@example.com
    attested_on: "2026-01-15"
    valid_for_days: 90
controls: ["5", "4.1"]
exclude: "5.31"
fail_on: warn
format: json
output: reports/report.json
"""


def test_config_show_prints_each_key_value_and_source(tmp_path):
    _write(tmp_path / "params.yaml", "trusted_users: [alice]\n")
    _write(tmp_path / "dockerbench.yaml", EXAMPLE)
    proc = run("config", "show", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {line.split()[0]: line.split() for line in proc.stdout.splitlines()[1:]}
    assert proc.stdout.splitlines()[0] == "config file: dockerbench.yaml"
    assert rows["params"] == ["params", str(tmp_path / "params.yaml"), "dockerbench.yaml"]
    assert rows["policy_dirs"] == ["policy_dirs", str(tmp_path / "org-policies"), "dockerbench.yaml"]
    assert rows["waivers"] == ["waivers", str(tmp_path / "waivers.yaml"), "dockerbench.yaml"]
    assert rows["attestations"][1] == "inline" and rows["attestations"][-1] == "dockerbench.yaml"
    assert rows["controls"] == ["controls", "5,", "4.1", "dockerbench.yaml"]
    assert rows["exclude"] == ["exclude", "5.31", "dockerbench.yaml"]
    assert rows["fail_on"] == ["fail_on", "never", "flag"]
    assert rows["engine"] == ["engine", "embedded", "default"]
    assert rows["opa_url"] == ["opa_url", "none", "default"]
    assert rows["format"] == ["format", "json", "dockerbench.yaml"]
    assert rows["output"] == ["output", str(tmp_path / "reports" / "report.json"), "dockerbench.yaml"]


def test_config_show_json_carries_inline_values_as_given(tmp_path):
    _write(tmp_path / "params.yaml", "trusted_users: [alice]\n")
    _write(tmp_path / "dockerbench.yaml", EXAMPLE.replace(
        "waivers: waivers.yaml\n", "waivers:\n  version: 1\n  waivers: [{id: W-1, controls: ['5.4']}]\n"))
    settings = _show(tmp_path)["settings"]
    assert settings["waivers"] == {"value": {"version": 1, "waivers": [{"id": "W-1", "controls": ["5.4"]}]}, "source": "file"}
    assert settings["attestations"]["value"][0]["attested_by"] == "ops@example.com"


def test_config_show_prints_the_dates_yaml_reads_as_iso_text(tmp_path):
    _write(tmp_path / "dockerbench.yaml", "waivers:\n  waivers: [{id: W-1, expires: 2027-06-30}]\n")
    assert _show(tmp_path)["settings"]["waivers"]["value"] == {"waivers": [{"id": "W-1", "expires": "2027-06-30"}]}
    assert '"expires":"2027-06-30"' in run("config", "show", cwd=tmp_path).stdout


def test_config_show_without_a_file_says_so(tmp_path):
    proc = run("config", "show", cwd=tmp_path)
    assert proc.stdout.splitlines()[0] == "config file: none (no dockerbench.yaml here)"
    proc = run("config", "show", "--no-config", cwd=tmp_path)
    assert proc.stdout.splitlines()[0] == "config file: none (--no-config)"


def test_hostile_text_in_the_file_is_shown_escaped(tmp_path):
    _write(tmp_path / "dockerbench.yaml", 'opa_url: "http://x\\x1b[2J"\n')
    proc = run("config", "show", cwd=tmp_path)
    assert "\x1b" not in proc.stdout and "\\x1b[2J" in proc.stdout


# ----------------------------------------------------------------------------- waivers and attestations


WAIVER = ("{id: W-1, controls: ['2.7'], reason: tuned ulimits, owner: ops@example.com, "
          "expires: 2099-01-01}")
ATTESTATION = ("{controls: ['1.2'], status: pass, explanation: own LVM volume, attested_by: alice@example.com, "
               "attested_on: 2026-10-01, valid_for_days: 90}")


@pytest.mark.parametrize("where", ["inline", "file"])
def test_waivers_and_attestations_of_the_file_are_applied(tmp_path, snapshot_file, where):
    if where == "inline":
        _write(tmp_path / "dockerbench.yaml", f"waivers: {{version: 1, waivers: [{WAIVER}]}}\n"
                                              f"attestations: [{ATTESTATION}]\n")
    else:
        _write(tmp_path / "w" / "waivers.yaml", f"version: 1\nwaivers: [{WAIVER}]\n")
        _write(tmp_path / "w" / "attestations.yaml", f"[{ATTESTATION}]\n")
        _write(tmp_path / "dockerbench.yaml", "waivers: w/waivers.yaml\nattestations: w/attestations.yaml\n")
    proc = run("evaluate", str(snapshot_file), "--format", "json", "--controls", "2.7,1.2", "--as-of", "2026-11-01",
               cwd=tmp_path)
    statuses = {r["id"]: r["status"] for r in json.loads(proc.stdout)["results"]}
    assert statuses == {"1.2": "pass", "2.7": "waived"}, proc.stderr


def test_a_waivers_flag_beats_the_file(tmp_path, snapshot_file):
    _write(tmp_path / "dockerbench.yaml", "waivers: missing.yaml\n")
    _write(tmp_path / "none.yaml", "version: 1\nwaivers: []\n")
    proc = run("evaluate", str(snapshot_file), "--controls", "2.7", "--waivers", str(tmp_path / "none.yaml"),
               "--format", "json", cwd=tmp_path)
    assert [r["status"] for r in json.loads(proc.stdout)["results"]] == ["warn"], proc.stderr


@pytest.mark.parametrize(("text", "value"), [
    ("waivers: w/waivers.yaml\n", lambda d: ("waivers", str(d / "w" / "waivers.yaml"))),
    ("waivers: /etc/org/waivers.yaml\n", lambda d: ("waivers", "/etc/org/waivers.yaml")),
    ("waivers: {version: 1, waivers: []}\n", lambda d: ("waivers", {"version": 1, "waivers": []})),
    ("attestations: a.yaml\n", lambda d: ("attestations", str(d / "a.yaml"))),
    ("attestations: [{controls: ['1.2'], status: pass}]\n", lambda d: ("attestations", [{"controls": ["1.2"], "status": "pass"}])),
    ("attestations: {version: 1, attestations: []}\n", lambda d: ("attestations", {"version": 1, "attestations": []})),
])
def test_waivers_and_attestations_pass_through_opaque(tmp_path, text, value):
    _write(tmp_path / "dockerbench.yaml", text)
    key, expected = value(tmp_path)
    assert _show(tmp_path)["settings"][key] == {"value": expected, "source": "file"}


# ----------------------------------------------------------------------------- the published schema


def test_the_schema_accepts_the_example_and_rejects_what_the_loader_rejects():
    jsonschema.validate(yaml.safe_load(EXAMPLE), SCHEMA)
    for text, _ in BROKEN:
        if "YAML" in _ or "twice" in _:
            continue
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(yaml.safe_load(text), SCHEMA)


def test_the_file_takes_the_choices_the_flags_take():
    fields = _config_model.Config.model_fields
    choices = {p.name: list(p.type.choices) for p in cli.evaluate_cmd.params if hasattr(p.type, "choices")}
    for key, option in (("fail_on", "fail_on"), ("engine", "engine"), ("format", "fmt")):
        literal = next(a for a in fields[key].annotation.__args__ if a is not type(None))
        assert list(literal.__args__) == choices[option], key


def test_the_readme_example_is_what_config_show_prints(tmp_path):
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("## Configuration file"):]
    example = section[section.index("# dockerbench.yaml\n"):section.index("```", section.index("# dockerbench.yaml\n"))]
    shown_block = section[section.index("$ dockerbench config show --fail-on never\n"):]
    shown_block = shown_block[:shown_block.index("```")].splitlines()[1:]
    _write(tmp_path / "dockerbench.yaml", example)
    _write(tmp_path / "params.yaml", "trusted_users: [alice]\n")
    jsonschema.validate(yaml.safe_load(example), SCHEMA)
    proc = run("config", "show", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # the columns are as wide as the longest path: compare the words of each line
    printed = proc.stdout.replace(str(tmp_path), "/srv/audit").splitlines()
    assert [line.split() for line in printed] == [line.split() for line in shown_block]
