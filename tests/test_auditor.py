"""The container dockerbench runs in is found from its own /proc/self, and is never a finding."""

from __future__ import annotations

import json

import pytest
import synthetic

import dockerbench
from dockerbench.collect import auditor

ID = "27fcb18ad450201fd5783b28716d25b2ed25a0d0fd8f808f3ac238158fcf510c"
OTHER = "74624da448a27e7bdfd7c2171ecfbd67db5743e6301e59035c0336a09e0f0103"

#: cgroup v1 (hybrid, as Docker's cgroupfs driver writes it; taken from a container of the test dockerd).
CGROUP_V1 = "".join(f"{n}:{c}:/docker/{ID}\n" for n, c in (
    (9, "name=systemd"), (8, "pids"), (7, "blkio"), (6, "freezer"), (5, "devices"), (4, "memory"),
    (3, "cpuset"), (2, "cpuacct"), (1, "cpu"))) + f"0::/docker/{ID}\n"
#: cgroup v2 with the systemd driver and a host cgroup namespace (--cgroupns host).
CGROUP_V2_SYSTEMD = f"0::/system.slice/docker-{ID}.scope\n"
#: rootless Docker under systemd.
CGROUP_V2_ROOTLESS = f"0::/user.slice/user-1000.slice/user@1000.service/user.slice/docker-{ID}.scope\n"
#: cgroup v1, systemd driver.
CGROUP_V1_SYSTEMD = f"12:pids:/system.slice/docker-{ID}.scope\n11:memory:/system.slice/docker-{ID}.scope\n"
#: Docker in Docker: our container inside the outer one.
CGROUP_NESTED = f"0::/docker/{OTHER}/docker/{ID}\n"
#: A private cgroup namespace (Docker's default on cgroup v2) or the host itself.
CGROUP_PRIVATE_V2 = "0::/\n"
CGROUP_PRIVATE_V1 = "".join(f"{n}:{c}:/\n" for n, c in ((4, "memory"), (1, "cpu"))) + "0::/\n"
CGROUP_HOST = "0::/user.slice/user-1000.slice/session-3.scope\n"

#: A container's mountinfo (taken from the test dockerd: data-root under /tmp), trimmed.
MOUNTINFO = f"""\
88 70 0:52 / / rw,relatime master:40 - overlay overlay rw,lowerdir=/x/l/A:/x/l/B,upperdir=/x/u,workdir=/x/w
89 88 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
107 88 254:0 /tmp/dockerbench-ci.FBWLfZ/data/containers/{ID}/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda rw
108 88 254:0 /tmp/dockerbench-ci.FBWLfZ/data/containers/{ID}/hostname /etc/hostname rw,relatime - ext4 /dev/vda rw
109 88 254:0 /tmp/dockerbench-ci.FBWLfZ/data/containers/{ID}/hosts /etc/hosts rw,relatime - ext4 /dev/vda rw
"""
#: /var/lib/docker on a filesystem of its own: the mount root is relative to that filesystem.
MOUNTINFO_OWN_FS = f"612 590 8:17 /containers/{ID}/hostname /etc/hostname rw,relatime - xfs /dev/sdb1 rw\n"
#: The host's root mounted at /host (-v /:/host:ro): other containers' files appear under /host, never on /etc.
MOUNTINFO_HOST_ROOT = f"""\
88 70 0:52 / / rw,relatime - overlay overlay rw
120 88 254:0 / /host ro,relatime - ext4 /dev/vda rw
121 120 254:0 /var/lib/docker/containers/{OTHER}/hostname /host/var/lib/docker/containers/{OTHER}/hostname ro - ext4 /dev/vda rw
"""
MOUNTINFO_HOST = "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n23 22 0:21 / /proc rw - proc proc rw\n"


@pytest.mark.parametrize("text", [CGROUP_V1, CGROUP_V2_SYSTEMD, CGROUP_V2_ROOTLESS, CGROUP_V1_SYSTEMD, CGROUP_NESTED],
                         ids=["v1-cgroupfs", "v2-systemd", "v2-rootless", "v1-systemd", "nested"])
def test_the_cgroup_path_names_our_container(text):
    assert auditor.from_cgroup(text) == ID


@pytest.mark.parametrize("text", [CGROUP_PRIVATE_V2, CGROUP_PRIVATE_V1, CGROUP_HOST, "", "garbage\n",
                                  f"0::/docker/{ID[:-1]}\n", f"0::/docker/{ID.upper()}\n", f"0::/docker-{ID}.scope.bak\n"],
                         ids=["private-v2", "private-v1", "host", "empty", "garbage", "short-id", "upper-case", "not-a-scope"])
def test_a_cgroup_path_without_a_container_names_none(text):
    assert auditor.from_cgroup(text) is None


@pytest.mark.parametrize("text", [MOUNTINFO, MOUNTINFO_OWN_FS], ids=["data-root-on-root-fs", "data-root-own-fs"])
def test_the_etc_bind_mounts_name_our_container(text):
    assert auditor.from_mountinfo(text) == ID


@pytest.mark.parametrize("text", [MOUNTINFO_HOST_ROOT, MOUNTINFO_HOST, "", "1 2 3\n"],
                         ids=["host-root-mounted", "host", "empty", "short-line"])
def test_a_mountinfo_without_our_etc_mounts_names_none(text):
    assert auditor.from_mountinfo(text) is None


def _proc(tmp_path, cgroup: str | None, mountinfo: str | None):
    (tmp_path / "self").mkdir()
    for name, text in (("cgroup", cgroup), ("mountinfo", mountinfo)):
        if text is not None:
            (tmp_path / "self" / name).write_text(text)
    return tmp_path


def test_a_private_cgroup_namespace_falls_back_to_mountinfo(tmp_path):
    assert auditor.container_id(_proc(tmp_path, CGROUP_PRIVATE_V2, MOUNTINFO)) == ID


def test_the_cgroup_is_read_first(tmp_path):
    assert auditor.container_id(_proc(tmp_path, CGROUP_V2_SYSTEMD, MOUNTINFO.replace(ID, OTHER))) == ID


def test_unreadable_proc_files_name_no_container(tmp_path):
    assert auditor.container_id(_proc(tmp_path, None, None)) is None
    assert auditor.container_id(tmp_path / "nowhere") is None


def test_on_the_host_no_container_is_named(tmp_path):
    assert auditor.container_id(_proc(tmp_path, CGROUP_HOST, MOUNTINFO_HOST)) is None


def test_the_snapshot_records_the_container_it_was_taken_in():
    snap = synthetic.snapshot(7)
    doc = json.loads(snap.to_json())
    assert doc["meta"]["auditor_container_id"] is None
    doc["meta"]["auditor_container_id"] = ID
    assert dockerbench.load_snapshot(json.dumps(doc)).meta.auditor_container_id == ID


def test_an_auditor_container_id_that_is_not_an_id_is_rejected():
    doc = json.loads(synthetic.snapshot(1).to_json())
    doc["meta"]["auditor_container_id"] = "web"
    with pytest.raises(dockerbench.SnapshotError, match=r"meta\.auditor_container_id"):
        dockerbench.load_snapshot(json.dumps(doc))


def test_the_container_dockerbench_runs_in_is_never_a_finding():
    # synthetic container 3 is privileged (5.4), ipc host (5.16) and mounts the socket (5.31); 10 is too.
    doc = json.loads(synthetic.snapshot(14).to_json())
    privileged = [c["id"] for c in doc["containers"] if c["privileged"]]
    assert len(privileged) == 2
    doc["meta"]["auditor_container_id"] = privileged[0]
    report = dockerbench.evaluate(doc, controls=["5.4", "5.16", "5.31"])
    for result in report.results:
        ids = {f.resource.id for f in result.findings}
        assert privileged[0] not in ids, result.id
        assert privileged[1] in ids, result.id
