"""The snapshot: one typed document holding every fact the 105 controls read.

These models ARE the contract between collectors and policies, and the single source of
``schemas/snapshot.schema.json`` (regenerate with ``python -m dockerbench.schemas``).

Conventions every policy relies on:

* ``None`` (JSON ``null``) means *not collected*; the reason is in ``meta.errors``. An empty list
  means *collected and empty*. Policies turn ``null`` into status ``error``, never ``pass``.
* Names are snake_case and stable across Docker versions; no raw API dumps.
* Times that policies compare are numbers (``*_unix`` epoch seconds, ``*_ns`` nanoseconds)
  computed by the collector, so evaluation is a pure function of the snapshot.
* File modes are the permission bits ``st_mode & 0o7777`` as an integer (``mode``), with
  ``mode_octal`` ("0644") for people.
* No secret material: environment values and build-arg values are redacted unless the caller
  opted in; the swarm unlock key, join tokens, secret values and private keys are never read.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator
from typing_extensions import Self

from ._errors import SnapshotError
from ._model import Document, Model, parse_document

# 1.1: inspect-only facts are null when inspected is false; host.interfaces.
# 1.2: meta.auditor_container_id, daemon.info.containerd_address.
# 1.3: daemon.rootless, files[].rootless.
SCHEMA_VERSION = "1.3"

ErrorKind = Literal["missing", "permission", "timeout", "unsupported", "engine_error", "invalid"]


# ----------------------------------------------------------------------------- meta


class FactError(Model):
    """A fact that could not be collected, and why."""

    section: str = Field(description="Snapshot section: host, daemon, files, images, ...")
    item: str = Field(description="What was being collected, e.g. 'auditctl -l' or a path")
    kind: ErrorKind
    message: str


class Meta(Model):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    collected_at: datetime = Field(description="UTC time collection started")
    collected_at_unix: int = Field(description="collected_at as epoch seconds: policies' 'now'")
    hostname: str | None
    docker_host: str | None = Field(description="Engine address used, e.g. unix:///var/run/docker.sock")
    host_root: str = Field(description="Where the host filesystem was read from ('/' on the host)")
    duration_seconds: float
    include_env_values: bool = Field(
        default=False, description="True only when the caller opted in to keep env values"
    )
    api_calls: int = Field(default=0, description="Docker Engine API requests made")
    auditor_container_id: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{64}$",
        description="Id of the container dockerbench ran in (from its /proc/self/cgroup or mountinfo); "
                    "null when it did not run in a container. Container controls leave that container out")
    errors: list[FactError] = Field(default_factory=list)


# ----------------------------------------------------------------------------- host


class OsInfo(Model):
    id: str | None = None
    version_id: str | None = None
    pretty_name: str | None = None
    kernel_release: str | None = None


class MountEntry(Model):
    """One line of the host's mountinfo."""

    mount_point: str
    source: str
    fstype: str
    device: str = Field(description="major:minor of the backing device")
    root: str = Field(default="/", description="Root of the mount within its filesystem")
    options: list[str] = Field(default_factory=list)


class FstabEntry(Model):
    device: str
    mount_point: str
    fstype: str
    options: list[str] = Field(default_factory=list)


class Group(Model):
    """A group and everyone in it: listed members and users whose primary group it is."""

    name: str
    gid: int
    members: list[str] = Field(default_factory=list)
    primary_members: list[str] = Field(default_factory=list)


class AuditRule(Model):
    """An audit rule, parsed enough to match whole paths."""

    origin: str = Field(description="'auditctl' for a loaded rule, else the rules file path")
    text: str
    path: str | None = Field(description="Path of -w, or of -F path= / -F dir=")
    key: str | None = None


class ExecRecord(Model):
    """A `docker exec` run seen in the audit log (EXECVE record), with option values redacted."""

    time_unix: int | None = None
    uid: int | None = None
    args: list[str] = Field(default_factory=list)


