"""Organisation parameters (``data.dockerbench.params``): their names, types and validation.

The built-in controls read these names (``policies/lib/params.rego`` says which control reads
which). A misspelt name or a wrong type would otherwise be ignored and the control silently
fall back to ``manual`` or its default, so both are refused, naming the parameter and the type
it takes. An organisation's own policies put their parameters under ``custom`` (any JSON),
read as ``data.dockerbench.params.custom.<name>``. ``schemas/params.schema.json`` is generated
from :class:`Params`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError

from ._errors import UsageError
from ._model import Input

Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,3}$")]
Names = list[Annotated[str, StringConstraints(min_length=1)]]


class Params(Input):
    """Every organisation parameter a built-in control reads; each is optional."""


    min_engine_version: Version | None = Field(None, description="1.3: lowest acceptable engine version, e.g. 24.0.7")
    trusted_users: Names | None = Field(None, description="1.4: users allowed to reach the daemon")
    approved_cgroup_parents: Names | None = Field(None, description="2.9, 5.24: cgroup parents that are intended")
    trusted_registries: Names | None = Field(
        None, description="4.2: registries or repository prefixes images may come from")
    allowed_cap_add: Names | None = Field(
        None, description="5.3: capabilities containers may add beyond Docker's default set")
    stopped_container_margin: int | None = Field(
        None, ge=0, description="6.2: stopped minus running at which sprawl is flagged (default 25)")
    swarm_needed: bool | None = Field(None, description="7.1: true when this host must run swarm mode")
    max_managers: int | None = Field(None, ge=0, description="7.2: largest acceptable number of swarm managers")
    node_cert_max_expiry_hours: float | None = Field(
        None, ge=0, description="7.8: longest acceptable swarm node certificate validity")
    ca_max_age_days: float | None = Field(None, ge=0, description="7.9: oldest acceptable swarm root CA")
    custom: dict[str, Any] | None = Field(None, description="An organisation's own policies' parameters, unchecked")


def validate_params(params: Mapping[str, Any] | None, where: str = "params") -> dict[str, Any]:
    """The parameters as the policies receive them, or :class:`UsageError` naming the bad one.

    Unset (absent or null) parameters are left out, so a control reads them as not given.
    """
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise UsageError(f"{where}: parameters must be a mapping of names to values, not {_type_name(params)}")
    try:
        Params.model_validate(dict(params))
    except ValidationError as e:
        raise UsageError(f"{where}: {_first_problem(e)}") from None
    return {name: value for name, value in params.items() if value is not None}  # as given: 30 stays 30


def _first_problem(e: ValidationError) -> str:
    first = e.errors()[0]
    name = ".".join(str(p) for p in first["loc"])
    more = f" (+{e.error_count() - 1} more)" if e.error_count() > 1 else ""
    if first["type"] == "extra_forbidden":
        known = ", ".join(Params.model_fields)
        return f"unknown parameter {name!r}{more} (known: {known}; an organisation's own go under 'custom')"
    expected = _EXPECTED[str(first["loc"][0])]
    return f"parameter {name!r} must be {expected}: {first['msg'].lower()}, got {first['input']!r}{more}"


_EXPECTED = {
    "min_engine_version": "a version such as 24.0.7", "trusted_users": "a list of names",
    "approved_cgroup_parents": "a list of names", "trusted_registries": "a list of names",
    "allowed_cap_add": "a list of names", "stopped_container_margin": "a whole number, 0 or more",
    "swarm_needed": "true or false", "max_managers": "a whole number, 0 or more",
    "node_cert_max_expiry_hours": "a number, 0 or more", "ca_max_age_days": "a number, 0 or more",
    "custom": "a mapping",
}


def _type_name(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean", list: "a list"}.get(
        type(value), type(value).__name__)
