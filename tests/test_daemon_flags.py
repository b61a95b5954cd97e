"""dockerd argv parsing, daemon.json, defaults files and dockerd discovery on fixture hosts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from _hosttree import base_host, process, put

from dockerbench.collect import daemon
from dockerbench.collect._context import Context

D = "/usr/bin/dockerd"


@pytest.mark.parametrize(("argv", "expected"), [
    pytest.param([D], {}, id="no-flags"),
    pytest.param([D, "--log-level", "info"], {"log-level": ["info"]}, id="space-form"),
    pytest.param([D, "--log-level=debug"], {"log-level": ["debug"]}, id="equals-form"),
    pytest.param([D, "-H", "fd://", "--host=tcp://0.0.0.0:2376", "-H", "unix:///run/d.sock"],
                 {"host": ["fd://", "tcp://0.0.0.0:2376", "unix:///run/d.sock"]}, id="repeated"),
    pytest.param([D, "-l", "warn", "-s", "overlay2", "-G", "docker", "-b", "none", "-p", "/run/d.pid"],
                 {"log-level": ["warn"], "storage-driver": ["overlay2"], "group": ["docker"],
                  "bridge": ["none"], "pidfile": ["/run/d.pid"]}, id="short-forms"),
    pytest.param([D, "-Hunix:///x.sock", "-s=vfs"], {"host": ["unix:///x.sock"], "storage-driver": ["vfs"]},
                 id="short-attached-values"),
    pytest.param([D, "-D"], {"debug": ["true"]}, id="short-bool"),
    pytest.param([D, "-D", "--tls"], {"debug": ["true"], "tls": ["true"]}, id="bools-in-a-row"),
    pytest.param([D, "-Dl", "debug"], {"debug": ["true"], "log-level": ["debug"]}, id="short-cluster"),
    pytest.param([D, "-D=false"], {"debug": ["false"]}, id="short-bool-explicit"),
    pytest.param([D, "--icc=false"], {"icc": ["false"]}, id="icc-false"),
    pytest.param([D, "--icc", "--iptables=False", "--live-restore=1", "--userland-proxy=f"],
                 {"icc": ["true"], "iptables": ["false"], "live-restore": ["true"], "userland-proxy": ["false"]},
                 id="go-bool-spellings"),
    pytest.param([D, "--selinux-enabled", "positional"], {"selinux-enabled": ["true"]},
                 id="bool-never-consumes-next"),
    pytest.param([D, "--tlsverify", "--tlscacert", "/ca.pem", "--tlscert=/cert.pem", "--tlskey", "/key.pem"],
                 {"tlsverify": ["true"], "tlscacert": ["/ca.pem"], "tlscert": ["/cert.pem"], "tlskey": ["/key.pem"]},
                 id="tls"),
    pytest.param([D, "--graph", "/srv/docker"], {"data-root": ["/srv/docker"]}, id="legacy-graph"),
    pytest.param([D, "--graph=/a", "-g", "/b", "--data-root", "/c"], {"data-root": ["/a", "/b", "/c"]},
                 id="data-root-all-spellings"),
    pytest.param([D, "--insecure-registry", "a:5000", "--insecure-registry=b:5000"],
                 {"insecure-registry": ["a:5000", "b:5000"]}, id="repeated-list"),
    pytest.param([D, "--default-ulimit", "nofile=1024:2048", "--oom-score-adjust", "-500"],
                 {"default-ulimit": ["nofile=1024:2048"], "oom-score-adjust": ["-500"]}, id="negative-number-value"),
    pytest.param([D, "--no-new-privileges", "--experimental", "--init", "--raw-logs", "--rootless"],
                 {"no-new-privileges": ["true"], "experimental": ["true"], "init": ["true"],
                  "raw-logs": ["true"], "rootless": ["true"]}, id="more-bools"),
    pytest.param([D, "--some-new-bool", "--debug"], {"some-new-bool": ["true"], "debug": ["true"]},
                 id="unknown-flag-before-a-flag-is-a-bool"),
    pytest.param([D, "--debug", "--", "--icc=false"], {"debug": ["true"]}, id="double-dash-ends-flags"),
])
def test_parse_flags(argv: list[str], expected: dict[str, list[str]]) -> None:
    assert daemon.parse_flags(argv) == expected


# ----------------------------------------------------------------------------- fixture hosts


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return base_host(tmp_path)


def collect(root: Path, docker_host: str = "unix:///var/run/docker.sock") -> tuple[daemon.Daemon, Context]:
    ctx = Context(host_root=root)
    return daemon.collect(ctx, None, docker_host), ctx


def test_dockerd_serving_the_address_is_chosen_among_several(root: Path) -> None:
    process(root, 100, [D, "-H", "fd://"])
    process(root, 200, [D, "--host", "unix:///tmp/other.sock", "--icc=false", "--log-opt", "splunk-token=s3cr3t"],
            environ={"HOME": "/root", "DOCKER_CERT_PATH": "/etc/docker/tls", "AWS_SECRET_ACCESS_KEY": "x",
                     "PATH": "/usr/bin"}, exe=D)
    facts, _ = collect(root, "unix:///tmp/other.sock")
    assert (facts.pid, facts.exe) == (200, D)
    assert facts.flags["icc"] == ["false"]
    assert facts.environment == {"HOME": "/root", "DOCKER_CERT_PATH": "/etc/docker/tls"}
    assert facts.flags["log-opt"] == ["splunk-token=<redacted>"]
    assert "s3cr3t" not in " ".join(facts.argv or [])


def test_dockerd_from_pidfile_when_no_host_flag_matches(root: Path) -> None:
    process(root, 100, [D, "-H", "fd://"])
    process(root, 200, [D, "-H", "unix:///tmp/other.sock"])
    put(root, "/var/run/docker.pid", "100\n")
    assert collect(root, "unix:///nowhere.sock")[0].pid == 100


def test_single_dockerd_is_used_and_none_is_recorded(root: Path) -> None:
    facts, ctx = collect(root)
    assert (facts.pid, facts.argv, facts.flags) == (None, None, {})
    assert [(e.item, e.kind) for e in ctx.errors] == [("dockerd process", "missing")]
    process(root, 321, [D, "--debug"])
    assert collect(root)[0].pid == 321


def test_default_socket_matches_a_dockerd_without_host_flags(root: Path) -> None:
    process(root, 100, [D, "-H", "unix:///tmp/a.sock"])
    process(root, 200, [D, "--debug"])
    assert collect(root, "unix:///var/run/docker.sock")[0].pid == 200


def test_dockerd_listening_on_the_socket_file_we_use_wins_over_paths(root: Path, tmp_path: Path) -> None:
    """In a container the host's socket is bind-mounted, maybe at another path: its inode names the daemon."""
    process(root, 100, [D, "-H", "unix:///var/run/docker.sock"])  # the path we see is this one's
    process(root, 200, [D, "-H", "unix:///tmp/private/docker.sock"])
    for path in ("/var/run/docker.sock", "/tmp/private/docker.sock"):
        (root / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        os.mknod(root / path.lstrip("/"), stat.S_IFSOCK | 0o660)
    seen = tmp_path / "auditor" / "var" / "run"
    seen.mkdir(parents=True)
    os.link(root / "tmp/private/docker.sock", seen / "docker.sock")  # same inode, as a bind mount keeps it
    assert collect(root, f"unix://{seen}/docker.sock")[0].pid == 200
    assert collect(root, "unix:///var/run/docker.sock")[0].pid == 100


def test_daemon_json_parsed_with_secrets_redacted(root: Path) -> None:
    put(root, "/etc/docker/daemon.json",
        '{"icc": false, "log-driver": "splunk", "log-opts": {"splunk-token": "abc", "splunk-url": "https://u:pw@h"}}')
    config = collect(root)[0].config_file
    assert config is not None and config.state == "parsed"
    assert config.content == {"icc": False, "log-driver": "splunk",
                              "log-opts": {"splunk-token": "<redacted>", "splunk-url": "https://u:<redacted>@h"}}


def test_daemon_json_absent(root: Path) -> None:
    facts, ctx = collect(root)
    assert facts.config_file is not None
    assert (facts.config_file.path, facts.config_file.state) == ("/etc/docker/daemon.json", "absent")
    assert not [e for e in ctx.errors if e.item == "/etc/docker/daemon.json"]


def test_malformed_daemon_json_is_invalid_and_the_rest_is_still_collected(root: Path) -> None:
    put(root, "/etc/docker/daemon.json", '{\n  "icc": false,\n  "debug": tru\n}\n')
    put(root, "/etc/default/docker", 'DOCKER_OPTS="--icc=false"\n')
    process(root, 100, [D, "--iptables=false"], exe=D)
    facts, ctx = collect(root)
    assert facts.config_file is not None
    assert facts.config_file.state == "invalid"
    assert facts.config_file.error is not None and facts.config_file.error.startswith("line 3 column 12:")
    assert [(e.section, e.item, e.kind) for e in ctx.errors] == [("daemon", "/etc/docker/daemon.json", "invalid")]
    assert facts.flags == {"iptables": ["false"]}
    assert facts.defaults_files[0].options == ["--icc=false"]


def test_daemon_json_that_is_not_an_object_is_invalid(root: Path) -> None:
    put(root, "/etc/docker/daemon.json", '["icc"]')
    assert collect(root)[0].config_file.state == "invalid"  # type: ignore[union-attr]


def test_config_file_flag_names_the_daemon_json_read(root: Path) -> None:
    process(root, 100, [D, "--config-file", "/srv/daemon.json"])
    put(root, "/srv/daemon.json", '{"live-restore": true}')
    config = collect(root)[0].config_file
    assert config is not None
    assert (config.path, config.state, config.content) == ("/srv/daemon.json", "parsed", {"live-restore": True})


def test_defaults_files_parsed_and_absent_ones_listed(root: Path) -> None:
    put(root, "/etc/default/docker",
        '# Docker Upstart and SysVinit configuration file\n'
        'DOCKER_OPTS="--dns 8.8.8.8 --icc=false --log-opt \'labels=a b\'"\n'
        'export http_proxy="http://user:pw@proxy:3128/"\n')
    files = collect(root)[0].defaults_files
    assert [(f.path, f.state) for f in files] == [("/etc/default/docker", "parsed"),
                                                   ("/etc/sysconfig/docker", "absent")]
    assert files[0].options == ["--dns", "8.8.8.8", "--icc=false", "--log-opt", "labels=a b"]
    assert files[0].variables["http_proxy"] == "http://user:<redacted>@proxy:3128/"


def test_sysconfig_options_variable(root: Path) -> None:
    put(root, "/etc/sysconfig/docker", "OPTIONS='--selinux-enabled --log-driver=journald'\n")
    sysconfig = collect(root)[0].defaults_files[1]
    assert (sysconfig.state, sysconfig.options) == ("parsed", ["--selinux-enabled", "--log-driver=journald"])


def test_defaults_file_with_unbalanced_quotes_is_invalid(root: Path) -> None:
    put(root, "/etc/default/docker", 'DOCKER_OPTS="--icc=false\n')
    facts, ctx = collect(root)
    assert facts.defaults_files[0].state == "invalid"
    assert [e.item for e in ctx.errors if e.kind == "invalid"] == ["/etc/default/docker"]


# ----------------------------------------------------------------------------- engine answers


def test_engine_version_experimental_defaults_to_false() -> None:
    version = daemon.engine_version({
        "Version": "24.0.7", "ApiVersion": "1.43", "MinAPIVersion": "1.12", "Os": "linux",
        "Components": [{"Name": "Engine", "Version": "24.0.7"}, {"Name": "runc", "Version": "1.1.10"}],
    })
    assert version.experimental is False
    assert [(c.name, c.version) for c in version.components] == [("Engine", "24.0.7"), ("runc", "1.1.10")]


def test_engine_info_normalises_nulls_and_registry_config() -> None:
    info = daemon.engine_info({
        "DockerRootDir": "/var/lib/docker", "Debug": True, "Driver": "overlay2", "DriverStatus": None,
        "CgroupVersion": "2", "Plugins": {"Authorization": None},
        "SecurityOptions": ["name=seccomp,profile=builtin", "name=userns"],
        "RegistryConfig": {
            "InsecureRegistryCIDRs": ["127.0.0.0/8"],
            "IndexConfigs": {"reg:5000": {"Name": "reg:5000", "Mirrors": [], "Secure": False, "Official": False},
                             "docker.io": {"Name": "docker.io", "Mirrors": None, "Secure": True, "Official": True}},
        },
        "Runtimes": {"runc": {"path": "runc"}, "crun": {}}, "DefaultRuntime": "runc", "ContainersStopped": 3,
    })
    assert (info.debug, info.driver_status, info.cgroup_version, info.authorization_plugins) == (True, [], "2", [])
    assert [(c.name, c.secure, c.official) for c in info.index_configs] == [
        ("docker.io", True, True), ("reg:5000", False, False)]
    assert (info.runtimes, info.containers_stopped) == (["crun", "runc"], 3)


def test_no_api_gives_no_version_or_info(root: Path) -> None:
    facts, ctx = collect(root)
    assert (facts.version, facts.info) == (None, None)
    assert not [e for e in ctx.errors if e.item.startswith("daemon.")]


def test_failing_api_is_recorded_as_engine_error(root: Path) -> None:
    class Broken:
        @property
        def version(self) -> dict:
            raise ConnectionError("boom")

        info = {"NoDockerRootDir": True}  # noqa: RUF012 - a stand-in read by one test

    ctx = Context(host_root=root)
    facts = daemon.collect(ctx, Broken(), "unix:///x.sock")  # type: ignore[arg-type]
    assert (facts.version, facts.info) == (None, None)
    kinds = {e.item: e.kind for e in ctx.errors if e.item.startswith("daemon.")}
    assert kinds == {"daemon.version": "engine_error", "daemon.info": "invalid"}


def test_dockerd_start_time_comes_from_proc_stat(tmp_path):
    import os

    from _hosttree import BOOT_TIME

    root = base_host(tmp_path)
    process(root, 100, ["/usr/bin/dockerd", "-H", "unix:///run/docker.sock"])
    facts = daemon.collect(Context(host_root=root), None, "unix:///run/docker.sock")
    assert facts.started_unix == BOOT_TIME + 50000 // os.sysconf("SC_CLK_TCK")


def test_only_this_dockerds_proxies_are_counted(tmp_path):
    # Another dockerd's docker-proxy processes must not fail this daemon's 2.15.
    root = base_host(tmp_path)
    process(root, 100, ["/usr/bin/dockerd", "-H", "unix:///run/docker.sock"])
    process(root, 200, ["/usr/bin/dockerd", "-H", "unix:///run/other.sock"])
    for pid, parent in ((500, 100), (501, 100), (502, 200)):
        process(root, pid, ["/usr/bin/docker-proxy", "-proto", "tcp"], ppid=parent)
    facts = daemon.collect(Context(host_root=root), None, "unix:///run/docker.sock")
    assert (facts.pid, facts.proxy_processes) == (100, 2)


@pytest.mark.parametrize(("text", "problem"), [
    ('{"icc": "no"}', "'icc' must be true or false, not \"no\""),
    ('{"userland-proxy": 0}', "'userland-proxy' must be true or false, not 0"),
    ('{"log-driver": ["json-file"]}', "'log-driver' must be a string, not [\"json-file\"]"),
    ('{"hosts": "tcp://0.0.0.0:2375"}', "'hosts' must be a list, not \"tcp://0.0.0.0:2375\""),
    ('{"log-opts": "max-size=10m"}', "'log-opts' must be an object, not \"max-size=10m\""),
])
def test_a_wrong_typed_daemon_json_value_is_invalid_as_dockerd_would_refuse_it(root: Path, text: str, problem: str) -> None:
    put(root, "/etc/docker/daemon.json", text)
    process(root, 100, [D], exe=D)
    facts, ctx = collect(root)
    assert facts.config_file is not None
    assert (facts.config_file.state, facts.config_file.error, facts.config_file.content) == ("invalid", problem, None)
    assert [(e.section, e.item, e.kind) for e in ctx.errors] == [("daemon", "/etc/docker/daemon.json", "invalid")]


# ----------------------------------------------------------------------------- rootless

ROOTLESS_ENV = {"HOME": "/home/alice", "XDG_RUNTIME_DIR": "/run/user/1234", "ROOTLESSKIT_STATE_DIR": "/tmp/rk1",
                "ROOTLESSKIT_PARENT_EUID": "1234", "PATH": "/usr/bin", "REGISTRY_PASSWORD": "hunter2"}
ID_MAP = "         0       1234          1\n         1     100000      65536\n"


class InfoOnly:
    """An Engine API stand-in answering GET /info (and /version) only."""

    def __init__(self, security_options: list[str]) -> None:
        self.info = {"DockerRootDir": "/home/alice/.local/share/docker", "SecurityOptions": security_options}
        self.version = {"Version": "20.10.24", "ApiVersion": "1.41"}


def rootless_host(root: Path, environ: dict[str, str] = ROOTLESS_ENV) -> None:
    """A system dockerd (root, -H a private socket) and a rootless one (alice, no -H)."""
    process(root, 100, [D, "-H", "unix:///tmp/system.sock"], environ={"HOME": "/root"})
    process(root, 200, ["dockerd"], environ=environ, uid=1234, gid=4242, id_map=ID_MAP, exe=D)


def test_rootless_dockerd_is_the_one_on_its_runtime_dir_socket(root: Path) -> None:
    rootless_host(root)
    facts, ctx = collect(root, "unix:///run/user/1234/docker.sock")
    assert facts.pid == 200
    assert (facts.rootless.enabled, facts.rootless.detected_by) == (True, ["process_user", "rootlesskit"])
    assert not ctx.errors


def test_rootless_user_comes_from_the_dockerd_process_and_no_other_variable_is_kept(root: Path) -> None:
    rootless_host(root)
    facts, _ = collect(root, "unix:///run/user/1234/docker.sock")
    user = facts.rootless.user
    assert user is not None
    assert (user.uid, user.gid, user.name, user.group) == (1234, 4242, "alice", "docker")
    assert (user.home, user.xdg_runtime_dir, user.config_dir, user.data_home) == (
        "/home/alice", "/run/user/1234", "/home/alice/.config/docker", "/home/alice/.local/share")
    assert [(r.inside, r.outside, r.count) for r in user.gid_map or []] == [(0, 1234, 1), (1, 100000, 65536)]
    assert facts.environment == {"HOME": "/home/alice"}
    assert "hunter2" not in facts.model_dump_json()
    assert "rk1" not in facts.model_dump_json()


def test_rootless_daemon_json_is_read_from_the_config_dir(root: Path) -> None:
    rootless_host(root)
    put(root, "/home/alice/.config/docker/daemon.json", '{"icc": false}')
    put(root, "/etc/docker/daemon.json", '{"icc": true}')
    facts, _ = collect(root, "unix:///run/user/1234/docker.sock")
    assert facts.config_file is not None
    assert (facts.config_file.path, facts.config_file.content) == ("/home/alice/.config/docker/daemon.json",
                                                                   {"icc": False})


def test_xdg_config_home_moves_the_rootless_config_dir(root: Path) -> None:
    rootless_host(root, {**ROOTLESS_ENV, "XDG_CONFIG_HOME": "/srv/alice/conf", "XDG_DATA_HOME": "/srv/alice/data"})
    facts, _ = collect(root, "unix:///run/user/1234/docker.sock")
    assert facts.config_file is not None and facts.config_file.path == "/srv/alice/conf/docker/daemon.json"
    assert facts.rootless.user is not None and facts.rootless.user.data_home == "/srv/alice/data"


def test_a_rootful_dockerd_is_not_rootless(root: Path) -> None:
    rootless_host(root)
    facts, _ = collect(root, "unix:///tmp/system.sock")
    assert (facts.pid, facts.rootless.enabled, facts.rootless.detected_by, facts.rootless.user) == (100, False, [],
                                                                                                   None)
    assert facts.config_file is not None and facts.config_file.path == "/etc/docker/daemon.json"


def test_rootless_from_info_alone_has_no_user(root: Path) -> None:
    ctx = Context(host_root=root)
    facts = daemon.collect(ctx, InfoOnly(["name=seccomp,profile=default", "name=rootless"]),  # type: ignore[arg-type]
                           "unix:///run/user/1234/docker.sock")
    assert (facts.rootless.enabled, facts.rootless.detected_by, facts.rootless.user) == (True, ["security_options"],
                                                                                         None)


def test_rootless_unknown_without_info_or_process(root: Path) -> None:
    facts, _ = collect(root, "unix:///run/user/1234/docker.sock")
    assert (facts.rootless.enabled, facts.rootless.user) == (None, None)


def test_info_saying_rootless_of_a_root_dockerd_is_recorded(root: Path) -> None:
    process(root, 100, [D], exe=D)
    ctx = Context(host_root=root)
    facts = daemon.collect(ctx, InfoOnly(["name=rootless"]), "unix:///var/run/docker.sock")  # type: ignore[arg-type]
    assert (facts.rootless.enabled, facts.rootless.user) == (True, None)
    assert [(e.item, e.kind) for e in ctx.errors] == [("rootless user", "invalid")]