class Audit(Model):
    loaded: list[AuditRule] | None = Field(
        default=None, description="Rules from `auditctl -l`; null when they could not be read"
    )
    persistent: list[AuditRule] | None = Field(
        default=None,
        description="Rules from /etc/audit/audit.rules and rules.d/*.rules; null if unreadable",
    )
    docker_exec_records: list[ExecRecord] | None = Field(
        default=None,
        description="`docker exec` runs in /var/log/audit/audit.log; null when there is no readable log",
    )


class Listener(Model):
    """A listening TCP socket of the host."""

    address: str
    port: int
    family: Literal["ipv4", "ipv6"]
    pid: int | None = None
    process: str | None = None


class NetInterface(Model):
    """A network interface of the host's network namespace and its local addresses."""

    name: str
    addresses: list[str] = Field(default_factory=list, description="IPv4 and IPv6 addresses, without prefix length")


class SubIdRange(Model):
    name: str
    start: int
    count: int


class ContentTrustSetting(Model):
    source: str = Field(description="'process' (the auditor's environment) or a file path")
    value: str | None


class SystemdUnits(Model):
    docker_service: str | None = Field(default=None, description="FragmentPath of docker.service")
    docker_socket: str | None = Field(default=None, description="FragmentPath of docker.socket")
    socket_listen: list[str] = Field(
        default_factory=list, description="ListenStream= values of docker.socket"
    )


class Host(Model):
    os: OsInfo | None = None
    mounts: list[MountEntry] | None = None
    fstab: list[FstabEntry] | None = None
    docker_group: Group | None = Field(default=None, description="null when there is no docker group")
    groups_collected: bool = Field(
        default=False, description="True when /etc/group was read (so a null docker_group means absent)"
    )
    audit: Audit = Field(default_factory=Audit)
    apparmor_enabled: bool | None = None
    selinux_enabled: bool | None = None
    selinux_enforcing: bool | None = None
    listeners: list[Listener] | None = None
    interfaces: list[NetInterface] | None = Field(
        default=None, description="Interfaces of pid 1's network namespace with their addresses; null if unread")
    subuid: list[SubIdRange] | None = None
    subgid: list[SubIdRange] | None = None
    content_trust: list[ContentTrustSetting] = Field(default_factory=list)
    systemd: SystemdUnits = Field(default_factory=SystemdUnits)


# ----------------------------------------------------------------------------- daemon


class Component(Model):
    name: str
    version: str


class EngineVersion(Model):
    version: str
    api_version: str
    min_api_version: str | None = None
    experimental: bool = False
    os: str | None = None
    arch: str | None = None
    kernel_version: str | None = None
    components: list[Component] = Field(default_factory=list)


class IndexConfig(Model):
    name: str
    secure: bool
    official: bool = False
    mirrors: list[str] = Field(default_factory=list)


class EngineInfo(Model):
    """The facts of ``GET /info`` the controls use."""

    id: str | None = None
    name: str | None = None
    server_version: str | None = None
    docker_root_dir: str
    debug: bool = False
    driver: str | None = None
    driver_status: list[list[str]] = Field(default_factory=list)
    logging_driver: str | None = None
    cgroup_driver: str | None = None
    cgroup_version: str | None = None
    live_restore_enabled: bool = False
    experimental_build: bool = False
    security_options: list[str] = Field(default_factory=list)
    authorization_plugins: list[str] = Field(default_factory=list)
    insecure_registry_cidrs: list[str] = Field(default_factory=list)
    index_configs: list[IndexConfig] = Field(default_factory=list)
    containers: int = Field(default=0, ge=0)
    containers_running: int = Field(default=0, ge=0)
    containers_paused: int = Field(default=0, ge=0)
    containers_stopped: int = Field(default=0, ge=0)
    images: int = Field(default=0, ge=0)
    runtimes: list[str] = Field(default_factory=list)
    default_runtime: str | None = None
    kernel_version: str | None = None
    operating_system: str | None = None
    containerd_address: str | None = Field(
        default=None, description="GET /info Containerd.Address: the containerd socket dockerd uses (API 1.46+; "
        "null on older engines)")


