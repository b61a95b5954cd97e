"""Finding Rego policies and reading their METADATA.

Policies live in ``policies/`` (shipped inside the wheel as ``dockerbench/_data/policies``):
``cis_docker_1_1_0/c<id>/c<id>.rego`` is one control (package ``cis_docker_1_1_0.c<id>``) and
``lib/`` holds shared helpers. Extra directories (an organisation's) are loaded after the
built-in ones: a control package there with the same ``custom.id`` replaces the built-in
control, a new id adds a control. METADATA is read from the file itself (a YAML comment
block), so it works the same on every engine.

That METADATA is the built-in profile, ``cis-docker-1.1.0``. Another benchmark is a profile file
(``dockerbench/_profiles.py``): ``load_policies(benchmark="cis-docker-1.8.0")`` loads the same
modules and gives the controls that benchmark names, each decided by the package its profile
says.
"""

from __future__ import annotations

import fnmatch
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._errors import PolicyError, PolicyWarning, UsageError

CONTROL_PACKAGE_ROOT = "cis_docker_1_1_0"
#: The benchmark whose controls the METADATA of CONTROL_PACKAGE_ROOT describes.
DEFAULT_BENCHMARK = "cis-docker-1.1.0"
DEFAULT_TITLE = "CIS Docker Community Edition Benchmark v1.1.0"
REQUIRED_CUSTOM = ("id", "section", "section_title", "level", "scored", "automated", "severity", "remediation")
SEVERITIES = ("critical", "high", "medium", "low", "info")

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_CONTROL_ID = re.compile(r"^\d+(\.\d+)+$")

# libyaml when PyYAML has it (its wheels do): METADATA of 105 controls parses ~10x faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Control:
    """One control of a benchmark: its identity and prose, and the check that decides it.

    ``package`` is the Rego package that decides it and ``file`` the module declaring it; both are
    None for a control of a profile that dockerbench does not decide yet (reported ``manual``).
    ``level_source`` / ``automated_source`` say where a profile's level and automation flag come
    from (None: the benchmark's own text, as for the METADATA of cis-docker-1.1.0), and ``note``
    is the profile's remark on the control (why its check is shared, what a placeholder means).
    """

    id: str
    title: str
    section: str
    section_title: str
    level: int
    scored: bool
    automated: bool
    severity: str
    remediation: str
    cis_v1_6_0: str | None
    references: tuple[str, ...]
    package: str | None
    file: Path | None
    description: str = ""
    level_source: str | None = None
    automated_source: str | None = None
    note: str | None = None

    @property
    def sort_key(self) -> tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 0 for p in self.id.split("."))


@dataclass
class PolicySet:
    """The modules an engine loads and the controls of one benchmark they decide."""

    modules: dict[str, str] = field(default_factory=dict)
    controls: dict[str, Control] = field(default_factory=dict)
    #: Which benchmark ``controls`` are of (its profile id) and its title.
    benchmark: str = DEFAULT_BENCHMARK
    title: str = DEFAULT_TITLE
    #: Package -> the module declaring it, for every loaded module.
    packages: dict[str, Path] = field(default_factory=dict)
    #: A built-in control package an overlay replaced -> the overlay's package (profiles follow it).
    replaced: dict[str, str] = field(default_factory=dict)

    def ordered(self) -> list[Control]:
        return sorted(self.controls.values(), key=lambda c: c.sort_key)

    def select(self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
               level: int | None = None, scored_only: bool = False) -> list[Control]:
        """Controls matching ids ('5.4'), sections ('5') or globs ('5.*'); unknown ids raise UsageError."""
        chosen = self.ordered()
        if include:
            chosen = [c for c in chosen if _matches_any(c, include, self)]
        if exclude:
            _matches_any(None, exclude, self)  # validates the selectors
            chosen = [c for c in chosen if not _matches_any(c, exclude, self)]
        if level is not None:
            chosen = [c for c in chosen if c.level <= level]
        if scored_only:
            chosen = [c for c in chosen if c.scored]
        return chosen


