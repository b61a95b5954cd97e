"""Deterministic synthetic snapshots: a host with N containers of varied (mis)configuration.

Used by the engine conformance test and by benchmarks/evaluate_bench.py. Built through the
snapshot models, so they are always schema-valid.
"""

from __future__ import annotations

from datetime import datetime, timezone

from dockerbench._snapshot import (
    Audit,
    AuditRule,
    ConfigFile,
    Container,
    ContainerMount,
    Daemon,
    EngineInfo,
    EngineVersion,
    EnvVar,
    FileFact,
    Group,
    Healthcheck,
    HistoryEntry,
    Host,
    IdMapRange,
    Image,
    Listener,
    Meta,
    MountEntry,
    Network,
    PortBinding,
    Process,
    RestartPolicy,
    Rootless,
    RootlessUser,
    Snapshot,
    Swarm,
)

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)


def _file(role: str, path: str, mode: int, uid: int = 0, gid: int = 0, kind: str = "file") -> FileFact:
    return FileFact(role=role, path=path, exists=True, type=kind, uid=uid, gid=gid,  # type: ignore[arg-type]
                    owner="root" if uid == 0 else "alice", group={0: "root", 999: "docker"}.get(gid, "staff"),
                    mode=mode, mode_octal=f"{mode:04o}", mtime_unix=1_700_000_000)


def container(i: int) -> Container:
    """Container i: a different mix of good and bad settings for each residue."""
    k = i % 7
    running = i % 3 != 0
    return Container(
        id=f"{i:064x}", name=f"/app-{i}", image="registry.example.com/app:1.0" if k else "busybox:latest",
        image_id=f"sha256:{(i % 5):064x}", created_unix=1_700_000_000 + i, status="running" if running else "exited",
        running=running, pid=1000 + i if running else None, host_uid=0 if running else None,
        user="" if k in (0, 1) else ("root:0" if k == 2 else "1000"),
        privileged=k == 3, cap_add=["CAP_SYS_ADMIN"] if k == 4 else (["CAP_CHOWN"] if k == 5 else []),
        cap_drop=["ALL"] if k == 6 else [], apparmor_profile="" if k == 1 else "docker-default",
        security_opt=(["seccomp=unconfined"] if k == 2 else ["seccomp:unconfined"] if k == 5 else
                      ["no-new-privileges"] if k == 6 else ["no-new-privileges=false"] if k == 4 else []),
        mounts=([ContainerMount(type="bind", source="/etc", destination="/host-etc", rw=False, mode="ro", propagation="rprivate")] if k == 1 else
                [ContainerMount(type="bind", source="/var/run/docker.sock", destination="/var/run/docker.sock", rw=True, propagation="rprivate")] if k == 3 else
                [ContainerMount(type="bind", source="/srv/data", destination="/data", rw=True, propagation="rshared")] if k == 4 else
                [ContainerMount(type="bind", source="/etc/localtime", destination="/etc/localtime", rw=False, propagation="rprivate")] if k == 5 else []),
        ports=([PortBinding(container_port=80, protocol="tcp", host_ip="0.0.0.0", host_port=80)] if k == 0 else
               [PortBinding(container_port=8080, protocol="tcp", host_ip="127.0.0.1", host_port=8080 + i)] if k == 6 else []),
        publish_all_ports=k == 2, network_mode="host" if k == 1 else ("bridge" if k < 4 else "app-net"),
        networks=[] if k == 1 else (["bridge"] if k < 4 else ["app-net"]),
        pid_mode="host" if k == 2 else "", ipc_mode="host" if k == 3 else "private", uts_mode="host" if k == 4 else "",
        userns_mode="host" if k == 5 else "", memory=0 if k < 3 else 64 * 1024 * 1024,
        cpu_shares=0 if k < 2 else (1024 if k == 2 else 512), readonly_rootfs=k >= 5,
        restart_policy=RestartPolicy(name=["always", "unless-stopped", "on-failure", "on-failure", "no", "", "on-failure"][k],
                                     maximum_retry_count=[0, 0, 0, 10, 0, 0, 5][k]),
        cgroup_parent="/custom" if k == 3 else "", pids_limit=[None, 0, -1, 100, 200, None, 50][k],
        health_status=None if k < 4 else ("healthy" if k < 6 else "unhealthy"),
        healthcheck=Healthcheck(test=["CMD", "true"]) if k >= 4 else None, log_driver="json-file",
        labels={"app": f"app-{i}"}, env=[EnvVar(name="DB_PASSWORD", looks_secret=True)] if k == 0 else [],
        processes=[Process(pid=1000 + i, user="root", command="sshd" if k == 2 else "app", args="/app")] if running else None,
        exec_instances=[],
    )