class ConfigFile(Model):
    """A daemon configuration file: where, whether it was there, and what it says."""

    path: str
    state: Literal["parsed", "absent", "invalid", "unreadable"]
    content: dict[str, Any] | None = Field(
        default=None, description="Parsed JSON object (daemon.json) when state is 'parsed'"
    )
    error: str | None = None


class DefaultsFile(Model):
    """/etc/default/docker or /etc/sysconfig/docker: options handed to dockerd by init scripts."""

    path: str
    state: Literal["parsed", "absent", "invalid", "unreadable"]
    variables: dict[str, str] = Field(default_factory=dict)
    options: list[str] = Field(
        default_factory=list, description="DOCKER_OPTS / OPTIONS split like a shell would"
    )


class IdMapRange(Model):
    """One line of /proc/<pid>/uid_map or gid_map: ``count`` ids from ``inside`` in the user
    namespace are the host ids from ``outside``."""

    inside: int = Field(ge=0)
    outside: int = Field(ge=0)
    count: int = Field(ge=0)


class RootlessUser(Model):
    """The host account a rootless dockerd runs as, and where that daemon keeps its files."""

    uid: int = Field(ge=0, description="Real uid of the dockerd process as the host sees it (/proc/<pid>/status)")
    gid: int = Field(ge=0, description="Real gid of the dockerd process as the host sees it")
    name: str | None = Field(default=None, description="The uid's name in the host's /etc/passwd")
    group: str | None = Field(default=None, description="The gid's name in the host's /etc/group")
    home: str | None = Field(default=None, description="HOME of dockerd's environment")
    xdg_runtime_dir: str | None = Field(
        default=None, description="XDG_RUNTIME_DIR of dockerd's environment: the default socket is docker.sock there")
    config_dir: str | None = Field(
        default=None, description="Where the rootless dockerd reads daemon.json and certs.d: $XDG_CONFIG_HOME/docker, "
        "else $HOME/.config/docker")
    data_home: str | None = Field(
        default=None, description="$XDG_DATA_HOME, else $HOME/.local/share: the default data root is docker there")
    uid_map: list[IdMapRange] | None = Field(
        default=None, description="The host uids of dockerd's user namespace (/proc/<pid>/uid_map); null if unread")
    gid_map: list[IdMapRange] | None = Field(
        default=None, description="The host gids of dockerd's user namespace (/proc/<pid>/gid_map); null if unread")


class Rootless(Model):
    """Whether the daemon runs rootless (dockerd-rootless.sh: dockerd as a user, under rootlesskit)."""

    enabled: bool | None = Field(
        default=None, description="True when any sign below shows it; false when GET /info or the dockerd "
        "process was read and neither shows it; null when neither could be read")
    detected_by: list[Literal["security_options", "process_user", "rootlesskit"]] = Field(
        default_factory=list, description="security_options: GET /info SecurityOptions has name=rootless; "
        "process_user: dockerd runs as a uid other than 0; rootlesskit: dockerd's environment has "
        "ROOTLESSKIT_STATE_DIR")
    user: RootlessUser | None = Field(
        default=None, description="The user it runs as; null when not rootless or its process could not be read")


class Daemon(Model):
    pid: int | None = None
    started_unix: int | None = Field(default=None, description="When the running dockerd started (epoch seconds)")
    proxy_processes: int | None = Field(
        default=None, description="docker-proxy processes started by this dockerd (its children); null if unknown"
    )
    exe: str | None = Field(default=None, description="/proc/<pid>/exe of dockerd")
    argv: list[str] | None = Field(default=None, description="dockerd command line; null if unknown")
    flags: dict[str, list[str]] = Field(
        default_factory=dict,
        description="argv parsed: long flag name -> values in order; boolean flags give 'true'/'false'",
    )
    config_file: ConfigFile | None = None
    defaults_files: list[DefaultsFile] = Field(default_factory=list)
    environment: dict[str, str] = Field(
        default_factory=dict,
        description="Only DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG and HOME of dockerd",
    )
    version: EngineVersion | None = None
    info: EngineInfo | None = None
    rootless: Rootless = Field(default_factory=Rootless)


# ----------------------------------------------------------------------------- files


