"""Write the fixtures of the API versions no engine here runs (1.48, 1.50, 1.52) from the captured ones.

    python3 tests/data/engine_api/derive.py        # rewrites engine-28.0.json, -28.2.json, -29.0-containerd.json

Each fixture is a captured one (capture.py) with the changes the Engine API version history
(https://docs.docker.com/reference/api/engine/version-history/, moby's api/docs/CHANGELOG.md)
lists for the versions in between applied by hand, one function per entry below, each citing
it. They are hand-written in that sense: no Engine 28 or 29 answered them. Where the history
says a field appears, its value is one an engine of that version gives (see README.md).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Doc = dict[str, Any]

#: GET /containers/{id}/json NetworkSettings fields API 1.52 no longer returns.
NETWORK_SETTINGS_152 = ("Bridge", "HairpinMode", "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen",
                        "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID", "Gateway", "GlobalIPv6Address",
                        "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen", "IPv6Gateway", "MacAddress")
#: GET /images/{name}/json Config fields API 1.50 no longer returns.
IMAGE_CONFIG_150 = ("Hostname", "Domainname", "AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin",
                    "StdinOnce", "Image", "NetworkDisabled", "MacAddress", "StopTimeout")
#: GET /images/{name}/json Config fields API 1.52 omits when not set.
IMAGE_CONFIG_UNSET_152 = ("Cmd", "Entrypoint", "Env", "Labels", "OnBuild", "User", "Volumes", "WorkingDir")
#: GET /images/{name}/json top-level fields API 1.52 omits when empty.
IMAGE_EMPTY_152 = ("Parent", "Comment", "DockerVersion", "Author")

IMAGE_MOUNT_TARGET = "/mnt/image"


def engine(doc: Doc, version: str, api: str, min_api: str = "1.24") -> None:
    """GET /version and /info ServerVersion of the engine the fixture stands for."""
    v = doc["version"]
    v.update(Version=version, ApiVersion=api, MinAPIVersion=min_api)
    for component in v.get("Components") or []:
        if component["Name"] == "Engine":
            component["Version"] = version
            component["Details"].update(ApiVersion=api, MinAPIVersion=min_api)
    doc["info"]["ServerVersion"] = version
    for image in doc["images"].values():
        if image.get("DockerVersion"):
            image["DockerVersion"] = version


# ----------------------------------------------------------------------------- the history, per version

def v1_46_info_containerd(doc: Doc, address: str) -> str:
    doc["info"]["Containerd"] = {"Address": address, "Namespaces": {"Containers": "moby", "Plugins": "plugins.moby"}}
    return "v1.46: GET /info now includes a Containerd field (the containerd API socket and namespaces)"


def v1_48_image_mount(doc: Doc, layer_path: str) -> str:
    """A container with an image mount: the captured 'default' container, renamed, with one
    image mount of the 'configured' image (what `docker run --mount type=image,...` creates)."""
    source = doc["containers"]["default"]
    image_ref = "dockerbench-capture/configured:latest"
    new_id = "1" * 64
    c = copy.deepcopy(source)
    c["Id"], c["Name"] = new_id, "/capture-image_mount"
    c["Config"]["Labels"]["dockerbench.capture"] = "image_mount"
    c["HostConfig"]["Mounts"] = [{"Type": "image", "Source": image_ref, "Target": IMAGE_MOUNT_TARGET}]
    mount = {"Type": "image", "Name": image_ref, "Source": layer_path, "Destination": IMAGE_MOUNT_TARGET,
             "Driver": "", "Mode": "", "RW": False, "Propagation": "rprivate"}
    c["Mounts"] = [mount]
    doc["containers"]["image_mount"] = c
    listed = copy.deepcopy(next(e for e in doc["containers_list"] if e["Id"] == source["Id"]))
    listed.update(Id=new_id, Names=["/capture-image_mount"], Mounts=[mount])
    listed["Labels"]["dockerbench.capture"] = "image_mount"
    doc["containers_list"].append(listed)
    doc["containers_list"].sort(key=lambda e: e["Labels"]["dockerbench.capture"])
    return "v1.48: POST /containers/create now supports Mount of type image (an image mounted in a container)"


def v1_48_gw_priority(doc: Doc) -> str:
    for c in [*doc["containers"].values(), *doc["containers_list"]]:
        for endpoint in ((c.get("NetworkSettings") or {}).get("Networks") or {}).values():
            endpoint["GwPriority"] = 0
    return "v1.48: EndpointSettings now have a GwPriority field (GET /containers/json and inspect)"


def v1_48_bridge_nf(doc: Doc) -> str:
    doc["info"].update(BridgeNfIptables=False, BridgeNfIp6tables=False)
    return "v1.48: BridgeNfIptables and BridgeNfIp6tables in GET /info are now always false"


def v1_48_descriptors(doc: Doc) -> str:
    """The containerd image store's descriptors: of the image (image list and inspect) and of
    the manifest a container was created from."""
    sizes = {}
    for _case, image in doc["images"].items():
        descriptor = {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": image["Id"],
                      "size": 500 + 100 * len(sizes)}
        sizes[image["Id"]] = descriptor
        image["Descriptor"] = descriptor
    for listed in doc["images_list"]:
        listed["Descriptor"] = sizes[listed["Id"]]
    for c in doc["containers"].values():
        c["ImageManifestDescriptor"] = {**sizes[c["Image"]], "platform": {"architecture": "amd64", "os": "linux"}}
    for listed in doc["containers_list"]:
        listed["ImageManifestDescriptor"] = doc["containers"][listed["Labels"]["dockerbench.capture"]][
            "ImageManifestDescriptor"]
    return ("v1.48: GET /images/json and GET /images/{name}/json include Descriptor, and GET /containers/json and "
            "/containers/{name}/json ImageManifestDescriptor, with a multi-platform (containerd) image store")


def v1_49_info(doc: Doc) -> str:
    info = doc["info"]
    for key in ("AllowNondistributableArtifactsCIDRs", "AllowNondistributableArtifactsHostnames"):
        info["RegistryConfig"].pop(key, None)
    for key in ("ContainerdCommit", "RuncCommit", "InitCommit"):
        info[key].pop("Expected", None)
    info["FirewallBackend"] = {"Driver": "iptables"}
    return ("v1.49: GET /info omits RegistryConfig.AllowNondistributableArtifacts* and the *Commit.Expected fields, "
            "and returns FirewallBackend")


def v1_50_info(doc: Doc) -> str:
    doc["info"].pop("BridgeNfIptables", None)
    doc["info"].pop("BridgeNfIp6tables", None)
    return "v1.50: BridgeNfIptables and BridgeNfIp6tables are omitted from GET /info"


def v1_50_image_config(doc: Doc) -> str:
    for image in doc["images"].values():
        for key in IMAGE_CONFIG_150:
            image["Config"].pop(key, None)
    return ("v1.50: GET /images/{name}/json no longer returns the Config fields Hostname, Domainname, AttachStdin, "
            "AttachStdout, AttachStderr, Tty, OpenStdin, StdinOnce, Image, NetworkDisabled, MacAddress, StopTimeout")


def v1_52_image_config(doc: Doc) -> str:
    for image in doc["images"].values():
        config = image["Config"]
        for key in IMAGE_CONFIG_UNSET_152:
            if config.get(key) in (None, "", [], {}):
                config.pop(key, None)
        for key in IMAGE_EMPTY_152:
            if image.get(key) in (None, ""):
                image.pop(key, None)
    return ("v1.52: GET /images/{name}/json omits the Config fields Cmd, Entrypoint, Env, Labels, OnBuild, User, "
            "Volumes and WorkingDir when not set, and Parent, Comment, DockerVersion, Author when empty")


def v1_52_image_graphdriver(doc: Doc) -> str:
    for image in doc["images"].values():
        image.pop("GraphDriver", None)
    return "v1.52: GET /images/{name}/json omits GraphDriver unless a graph driver is used (moby 29.0 image_routes.go)"


def v1_52_containers(doc: Doc) -> str:
    for c in doc["containers"].values():
        for key in NETWORK_SETTINGS_152:
            c["NetworkSettings"].pop(key, None)
        if not c["Config"].get("OnBuild"):
            c["Config"].pop("OnBuild", None)
        c["Config"].pop("MacAddress", None)
        c["HostConfig"].pop("KernelMemoryTCP", None)
        driver = c.pop("GraphDriver", None)
        if driver is not None:
            c["Storage"] = {"RootFS": {"Snapshot": {"Name": driver["Name"]}}}
    return ("v1.52: GET /containers/{id}/json no longer returns NetworkSettings.IPAddress, Gateway, MacAddress and "
            "the other per-bridge fields, Config.OnBuild when empty, Config.MacAddress, HostConfig.KernelMemoryTCP; "
            "with a snapshotter GraphDriver becomes Storage.RootFS.Snapshot (moby 29.0 inspect.go)")


def v1_52_container_list_health(doc: Doc) -> str:
    for listed in doc["containers_list"]:
        state = doc["containers"][listed["Labels"]["dockerbench.capture"]]["State"]
        if state.get("Health"):
            listed["Health"] = {"Status": state["Health"]["Status"], "FailingStreak": state["Health"]["FailingStreak"]}
    return "v1.52: GET /containers/json includes Health (moby 29.0 container_routes.go)"


def v1_52_info(doc: Doc) -> str:
    doc["info"].pop("KernelMemoryTCP", None)
    return "v1.52: KernelMemoryTCP is removed from GET /info"


# ----------------------------------------------------------------------------- the fixtures

def engine_28_0(doc: Doc) -> list[str]:
    """Engine 28.0 (API 1.48), overlay2 graph driver, dockerd's own containerd: from Engine 26.1."""
    engine(doc, "28.0.0", "1.48")
    return [v1_46_info_containerd(doc, "/var/run/docker/containerd/containerd.sock"),
            v1_48_image_mount(doc, "/var/lib/docker/overlay2/" + "a" * 64 + "/merged"),
            v1_48_gw_priority(doc), v1_48_bridge_nf(doc)]


