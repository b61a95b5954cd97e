# METADATA
# title: "Ensure privileged ports are not mapped within containers"
# description: >-
#   Running containers (their effective published ports): a host port below 1024 fails; the
#   container-side port may be low. Ports exposed but not published have no host port and are
#   ignored. Published ports are list facts, so a container whose inspect failed is checked too.
# custom:
#   id: "5.7"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Publish container services on host ports >= 1024 (front with a load balancer/proxy if a
#     well-known port is needed).
#   cis_v1_6_0: "5.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/#published-ports
#   scope: running containers
package cis_docker_1_1_0.c5_7

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_list

not_applicable := containers.none_running

checked := containers.running_count

violations contains result.finding(result.container(c), msg, mapping, "host ports of 1024 or above") if {
	some c in containers.running
	some p in c.ports
	is_privileged_port(p.host_port)
	mapping := containers.port_mapping(p)
	msg := sprintf("container %s publishes %s on privileged host port %v", [containers.name(c), mapping, p.host_port])
}

# Port 0 is not a binding (the engine picks a port); null means not published.
is_privileged_port(port) if {
	is_number(port)
	port > 0
	port < 1024
}
