"""Setuid/setgid scan of a saved image: real tar streams, layered the way overlayfs would."""

from __future__ import annotations

import io
import json
import tarfile

import pytest

from dockerbench.collect._layers import ChunkReader, special_files

Entry = tuple[str, int]  # (member name, mode); a name ending in "/" is a directory


def layer_tar(entries: list[Entry]) -> bytes:
    """One layer tar holding the given files and directories."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, mode in entries:
            info = tarfile.TarInfo(name.rstrip("/"))
            info.mode = mode
            info.type = tarfile.DIRTYPE if name.endswith("/") else tarfile.REGTYPE
            tar.addfile(info, io.BytesIO(b""))
    return buf.getvalue()


def saved_image(layers: list[list[Entry]], *, oci: bool = False, shuffle: bool = True) -> bytes:
    """A `docker save` archive; layers lowest first, stored out of order like dockerd does."""
    names = [f"blobs/sha256/{i:064x}" if oci else f"{i:064x}/layer.tar" for i in range(len(layers))]
    members = list(zip(names, (layer_tar(entries) for entries in layers), strict=True))
    if shuffle:
        members.reverse()
    config = ("blobs/sha256/" + "c" * 64) if oci else "c" * 64 + ".json"
    members.append((config, b'{"architecture": "amd64"}'))
    members.append(("manifest.json", json.dumps([{"Config": config, "Layers": names}]).encode()))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def scan(archive: bytes, chunk: int = 777) -> dict[str, int]:
    """Special files found, streamed in odd-sized chunks as an HTTP body would arrive."""
    chunks = (archive[i:i + chunk] for i in range(0, len(archive), chunk))
    reader = io.BufferedReader(ChunkReader(chunks))
    return {f.path: f.mode for f in special_files(reader)}


@pytest.mark.parametrize("oci", [False, True], ids=["docker-save-v1.2", "oci-layout"])
def test_setuid_and_setgid_regular_files_are_found_in_both_archive_layouts(oci: bool) -> None:
    archive = saved_image([[("bin/", 0o755), ("bin/su", 0o4755), ("bin/wall", 0o2755), ("bin/ls", 0o755)]], oci=oci)
    assert scan(archive) == {"/bin/su": 0o4755, "/bin/wall": 0o2755}


def test_sticky_directories_are_not_special_files() -> None:
    assert scan(saved_image([[("tmp/", 0o1777), ("opt/", 0o2775)]])) == {}


def test_file_deleted_by_a_later_layer_whiteout_is_not_reported() -> None:
    archive = saved_image([[("opt/gone", 0o4755), ("opt/kept", 0o4755)], [("opt/.wh.gone", 0o644)]])
    assert scan(archive) == {"/opt/kept": 0o4755}


def test_opaque_directory_hides_everything_below_it_from_lower_layers() -> None:
    archive = saved_image([
        [("var/d/", 0o755), ("var/d/in", 0o2755), ("var/d/sub/deep", 0o4755), ("var/out", 0o4755)],
        [("var/d/", 0o755), ("var/d/.wh..wh..opq", 0o644), ("var/d/new", 0o4711)],
    ])
    assert scan(archive) == {"/var/d/new": 0o4711, "/var/out": 0o4755}


def test_later_layer_chmod_replaces_the_lower_file() -> None:
    archive = saved_image([[("bin/ping", 0o4755), ("bin/mount", 0o755)], [("bin/ping", 0o755), ("bin/mount", 0o4755)]])
    assert scan(archive) == {"/bin/mount": 0o4755}


def test_whited_out_directory_takes_its_special_files_with_it() -> None:
    archive = saved_image([[("usr/lib/x/", 0o755), ("usr/lib/x/helper", 0o4755)], [("usr/lib/.wh.x", 0o644)]])
    assert scan(archive) == {}


def test_file_replacing_a_directory_hides_the_directory_contents() -> None:
    archive = saved_image([[("srv/", 0o755), ("srv/tool", 0o4755)], [("srv", 0o644)]])
    assert scan(archive) == {}


def test_layer_order_comes_from_the_manifest_not_the_archive_order() -> None:
    layers = [[("bin/x", 0o4755)], [("bin/.wh.x", 0o644)], [("bin/x", 0o6755)]]
    assert scan(saved_image(layers, shuffle=True)) == {"/bin/x": 0o6755}
    assert scan(saved_image(layers, shuffle=False)) == {"/bin/x": 0o6755}


def test_archive_without_manifest_is_an_error() -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w"):
        pass
    with pytest.raises(ValueError, match=r"manifest\.json"):
        scan(buf.getvalue())
