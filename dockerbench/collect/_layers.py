"""Setuid/setgid files of images, read from their ``docker save`` stream without unpacking it.

``GET /images/get?names=…`` streams an outer tar holding one tar per layer (each shared layer
once) and a ``manifest.json`` that gives each image's layer order. The order arrives last (Docker 20.10 writes layer directories
sorted by id, Docker 25+ writes OCI blobs sorted by digest), so every layer is read once, as it
streams by, into a small summary; the layers are then stacked in manifest order, the way the
overlay filesystem would: a later layer hides a lower path with any entry of its own, removes
it with a whiteout ``.wh.<name>``, and clears a directory with an opaque ``.wh..wh..opq``.
Nothing is written to disk; memory is one summary (the entry paths) per layer.
"""

from __future__ import annotations

import io
import json
import posixpath
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from .._snapshot import SpecialFile

WHITEOUT = ".wh."
OPAQUE = ".wh..wh..opq"
SPECIAL_BITS = 0o6000
_BUFFER = 1 << 20


class ChunkReader(io.RawIOBase):
    """A read-only binary file over an iterator of byte chunks (a streamed HTTP body)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = memoryview(next(self._chunks))
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


@dataclass
class LayerSummary:
    """What one layer tar contributes: its special files and what it hides below it."""

    special: dict[str, SpecialFile] = field(default_factory=dict)
    entries: dict[str, bool] = field(default_factory=dict)  # path -> is a directory
    whiteouts: set[str] = field(default_factory=set)
    opaque_dirs: set[str] = field(default_factory=set)

    def hides(self, path: str) -> bool:
        """True when this layer, laid over a lower one, makes the lower ``path`` disappear."""
        if path in self.entries or path in self.whiteouts:
            return True
        return any(parent in self.whiteouts or parent in self.opaque_dirs or self.entries.get(parent) is False for parent in _parents(path))


def special_files(stream: IO[bytes]) -> list[SpecialFile]:
    """Regular files with setuid or setgid in the (first) image saved in ``stream``, by path.

    Raises ``tarfile.TarError`` or ``ValueError`` when the stream is not an image archive.
    """
    return saved_images(stream)[0][1]


def saved_images(stream: IO[bytes]) -> list[tuple[str, list[SpecialFile]]]:
    """(config id, special files) of every image saved in ``stream``, in manifest order.

    An archive of several images (``GET /images/get?names=a&names=b``) holds each shared layer
    once, and docker 20.10 links each further use of it, ``<v1 id>/layer.tar``, to the first);
    every layer is summarised once and stacked for each image that uses it. The config id
    (``sha256:<hex>`` of the image config) is the image id on graph-driver stores.
    """
    layers: dict[str, LayerSummary] = {}
    aliases: dict[str, str] = {}  # a layer.tar that is a symlink to the same layer stored elsewhere
    manifest: list[dict[str, Any]] | None = None
    with tarfile.open(fileobj=stream, mode="r|", bufsize=_BUFFER) as outer:
        for member in outer:
            if member.issym() and _may_be_layer(member.name):
                aliases[member.name] = posixpath.normpath(posixpath.join(posixpath.dirname(member.name), member.linkname))
            if not member.isfile():
                continue
            if member.name == "manifest.json":
                manifest = json.loads(_read(outer, member))
            elif _may_be_layer(member.name):
                summary = _summarise(outer, member)
                if summary is not None:
                    layers[member.name] = summary
    if not manifest:
        raise ValueError("image archive has no manifest.json")
    for name, target in aliases.items():
        if target in layers:
            layers[name] = layers[target]
    images = []
    for entry in manifest:
        order = entry.get("Layers") or []
        unknown = [name for name in order if name not in layers]
        if unknown:
            raise ValueError(f"image archive lacks layer {unknown[0]}")
        images.append((config_id(str(entry.get("Config") or "")), stack([layers[name] for name in order])))
    return images


def config_id(config: str) -> str:
    """The digest a manifest's ``Config`` names: ``<hex>.json`` (v1.2) or ``blobs/<alg>/<hex>`` (OCI)."""
    parts = config.split("/")
    if len(parts) == 3 and parts[0] == "blobs":
        return f"{parts[1]}:{parts[2]}"
    return f"sha256:{parts[-1].removesuffix('.json')}"


def stack(layers: list[LayerSummary]) -> list[SpecialFile]:
    """The special files visible once the layers (lowest first) are laid over each other."""
    visible: dict[str, SpecialFile] = {}
    for layer in layers:
        visible = {path: f for path, f in visible.items() if not layer.hides(path)}
        visible.update(layer.special)
    return [visible[path] for path in sorted(visible)]


def summarise_layer(layer: IO[bytes]) -> LayerSummary:
    """Read one layer tar (plain or compressed) sequentially into a :class:`LayerSummary`."""
    summary = LayerSummary()
    with tarfile.open(fileobj=layer, mode="r|*", bufsize=_BUFFER) as tar:
        for entry in tar:
            _add_entry(summary, entry)
    return summary


def _add_entry(summary: LayerSummary, entry: tarfile.TarInfo) -> None:
    path = _normalise(entry.name)
    directory, name = posixpath.split(path)
    if name == OPAQUE:
        summary.opaque_dirs.add(directory)
    elif name.startswith(WHITEOUT + WHITEOUT):
        return  # other AUFS metadata (.wh..wh.plnk, .wh..wh.aufs): not a file of the image
    elif name.startswith(WHITEOUT):
        summary.whiteouts.add(posixpath.join(directory, name[len(WHITEOUT):]))
    else:
        summary.entries[path] = entry.isdir()
        if (entry.isreg() or entry.islnk()) and entry.mode & SPECIAL_BITS:
            summary.special[path] = SpecialFile(path=path, mode=entry.mode & 0o7777,
                                                setuid=bool(entry.mode & 0o4000),
                                                setgid=bool(entry.mode & 0o2000))


def _summarise(outer: tarfile.TarFile, member: tarfile.TarInfo) -> LayerSummary | None:
    """The member read as a layer tar; None when it is some other blob (config, index)."""
    content = outer.extractfile(member)
    if content is None:
        return None
    try:
        return summarise_layer(content)
    except tarfile.ReadError:
        if member.name.endswith("/layer.tar"):
            raise
        return None


def _read(outer: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    content = outer.extractfile(member)
    return content.read() if content is not None else b""


def _may_be_layer(name: str) -> bool:
    """Layer tars are ``<id>/layer.tar`` (docker save v1.2) or OCI ``blobs/<alg>/<hex>``."""
    return name.endswith("/layer.tar") or name.startswith("blobs/")


def _normalise(name: str) -> str:
    """A tar member name as an absolute path inside the image: './bin/su' -> '/bin/su'."""
    return posixpath.normpath("/" + name.lstrip("/"))


def _parents(path: str) -> Iterator[str]:
    """Every ancestor directory of an absolute path, nearest first, up to and including '/'."""
    while path != "/":
        path = posixpath.dirname(path)
        yield path
