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
targets := files.with_role("docker_sock")

# Present paths that are sockets; one socket reached by two paths (/var/run/docker.sock is
# /run/docker.sock through the /var/run symlink) is checked once, under its shortest path.
sockets := [f | some f in targets; is_socket(f); not is_shadowed(f)]

is_socket(f) if {
	files.present(f)
	f.type == "socket"
}

real_path(f) := f.resolved_path if is_string(f.resolved_path)

else := f.path

is_shadowed(f) if {
	some g in targets
	is_socket(g)
	real_path(g) == real_path(f)
	g.path < f.path
}

missing contains m if some m in files.missing(targets)

missing contains "files (no docker_sock file fact was collected)" if count(targets) == 0

not_applicable := concat("", ["no Docker API unix socket exists on this host (looked at ", concat(", ", [f.path | some f in targets]), ")"]) if {
	count(targets) > 0
	not files.any_unknown(targets)
	count(sockets) == 0
}

checked := count(sockets)

violations := files.mode_violations(sockets, 432) # 0o660
