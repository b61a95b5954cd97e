"""Host collector against fixture host-root trees."""

from __future__ import annotations

from pathlib import Path

import pytest
from _hosttree import base_host, link, process, put

from dockerbench.collect import host
from dockerbench.collect._context import Context

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
36 22 8:17 / /var/lib/docker rw,nodev,relatime shared:2 - xfs /dev/sdb1 rw,attr2,noquota
37 22 8:18 /data /srv/my\\040data rw,noexec - ext4 /dev/sdb2 rw
"""
# 0.0.0.0:2376 and 127.0.0.1:2377 listening, one established connection (state 01).
TCP = """\
  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0948 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1
   1: 0100007F:0949 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1
   2: 0100007F:0949 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1003 1
"""
# 2001:db8::1 port 2375 and :: port 7946.
TCP6 = """\
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: B80D0120000000000000000001000000:0947 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1
   1: 00000000000000000000000000000000:1F0A 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2002 1
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base_host(tmp_path)
    put(tmp_path, "/etc/os-release", 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')
    put(tmp_path, "/proc/sys/kernel/osrelease", "6.1.0-test\n")
    put(tmp_path, "/proc/1/mountinfo", MOUNTINFO)
    put(tmp_path, "/proc/1/net/tcp", TCP)
    put(tmp_path, "/proc/1/net/tcp6", TCP6)
    return tmp_path


def collect(root: Path) -> tuple[host.Host, Context]:
    ctx = Context(host_root=root)
    return host.collect(ctx), ctx


def test_os_release_and_kernel_release(root: Path) -> None:
    os_info = collect(root)[0].os
    assert os_info is not None
    assert (os_info.id, os_info.version_id, os_info.kernel_release) == ("debian", "12", "6.1.0-test")
    assert os_info.pretty_name == "Debian GNU/Linux 12 (bookworm)"


def test_mountinfo_gives_mount_point_device_fstype_and_all_options(root: Path) -> None:
    mounts = {m.mount_point: m for m in collect(root)[0].mounts or []}
    docker = mounts["/var/lib/docker"]
    assert (docker.device, docker.fstype, docker.source) == ("8:17", "xfs", "/dev/sdb1")
    assert docker.options == ["rw", "nodev", "relatime", "attr2", "noquota"]
    assert mounts["/srv/my data"].root == "/data"  # \040 decoded


def test_mountinfo_falls_back_to_self_when_pid_1_is_not_there(root: Path) -> None:
    (root / "proc/1/mountinfo").rename(root / "proc/self/mountinfo")
    mounts, ctx = collect(root)
    assert [m.mount_point for m in mounts.mounts or []][:2] == ["/", "/var/lib/docker"]
    assert not [e for e in ctx.errors if "mountinfo" in e.item]


def test_unreadable_mount_table_is_none_with_error(root: Path) -> None:
    (root / "proc/1/mountinfo").unlink()
    facts, ctx = collect(root)
    assert facts.mounts is None
    assert [(e.item, e.kind) for e in ctx.errors if "mountinfo" in e.item] == [("/proc/1/mountinfo", "missing")]


def test_fstab_entries_and_absent_fstab(root: Path) -> None:
    assert collect(root)[0].fstab == []
    put(root, "/etc/fstab", "# comment\nUUID=abc / ext4 defaults 0 1\n/dev/sdb1 /var/lib/docker xfs nodev,noatime 0 2\n\n")
    fstab = collect(root)[0].fstab or []
    assert [(e.device, e.mount_point, e.fstype, e.options) for e in fstab] == [
        ("UUID=abc", "/", "ext4", ["defaults"]),
        ("/dev/sdb1", "/var/lib/docker", "xfs", ["nodev", "noatime"]),
    ]


def test_docker_group_has_listed_and_primary_members(root: Path) -> None:
    facts = collect(root)[0]
    assert facts.groups_collected is True
    assert facts.docker_group is not None
    assert (facts.docker_group.gid, facts.docker_group.members) == (4242, ["bob", "dave"])
    assert facts.docker_group.primary_members == ["alice", "carol"]


def test_no_docker_group_is_null_but_groups_were_collected(root: Path) -> None:
    put(root, "/etc/group", "root:x:0:\n")
    facts, ctx = collect(root)
    assert (facts.docker_group, facts.groups_collected) == (None, True)
    assert not [e for e in ctx.errors if e.item == "/etc/group"]


def test_missing_etc_group_means_groups_not_collected(root: Path) -> None:
    (root / "etc/group").unlink()
    facts, ctx = collect(root)
    assert (facts.docker_group, facts.groups_collected) == (None, False)
    assert [(e.item, e.kind) for e in ctx.errors if e.item == "/etc/group"] == [("/etc/group", "missing")]


@pytest.mark.parametrize(("line", "path", "key"), [
    ("-w /usr/bin/dockerd -p rwxa -k docker", "/usr/bin/dockerd", "docker"),
    ("-w /etc/docker -k docker-cfg", "/etc/docker", "docker-cfg"),
    ("-a always,exit -F arch=b64 -S all -F path=/usr/bin/runc -F perm=x -F key=runc", "/usr/bin/runc", "runc"),
    ("-a exit,always -F dir=/var/lib/docker -F perm=wa -k docker", "/var/lib/docker", "docker"),
    ("-a always,exit -F path!=/tmp -k other", None, "other"),
    ("-w /usr/bin/docker", "/usr/bin/docker", None),
])
def test_audit_rule_path_and_key(line: str, path: str | None, key: str | None) -> None:
    rule = host.parse_audit_rule("auditctl", line)
    assert rule is not None
    assert (rule.path, rule.key, rule.text) == (path, key, line)


@pytest.mark.parametrize("line", ["# comment", "", "-D", "-b 8192", "-e 2", "No rules", "-W /etc/docker"])
def test_audit_lines_that_are_not_rules(line: str) -> None:
    assert host.parse_audit_rule("auditctl", line) is None


def test_persistent_audit_rules_from_rules_file_and_rules_d(root: Path) -> None:
    assert collect(root)[0].audit.persistent == []
    put(root, "/etc/audit/audit.rules", "-D\n-w /usr/bin/dockerd -k docker\n")
    put(root, "/etc/audit/rules.d/docker.rules", "-w /etc/docker -k docker\n")
    put(root, "/etc/audit/rules.d/ignored.conf", "-w /nope\n")
    rules = collect(root)[0].audit.persistent or []
    assert [(r.origin, r.path) for r in rules] == [
        ("/etc/audit/audit.rules", "/usr/bin/dockerd"),
        ("/etc/audit/rules.d/docker.rules", "/etc/docker"),
    ]


def test_loaded_audit_rules_are_not_read_for_a_mounted_host_root(root: Path) -> None:
    facts, ctx = collect(root)
    assert facts.audit.loaded is None
    assert [e.kind for e in ctx.errors if e.item == "auditctl -l"] == ["unsupported"]


@pytest.mark.parametrize(("hex_address", "expected"), [
    ("0100007F", "127.0.0.1"),
    ("00000000", "0.0.0.0"),
    ("00000000000000000000000001000000", "::1"),
    ("B80D0120000000000000000001000000", "2001:db8::1"),
    ("0000000000000000FFFF00000100007F", "::ffff:127.0.0.1"),
])
def test_proc_net_addresses_are_decoded_from_little_endian_words(hex_address: str, expected: str) -> None:
    assert host.decode_address(hex_address, "little") == expected


def test_listeners_with_owning_process(root: Path) -> None:
    process(root, 300, ["/usr/bin/dockerd", "-H", "tcp://0.0.0.0:2376"], sockets=(1001, 2001))
    process(root, 400, ["sleep", "1"], sockets=(9999,))
    listeners = collect(root)[0].listeners or []
    assert [(s.address, s.port, s.family, s.pid, s.process) for s in listeners] == [
        ("0.0.0.0", 2376, "ipv4", 300, "dockerd"),
        ("127.0.0.1", 2377, "ipv4", None, None),
        ("2001:db8::1", 2375, "ipv6", 300, "dockerd"),
        ("::", 7946, "ipv6", None, None),
    ]



def test_lsm_states(root: Path) -> None:
    facts = collect(root)[0]
    assert (facts.apparmor_enabled, facts.selinux_enabled, facts.selinux_enforcing) == (False, False, False)
    put(root, "/sys/module/apparmor/parameters/enabled", "Y\n")
    put(root, "/sys/fs/selinux/enforce", "1")
    facts = collect(root)[0]
    assert (facts.apparmor_enabled, facts.selinux_enabled, facts.selinux_enforcing) == (True, True, True)


def test_subordinate_id_ranges(root: Path) -> None:
    assert collect(root)[0].subuid == []
    put(root, "/etc/subuid", "dockremap:100000:65536\nbroken\n")
    put(root, "/etc/subgid", "dockremap:200000:65536\n")
    facts = collect(root)[0]
    assert [(r.name, r.start, r.count) for r in facts.subuid or []] == [("dockremap", 100000, 65536)]
    assert [(r.name, r.start) for r in facts.subgid or []] == [("dockremap", 200000)]


def test_content_trust_from_process_and_login_files(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_CONTENT_TRUST", "1")
    put(root, "/etc/environment", 'PATH="/usr/bin"\nDOCKER_CONTENT_TRUST="0"\n')
    put(root, "/etc/profile.d/docker.sh", "# trust\nexport DOCKER_CONTENT_TRUST=1 # on\n")
    put(root, "/etc/profile.d/other.csh", "setenv DOCKER_CONTENT_TRUST 0\n")
    settings = collect(root)[0].content_trust
    assert [(s.source, s.value) for s in settings] == [
        ("process", "1"), ("/etc/environment", "0"), ("/etc/profile.d/docker.sh", "1"),
    ]


def test_content_trust_unset_in_process_is_recorded_as_none(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCKER_CONTENT_TRUST", raising=False)
    assert [(s.source, s.value) for s in collect(root)[0].content_trust] == [("process", None)]


def test_systemd_units_from_unit_directories(root: Path) -> None:
    put(root, "/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd -H fd://\n")
    link(root, "/etc/systemd/system/docker.service", "/lib/systemd/system/docker.service")
    put(root, "/lib/systemd/system/docker.socket", "[Socket]\nListenStream=/run/docker.sock\nSocketGroup=docker\n")
    put(root, "/etc/systemd/system/docker.socket.d/tcp.conf",
        "[Socket]\nListenStream=\nListenStream=/run/docker.sock\nListenStream=127.0.0.1:2375\n")
    units = collect(root)[0].systemd
    assert units.docker_service == "/etc/systemd/system/docker.service"
    assert units.docker_socket == "/lib/systemd/system/docker.socket"
    assert units.socket_listen == ["/run/docker.sock", "127.0.0.1:2375"]


def test_no_units_anywhere(root: Path) -> None:
    units = collect(root)[0].systemd
    assert (units.docker_service, units.docker_socket, units.socket_listen) == (None, None, [])


AUDIT_LOG = """\
type=SYSCALL msg=audit(1700000000.100:41): arch=c000003e syscall=59 success=yes exit=0 uid=1000 gid=1000 comm="docker"
type=EXECVE msg=audit(1700000000.100:41): argc=5 a0="docker" a1="exec" a2="--privileged" a3="web" a4="sh"
type=SYSCALL msg=audit(1700000100.200:42): arch=c000003e syscall=59 success=yes exit=0 uid=0 gid=0 comm="docker"
type=EXECVE msg=audit(1700000100.200:42): argc=7 a0="/usr/bin/docker" a1="container" a2="exec" a3="-e" a4="TOKEN=hunter2" a5="web" a6=6C73202D6C61
type=EXECVE msg=audit(1700000200.300:43): argc=3 a0="docker" a1="ps" a2="-a"
"""


def test_docker_exec_records_are_parsed_with_uid_and_redacted_env(tmp_path):
    from dockerbench.collect.host import parse_docker_exec_records

    records = parse_docker_exec_records(AUDIT_LOG)
    assert [(r.time_unix, r.uid) for r in records] == [(1700000000, 1000), (1700000100, 0)]
    assert records[0].args == ["docker", "exec", "--privileged", "web", "sh"]
    assert records[1].args == ["/usr/bin/docker", "container", "exec", "-e", "TOKEN=<redacted>", "web", "ls -la"]
    assert "hunter2" not in str(records)


def test_no_audit_log_means_no_audit_trail(tmp_path):
    assert collect(base_host(tmp_path))[0].audit.docker_exec_records is None


def test_audit_log_present_gives_records(tmp_path):
    root = base_host(tmp_path)
    put(root, "/var/log/audit/audit.log", AUDIT_LOG)
    assert len(collect(root)[0].audit.docker_exec_records) == 2
