"""Capture the Engine API answers dockerbench reads, from a real dockerd, as a test fixture.

    python3 tests/data/engine_api/capture.py --docker-host unix:///run/docker.sock \
        --out tests/data/engine_api/engine-26.1.json

Run it as root against a daemon you may create objects on (a private test dockerd, see
scripts/engine26.sh and tests/integration/_dockerd.py): it builds two small images FROM scratch
with the host's static busybox (/bin/busybox) and imports a third from a one-file tarball,
creates the containers of CASES below (labelled ``dockerbench.capture``), reads

    GET /version, GET /info,
    GET /images/json, GET /images/{id}/json        (the capture's images),
    GET /containers/json?all=1, GET /containers/{id}/json   (the capture's containers),

and the setuid/setgid files dockerbench finds in each image's ``GET /images/{id}/get`` stream,
then removes everything it made and writes one JSON document (see README.md beside this file).
The API version is negotiated exactly as dockerbench does (the daemon's newest), so the shapes
are the ones dockerbench meets on that engine.

Trimming: the daemon's data root becomes /var/lib/docker (and every ``--scrub OLD=NEW`` pair is
applied to every string); the host's identity (/info ID, Name, SystemTime, proxies, labels,
warnings) is replaced by fixed values. Nothing else is changed: the point is the real shape.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tarfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

import docker  # noqa: E402
import docker.errors  # noqa: E402

from dockerbench.collect._layers import ChunkReader, special_files  # noqa: E402

LABEL = "dockerbench.capture"
BUSYBOX = shutil.which("busybox") or "/bin/busybox"
DATA_ROOT = "/var/lib/docker"

BASE = 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n'
#: Image case -> Dockerfile (the build context holds the static busybox).
IMAGES = {
    "plain": BASE + 'CMD ["sleep", "3600"]\n',
    "configured": BASE + (
        "RUN cp /bin/busybox /bin/su-copy && chmod 4755 /bin/su-copy\n"
        "ENV APP_MODE=production\nLABEL org.example.team=platform\nEXPOSE 8080/tcp\n"
        "USER 1000:1000\nHEALTHCHECK --interval=30s --timeout=3s --retries=2 CMD true\n"
        'CMD ["sleep", "3600"]\n'),
}
#: Image case imported from a tarball (docker import): an image config with nothing set.
IMPORTED = "imported"

#: Container case -> (image case, start it?, APIClient.create_host_config options, create options).
CASES: dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]] = {
    # docker run IMAGE: no --network, --pids-limit, --ulimit: the defaults each engine writes.
    "default": ("plain", True, {}, {}),
    # docker create IMAGE as the docker CLI (20.10 and 26.1 alike) sends it: "default", [] ulimits.
    "cli_default": ("plain", False, {"network_mode": "default", "ulimits": []}, {}),
    "configured": ("plain", True, {
        "network_mode": "bridge", "port_bindings": {80: 8080}, "pids_limit": 100,
        "ulimits": [docker.types.Ulimit(name="nofile", soft=1024, hard=2048)], "mem_limit": "64m",
        "read_only": True, "cap_drop": ["ALL"], "cap_add": ["NET_BIND_SERVICE"],
        "security_opt": ["no-new-privileges"], "binds": ["/etc:/host-etc:ro"],
        "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 5},
    }, {"ports": [80]}),
    "image_user": ("configured", True, {}, {}),
    "pids_unlimited": ("plain", False, {"pids_limit": -1}, {}),
    "pids_zero": ("plain", False, {"pids_limit": 0}, {}),
    # created with a limit, then `docker update --pids-limit -1` (see UPDATES)
    "pids_updated": ("plain", False, {"pids_limit": 100}, {}),
    "host_network": ("plain", False, {"network_mode": "host"}, {}),
    "never_started": ("plain", False, {"port_bindings": {80: ("127.0.0.1", 8081)}}, {"ports": [80]}),
}


#: Container case -> body of POST /containers/{id}/update made after creating it.
UPDATES = {"pids_updated": {"PidsLimit": -1}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docker-host", required=True, help="daemon address, e.g. unix:///tmp/x/docker.sock")
    parser.add_argument("--out", required=True, type=Path, help="fixture to write (JSON)")
    parser.add_argument("--note", default="", help="how the daemon was started, for the fixture's _capture")
    parser.add_argument("--scrub", action="append", default=[], metavar="OLD=NEW",
                        help="replace OLD by NEW in every string (e.g. the daemon's exec-root)")
    parser.add_argument("--info-only", action="store_true", help="capture GET /version and GET /info only")
    args = parser.parse_args(argv)
    client = docker.APIClient(base_url=args.docker_host, version="auto", timeout=120)
    try:
        document = capture(client, info_only=args.info_only)
    finally:
        cleanup(client)
        client.close()
    scrubs = [tuple(pair.split("=", 1)) for pair in args.scrub]
    root = document["info"]["DockerRootDir"]
    if root != DATA_ROOT:
        scrubs.insert(0, (root, DATA_ROOT))
    document = scrub(document, scrubs)
    document["_capture"]["note"] = args.note
    args.out.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: engine {document['version']['Version']}, API {client.api_version}")
    return 0


def capture(client: docker.APIClient, *, info_only: bool) -> dict[str, Any]:
    version, info = client.version(), client.info()
    document: dict[str, Any] = {
        "_capture": {"handwritten": False, "api_version": client.api_version,
                     "captured_at": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
                     "tool": "tests/data/engine_api/capture.py"},
        "version": version, "info": _anonymous_info(info),
    }
    if info_only:
        return document
    images = {case: build(client, case, dockerfile) for case, dockerfile in IMAGES.items()}
    images[IMPORTED] = imported(client)
    containers = {}
    for case, (image_case, start, host_options, create_options) in CASES.items():
        host_config = client.create_host_config(**host_options)
        if "ulimits" in host_options:  # the SDK leaves an empty list out; the docker CLI sends it
            host_config["Ulimits"] = [dict(u) for u in host_options["ulimits"]]
        created = client.create_container(images[image_case], name=f"capture-{case}", labels={LABEL: case},
                                          host_config=host_config, **create_options)
        if case in UPDATES:
            client._result(client._post_json(client._url("/containers/{0}/update", created["Id"]),
                                             data=UPDATES[case]), True)
        if start:
            client.start(created["Id"])
        containers[case] = created["Id"]
    by_id = {image_id: case for case, image_id in images.items()}
    listed_images = [i for i in client.images() if i["Id"] in by_id]
    document["images_list"] = sorted(listed_images, key=lambda i: by_id[i["Id"]])
    document["images"] = {case: client.inspect_image(image_id) for case, image_id in images.items()}
    document["setuid_scan"] = {case: _scan(client, image_id) for case, image_id in images.items()}
    listed = client.containers(all=True, filters={"label": LABEL})
    document["containers_list"] = sorted(listed, key=lambda c: c["Labels"][LABEL])
    document["containers"] = {case: client.inspect_container(cid) for case, cid in containers.items()}
    return document


def build(client: docker.APIClient, case: str, dockerfile: str) -> str:
    """Build an image from the busybox context with the classic builder; its id."""
    context = io.BytesIO()
    with tarfile.open(fileobj=context, mode="w") as tar:
        for name, data, mode in (("busybox", Path(BUSYBOX).read_bytes(), 0o755),
                                 ("Dockerfile", dockerfile.encode(), 0o644)):
            entry = tarfile.TarInfo(name)
            entry.size, entry.mode = len(data), mode
            tar.addfile(entry, io.BytesIO(data))
    context.seek(0)
    tag = f"dockerbench-capture/{case}:latest"
    for line in client.build(fileobj=context, custom_context=True, tag=tag, rm=True, labels={LABEL: case},
                             decode=True):
        if "error" in line:
            raise RuntimeError(f"building {case}: {line['error']}")
    return client.inspect_image(tag)["Id"]


def imported(client: docker.APIClient) -> str:
    """An image imported from a tarball holding one file: its config sets nothing."""
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        entry = tarfile.TarInfo("etc/hostname")
        entry.size = 8
        tar.addfile(entry, io.BytesIO(b"capture\n"))
    tag = f"dockerbench-capture/{IMPORTED}"
    client.import_image_from_data(archive.getvalue(), repository=tag, tag="latest",
                                  changes=[f"LABEL {LABEL}={IMPORTED}"])
    return client.inspect_image(f"{tag}:latest")["Id"]


def _scan(client: docker.APIClient, image_id: str) -> Any:
    """What dockerbench's layer scan finds in the image's docker save stream (or why it failed)."""
    try:
        reader = io.BufferedReader(ChunkReader(client.get_image(image_id)), buffer_size=1 << 16)
        found = special_files(reader)
        while reader.read(1 << 20):
            pass
        return [f.model_dump() for f in found]
    except Exception as e:  # noqa: BLE001 - recorded in the fixture: that is the fact
        return f"error: {type(e).__name__}: {e}"


def cleanup(client: docker.APIClient) -> None:
    for c in client.containers(all=True, filters={"label": LABEL}):
        client.remove_container(c["Id"], force=True)
    for image in client.images(filters={"label": LABEL}):
        with contextlib.suppress(docker.errors.NotFound):
            client.remove_image(image["Id"], force=True)


def _anonymous_info(info: dict[str, Any]) -> dict[str, Any]:
    """/info without the host's identity (same keys, fixed values)."""
    fixed = {"ID": "0000:0000:0000:0000:0000:0000:0000:0000:0000:0000:0000:0000", "Name": "docker-host",
             "SystemTime": "2026-01-01T00:00:00.000000000Z", "HttpProxy": "", "HttpsProxy": "", "NoProxy": "",
             "Labels": [], "Warnings": []}
    if "ID" in info and "-" in str(info["ID"]):  # engines >= 23 use a UUID
        fixed["ID"] = "00000000-0000-0000-0000-000000000000"
    return {key: fixed.get(key, value) for key, value in info.items()}


def scrub(value: Any, pairs: list[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        for old, new in pairs:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [scrub(v, pairs) for v in value]
    if isinstance(value, dict):
        return {scrub(k, pairs): scrub(v, pairs) for k, v in value.items()}
    return value


if __name__ == "__main__":
    raise SystemExit(main())
