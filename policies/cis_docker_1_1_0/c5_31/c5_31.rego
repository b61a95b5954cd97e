# METADATA
# title: "Ensure the Docker socket is not mounted inside any containers"
# custom:
#   id: "5.31"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: critical
#   remediation: >-
#     Never mount the Docker socket into containers; use a narrowly scoped API proxy if a
#     container truly needs engine access.
#   cis_v1_6_0: "5.32"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#     - https://docs.docker.com/engine/security/protect-access/
package cis_docker_1_1_0.c5_31

import data.lib.containers
import data.lib.result
import data.lib.runtime

# Scope: every container, running or stopped. Mounts are list facts, so inspect failures do
# not matter here.
#
# Fails: a mount whose host source is a Docker API socket - /var/run/docker.sock,
# /run/docker.sock, any unix:// host of dockerd, docker.socket's ListenStream, the stat'ed
# docker_sock files - or any path ending in docker.sock. A read-only mount does not help:
# connect() on a socket ignores the mount's ro flag.
# Review: a bind mount of a directory that holds one of those sockets (e.g. -v /var/run:/host/run)
# exposes it too, unless /var/run is a symlink the container does not follow; a person checks.
missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, m.source, "no Docker socket mounted") if {
	some c in containers.listed
	some m in c.mounts
	runtime.is_docker_socket(m.source)
	msg := sprintf("container %s mounts the Docker socket %s at %s%s", [containers.name(c), m.source, m.destination, ro_note(m)])
}

reviews contains result.finding(result.container(c), msg, m.source, "no Docker socket mounted") if {
	some c in containers.listed
	some m in c.mounts
	m.type == "bind"
	not runtime.is_docker_socket(m.source)
	some socket in runtime.socket_below(m.source)
	msg := sprintf("container %s mounts %s at %s, which holds the Docker socket %s", [containers.name(c), m.source, m.destination, socket])
}

ro_note(m) := " (read-only, which does not protect a socket)" if m.rw == false

else := ""

evidence := {"docker_socket_paths": sort(runtime.socket_paths)}
