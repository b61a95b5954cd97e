"""The configuration file, ``dockerbench.yaml``: an organisation's audit settings in one place.

Found in the working directory, or named with ``--config FILE`` (``--no-config`` ignores
``./dockerbench.yaml``). Every key is optional; a command-line flag beats the file, and the
file beats the default (``dockerbench config show`` prints the merged result and the source of
each value). Relative paths in the file are relative to the file's directory, so the file
means the same from any working directory. An unknown key or a wrong type is refused, naming
it, before anything is collected: a misspelt ``fail_on`` would otherwise silently pass an
audit. ``schemas/config.schema.json`` is generated from :class:`Config`.

```yaml
params: params.yaml                 # or the parameters inline: {trusted_users: [alice]}
policy_dirs: [org-policies]
waivers: waivers.yaml               # or the waivers document inline: {version: 1, waivers: [...]}
attestations: attestations.yaml     # or the attestations inline: [{controls: ["1.2"], ...}]
controls: ["5", "4.1"]              # ids, sections, globs, as --controls takes them
exclude: ["5.31"]
fail_on: warn
engine: embedded
format: json
output: reports/report.json
```
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, ValidationError

from ._errors import UsageError
from ._model import Input
from ._params import Params, validate_params

#: The file looked for in the working directory.
CONFIG_NAME = "dockerbench.yaml"

FORMATS = ("table", "json", "sarif", "junit", "html", "csv", "markdown")
PathText = Annotated[str, StringConstraints(min_length=1)]
Selector = Annotated[str, StringConstraints(min_length=1)]
Selectors = Annotated[list[Selector] | Selector, Field(
    description="Ids (\"5.4\"), sections (\"5\") or globs (\"5.*\"): a list, or one comma-separated string")]


class Config(Input):
    """Every key of ``dockerbench.yaml``; each is optional, and a command-line flag beats it."""

    model_config = ConfigDict(title="dockerbench.yaml")

    params: Params | PathText | None = Field(
        None, description="Organisation parameters inline (as params.schema.json), or the path of a YAML/JSON parameters file (--params)")
    policy_dirs: list[PathText] | None = Field(None, description="Extra policy directories: add or replace controls by id (--policy-dir)")
    waivers: dict[str, Any] | PathText | None = Field(
        None, description="The waivers document inline (as the waivers file holds it), or the path of a waivers file (--waivers)")
    attestations: list[Any] | dict[str, Any] | PathText | None = Field(
        None, description="Attestations of manual controls inline (a list, or a document holding one), or the path of a file of them")
    controls: Selectors | None = Field(None, description="Only these controls (--controls)")
    exclude: Selectors | None = Field(None, description="Leave out these controls (--exclude)")
    fail_on: Literal["warn", "fail", "error", "never"] | None = Field(
        None, description="Exit 1 when a control has this status or a worse one (--fail-on; default fail)")
    engine: Literal["embedded", "opa", "opa-server"] | None = Field(None, description="Rego engine (--engine; default embedded)")
    opa_url: PathText | None = Field(None, description="OPA server URL (--opa-url; implies engine opa-server)")
    format: Literal[FORMATS] | None = Field(None, description="Report format (--format; default table)")  # type: ignore[valid-type]
    output: PathText | None = Field(None, description="Write the report here instead of stdout (--output)")


#: The keys whose string value is a path, resolved against the file's directory.
PATH_KEYS = frozenset({"params", "policy_dirs", "waivers", "attestations", "output"})

_EXPECTED = {
    "params": "a mapping of parameters or the path of a parameters file",
    "policy_dirs": "a list of directory paths",
    "waivers": "a mapping (the waivers document inline) or the path of a waivers file",
    "attestations": "a list of attestations, a mapping holding them, or the path of a file of them",
    "controls": 'a list of control selectors or one comma-separated string (quote ids: 5.10 unquoted is the number 5.1)',
    "exclude": 'a list of control selectors or one comma-separated string (quote ids: 5.10 unquoted is the number 5.1)',
    "fail_on": "one of warn, fail, error, never",
    "engine": "one of embedded, opa, opa-server",
    "opa_url": "a URL",
    "format": f"one of {', '.join(FORMATS)}",
    "output": "a file path",
}


@dataclass(frozen=True)
class ConfigFile:
    """A loaded configuration file: where it is (as named), and its values with paths resolved.

    ``values`` holds only the keys the file sets: paths as absolute :class:`~pathlib.Path`
    (``policy_dirs`` a list of them), ``controls``/``exclude`` as a list of selectors, inline
    ``params``/``waivers``/``attestations`` as the mapping or list given.
    """

    path: str
    values: dict[str, Any] = field(default_factory=dict)


def find_config(explicit: str | Path | None, *, ignore_cwd: bool = False, cwd: Path | None = None) -> ConfigFile | None:
    """The configuration in force: ``explicit`` (which must exist), else ``./dockerbench.yaml``
    when it exists and ``ignore_cwd`` is false, else None."""
    if explicit is not None:
        if ignore_cwd:
            raise UsageError("--config and --no-config exclude each other")
        return load_config(explicit)
    here = (cwd or Path.cwd()) / CONFIG_NAME
    if ignore_cwd or not (here.exists() or here.is_symlink()):
        return None
    return load_config(here if cwd is not None else Path(CONFIG_NAME))


def load_config(path: str | Path) -> ConfigFile:
    """Read and validate a configuration file; :class:`UsageError` (one line, naming the file
    and the key) when it cannot be read, is not YAML, or holds an unknown key or a wrong type."""
    import yaml

    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{where}: cannot read the configuration file: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{where}: the configuration file is not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=_unique_key_loader())
    except yaml.YAMLError as e:
        raise UsageError(f"{where}: the configuration file is not valid YAML: {' '.join(str(e).split())}") from None
    return ConfigFile(where, resolve(validate_config(data, where), Path(path).absolute().parent))


def validate_config(data: Any, where: str = CONFIG_NAME) -> dict[str, Any]:
    """The keys a configuration document sets (null ones left out), or :class:`UsageError`."""
    if data is None:  # an empty file: nothing configured
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{where}: the configuration must be a mapping of keys to values, not {_type_name(data)}")
    unknown = sorted(str(k) for k in data if k not in Config.model_fields)
    if unknown:
        more = f" (+{len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise UsageError(f"{where}: unknown key {unknown[0]!r}{more} (known: {', '.join(Config.model_fields)})")
    if isinstance(data.get("params"), dict):  # the parameters' own messages name the parameter
        validate_params(data["params"], where=f"{where}: params")
    try:
        Config.model_validate(data)
    except ValidationError as e:
        raise UsageError(f"{where}: {_first_problem(e, data)}") from None
    return {key: value for key, value in data.items() if value is not None}


def resolve(values: dict[str, Any], base: Path) -> dict[str, Any]:
    """Paths made absolute against ``base`` (the file's directory); selectors as lists."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "policy_dirs":
            value = [_path(v, base) for v in value]
        elif key in PATH_KEYS and isinstance(value, str):
            value = _path(value, base)
        elif key in ("controls", "exclude") and isinstance(value, str):
            value = [value]
        out[key] = value
    return out


def _path(text: str, base: Path) -> Path:
    path = Path(text).expanduser()
    return path if path.is_absolute() else base / path


def _first_problem(e: ValidationError, data: dict[str, Any]) -> str:
    # A union reports one error per member: the key and what it takes say it better.
    key = str(e.errors()[0]["loc"][0])
    others = {str(err["loc"][0]) for err in e.errors()} - {key}
    more = f" (+{len(others)} more)" if others else ""
    return f"{key!r} must be {_EXPECTED[key]}, got {data[key]!r}{more}"


def _type_name(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean", list: "a list"}.get(
        type(value), type(value).__name__)


@functools.cache
def _unique_key_loader() -> type:
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        """SafeLoader that refuses a key given twice (YAML would keep the last one silently)."""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} is given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader
