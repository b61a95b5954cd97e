"""The configuration file, ``dockerbench.yaml``: an organisation's audit settings in one place.

Found in the working directory, or named with ``--config FILE`` (``--no-config`` ignores
``./dockerbench.yaml``). Every key is optional; a command-line flag beats the file, and the
file beats the default (``dockerbench config show`` prints the merged result and the source of
each value). Relative paths in the file are relative to the file's directory, so the file
means the same from any working directory. An unknown key or a wrong type is refused, naming
it, before anything is collected: a misspelt ``fail_on`` would otherwise silently pass an
audit. The keys are the model :class:`dockerbench._config_model.Config`
(``schemas/config.schema.json`` is generated from it).

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
from typing import Any

from ._errors import UsageError

#: The file looked for in the working directory.
CONFIG_NAME = "dockerbench.yaml"

FORMATS = ("table", "json", "sarif", "junit", "html", "csv", "markdown")

#: The keys whose string value is a path, resolved against the file's directory.
PATH_KEYS = frozenset({"params", "policy_dirs", "waivers", "attestations", "output"})


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
    from ._config_model import validate_config  # pydantic: only when there is a file to check

    return ConfigFile(where, resolve(validate_config(data, where), Path(path).absolute().parent))


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
