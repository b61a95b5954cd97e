# METADATA
# title: "Ensure that Docker socket file ownership is set to root:docker"
# custom:
#   id: "3.15"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chown root:docker the Docker socket (for socket activation set SocketUser/SocketGroup in
#     docker.socket so it persists).
#   cis_v1_6_0: "3.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#     - https://docs.docker.com/engine/install/linux-postinstall/#manage-docker-as-a-non-root-user
package cis_docker_1_1_0.c3_15

import data.lib.files
import data.lib.result

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

missing contains "host.docker_group (/etc/group could not be read, so the docker group is unknown)" if {
	count(sockets) > 0
	input.host.groups_collected != true
}

docker_gid := input.host.docker_group.gid if is_object(input.host.docker_group)

has_docker_group if is_number(docker_gid)

is_root_root(f) if {
	f.uid == 0
	f.gid == 0
}

is_root_docker(f) if {
	f.uid == 0
	f.gid == docker_gid
}

violations contains result.finding(result.file(f), msg, files.owner(f), "root:docker") if {
	some f in sockets
	has_docker_group
	not is_root_docker(f)
	not is_root_root(f)
	msg := sprintf("%s is owned by %s, not root:docker", [f.path, files.owner(f)])
}

violations contains result.finding(result.file(f), msg, files.owner(f), "root:docker") if {
	some f in sockets
	input.host.groups_collected == true
	not has_docker_group
	not is_root_root(f)
	msg := sprintf("%s is owned by %s, not root:docker (there is no docker group on this host)", [f.path, files.owner(f)])
}

# root:root is stricter than the benchmark asks (only root can use the socket), but it is not
# root:docker: a deviation a person confirms rather than a silent pass.
reviews contains result.finding(result.file(f), msg, "root:root", "root:docker") if {
	some f in sockets
	has_docker_group
	is_root_root(f)
	msg := sprintf("%s is owned by root:root, stricter than the root:docker the benchmark asks: members of the docker group cannot use it", [f.path])
}

reviews contains result.finding(result.file(f), msg, "root:root", "root:docker") if {
	some f in sockets
	input.host.groups_collected == true
	not has_docker_group
	is_root_root(f)
	msg := sprintf("%s is owned by root:root and there is no docker group on this host: stricter than the root:docker the benchmark asks (only root can use the socket)", [f.path])
}

evidence := {
	"sockets": [f.path | some f in sockets],
	"docker_group": object.get(input.host, "docker_group", null),
}
