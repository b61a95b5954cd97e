"""Benchmarks as profiles: which controls a benchmark has, what it says of each, and which check
(Rego package) decides each one.

``cis-docker-1.1.0`` is built in: its profile is the METADATA of ``policies/cis_docker_1_1_0/*``,
where every package decides the control its METADATA names. Every other benchmark is one file,
``profiles/<id>.yaml`` (shipped in the wheel as ``dockerbench/_data/profiles``), validated by
:class:`ProfileFile` (``schemas/profile.schema.json``). It lists every control of the benchmark
with its identity (id, title, level, automated/scored) and ``check``, the package that decides
it:

* a ``cis_docker_1_1_0.*`` package when the decision is the same as that v1.1.0 control's: the
  check is shared, never copied, and its prose (severity, remediation, references, the v1.6.0
  alias) is taken from that package's METADATA unless the profile says otherwise;
* a package of the benchmark's own directory (``cis_docker_1_8_0.c1_1_9``) when the benchmark
  decides differently; the profile then says severity, remediation and references itself;
* ``null`` when dockerbench does not decide the control yet: it is reported ``manual`` with
  :data:`NOT_DECIDED_REASON`, never ``pass`` and never left out.

So a newcomer looking for where 1.8.0's 5.5 is decided reads ``check:`` of ``id: "5.5"`` in
``profiles/cis-docker-1.8.0.yaml`` (or runs ``dockerbench controls 5.5 --benchmark
cis-docker-1.8.0``, which prints the policy file). An organisation overlay that replaces a
v1.1.0 control (``--policy-dir``) replaces that check in every profile that shares it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints, ValidationError, model_validator

from ._errors import PolicyError, UsageError
from ._model import Input, first_problem
from ._policies import DEFAULT_BENCHMARK, Control, PolicySet, available_benchmarks, profile_dir

#: Why a control no check decides is ``manual``.
NOT_DECIDED_REASON = "dockerbench does not decide this control yet: check it by hand (see the remediation)"

ControlId = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)+$")]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
Package = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")]
Text = Annotated[str, StringConstraints(min_length=1)]

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ProfileControl(Input):
    """One control of a benchmark, and the check that decides it."""

    id: ControlId = Field(description="The benchmark's id, e.g. '5.5'")
    title: Text
    level: Literal[1, 2] = Field(description="CIS profile level")
    level_source: SourceKey = Field(description="Key of `sources`: the evidence for `level`")
    automated: bool = Field(description="The benchmark's assessment status: Automated (true) or Manual (false)")
    automated_source: SourceKey = Field(description="Key of `sources`: the evidence for `automated`")
    scored: bool | None = Field(None, description="Counts in the score; default: the value of `automated`")
    check: Package | None = Field(description="The Rego package that decides the control; null: not decided yet "
                                              "(reported manual)")
    severity: Literal["critical", "high", "medium", "low", "info"] | None = Field(
        None, description="Default: the severity of the cis-docker-1.1.0 control the check belongs to")
    remediation: Text | None = Field(None, description="Default: the remediation of that control")
    references: list[Text] | None = Field(None, description="Default: the references of that control")
    cis_v1_6_0: ControlId | None = Field(None, description="The id in CIS v1.6.0; default: that control's alias")
    note: Text | None = Field(None, description="Why the check is shared or not, for a reader of the profile")


class ProfileFile(Input):
    """A benchmark: its identity, the evidence its levels rest on, its sections and controls."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9.]+)+$")] = Field(
        description="The name --benchmark takes, the file's stem, e.g. cis-docker-1.8.0")
    title: Text = Field(description="The benchmark's name, as reports show it")
    sources: dict[SourceKey, Text] = Field(description="Evidence the controls' level_source and "
                                                       "automated_source name, by key")
    sections: dict[Annotated[str, StringConstraints(pattern=r"^\d+$")], Text] = Field(
        description="Section number -> title")
    controls: list[ProfileControl]

    @model_validator(mode="after")
    def _consistent(self) -> ProfileFile:
        seen: set[str] = set()
        for c in self.controls:
            if c.id in seen:
                raise ValueError(f"control {c.id} is listed twice")
            seen.add(c.id)
            for field_name in ("level_source", "automated_source"):
                key = getattr(c, field_name)
                if key not in self.sources:
                    raise ValueError(f"control {c.id}: {field_name} {key!r} is not a key of sources")
            if c.id.split(".")[0] not in self.sections:
                raise ValueError(f"control {c.id}: section {c.id.split('.')[0]} is not in sections")
        return self


