# METADATA
# title: "Ensure ssh is not run within containers"
# description: >-
#   Running containers only (a stopped container runs nothing). Processes come from the Engine's
#   top endpoint, never from an exec into the container. A process whose executable name is
#   sshd (also "sshd:" as OpenSSH retitles itself, the sshd-session / sshd-auth helpers of
#   OpenSSH 9.8+, or the dropbear SSH server) fails. A running container whose process list
#   could not be read is missing.
# custom:
#   id: "5.6"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove SSH servers from images and reach containers via docker exec/attach from the host.
#   cis_v1_6_0: "5.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/top/
#   scope: running containers
package cis_docker_1_1_0.c5_6

import data.lib.containers
import data.lib.result

# An array, not a set: regopy's sets are quadratic in their size (one entry per container).
missing := array.concat(["containers (the container list could not be collected)" | not containers.collected], unobserved)

unobserved := [sprintf("container %s processes (not collected: its inspect or GET /containers/{id}/top failed)", [containers.name(c)]) |
	some c in containers.listed
	c.running == true
	not has_processes(c)
]

has_processes(c) if is_array(c.processes)

not_applicable := containers.none_running

checked := containers.running_count

# An array, not a set: regopy's sets are quadratic in their size (one finding per container).
violations := [result.finding(result.container(c), msg, ssh, "no SSH server process") |
	some c in containers.listed
	c.running == true
	has_processes(c)
	ssh := sort([p.args | some p in c.processes; is_ssh_server(p)])
	count(ssh) > 0
	msg := sprintf("container %s runs an SSH server (%v process(es)): %s", [containers.name(c), count(ssh), ssh[0]])
]

ssh_servers := {"sshd", "sshd-session", "sshd-auth", "dropbear"}

is_ssh_server(p) if executable(p.command) in ssh_servers

# executable: the command's base name, without the ":" OpenSSH appends when it retitles itself.
executable(command) := trim_suffix(base, ":") if {
	parts := split(command, "/")
	base := parts[count(parts) - 1]
}
