# METADATA
# title: "Ensure that Docker socket file permissions are set to 660 or more restrictive"
# custom:
#   id: "3.16"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chmod 660 (or stricter) the Docker socket (SocketMode= in docker.socket for persistence).
#   cis_v1_6_0: "3.16"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#     - https://docs.docker.com/engine/install/linux-postinstall/#manage-docker-as-a-non-root-user
package cis_docker_1_1_0.c3_16

import data.lib.files

# The default socket, every unix:// address of -H / "hosts" and docker.socket's ListenStream.
role := "docker_sock"

targets := files.with_role(role)

# One socket reached by two paths (/var/run/docker.sock through the /var/run symlink) once.
sockets := files.sockets(targets)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := sprintf("no Docker API unix socket exists on this host (looked at %s)", [concat(", ", [f.path | some f in targets])]) if {
	count(targets) > 0
	not files.any_unknown(targets)
	count(sockets) == 0
}

checked := count(sockets)

# A rootless daemon's socket in its $XDG_RUNTIME_DIR may also carry the sticky bit dockerd sets
# there (lib.files.mode_within: the XDG mark against clean-up, no permission).
violations contains files.mode_finding(f, 432) if {
	some f in sockets
	files.mode_known(f)
	not files.mode_within(f, 432) # 0o660
}
