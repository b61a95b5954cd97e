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
role := "docker_sock"

targets := files.with_role(role)

# One socket reached by two paths (/var/run/docker.sock through the /var/run symlink) once.
sockets := files.sockets(targets)

# A rootless daemon's sockets are its user's (lib.files.socket_owned_as_expected); every other
# socket is held to root:docker below.
system_sockets := [f | some f in sockets; not files.is_rootless_file(f)]

rootless_sockets := [f | some f in sockets; files.is_rootless_file(f)]

missing contains m if some m in files.owner_missing(targets)

missing contains m if some m in files.role_missing(role)

missing contains "host.docker_group (/etc/group could not be read, so the docker group is unknown)" if {
	count(sockets) > 0
	not groups_known
}

not_applicable := sprintf("no Docker API unix socket exists on this host (looked at %s)", [concat(", ", [f.path | some f in targets])]) if {
	count(targets) > 0
	not files.any_unknown(targets)
	count(sockets) == 0
}

checked := count(sockets)

groups_known if input.host.groups_collected == true

docker_gid := input.host.docker_group.gid if is_object(input.host.docker_group)

has_docker_group if is_number(docker_gid)

# /etc/group was read and has no docker group.
no_docker_group if {
	groups_known
	not has_docker_group
}

root_docker(f) if {
	f.uid == 0
	f.gid == docker_gid
}

violations contains files.owner_finding(f, "root:docker") if {
	some f in system_sockets
	files.owner_known(f)
	has_docker_group
	not root_docker(f)
	not files.root_owned(f)
}

violations contains result.finding(result.file(f), msg, files.owner(f), "root:docker") if {
	some f in system_sockets
	files.owner_known(f)
	no_docker_group
	not files.root_owned(f)
	msg := sprintf("%s is owned by %s, not root:docker (there is no docker group on this host)", [f.path, files.owner(f)])
}

# root:root is stricter than the benchmark asks (only root can use the socket), but it is not
# root:docker: a deviation a person confirms rather than a silent pass.
reviews contains result.finding(result.file(f), msg, "root:root", "root:docker") if {
	some f in system_sockets
	has_docker_group
	files.root_owned(f)
	msg := sprintf("%s is owned by root:root, stricter than the root:docker the benchmark asks: members of the docker group cannot use it", [f.path])
}

reviews contains result.finding(result.file(f), msg, "root:root", "root:docker") if {
	some f in system_sockets
	no_docker_group
	files.root_owned(f)
	msg := sprintf("%s is owned by root:root and there is no docker group on this host: stricter than the root:docker the benchmark asks (only root can use the socket)", [f.path])
}

violations contains files.owner_finding(f, files.expected_socket_owner) if {
	some f in rootless_sockets
	files.owner_known(f)
	files.owner_decidable(f)
	not files.socket_owned_as_expected(f)
}

note := sprintf("the rootless daemon's own socket (%s) is expected to be owned by %s, not root:docker", [files.paths_text(rootless_sockets), files.expected_socket_owner]) if {
	count(rootless_sockets) > 0
	files.expected_socket_owner
}

evidence := {
	"sockets": [f.path | some f in sockets],
	"docker_group": object.get(input.host, "docker_group", null),
}
