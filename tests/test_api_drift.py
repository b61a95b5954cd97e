"""Snapshot and policies across Engine API 1.41 → 1.52, from the answers of real engines.

tests/data/engine_api/ holds what Engines 20.10 (API 1.41) and 26.1 (1.45, with either image
store) answered to the calls dockerbench makes, and what 28.0 (1.48), 28.2 (1.50) and 29.0
(1.52, containerd image store) answer according to the Engine API version history (see its
README). Each case feeds a fixture through the collectors' conversions (no daemon) into a
Snapshot, then evaluates the controls the difference bears on with every installed Rego engine
(regorus and real OPA: both must give the same exact status and findings).
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _ci import unavailable

import dockerbench
from dockerbench._snapshot import ConfigFile, Container, Daemon, Host, Image, Meta, MountEntry, Snapshot, SpecialFile, Ulimit, load_snapshot
from dockerbench.collect import containers as container_collector
from dockerbench.collect import daemon as daemon_collector
from dockerbench.collect import images as image_collector
from dockerbench.engines import available_engines, make_engine

DATA = Path(__file__).parent / "data" / "engine_api"
LABEL = "dockerbench.capture"

#: API version -> fixture file.
FIXTURES = {
    "1.41": "engine-20.10.json",
    "1.45": "engine-26.1.json",
    "1.45-containerd": "engine-26.1-containerd.json",
    "1.48": "engine-28.0.json",
    "1.50": "engine-28.2.json",
    "1.52-containerd": "engine-29.0-containerd.json",
}
CAPTURED = ("1.41", "1.45", "1.45-containerd")
CONTAINERD = ("1.45-containerd", "1.52-containerd")
WITH_IMAGE_MOUNT = ("1.48", "1.50", "1.52-containerd")
ENGINE = {"1.41": "20.10.24+dfsg1", "1.45": "26.1.5+dfsg1", "1.45-containerd": "26.1.5+dfsg1", "1.48": "28.0.0",
          "1.50": "28.2.0", "1.52-containerd": "29.0.0"}

#: / on one disk, the Docker root directory on its own: 1.1 passes on the Docker root alone.
MOUNTS = [MountEntry(mount_point="/", source="/dev/sda1", fstype="ext4", device="8:1"),
          MountEntry(mount_point="/var/lib/docker", source="/dev/sdb1", fstype="xfs", device="8:17")]
NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)


@cache
def fixture(api: str) -> dict[str, Any]:
    return json.loads((DATA / FIXTURES[api]).read_text(encoding="utf-8"))


def raw(api: str) -> dict[str, Any]:
    """A copy of the fixture to change for one case."""
    return copy.deepcopy(fixture(api))


def convert_images(doc: dict[str, Any]) -> list[Image]:
    case_of = {image["Id"]: case for case, image in doc["images"].items()}
    out = []
    for summary in doc["images_list"]:
        case = case_of[summary["Id"]]
        found = [SpecialFile(**f) for f in doc["setuid_scan"][case]]
        out.append(image_collector.from_inspect(summary, doc["images"][case], history=[], setuid_files=found))
    return out


def convert_containers(doc: dict[str, Any]) -> list[Container]:
    return [container_collector.from_inspect(summary, doc["containers"][summary["Labels"][LABEL]])
            for summary in doc["containers_list"]]


def snapshot_of(doc: dict[str, Any], *, config: dict[str, Any] | None = None,
                flags: dict[str, list[str]] | None = None) -> Snapshot:
    """The snapshot of a host whose Engine answered ``doc``: dockerd started before every
    container, configured by ``flags`` and daemon.json ``config`` (absent when None)."""
    config_file = (ConfigFile(path="/etc/docker/daemon.json", state="parsed", content=config) if config is not None
                   else ConfigFile(path="/etc/docker/daemon.json", state="absent"))
    daemon = Daemon(pid=1, started_unix=0, argv=["dockerd"], flags=flags or {}, config_file=config_file,
                    version=daemon_collector.engine_version(doc["version"]),
                    info=daemon_collector.engine_info(doc["info"]))
    meta = Meta(tool_version="test", collected_at=NOW, collected_at_unix=int(NOW.timestamp()), hostname="docker-host",
                docker_host="unix:///var/run/docker.sock", host_root="/", duration_seconds=0.0)
    return Snapshot(meta=meta, host=Host(mounts=MOUNTS, listeners=[]), daemon=daemon, networks=[],
                    images=convert_images(doc) if "images" in doc else [],
                    containers=convert_containers(doc) if "containers" in doc else [])


@pytest.fixture(scope="module")
def engines():
    if "opa" not in available_engines():
        unavailable("real OPA in-process", "pip install --ignore-requires-python opa-golib-python-bindings")
    with make_engine("embedded") as embedded, make_engine("opa", workers=0) as opa:
        yield {"embedded": embedded, "opa": opa}


@pytest.fixture(params=["embedded", "opa"])
def engine(request, engines):
    return engines[request.param]


def outcome(engine, snap: Snapshot, control: str) -> tuple[str, str, set[tuple[str, str | None, str]]]:
    """(status, reason, {(finding status, resource name, message)}) of one control."""
    r = dockerbench.evaluate(snap, engine=engine, controls=[control]).result(control)
    return r.status, r.reason, {(f.status, f.resource.name, f.message) for f in r.findings}


def names(api: str, *cases: str) -> list[str]:
    return [f"capture-{case}" for case in cases if case != "image_mount" or api in WITH_IMAGE_MOUNT]


ALL_CASES = ("cli_default", "configured", "default", "host_network", "image_mount", "image_user", "never_started",
             "pids_unlimited", "pids_updated", "pids_zero")
#: The containers without a PIDs limit, without their own no-new-privileges, on the default bridge.
UNLIMITED = tuple(c for c in ALL_CASES if c != "configured")
BRIDGED = tuple(c for c in ALL_CASES if c != "host_network")
RUNNING = {"capture-default", "capture-image_user", "capture-image_mount", "capture-configured"}


# ----------------------------------------------------------------------------- the conversions

@pytest.mark.parametrize("api", FIXTURES)
def test_every_fixture_is_a_schema_valid_snapshot_with_every_object_inspected(api):
    snap = snapshot_of(fixture(api))
    assert load_snapshot(snap.to_json()) == snap
    assert sorted(c.name for c in snap.containers) == names(api, *ALL_CASES)
    assert all(c.inspected for c in snap.containers) and all(i.inspected for i in snap.images)
    assert (snap.daemon.version.version, snap.daemon.version.api_version) == (ENGINE[api], api.split("-")[0])


@pytest.mark.parametrize("api", FIXTURES)
def test_the_list_and_the_inspect_give_the_same_list_facts(api):
    doc = fixture(api)
    assert len(doc["containers_list"]) == len(doc["containers"]) > 0
    for summary in doc["containers_list"]:
        listed = container_collector.from_list(summary)
        inspected = container_collector.from_inspect(summary, doc["containers"][summary["Labels"][LABEL]])
        for fact in ("id", "name", "network_mode", "mounts", "image_id", "labels"):
            assert getattr(listed, fact) == getattr(inspected, fact), (summary["Names"], fact)


@pytest.mark.parametrize("api", FIXTURES)
def test_network_mode_default_is_bridge(api):
    """Engines before 26.1 store "default" for a container created without --network (captured
    on 20.10), 26.1 and later "bridge" (captured on 26.1): the snapshot says bridge for both."""
    doc = fixture(api)
    stored = {case: c["HostConfig"]["NetworkMode"] for case, c in doc["containers"].items()}
    assert stored["default"] == ("default" if api == "1.41" else "bridge")
    assert stored["cli_default"] == ("default" if api == "1.41" else "bridge")
    modes = {c.name: c.network_mode for c in snapshot_of(doc).containers}
    assert modes == {name: "host" if name == "capture-host_network" else "bridge" for name in names(api, *ALL_CASES)}


@pytest.mark.parametrize("api", FIXTURES)
def test_unset_ulimits_are_an_empty_list_whether_null_or_empty(api):
    doc = fixture(api)
    assert doc["containers"]["default"]["HostConfig"]["Ulimits"] is None  # the SDK sends none
    assert doc["containers"]["cli_default"]["HostConfig"]["Ulimits"] == []  # the docker CLI sends []
    ulimits = {c.name: c.ulimits for c in snapshot_of(doc).containers}
    assert ulimits.pop("capture-configured") == [Ulimit(name="nofile", soft=1024, hard=2048)]
    assert set(map(tuple, ulimits.values())) == {()}


@pytest.mark.parametrize("api", FIXTURES)
def test_pids_limit_null_zero_and_minus_one_are_no_limit(api):
    """Created with -1 or 0: null (20.10 and later); lifted by docker update: 0 (captured);
    engines before 20.10 kept -1 as given (here on the 'pids_unlimited' container)."""
    doc = raw(api)
    stored = {case: c["HostConfig"]["PidsLimit"] for case, c in doc["containers"].items()}
    assert (stored["pids_unlimited"], stored["pids_zero"], stored["pids_updated"], stored["configured"]) == (
        None, None, 0, 100)
    doc["containers"]["pids_unlimited"]["HostConfig"]["PidsLimit"] = -1
    limits = {c.name: c.pids_limit for c in snapshot_of(doc).containers}
    assert limits == {name: 100 if name == "capture-configured" else None for name in names(api, *ALL_CASES)}


@pytest.mark.parametrize("api", FIXTURES)
def test_image_config_fields_gone_or_omitted_read_as_unset(api):
    """1.45 drops Container/ContainerConfig, 1.50 the container fields of Config, 1.52 omits an
    unset User, Cmd, Env, Labels: an omitted User is root (""), an omitted Env no variables."""
    doc = fixture(api)
    plain, imported = doc["images"]["plain"], doc["images"]["imported"]
    assert ("ContainerConfig" in plain) == (api == "1.41")
    assert ("Hostname" in plain["Config"]) == (api in ("1.41", "1.45", "1.45-containerd", "1.48"))
    assert ("User" in plain["Config"], "Env" in imported["Config"]) == ((False, False) if api.startswith("1.52")
                                                                         else (True, True))
    images = {i.repo_tags[0].split("/")[1]: i for i in snapshot_of(doc).images}
    assert {tag: (i.user, [e.name for e in i.env], sorted(i.labels)) for tag, i in images.items()} == {
        "configured:latest": ("1000:1000", ["PATH", "APP_MODE"], [LABEL, "org.example.team"]),
        "imported:latest": ("", [], [LABEL]),
        "plain:latest": ("", ["PATH"], [LABEL]),  # the builder sets PATH
    }
    assert images["configured:latest"].healthcheck.test == ["CMD-SHELL", "true"]
    assert images["configured:latest"].exposed_ports == ["8080/tcp"]


@pytest.mark.parametrize("api", FIXTURES)
def test_published_ports_without_the_bridge_fields_of_network_settings(api):
    """1.52 drops NetworkSettings.IPAddress and the other per-bridge fields: ports come from
    NetworkSettings.Ports (running) and HostConfig.PortBindings (never started) in every version."""
    doc = fixture(api)
    assert ("IPAddress" in doc["containers"]["configured"]["NetworkSettings"]) == (not api.startswith("1.52"))
    ports = {c.name: {(p.container_port, p.protocol, p.host_ip, p.host_port) for p in c.ports}
             for c in snapshot_of(doc).containers if c.ports}
    assert ports == {"capture-configured": {(80, "tcp", "0.0.0.0", 8080), (80, "tcp", "::", 8080)},
                     "capture-never_started": {(80, "tcp", "127.0.0.1", 8081)}}


@pytest.mark.parametrize("api", FIXTURES)
def test_kernel_memory_and_graph_driver_fields_come_and_go_unread(api):
    """KernelMemory/KernelMemoryTCP: returned unset by 20.10 (API 1.41), omitted when unset from
    1.42, KernelMemoryTCP removed in 1.52; with a snapshotter, 1.52 replaces the container's
    GraphDriver by Storage. The snapshot is the same either way."""
    doc = fixture(api)
    host_config = doc["containers"]["default"]["HostConfig"]
    assert ("KernelMemory" in host_config, "KernelMemoryTCP" in host_config) == ((True, True) if api == "1.41"
                                                                                  else (False, False))
    default = doc["containers"]["default"]
    assert ("GraphDriver" in default, "Storage" in default) == ((False, True) if api == "1.52-containerd"
                                                                 else (True, False))
    assert "KernelMemoryTCP" not in doc["info"] or not api.startswith("1.52")
    snap = snapshot_of(doc)
    assert {c.name: (c.memory, c.readonly_rootfs) for c in snap.containers}["capture-configured"] == (64 * 2**20, True)


@pytest.mark.parametrize("api", WITH_IMAGE_MOUNT)
def test_image_mounts_keep_their_type(api):
    mounted = next(c for c in snapshot_of(fixture(api)).containers if c.name == "capture-image_mount")
    assert [(m.type, m.destination, m.rw) for m in mounted.mounts] == [("image", "/mnt/image", False)]
    assert not mounted.mounts[0].source.startswith("/etc")


@pytest.mark.parametrize(("api", "address"), [
    ("1.41", None), ("1.45", None), ("1.45-containerd", None),
    ("1.48", "/var/run/docker/containerd/containerd.sock"), ("1.50", "/var/run/docker/containerd/containerd.sock"),
    ("1.52-containerd", "/run/containerd/containerd.sock"),
])
def test_info_containerd_address_is_the_containerd_socket(api, address):
    assert snapshot_of(fixture(api)).daemon.info.containerd_address == address


@pytest.mark.parametrize("api", CONTAINERD)
def test_containerd_image_store_ids_are_manifest_digests_containers_refer_to(api):
    doc = fixture(api)
    assert doc["info"]["DriverStatus"] == [["driver-type", "io.containerd.snapshotter.v1"]]
    snap = snapshot_of(doc)
    ids = {i.id for i in snap.images}
    assert {c.image_id for c in snap.containers} <= ids
    for image in snap.images:  # the id is the digest the repo digest names (the manifest's)
        assert image.repo_digests == [f"{image.repo_tags[0].rsplit(':', 1)[0]}@{image.id}"]


@pytest.mark.parametrize("api", FIXTURES)
def test_the_layer_scan_read_both_image_stores(api):
    """setuid_scan is what dockerbench's scan found in each image's docker save stream at capture:
    Docker's layout (20.10), OCI blobs (26.1) and the containerd store's OCI export alike."""
    scans = fixture(api)["setuid_scan"]
    assert scans == {"configured": [{"path": "/bin/su-copy", "mode": 0o4755, "setuid": True, "setgid": False}],
                     "imported": [], "plain": []}


# ----------------------------------------------------------------------------- the controls, per engine

@pytest.mark.parametrize(("api", "profile"), [(api, "default" if api == "1.41" else "builtin") for api in FIXTURES])
def test_2_16_both_names_of_the_default_seccomp_profile(engine, api, profile):
    note = (f"Engine {ENGINE[api]} names Docker's built-in profile \"{profile}\" in GET /info: \"builtin\" from "
            "Engine 23.0, \"default\" before")
    assert outcome(engine, snapshot_of(fixture(api)), "2.16") == ("warn", f"1 daemon needs review ({note})", {(
        "warn", "dockerd", f"dockerd uses Docker's built-in seccomp profile (profile={profile}): confirm no custom "
        "daemon-wide profile is needed")})


NOT_SET = ("no-new-privileges is not set daemon-wide (--no-new-privileges / \"no-new-privileges\": true); the default "
           "is false")
NOT_IN_EFFECT = ("the running dockerd does not enable no-new-privileges for containers: GET /info SecurityOptions does "
                 "not list it")


def info_note(api: str) -> str:
    return (f"decided from GET /info SecurityOptions: Engine {ENGINE[api]} lists no-new-privileges there when it is "
            "on, as every engine from 24.0 does")


@pytest.mark.parametrize(("api", "expected"), [
    ("1.41", ("fail", "1 daemon violates (decided from the configuration: Engine 20.10.24+dfsg1 does not report "
              "no-new-privileges in GET /info, only engines from 24.0 do)", {("fail", "dockerd", NOT_SET)})),
    ("1.45", ("fail", f"1 daemon violates ({info_note('1.45')})", {("fail", "dockerd", NOT_IN_EFFECT)})),
    ("1.45-containerd", ("pass", f"1 resource checked, none violates ({info_note('1.45-containerd')})", set())),
    ("1.48", ("fail", f"1 daemon violates ({info_note('1.48')})", {("fail", "dockerd", NOT_IN_EFFECT)})),
    ("1.52-containerd", ("pass", f"1 resource checked, none violates ({info_note('1.52-containerd')})", set())),
])
def test_2_18_info_lists_no_new_privileges_from_engine_24(engine, api, expected):
    """The 26.1 daemon of the containerd capture runs with "no-new-privileges": true; GET /info
    decides even without a readable configuration (here: none)."""
    assert outcome(engine, snapshot_of(fixture(api)), "2.18") == expected


def test_2_18_engine_20_10_does_not_list_it_even_when_set(engine):
    """Captured from dockerd --no-new-privileges 20.10: no entry, so the configuration decides."""
    doc = json.loads((DATA / "engine-20.10-no-new-privileges.info.json").read_text(encoding="utf-8"))
    assert "name=no-new-privileges" not in doc["info"]["SecurityOptions"]
    snap = snapshot_of(doc, flags={"no-new-privileges": ["true"]})
    status, reason, findings = outcome(engine, snap, "2.18")
    assert (status, findings) == ("pass", set())
    assert reason.endswith("(decided from the configuration: Engine 20.10.24+dfsg1 does not report no-new-privileges "
                           "in GET /info, only engines from 24.0 do)")


def test_2_18_a_configuration_the_running_engine_does_not_show_needs_a_restart(engine):
    snap = snapshot_of(fixture("1.45"), config={"no-new-privileges": True})
    assert outcome(engine, snap, "2.18")[2] == {("fail", "dockerd", f"{NOT_IN_EFFECT}; the configuration sets it, "
                                                 "so dockerd has not been restarted since (restart it to apply the "
                                                 "setting)")}


@pytest.mark.parametrize("api", ["1.45-containerd", "1.52-containerd"])
def test_5_25_the_daemon_wide_setting_from_info(engine, api):
    status, reason, findings = outcome(engine, snapshot_of(fixture(api)), "5.25")
    assert (status, findings) == ("pass", set())
    assert reason.endswith(f"(the daemon-wide setting is from GET /info SecurityOptions: Engine {ENGINE[api]} lists "
                           "no-new-privileges there when it is on, as every engine from 24.0 does)")


@pytest.mark.parametrize("api", ["1.41", "1.45", "1.50"])
def test_5_25_without_the_daemon_wide_setting(engine, api):
    status, _, findings = outcome(engine, snapshot_of(fixture(api)), "5.25")
    assert status == "fail"
    assert findings == {("fail", name, f"container {name} does not set no-new-privileges, and the daemon does not "
                                       "enable it either") for name in names(api, *UNLIMITED)}


AUFS_GONE = "has no aufs storage driver (aufs was removed in Engine 24.0); dockerd uses"


@pytest.mark.parametrize(("api", "expected"), [
    ("1.41", ("pass", "1 resource checked, none violates")),
    ("1.45", ("not_applicable", f"Engine 26.1.5+dfsg1 {AUFS_GONE} overlay2")),
    ("1.45-containerd", ("not_applicable",
                         f"Engine 26.1.5+dfsg1 {AUFS_GONE} the containerd image store with the overlayfs snapshotter")),
    ("1.50", ("not_applicable", f"Engine 28.2.0 {AUFS_GONE} overlay2")),
    ("1.52-containerd", ("not_applicable",
                         f"Engine 29.0.0 {AUFS_GONE} the containerd image store with the overlayfs snapshotter")),
])
def test_2_5_aufs_is_not_available_from_engine_24(engine, api, expected):
    assert outcome(engine, snapshot_of(fixture(api)), "2.5") == (*expected, set())


def test_2_5_aufs_in_info_still_fails_on_an_old_engine(engine):
    doc = raw("1.41")
    doc["info"].update(Driver="aufs", DriverStatus=[["Root Dir", "/var/lib/docker/aufs"]])
    aufs = "dockerd uses the aufs storage driver (GET /info Driver)"
    assert outcome(engine, snapshot_of(doc), "2.5")[2] == {("fail", "dockerd", aufs)}


CONTAINERD_2_10 = ("dockerd uses the containerd image store (the overlayfs snapshotter), not a storage driver: there "
                   "is no devicemapper base device, so dm.basesize does not apply (a devmapper snapshotter's base size "
                   "is containerd's configuration, which is not checked)")


@pytest.mark.parametrize(("api", "expected"), [
    ("1.45", "Engine 26.1.5+dfsg1 has no devicemapper storage driver (devicemapper was removed in Engine 25.0), so "
             "dm.basesize does not apply"),
    ("1.45-containerd", CONTAINERD_2_10),
    ("1.48", "Engine 28.0.0 has no devicemapper storage driver (devicemapper was removed in Engine 25.0), so "
             "dm.basesize does not apply"),
    ("1.52-containerd", CONTAINERD_2_10),
])
def test_2_10_devicemapper_is_not_available_from_engine_25_nor_with_the_containerd_store(engine, api, expected):
    snap = snapshot_of(fixture(api), flags={"storage-opt": ["dm.basesize=20G"]})
    assert outcome(engine, snap, "2.10") == ("not_applicable", expected, set())


def test_2_10_on_engine_20_10_the_storage_driver_decides(engine):
    """overlay2: dockerd would have refused dm.basesize, so it passes on the driver alone."""
    snap = snapshot_of(fixture("1.41"), flags={"storage-opt": ["dm.basesize=20G"]})
    assert outcome(engine, snap, "2.10") == ("pass", "1 resource checked, none violates", set())


@pytest.mark.parametrize("api", FIXTURES)
def test_2_13_says_which_engine_has_no_v1_registry(engine, api):
    assert outcome(engine, snapshot_of(fixture(api)), "2.13") == (
        "not_applicable", f"engine {ENGINE[api]} is 17.12 or newer: v1 registry support is removed, so there are no "
        "legacy registry operations to disable", set())


CONTAINERD_ROOT_UNKNOWN = (
    "dockerd uses the containerd image store: image layers and container filesystems are in containerd's root "
    "directory, which is not under the Docker root directory unless dockerd runs its own containerd; GET /info names "
    "the containerd it uses only from API 1.46 (Engine 27.0), so it was not checked; confirm it is on a separate "
    "partition too")
CONTAINERD_ROOT_SYSTEM = (
    "dockerd uses the containerd image store with the containerd at /run/containerd/containerd.sock: image layers and "
    "container filesystems are in that containerd's root directory (/var/lib/containerd unless its configuration says "
    "otherwise), not under the Docker root directory, and it was not checked; confirm it is on a separate partition "
    "too")


@pytest.mark.parametrize(("api", "expected"), [
    ("1.41", ("pass", set())),
    ("1.45", ("pass", set())),
    ("1.45-containerd", ("warn", {("warn", "dockerd", CONTAINERD_ROOT_UNKNOWN)})),
    ("1.48", ("pass", set())),
    ("1.52-containerd", ("warn", {("warn", "dockerd", CONTAINERD_ROOT_SYSTEM)})),
])
def test_1_1_says_what_it_could_not_check_with_the_containerd_store(engine, api, expected):
    status, _, findings = outcome(engine, snapshot_of(fixture(api)), "1.1")
    assert (status, findings) == expected


def test_1_1_dockerd_own_containerd_keeps_its_root_in_the_docker_root_directory(engine):
    doc = raw("1.52-containerd")
    doc["info"]["Containerd"]["Address"] = "/var/run/docker/containerd/containerd.sock"
    assert outcome(engine, snapshot_of(doc), "1.1") == ("pass", "1 resource checked, none violates", set())


@pytest.mark.parametrize("api", FIXTURES)
def test_4_1_user_from_the_image_config_whether_set_or_omitted(engine, api):
    """A container runs as its Config.User; from 1.52 an image without USER omits the field."""
    status, _, findings = outcome(engine, snapshot_of(fixture(api)), "4.1")
    assert status == "fail"
    root = [c for c in ALL_CASES if c != "image_user"]
    assert {name for _, name, _ in findings} == set(names(api, *root))


@pytest.mark.parametrize("api", FIXTURES)
def test_4_8_setuid_files_from_both_image_stores(engine, api):
    assert outcome(engine, snapshot_of(fixture(api)), "4.8") == ("warn", "1 image needs review", {(
        "warn", "dockerbench-capture/configured:latest",
        "image dockerbench-capture/configured:latest has 1 setuid/setgid file(s), e.g. /bin/su-copy (setuid)")})


@pytest.mark.parametrize("api", FIXTURES)
def test_5_5_an_image_mount_is_not_a_host_directory(engine, api):
    status, _, findings = outcome(engine, snapshot_of(fixture(api)), "5.5")
    assert (status, findings) == ("fail", {("fail", "capture-configured", "container capture-configured mounts the "
                                            "host directory /etc at /host-etc read-only (status running)")})


@pytest.mark.parametrize("api", WITH_IMAGE_MOUNT)
def test_5_5_an_image_mount_whose_layers_sit_under_etc_is_still_no_bind_mount(engine, api):
    doc = raw(api)
    doc["containers"]["image_mount"]["Mounts"][0]["Source"] = "/etc"
    doc["containers_list"] = [c for c in doc["containers_list"] if c["Labels"][LABEL] == "image_mount"]
    assert outcome(engine, snapshot_of(doc), "5.5") == ("pass", "1 resource checked, none violates", set())


@pytest.mark.parametrize("api", FIXTURES)
def test_5_9_and_5_29_network_modes(engine, api):
    snap = snapshot_of(fixture(api))
    assert outcome(engine, snap, "5.9")[2] == {("fail", "capture-host_network", "container capture-host_network shares "
                                                "the host's network namespace (network mode host, status created)")}
    status, _, findings = outcome(engine, snap, "5.29")
    assert status == "warn"
    assert {name for _, name, _ in findings} == set(names(api, *BRIDGED))


@pytest.mark.parametrize("api", FIXTURES)
def test_5_18_only_a_real_override_is_reviewed(engine, api):
    assert outcome(engine, snapshot_of(fixture(api)), "5.18")[2] == {(
        "warn", "capture-configured",
        "container capture-configured overrides the default ulimits: nofile=1024:2048; confirm each is needed")}


@pytest.mark.parametrize("api", FIXTURES)
def test_5_28_null_zero_and_minus_one_are_no_pids_limit(engine, api):
    doc = raw(api)
    doc["containers"]["pids_unlimited"]["HostConfig"]["PidsLimit"] = -1  # as engines before 20.10 kept it
    status, _, findings = outcome(engine, snapshot_of(doc), "5.28")
    assert status == "fail"
    assert findings == {("fail", name, f"container {name} has no PIDs limit (PidsLimit null, status "
                                       f"{'running' if name in RUNNING else 'created'})")
                        for name in names(api, *UNLIMITED)}



@pytest.mark.parametrize("api", FIXTURES)
def test_5_13_published_ports_on_every_interface(engine, api):
    assert outcome(engine, snapshot_of(fixture(api)), "5.13")[2] == {
        ("fail", "capture-configured", "container capture-configured publishes 80/tcp on 0.0.0.0:8080, every host "
                                       "interface"),
        ("fail", "capture-configured", "container capture-configured publishes 80/tcp on [::]:8080, every host "
                                       "interface"),
    }


# ----------------------------------------------------------------------------- the report says which engine

@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "junit"])
def test_every_report_format_states_the_engine_and_api_version_audited(fmt):
    from dockerbench.report import render

    report = dockerbench.evaluate(snapshot_of(fixture("1.45")), engine="embedded", controls=["2.5"])
    assert report.docker_engine.model_dump() == {"version": "26.1.5+dfsg1", "api_version": "1.45"}
    assert "Docker Engine 26.1.5+dfsg1 (API 1.45)" in render(report, fmt)


def test_json_and_sarif_reports_carry_the_engine_and_api_version():
    from dockerbench.report import render

    report = dockerbench.evaluate(snapshot_of(fixture("1.52-containerd")), engine="embedded", controls=["2.5"])
    assert json.loads(render(report, "json"))["docker_engine"] == {"version": "29.0.0", "api_version": "1.52"}
    run = json.loads(render(report, "sarif"))["runs"][0]
    assert run["properties"]["dockerEngine"] == {"version": "29.0.0", "api_version": "1.52"}


def test_without_version_the_report_takes_info_and_says_what_it_lacks():
    snap = snapshot_of(fixture("1.41"))
    snap = snap.model_copy(update={"daemon": snap.daemon.model_copy(update={"version": None})})
    report = dockerbench.evaluate(snap, engine="embedded", controls=["2.5"])
    assert report.docker_engine.text == "Docker Engine 20.10.24+dfsg1 (API unknown)"
    nothing = snap.model_copy(update={"daemon": snap.daemon.model_copy(update={"info": None})})
    assert dockerbench.evaluate(nothing, engine="embedded", controls=["2.5"]).docker_engine is None