def load_profile(benchmark: str) -> ProfileFile:
    """The profile file of ``benchmark``; :class:`UsageError` for an unknown id, :class:`PolicyError`
    (one line, naming the file and the control) for a file that is not a valid profile."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", benchmark) or benchmark == DEFAULT_BENCHMARK:
        raise UsageError(_unknown(benchmark))
    path = profile_dir() / f"{benchmark}.yaml"
    try:
        stat = path.stat()
        cached = _LOADED.get(benchmark)
        if cached is not None and cached[0] == (stat.st_mtime_ns, stat.st_size):
            return cached[1]  # validated models are immutable: one per process while the file is unchanged
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(_unknown(benchmark)) from None
    except OSError as e:
        raise PolicyError(f"{path}: cannot read the profile: {e.strerror or e}") from None
    try:
        doc = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        raise PolicyError(f"{path}: not valid YAML: {' '.join(str(e).split())}") from None
    try:
        profile = ProfileFile.model_validate(doc)
    except ValidationError as e:
        raise PolicyError(f"{path}: not a valid profile: {first_problem(e, _control_place(doc))}") from None
    if profile.id != benchmark:
        raise PolicyError(f"{path}: its id is {profile.id!r}, not the file's name {benchmark!r}")
    _LOADED[benchmark] = ((stat.st_mtime_ns, stat.st_size), profile)
    return profile


_LOADED: dict[str, tuple[tuple[int, int], ProfileFile]] = {}


def _unknown(benchmark: str) -> str:
    return f"unknown benchmark {benchmark!r} (choose from {', '.join(available_benchmarks())})"


def _control_place(doc: object) -> Callable[[Sequence[Any]], str]:
    """A validation error's location inside the profile named by its control's id."""
    def place(loc: Sequence[Any]) -> str:
        if len(loc) >= 2 and loc[0] == "controls" and isinstance(loc[1], int) and isinstance(doc, dict):
            with contextlib.suppress(KeyError, IndexError, TypeError):  # no id to name: the location as it is
                return f"control {doc['controls'][loc[1]]['id']}" + "".join(f".{p}" for p in loc[2:])
        return ""
    return place


def apply_profile(policies: PolicySet, benchmark: str) -> None:
    """Make ``policies`` the controls of ``benchmark``: each resolved to the package that decides
    it (following an overlay that replaced a shared check), its prose completed from the
    cis-docker-1.1.0 control that package decides. A check no loaded module declares, or a
    control whose prose is neither given nor inheritable, raises :class:`PolicyError`."""
    profile = load_profile(benchmark)
    path = profile_dir() / f"{benchmark}.yaml"
    by_package = {c.package: c for c in policies.controls.values() if c.package is not None}
    controls: dict[str, Control] = {}
    for pc in profile.controls:
        package, file, ancestor = None, None, None
        if pc.check is not None:
            package = pc.check
            while package in policies.replaced:  # an overlay replaced the shared check
                package = policies.replaced[package]
            file = policies.packages.get(package)
            if file is None:
                raise PolicyError(f"{path}: control {pc.id}: check {pc.check} is not a loaded policy package")
            ancestor = by_package.get(package)

        def inherited(name: str, value: object, pc: ProfileControl = pc, ancestor: Control | None = ancestor) -> object:
            if value is not None:
                return value
            if ancestor is None:
                raise PolicyError(f"{path}: control {pc.id}: {name} is needed (its check is not a "
                                  f"{DEFAULT_BENCHMARK} control to take it from)")
            return getattr(ancestor, name)

        section = pc.id.split(".")[0]
        controls[pc.id] = Control(
            id=pc.id, title=pc.title, section=section, section_title=profile.sections[section],
            level=pc.level, scored=pc.automated if pc.scored is None else pc.scored, automated=pc.automated,
            severity=str(inherited("severity", pc.severity)),
            remediation=" ".join(str(inherited("remediation", pc.remediation)).split()),
            cis_v1_6_0=pc.cis_v1_6_0 if pc.cis_v1_6_0 is not None or ancestor is None else ancestor.cis_v1_6_0,
            references=tuple(inherited("references", pc.references)),  # type: ignore[arg-type]
            package=package, file=file, level_source=pc.level_source, automated_source=pc.automated_source,
            note=pc.note,
        )
    policies.controls = controls
    policies.benchmark, policies.title = profile.id, profile.title
