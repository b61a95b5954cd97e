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
import data.lib.values

missing contains m if some m in containers.missing_list

missing contains sprintf("container %s processes (not collected: its inspect or GET /containers/{id}/top failed)", [containers.name(c)]) if {
	some c in containers.running
	not has_processes(c)
}

has_processes(c) if is_array(c.processes)

not_applicable := containers.none_running

checked := containers.running_count

violations contains result.finding(result.container(c), msg, ssh, "no SSH server process") if {
	some c in containers.running
	ssh := ssh_processes(c)
	count(ssh) > 0
	msg := sprintf("container %s runs an SSH server (%v process(es)): %s", [containers.name(c), count(ssh), ssh[0]])
}

# ssh_processes: the command lines of the container's SSH server processes, sorted (none when
# its processes were not collected: that is missing above).
ssh_processes(c) := sort([object.get(p, "args", "") | some p in values.items(c.processes); is_ssh_server(p)])

ssh_servers := {"sshd", "sshd-session", "sshd-auth", "dropbear"}

is_ssh_server(p) if executable(p.command) in ssh_servers

# executable: the command's base name, without the ":" OpenSSH appends when it retitles itself.
executable(command) := trim_suffix(base, ":") if {
	parts := split(command, "/")
	base := parts[count(parts) - 1]
}
