"""Networks: GET /networks, then one inspect per network for its attached containers."""

from __future__ import annotations

import re
from typing import Any

from .._snapshot import Network
from ._api import DockerApi
from ._context import Context
from ._engine import SHAPE_ERRORS, Vanished, collect_listed, inspect, record_api_error, text_map

SECTION = "networks"
DEFAULT_BRIDGE_OPTION = "com.docker.network.bridge.default_bridge"
#: Containers map keys that are containers; swarm adds endpoints such as "ingress-sbox", "lb-<net>".
_CONTAINER_ID = re.compile(r"^[0-9a-f]{64}$")


def collect(ctx: Context, api: DockerApi) -> list[Network] | None:
    """Every network; None (recorded) when the list cannot be read.

    The list answer leaves ``Containers`` empty, so each network is inspected once for it.
    Sorted by name (then id): dockerd lists them in no fixed order.
    """
    networks = collect_listed(ctx, SECTION, "GET /networks", lambda: api.get("/networks"),
                              lambda summary: _network(ctx, api, summary))
    return sorted(networks, key=lambda n: (n.name, n.id)) if networks is not None else None


def _network(ctx: Context, api: DockerApi, summary: dict[str, Any]) -> Network | None:
    """One network from its inspect; from the list entry (inspected=False) when that fails.

    None when the network was removed since it was listed.
    """
    item = f"network {summary.get('Name') or summary.get('Id')}"
    try:
        detail = inspect(ctx, SECTION, item, lambda: api.get(f"/networks/{summary['Id']}"))
    except Vanished:
        return None
    try:
        return _to_network(detail or summary, inspected=detail is not None)
    except SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, item, e)
        return None


def _to_network(raw: dict[str, Any], *, inspected: bool) -> Network:
    options = text_map(raw.get("Options"))
    return Network(
        id=raw["Id"],
        name=raw.get("Name") or "",
        driver=raw.get("Driver") or "",
        scope=raw.get("Scope") or "",
        internal=bool(raw.get("Internal")),
        attachable=bool(raw.get("Attachable")),
        ingress=bool(raw.get("Ingress")),
        is_default_bridge=options.get(DEFAULT_BRIDGE_OPTION) == "true",
        options=options,
        containers=sorted(key for key in raw.get("Containers") or {} if _CONTAINER_ID.match(key)),
        inspected=inspected,
    )
