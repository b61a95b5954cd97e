"""Images: list, one inspect + history per image, setuid/setgid files from the layer tars.

Cost per image: ``GET /images/{id}/json`` and ``GET /images/{id}/history``; when
``scan_image_files``, one ``GET /images/get?names=…`` for all images together (each shared layer
is sent once), streamed through :mod:`._layers` (never stored) while the inspects run. An image
the grouped archive does not account for (a containerd store names images by manifest digest, not
config digest) or a grouped export that fails is scanned alone (``GET /images/{id}/get``).
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

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any, TypeVar

from .._snapshot import HistoryEntry, Image, SpecialFile
from . import _redact as redact
from ._api import ENGINE_ERRORS, DockerApi, EngineNotFound
from ._context import Context
from ._engine import (
    SHAPE_ERRORS,
    Vanished,
    env_vars,
    fetch,
    for_each,
    healthcheck,
    inspect,
    labels,
    record_api_error,
    unix_time,
)
from ._layers import saved_images, special_files

SECTION = "images"
NONE_TAG = "<none>:<none>"
NONE_DIGEST = "<none>@<none>"
T = TypeVar("T")


def collect(ctx: Context, api: DockerApi) -> list[Image] | None:
    """Every top-level image (what ``docker images`` lists); None (recorded) if the list fails.

    Newest first, as dockerd sorts them, and by id among images created in the same second
    (dockerd's order of those varies from call to call): two snapshots of the same host list
    them, and so reports give their evidence, in the same order.
    """
    listed = fetch(ctx, SECTION, "GET /images/json", lambda: api.get("/images/json"))
    if listed is None:
        return None
    with ThreadPoolExecutor(1, thread_name_prefix="dockerbench-layers") as pool:
        scan = pool.submit(_setuid_scan, ctx, api, [s["Id"] for s in listed]) if ctx.scan_image_files else None
        images = [i for i in for_each(ctx, SECTION, listed, lambda summary: _image(ctx, api, summary)) if i is not None]
        if scan is not None:
            found = scan.result()
            images = [i.model_copy(update={"setuid_files": found.get(i.id)}) for i in images]
    return sorted(images, key=lambda i: (-(i.created_unix or 0), i.id))


def _image(ctx: Context, api: DockerApi, summary: dict[str, Any]) -> Image | None:
    """One image: inspect, history and layer scan, each failing on its own (recorded).

    None when the image was removed since it was listed.
    """
    image_id = summary["Id"]
    try:
        detail = inspect(ctx, SECTION, f"image {image_id}", lambda: api.get(f"/images/{image_id}/json"))
    except Vanished:
        return None
    history = fetch(ctx, SECTION, f"image {image_id} history", lambda: api.get(f"/images/{image_id}/history"))
    facts = {"history": _history(ctx, image_id, history)}
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


def _setuid_scan(ctx: Context, api: DockerApi, image_ids: list[str]) -> dict[str, list[SpecialFile] | None]:
    """Setuid/setgid files of each image's merged filesystem: one grouped export, then one export
    per image it did not account for. A failure is recorded for its image (None)."""
    found: dict[str, list[SpecialFile] | None] = {}
    if len(image_ids) > 1:
        try:
            with api.stream("/images/get", names=image_ids) as body:
                found.update((config, files) for config, files in _drained(body, saved_images) if config in image_ids)
        except ENGINE_ERRORS + SHAPE_ERRORS:
            pass  # (an image removed since the list: 404 for the whole group) each is tried alone below
    for image_id in image_ids:
        if image_id not in found:
            found[image_id] = _setuid_files(ctx, api, image_id)
    return found


def _setuid_files(ctx: Context, api: DockerApi, image_id: str) -> list[SpecialFile] | None:
    """Setuid/setgid files of one image, from its own streamed ``docker save``.

    None when that fails (recorded), or when the image was removed since it was listed (then its
    inspect finds that too and the image is not in the snapshot)."""
    try:
        with api.stream(f"/images/{image_id}/get") as body:
            return _drained(body, special_files)
    except EngineNotFound:
        return None
    except ENGINE_ERRORS + SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, f"image {image_id} layers", e)
        return None


def _drained(body: IO[bytes], read: Callable[[IO[bytes]], T]) -> T:
    """``read(body)`` of a streamed archive, then the rest of it (the tar's end-of-archive padding)."""
    result = read(body)
    while body.read(1 << 20):
        pass
    return result