def engine_28_2(doc: Doc) -> list[str]:
    """Engine 28.2 (API 1.50): from the Engine 28.0 fixture."""
    engine(doc, "28.2.0", "1.50")
    return [v1_49_info(doc), v1_50_info(doc), v1_50_image_config(doc)]


def engine_29_0_containerd(doc: Doc) -> list[str]:
    """Engine 29.0 (API 1.52, minimum 1.44) with the containerd image store, its default on a fresh
    install, and the system containerd (/run/containerd): from Engine 26.1 with the containerd store."""
    engine(doc, "29.0.0", "1.52", "1.44")
    return [v1_46_info_containerd(doc, "/run/containerd/containerd.sock"),
            v1_48_image_mount(doc, "/var/lib/docker/rootfs/overlayfs/" + "1" * 64),
            v1_48_gw_priority(doc), v1_48_descriptors(doc), v1_48_bridge_nf(doc),
            v1_49_info(doc), v1_50_info(doc), v1_50_image_config(doc),
            v1_52_image_config(doc), v1_52_image_graphdriver(doc), v1_52_containers(doc),
            v1_52_container_list_health(doc), v1_52_info(doc)]


FIXTURES: list[tuple[str, str, Callable[[Doc], list[str]]]] = [
    ("engine-28.0.json", "engine-26.1.json", engine_28_0),
    ("engine-28.2.json", "engine-28.0.json", engine_28_2),
    ("engine-29.0-containerd.json", "engine-26.1-containerd.json", engine_29_0_containerd),
]


def main() -> int:
    for out, source, derive in FIXTURES:
        doc = json.loads((HERE / source).read_text(encoding="utf-8"))
        inherited = doc["_capture"].get("changes", []) if doc["_capture"].get("handwritten") else []
        changes = derive(doc)
        doc["_capture"] = {"handwritten": True, "api_version": doc["version"]["ApiVersion"],
                           "derived_from": doc["_capture"].get("derived_from", source),
                           "tool": "tests/data/engine_api/derive.py",
                           "note": (derive.__doc__ or "").split("\n\n")[0].replace("\n    ", " "),
                           "changes": inherited + changes}
        (HERE / out).write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out} from {source}: {len(changes)} changes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