class FileFact(Model):
    """stat() of one path a control needs, or why it could not be stat'ed."""

    role: str = Field(description="Why this path is here, e.g. 'docker.service', 'tls_key'")
    path: str = Field(description="Path on the host (without host_root)")
    rootless: bool = Field(
        default=False, description="A file of the rootless daemon audited (its socket, configuration, data root, "
        "TLS files, user unit): its user owns it, not root")
    exists: bool | None = Field(description="null when existence could not be established")
    type: Literal["file", "dir", "socket", "symlink", "other"] | None = None
    resolved_path: str | None = Field(default=None, description="Target when path is a symlink")
    uid: int | None = None
    gid: int | None = None
    owner: str | None = None
    group: str | None = None
    mode: int | None = Field(default=None, ge=0, le=0o7777, description="st_mode & 0o7777")
    mode_octal: str | None = None
    mtime_unix: int | None = None
    error_kind: ErrorKind | None = None
    error: str | None = None


# ----------------------------------------------------------------------------- engine objects


class _Inspected(Model):
    """An Engine object whose inspect may fail: then only its list facts are facts.

    ``LIST_FACTS`` are the fields the list call gives; every other field comes from the
    inspect. When ``inspected`` is false those are null, whatever a document says (an older
    snapshot kept defaults there: they were never observed), so a policy that forgets the flag
    meets null, not a default that passes. When it is true they may not be null unless null is
    itself a fact (``NULLABLE``: not collected, no health check, ...).
    """

    LIST_FACTS: ClassVar[frozenset[str]] = frozenset()
    NULLABLE: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def inspect_only(cls) -> list[str]:
        return [name for name in cls.model_fields if name not in cls.LIST_FACTS]

    @model_validator(mode="before")
    @classmethod
    def _unobserved_are_null(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("inspected") is False:
            return {**data, **dict.fromkeys(cls.inspect_only())}
        return data

    @model_validator(mode="after")
    def _observed_are_facts(self) -> Self:
        if self.inspected:  # type: ignore[attr-defined]
            unset = [n for n in self.inspect_only() if n not in self.NULLABLE and getattr(self, n) is None]
            if unset:
                raise ValueError(f"inspected, yet {', '.join(unset)} is null (null only when inspected is false)")
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        strict = sorted(n for n in cls.inspect_only() if n not in cls.NULLABLE)
        schema["allOf"] = [
            {"if": {"properties": {"inspected": {"const": False}}, "required": ["inspected"]},
             "then": {"properties": {n: {"type": "null"} for n in cls.inspect_only()}},
             "else": {"properties": {n: {"not": {"type": "null"}} for n in strict}}},
        ]
        return schema


class EnvVar(Model):
    name: str
    looks_secret: bool = False
    value: str | None = Field(default=None, description="Only present with include_env_values")


class Healthcheck(Model):
    test: list[str] = Field(default_factory=list)
    interval_ns: int | None = None
    timeout_ns: int | None = None
    retries: int | None = None


class HistoryEntry(Model):
    created_by: str = Field(description="Layer command, with ENV/ARG/build-arg values redacted")
    created_unix: int | None = None
    empty_layer: bool = False


class SpecialFile(Model):
    path: str
    mode: int
    setuid: bool
    setgid: bool


class Image(_Inspected):
    LIST_FACTS: ClassVar[frozenset[str]] = frozenset(
        {"id", "inspected", "repo_tags", "repo_digests", "created_unix", "size", "labels", "history", "setuid_files"})
    NULLABLE: ClassVar[frozenset[str]] = frozenset({"healthcheck"})

    id: str  # id and inspected first: read for every image (see Container)
    inspected: bool = Field(
        default=True,
        description="False when GET /images/{id}/json failed: only the list facts (id, tags, digests, "
        "created, size, labels; history and setuid files come from their own calls) are real and every "
        "other fact is null",
    )
    repo_tags: list[str] = Field(default_factory=list)
    repo_digests: list[str] = Field(default_factory=list)
    created_unix: int | None = None
    size: int | None = None
    user: str | None = ""
    healthcheck: Healthcheck | None = None
    exposed_ports: list[str] | None = Field(default_factory=list)
    env: list[EnvVar] | None = Field(default_factory=list)
    labels: dict[str, str] = Field(default_factory=dict)
    history: list[HistoryEntry] | None = None
    setuid_files: list[SpecialFile] | None = Field(
        default=None, description="Regular files with setuid/setgid from the layer tars; null if not scanned"
    )


class ContainerMount(Model):
    type: str
    source: str
    destination: str
    rw: bool
    mode: str = ""
    propagation: str = ""


class PortBinding(Model):
    container_port: int
    protocol: str
    host_ip: str
    host_port: int | None


class RestartPolicy(Model):
    name: str = ""
    maximum_retry_count: int = 0


class Device(Model):
    path_on_host: str
    path_in_container: str
    cgroup_permissions: str = ""


class Ulimit(Model):
    name: str
    soft: int
    hard: int


class Process(Model):
    pid: int | None = None
    user: str | None = None
    command: str = Field(description="Executable name (ps comm)")
    args: str = ""


class ExecInstance(Model):
    id: str
    privileged: bool = False
    user: str = ""
    running: bool = False


class Container(_Inspected):
    # Keys read for every container come first, then those the most controls read; keys no
    # built-in control reads come last: the order a reader of the JSON meets them in.
    LIST_FACTS: ClassVar[frozenset[str]] = frozenset(
        {"id", "name", "inspected", "running", "status", "labels", "mounts", "ports", "network_mode", "networks",
         "image", "image_id", "created_unix"})
    NULLABLE: ClassVar[frozenset[str]] = frozenset(
        {"exec_instances", "pids_limit", "health_status", "healthcheck", "processes", "pid", "host_uid", "log_driver"})

    id: str
    name: str
    inspected: bool = Field(
        default=True,
        description="False when GET /containers/{id}/json failed: only the list facts (id, name, image, "
        "state, labels, ports, mounts, network mode and networks) are real and every other fact is null",
    )
    running: bool
    status: str = Field(description="created, running, paused, restarting, removing, exited, dead")
    labels: dict[str, str] = Field(default_factory=dict)
    privileged: bool | None = False
    security_opt: list[str] | None = Field(default_factory=list)
    mounts: list[ContainerMount] = Field(default_factory=list)
    ports: list[PortBinding] = Field(
        default_factory=list,
        description="Published ports: effective (NetworkSettings) when running, else requested",
    )
    network_mode: str = Field(
        default="", description="HostConfig.NetworkMode: bridge (also for the 'default' engines before 26.1 "
        "write), host, none, container:<id> or a network name")
    exec_instances: list[ExecInstance] | None = Field(
        default=None, description="Exec instances the engine still remembers; null if not collected"
    )
    image_id: str
    image: str = Field(description="Image reference as requested (Config.Image)")
    user: str | None = ""
    apparmor_profile: str | None = ""
    process_label: str | None = ""
    memory: int | None = 0
    cpu_shares: int | None = 0
    readonly_rootfs: bool | None = False
    pid_mode: str | None = ""
    ipc_mode: str | None = ""
    uts_mode: str | None = ""
    userns_mode: str | None = ""
    devices: list[Device] | None = Field(default_factory=list)
    device_cgroup_rules: list[str] | None = Field(default_factory=list)
    ulimits: list[Ulimit] | None = Field(default_factory=list)
    cgroup_parent: str | None = ""
    pids_limit: int | None = Field(default=None, description="HostConfig.PidsLimit when positive; null is no limit "
                                   "(the engine's null, 0 or -1)")
    restart_policy: RestartPolicy | None = Field(default_factory=RestartPolicy)
    created_unix: int | None = None
    health_status: str | None = Field(default=None, description="State.Health.Status; null without a health check")
    healthcheck: Healthcheck | None = None
    cap_add: list[str] | None = Field(
        default_factory=list, description="Capabilities as CAP_<NAME> in upper case ('ALL' stays 'ALL')"
    )
    cap_drop: list[str] | None = Field(
        default_factory=list, description="Capabilities as CAP_<NAME> in upper case ('ALL' stays 'ALL')"
    )
    processes: list[Process] | None = Field(
        default=None, description="From the Engine's top endpoint (running only); null if not collected"
    )
    exposed_ports: list[str] | None = Field(default_factory=list)
    publish_all_ports: bool | None = False
    networks: list[str] = Field(default_factory=list, description="Names of attached networks")
    pid: int | None = None
    host_uid: int | None = Field(default=None, description="Host UID of the main process (running only)")
    mount_label: str | None = ""
    binds: list[str] | None = Field(default_factory=list)
    log_driver: str | None = None
    env: list[EnvVar] | None = Field(default_factory=list)


class Network(Model):
    id: str
    name: str
    driver: str
    scope: str
    internal: bool = False
    attachable: bool = False
    ingress: bool = False
    is_default_bridge: bool = False
    options: dict[str, str] = Field(default_factory=dict)
    containers: list[str] = Field(default_factory=list, description="IDs of attached containers")
    inspected: bool = Field(
        default=True,
        description="False when GET /networks/{id} failed: containers is then unknown (empty), not empty",
    )


# ----------------------------------------------------------------------------- swarm


class CertFacts(Model):
    path: str
    not_before_unix: int | None = None
    not_after_unix: int | None = None
    mtime_unix: int | None = None
    age_seconds: int | None = Field(default=None, description="collected_at - not_before")


class SwarmNode(Model):
    id: str
    hostname: str | None = None
    role: str
    leader: bool = False
    reachability: str | None = None
    manager_addr: str | None = None
    addr: str | None = None
    state: str | None = None
    availability: str | None = None


class SwarmSecret(Model):
    id: str
    name: str
    created_unix: int | None = None


class SwarmService(Model):
    id: str
    name: str
    secret_names: list[str] = Field(default_factory=list)
    env: list[EnvVar] = Field(default_factory=list)


class Swarm(Model):
    local_node_state: str = Field(description="inactive, pending, active, locked, error")
    control_available: bool = False
    node_id: str | None = None
    node_addr: str | None = None
    managers: int | None = None
    nodes: int | None = None
    autolock: bool | None = Field(default=None, description="Spec.EncryptionConfig.AutoLockManagers")
    node_cert_expiry_ns: int | None = None
    root_rotation_in_progress: bool | None = None
    root_ca: CertFacts | None = None
    node_cert: CertFacts | None = None
    node_list: list[SwarmNode] | None = Field(default=None, description="Managers only")
    secrets: list[SwarmSecret] | None = Field(default=None, description="Names only; managers only")
    services: list[SwarmService] | None = Field(default=None, description="Managers only")


# ----------------------------------------------------------------------------- the document


class Snapshot(Document):
    """Everything collected from one Docker host at one moment."""

    meta: Meta
    host: Host = Field(default_factory=Host)
    daemon: Daemon = Field(default_factory=Daemon)
    files: list[FileFact] = Field(default_factory=list)
    networks: list[Network] | None = None
    images: list[Image] | None = None
    containers: list[Container] | None = None
    swarm: Swarm | None = None

    def errors_for(self, section: str) -> list[FactError]:
        """The collection errors recorded for one section."""
        return [e for e in self.meta.errors if e.section == section]


def load_snapshot(source: str | Path | bytes) -> Snapshot:
    """Read and validate a snapshot from a path, JSON text or bytes.

    Validation is strict, as ``schemas/snapshot.schema.json`` is: ``"privileged": "no"`` or
    ``0`` is not a boolean, so it cannot make a privileged container pass 5.4. Raises
    :class:`SnapshotError` with a one-line reason (file, JSON position or the first schema
    violation) when the input is unreadable, not JSON, or not a snapshot.
    """
    snap, where = parse_document(Snapshot, source, "snapshot", SnapshotError, {
        "report": "evaluate reads what `dockerbench snapshot` writes"})
    if snap.meta.schema_version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SnapshotError(
            f"{where}: snapshot schema {snap.meta.schema_version} is not supported "
            f"(this dockerbench reads {SCHEMA_VERSION})"
        )
    return snap

