"""Images: list, one inspect + history per image, setuid/setgid files from the layer tars.

Cost per image: ``GET /images/{id}/json``, ``GET /images/{id}/history`` and, when
``scan_image_files``, ``GET /images/{id}/get`` streamed through :mod:`._layers` (never stored).
History text keeps the instructions but not the values of ENV, ARG and build args.

:func:`from_inspect` and :func:`from_list` turn the Engine's answers into an Image without any
call (tests/test_api_drift.py feeds them the answers of each API version). Only ``Config``'s
image fields are read: API 1.45 drops ``Container``/``ContainerConfig``, 1.50 the container
fields of ``Config`` (``Hostname``, ``Tty``, ...), and from 1.52 an unset ``User``, ``Cmd``,
``Env``, ``Labels``, ... is omitted, which reads as unset (``User`` "": root) as before. With the
containerd image store (Engine 29's default) image ids are manifest digests; they are used as
given.
"""

from __future__ import annotations

import io
from typing import Any

from .._snapshot import HistoryEntry, Image, SpecialFile
from . import _redact as redact
from ._api import DockerApi
from ._context import Context
from ._engine import (
    ENGINE_ERRORS,
    SHAPE_ERRORS,
    Vanished,
    collect_listed,
    env_vars,
    fetch,
    healthcheck,
    inspect,
    labels,
    record_api_error,
    unix_time,
)
from ._layers import ChunkReader, special_files

SECTION = "images"
NONE_TAG = "<none>:<none>"
NONE_DIGEST = "<none>@<none>"


def collect(ctx: Context, api: DockerApi) -> list[Image] | None:
    """Every top-level image (what ``docker images`` lists); None (recorded) if the list fails.

    Newest first, as dockerd sorts them, and by id among images created in the same second
    (dockerd's order of those varies from call to call): two snapshots of the same host list
    them, and so reports give their evidence, in the same order.
    """
    images = collect_listed(ctx, SECTION, "GET /images/json", api.raw.images, lambda summary: _image(ctx, api, summary))
    return sorted(images, key=lambda i: (-(i.created_unix or 0), i.id)) if images is not None else None


def _image(ctx: Context, api: DockerApi, summary: dict[str, Any]) -> Image | None:
    """One image: inspect, history and layer scan, each failing on its own (recorded).

    None when the image was removed since it was listed.
    """
    image_id = summary["Id"]
    try:
        detail = inspect(ctx, SECTION, f"image {image_id}", lambda: api.raw.inspect_image(image_id))
    except Vanished:
        return None
    history = fetch(ctx, SECTION, f"image {image_id} history", lambda: api.raw.history(image_id))
    facts = {
        "history": _history(ctx, image_id, history),
        "setuid_files": _setuid_files(ctx, api, image_id) if ctx.scan_image_files else None,
    }
    if detail is not None:
        try:
            return from_inspect(summary, detail, ctx.include_env_values, **facts)
        except SHAPE_ERRORS as e:
            record_api_error(ctx, SECTION, f"image {image_id}", e)
    return from_list(summary, **facts)


def from_list(summary: dict[str, Any], **facts: Any) -> Image:
    """The image as far as the list shows it (its inspect failed): inspected=False."""
    return Image(
        id=summary["Id"],
        repo_tags=[t for t in summary.get("RepoTags") or [] if t != NONE_TAG],
        repo_digests=[d for d in summary.get("RepoDigests") or [] if d != NONE_DIGEST],
        created_unix=unix_time(summary.get("Created")),
        size=summary.get("Size"),
        labels=labels(summary.get("Labels")),
        inspected=False,
        **facts,
    )


def from_inspect(summary: dict[str, Any], detail: dict[str, Any], include_env_values: bool = False,
                 **facts: Any) -> Image:
    """The image from its list entry and its inspect (Config holds user, health, env, ports);
    ``facts`` are history and setuid_files, collected by their own calls."""
    config = detail.get("Config") or {}
    listed = from_list(summary, **facts)
    return listed.model_copy(update={
        "user": config.get("User") or "",
        "healthcheck": healthcheck(config.get("Healthcheck")),
        "exposed_ports": sorted(config.get("ExposedPorts") or {}),
        "env": env_vars(config.get("Env"), include_env_values),
        "labels": labels(config.get("Labels")) or listed.labels,
        "created_unix": listed.created_unix or unix_time(detail.get("Created")),
        "inspected": True,
    })


# ----------------------------------------------------------------------------- history


def _history(ctx: Context, image_id: str, entries: list[dict[str, Any]] | None) -> list[HistoryEntry] | None:
    """History entries oldest first (the API answers newest first), values redacted."""
    if entries is None:
        return None
    try:
        return [_history_entry(e) for e in reversed(entries)]
    except SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, f"image {image_id} history", e)
        return None


_METADATA_INSTRUCTIONS = ("ENV", "ARG", "LABEL", "CMD", "ENTRYPOINT", "EXPOSE", "USER", "WORKDIR",
                          "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "SHELL", "VOLUME", "MAINTAINER")
_LEGACY_NOP = "#(nop)"


def _history_entry(entry: dict[str, Any]) -> HistoryEntry:
    created_by = entry.get("CreatedBy") or ""
    return HistoryEntry(created_by=redact.created_by(created_by),
                        created_unix=unix_time(entry.get("Created")) or None,
                        empty_layer=not entry.get("Size") and _is_metadata(created_by))


def _is_metadata(created_by: str) -> bool:
    """True for instructions that only change the image config (no filesystem layer).

    The legacy builder marks them ``/bin/sh -c #(nop)`` (ADD and COPY too, which do make a
    layer); BuildKit writes the bare instruction (``ENV A=1``, ``RUN ... # buildkit``).
    """
    text = created_by.strip()
    if _LEGACY_NOP in text:
        text = text.split(_LEGACY_NOP, 1)[1].strip()
    return text.split(" ", 1)[0].upper() in _METADATA_INSTRUCTIONS


# ----------------------------------------------------------------------------- layer scan


def _setuid_files(ctx: Context, api: DockerApi, image_id: str) -> list[SpecialFile] | None:
    """Setuid/setgid files of the image's merged filesystem, from one streamed ``docker save``."""
    item = f"image {image_id} layers"
    try:
        reader = io.BufferedReader(ChunkReader(api.raw.get_image(image_id)), buffer_size=1 << 16)
        found = special_files(reader)
        while reader.read(1 << 20):  # drain the tail so the connection can be reused
            pass
        return found
    except ENGINE_ERRORS + SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, item, e)
        return None