def image(j: int) -> Image:
    return Image(
        id=f"sha256:{j:064x}", repo_tags=[f"registry.example.com/app:{j}.0"] if j else [],
        repo_digests=[], created_unix=1_690_000_000 + j, size=1_000_000, user="" if j % 2 == 0 else "app",
        healthcheck=Healthcheck(test=["CMD", "true"]) if j % 3 == 1 else (Healthcheck(test=["NONE"]) if j % 3 == 2 else None),
        exposed_ports=["80/tcp"], env=[EnvVar(name="PATH"), EnvVar(name="API_TOKEN", looks_secret=True)] if j == 1 else [EnvVar(name="PATH")],
        history=[HistoryEntry(created_by="/bin/sh -c #(nop) ADD file:abc in / "),
                 HistoryEntry(created_by="/bin/sh -c apt-get update" if j == 2 else "/bin/sh -c apt-get update && apt-get install -y curl"),
                 HistoryEntry(created_by="/bin/sh -c #(nop) ADD app.tar.gz /app" if j == 3 else "/bin/sh -c #(nop) COPY app /app")],
        setuid_files=[],
    )


def snapshot(n_containers: int, n_images: int = 5) -> Snapshot:
    """A complete, schema-valid snapshot of a busy, partly misconfigured host."""
    containers = [container(i) for i in range(n_containers)]
    running = sum(c.running for c in containers)
    files = [
        _file("docker.service", "/lib/systemd/system/docker.service", 0o644),
        _file("docker.socket", "/lib/systemd/system/docker.socket", 0o664),
        _file("etc_docker", "/etc/docker", 0o755, kind="dir"),
        _file("daemon_json", "/etc/docker/daemon.json", 0o640),
        _file("etc_default_docker", "/etc/default/docker", 0o477),
        _file("docker_sock", "/var/run/docker.sock", 0o660, gid=999, kind="socket"),
        _file("data_root", "/var/lib/docker", 0o710, kind="dir"),
        _file("dockerd_binary", "/usr/bin/dockerd", 0o755),
        _file("containerd_binary", "/usr/bin/containerd", 0o755),
        _file("runc_binary", "/usr/bin/runc", 0o755),
        FileFact(role="docker_binary", path="/usr/bin/docker", exists=False),
        FileFact(role="containerd_legacy_binary", path="/usr/bin/docker-containerd", exists=False),
        FileFact(role="runc_legacy_binary", path="/usr/bin/docker-runc", exists=False),
        FileFact(role="tls_ca", path="/etc/docker/ca.pem", exists=False),
        FileFact(role="etc_sysconfig_docker", path="/etc/sysconfig/docker", exists=False),
        _file("run_containerd", "/run/containerd", 0o711, kind="dir"),
        _file("containerd_sock", "/run/containerd/containerd.sock", 0o660, kind="socket"),
        FileFact(role="containerd_sock", path="/var/run/docker/containerd/containerd.sock", exists=False),
        _file("containerd_config", "/etc/containerd/config.toml", 0o644),
        FileFact(role="containerd_shim_binary", path="/usr/bin/containerd-shim", exists=False),
        FileFact(role="containerd_shim_runc_v1_binary", path="/usr/bin/containerd-shim-runc-v1", exists=False),
        _file("containerd_shim_runc_v2_binary", "/usr/bin/containerd-shim-runc-v2", 0o755),
    ]
    return Snapshot(
        meta=Meta(tool_version="test", collected_at=NOW, collected_at_unix=int(NOW.timestamp()), hostname="synthetic",
                  docker_host="unix:///var/run/docker.sock", host_root="/", duration_seconds=0.0),
        host=Host(
            mounts=[MountEntry(mount_point="/", source="/dev/vda1", fstype="ext4", device="254:1"),
                    MountEntry(mount_point="/var/lib/docker", source="/dev/vdb1", fstype="xfs", device="254:17")],
            fstab=[], docker_group=Group(name="docker", gid=999, members=["alice", "bob"]), groups_collected=True,
            audit=Audit(loaded=[AuditRule(origin="auditctl", text="-w /usr/bin/dockerd -k docker", path="/usr/bin/dockerd", key="docker"),
                                AuditRule(origin="auditctl", text="-w /etc/docker/daemon.json -k docker", path="/etc/docker/daemon.json", key="docker")],
                        persistent=[]),
            apparmor_enabled=True, selinux_enabled=False, selinux_enforcing=False,
            listeners=[Listener(address="0.0.0.0", port=2377, family="ipv4", pid=1, process="dockerd")],
            subuid=[], subgid=[],
        ),
        daemon=Daemon(
            pid=1, proxy_processes=2, exe="/usr/bin/dockerd", argv=["/usr/bin/dockerd", "-H", "fd://", "--icc=false", "--log-level", "debug"],
            flags={"host": ["fd://"], "icc": ["false"], "log-level": ["debug"]},
            config_file=ConfigFile(path="/etc/docker/daemon.json", state="parsed", content={"live-restore": True, "userland-proxy": False}),
            version=EngineVersion(version="20.10.24", api_version="1.41", experimental=False),
            info=EngineInfo(docker_root_dir="/var/lib/docker", driver="overlay2", logging_driver="json-file",
                            cgroup_driver="systemd", live_restore_enabled=True, security_options=["name=apparmor", "name=seccomp,profile=default"],
                            insecure_registry_cidrs=["127.0.0.0/8"], containers=n_containers, containers_running=running,
                            containers_stopped=n_containers - running, images=n_images),
        ),
        files=files,
        networks=[Network(id="n1", name="bridge", driver="bridge", scope="local", is_default_bridge=True,
                          options={"com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.enable_icc": "false"},
                          containers=[c.id for c in containers if "bridge" in c.networks]),
                  Network(id="n2", name="app-net", driver="bridge", scope="local"),
                  Network(id="n3", name="ingress", driver="overlay", scope="swarm", ingress=True)],
        images=[image(j) for j in range(n_images)],
        containers=containers,
        swarm=Swarm(local_node_state="active", control_available=True, node_id="node1", node_addr="10.0.0.1",
                    managers=2, nodes=3, autolock=False, node_cert_expiry_ns=90 * 24 * 3600 * 10**9,
                    node_list=[], secrets=[], services=[]),
    )