def _matches_any(control: Control | None, selectors: Sequence[str], policies: PolicySet) -> bool:
    for sel in selectors:
        sel = sel.strip()
        if not sel:
            continue
        is_glob = any(ch in sel for ch in "*?[")
        is_group = not is_glob and "." in sel and sel not in policies.controls and any(
            c.startswith(sel + ".") for c in policies.controls)  # a subsection, such as 1.1 in CIS v1.8.0
        if not is_glob and "." in sel and sel not in policies.controls and not is_group:
            raise UsageError(f"unknown control id {sel!r} (see 'dockerbench controls')")
        if not is_glob and "." not in sel and not any(c.section == sel for c in policies.controls.values()):
            raise UsageError(f"unknown section {sel!r} (sections are 1-7)")
        if control is None:
            continue
        if is_glob and fnmatch.fnmatchcase(control.id, sel):
            return True
        if control.id == sel or ("." not in sel and control.section == sel):
            return True
        if is_group and control.id.startswith(sel + "."):
            return True
    return False


def builtin_policy_dir() -> Path:
    """The shipped policies: inside the installed package, else the source checkout's policies/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "policies", here.parent / "policies"):
        if (candidate / CONTROL_PACKAGE_ROOT).is_dir():
            return candidate
    raise PolicyError(f"the built-in policies are missing (looked in {here / '_data' / 'policies'})")


def load_policies(extra_dirs: Iterable[str | Path] = (), benchmark: str | None = None) -> PolicySet:
    """Read the built-in policies, then each extra directory, into one PolicySet.

    Its controls are those of ``benchmark`` (a profile id, default ``cis-docker-1.1.0``); an
    unknown id raises :class:`UsageError`, a broken profile file :class:`PolicyError`.

    A file of an extra directory that defines no control and is not a library (under a
    ``lib`` directory) is loaded but warned about (:class:`PolicyWarning`): it decides nothing,
    which its author rarely means (a METADATA block lost, a typo in ``custom.id``).
    """
    builtin = builtin_policy_dir()
    policies = _builtin_policies(builtin)
    for root in [Path(d) for d in extra_dirs]:
        if not root.is_dir():
            raise PolicyError(f"{root}: policy directory does not exist")
        _load_dir(policies, root, warn=True)
    if benchmark is not None and benchmark != DEFAULT_BENCHMARK:
        from ._profiles import apply_profile

        apply_profile(policies, benchmark)
    return policies


_BUILTIN: dict[tuple[str, tuple[tuple[str, int, int], ...]], PolicySet] = {}


def _builtin_policies(root: Path) -> PolicySet:
    """A fresh PolicySet of the built-in policies, parsed once per process while no file of them
    changed (an audit loads them to prepare the engine, then to evaluate)."""
    if not root.is_dir():
        raise PolicyError(f"{root}: policy directory does not exist")
    files = sorted(root.rglob("*.rego"))
    key = (str(root), tuple((str(f), (st := f.stat()).st_mtime_ns, st.st_size) for f in files))
    cached = _BUILTIN.get(key)
    if cached is None:
        cached = PolicySet()
        _load_dir(cached, root, warn=False)
        _BUILTIN.clear()
        _BUILTIN[key] = cached
    return PolicySet(modules=dict(cached.modules), controls=dict(cached.controls), packages=dict(cached.packages),
                     replaced=dict(cached.replaced))


def _load_dir(policies: PolicySet, root: Path, *, warn: bool) -> None:
    for path in sorted(root.rglob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise PolicyError(f"{path}: cannot read policy: {e}") from None
        control = parse_control(path, source)
        if control is not None:
            previous = policies.controls.get(control.id)
            if previous is not None and previous.file is not None and previous.file.is_relative_to(root):
                raise PolicyError(f"{path}: control {control.id} is also defined in {previous.file}")
            if previous is not None:  # an overlay replaces an earlier directory's control
                policies.modules.pop(str(previous.file), None)
                if previous.package is not None and previous.package != control.package:
                    policies.packages.pop(previous.package, None)
                    policies.replaced[previous.package] = str(control.package)
            policies.controls[control.id] = control
            policies.packages[str(control.package)] = path
        elif warn and "lib" not in path.relative_to(root).parts[:-1]:
            warnings.warn(PolicyWarning(f"{path} defines no control (no METADATA custom.id) and is not "
                                        "under a lib/ directory: it is loaded but decides nothing"), stacklevel=3)
        policies.modules[str(path)] = source
        package = _PACKAGE.search(source)
        if package is not None:
            policies.packages.setdefault(package.group(1), path)


def parse_control(path: Path, source: str) -> Control | None:
    """The Control a file defines, or None for a helper module. Bad METADATA raises PolicyError."""
    pkg = _PACKAGE.search(source)
    if pkg is None:
        raise PolicyError(f"{path}:1: no package declaration")
    package = pkg.group(1)
    meta = read_metadata(path, source, pkg.start()) or {}
    custom = meta.get("custom") or {}
    if "id" not in custom:
        if package.startswith(CONTROL_PACKAGE_ROOT + ".") and not package.endswith("_test"):
            raise PolicyError(f"{path}:1: control package {package} has no METADATA custom.id")
        return None
    line = source[: pkg.start()].count("\n") + 1
    missing = [k for k in REQUIRED_CUSTOM if k not in custom] + ([] if meta.get("title") else ["title"])
    if missing:
        raise PolicyError(f"{path}:{line}: METADATA lacks {', '.join(missing)}")
    if not _CONTROL_ID.match(str(custom["id"])):
        raise PolicyError(f"{path}:{line}: METADATA custom.id {custom['id']!r} is not a control id such as 5.4")
    if str(custom["section"]) != str(custom["id"]).split(".")[0]:
        raise PolicyError(f"{path}:{line}: METADATA section {custom['section']!r} is not the section of "
                          f"control {custom['id']}")
    if custom["severity"] not in SEVERITIES:
        raise PolicyError(f"{path}:{line}: METADATA severity {custom['severity']!r} is not one of "
                          f"{', '.join(SEVERITIES)}")
    try:
        return Control(
            id=str(custom["id"]), title=str(meta["title"]), section=str(custom["section"]),
            section_title=str(custom["section_title"]), level=int(custom["level"]),
            scored=_bool(custom["scored"]), automated=_bool(custom["automated"]),
            severity=str(custom["severity"]), remediation=" ".join(str(custom["remediation"]).split()),
            cis_v1_6_0=None if custom.get("cis_v1_6_0") is None else str(custom["cis_v1_6_0"]),
            references=tuple(str(r) for r in custom.get("references") or ()),
            package=package, file=path, description=str(meta.get("description") or ""),
        )
    except (TypeError, ValueError) as e:
        raise PolicyError(f"{path}:{line}: METADATA has a bad value: {e}") from None


def read_metadata(path: Path, source: str, package_offset: int) -> dict[str, Any] | None:
    """The YAML of the '# METADATA' comment block just above the package line."""
    head = source[:package_offset].splitlines()
    try:
        start = max(i for i, line in enumerate(head) if line.strip() == "# METADATA")
    except ValueError:
        return None
    lines = []
    for line in head[start + 1:]:
        if not line.startswith("#"):
            break
        lines.append(line[2:] if line.startswith("# ") else line[1:])
    try:
        meta = yaml.load("\n".join(lines), Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = start + 2 + (mark.line if mark else 0)
        raise PolicyError(f"{path}:{where}: METADATA is not valid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(meta, dict):
        raise PolicyError(f"{path}:{start + 1}: METADATA is not a mapping")
    return meta


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not true/false")


# ----------------------------------------------------------------------------- profiles


def profile_dir() -> Path:
    """The shipped profiles: inside the installed package, else the source checkout's profiles/."""
    here = Path(__file__).resolve().parent
    installed = here / "_data" / "profiles"
    return installed if installed.is_dir() else here.parent / "profiles"


def available_benchmarks() -> list[str]:
    """Every benchmark --benchmark takes: the built-in one first, then the profile files."""
    directory = profile_dir()
    files = sorted(p.stem for p in directory.glob("*.yaml")) if directory.is_dir() else []
    return [DEFAULT_BENCHMARK, *[f for f in files if f != DEFAULT_BENCHMARK]]
