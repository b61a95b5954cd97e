"""The keys of ``dockerbench.yaml`` as a model: what each takes, and the check of a loaded file.

Apart from :mod:`dockerbench._config` (finding and reading the file) so that an audit without a
configuration file starts without pydantic; ``schemas/config.schema.json`` is generated from
:class:`Config`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, ValidationError

from ._config import CONFIG_NAME, FORMATS
from ._errors import UsageError
from ._model import Input
from ._params import Params, validate_params

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


def _first_problem(e: ValidationError, data: dict[str, Any]) -> str:
    # A union reports one error per member: the key and what it takes say it better.
    key = str(e.errors()[0]["loc"][0])
    others = {str(err["loc"][0]) for err in e.errors()} - {key}
    more = f" (+{len(others)} more)" if others else ""
    return f"{key!r} must be {_EXPECTED[key]}, got {data[key]!r}{more}"


def _type_name(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean", list: "a list"}.get(
        type(value), type(value).__name__)