def rootless(base: Snapshot) -> Snapshot:
    """``base`` audited through a rootless daemon: alice (uid 1000, gid 1000) runs dockerd under
    rootlesskit, its socket in /run/user/1000 (in her namespace's docker group, the sticky bit
    set), its config dir, daemon.json, data root and user unit in her home, one file of them
    owned by another user; the system's files stay beside them."""
    ids = [IdMapRange(inside=0, outside=1000, count=1), IdMapRange(inside=1, outside=100000, count=65536)]
    user = RootlessUser(uid=1000, gid=1000, name="alice", group="alice", home="/home/alice",
                        xdg_runtime_dir="/run/user/1000", config_dir="/home/alice/.config/docker",
                        data_home="/home/alice/.local/share", uid_map=ids, gid_map=ids)
    home = "/home/alice"
    own = [
        _file("docker.service", f"{home}/.config/systemd/user/docker.service", 0o644, uid=1000, gid=1000),
        _file("etc_docker", f"{home}/.config/docker", 0o755, uid=1000, gid=1000, kind="dir"),
        _file("daemon_json", f"{home}/.config/docker/daemon.json", 0o600, uid=1000, gid=1000),
        _file("docker_sock", "/run/user/1000/docker.sock", 0o1660, uid=1000, gid=100998, kind="socket"),
        _file("data_root", f"{home}/.local/share/docker", 0o710, uid=1000, gid=1000, kind="dir"),
        _file("certs_d_dir", f"{home}/.config/docker/certs.d", 0o755, uid=1000, gid=1000, kind="dir"),
        _file("certs_d", f"{home}/.config/docker/certs.d/ca.crt", 0o444, uid=1001, gid=1000),
    ]
    system = [f for f in base.files if f.role not in ("daemon_json", "data_root")]
    daemon = base.daemon.model_copy(update={
        "argv": ["dockerd"], "flags": {}, "exe": "/usr/bin/dockerd",
        "config_file": ConfigFile(path=f"{home}/.config/docker/daemon.json", state="parsed", content={"icc": False}),
        "info": base.daemon.info.model_copy(update={
            "docker_root_dir": f"{home}/.local/share/docker",
            "security_options": ["name=seccomp,profile=default", "name=rootless"]}) if base.daemon.info else None,
        "rootless": Rootless(enabled=True, detected_by=["security_options", "process_user", "rootlesskit"], user=user),
    })
    return base.model_copy(update={
        "daemon": daemon, "files": [*system, *(f.model_copy(update={"rootless": True}) for f in own)],
        "meta": base.meta.model_copy(update={"docker_host": "unix:///run/user/1000/docker.sock"})})


def fixtures() -> dict[str, Snapshot]:
    """The fixture snapshots every engine and every profile is checked on: a busy host, an empty
    one, and the busy host with the facts a real collection can lose (containers and images, the
    whole engine, dockerd's command line), and the busy host audited through a rootless daemon."""
    full = snapshot(14)
    return {
        "busy-host": full,
        "empty-host": snapshot(0, n_images=0),
        "containers-not-collected": full.model_copy(update={"containers": None, "images": None}),
        "engine-unreachable": full.model_copy(update={
            "containers": None, "images": None, "networks": None, "swarm": None,
            "daemon": full.daemon.model_copy(update={"info": None, "version": None})}),
        "no-dockerd-argv": full.model_copy(update={"daemon": full.daemon.model_copy(update={"argv": None, "flags": {}})}),
        "rootless-daemon": rootless(full),
    }
