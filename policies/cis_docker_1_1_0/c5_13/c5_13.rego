# METADATA
# title: "Ensure incoming container traffic is binded to a specific host interface"
# custom:
#   id: "5.13"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Publish ports with an explicit host address (-p <host-ip>:<host-port>:<container-port>) or
#     set a specific default binding address for the daemon.
#   cis_v1_6_0: "5.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/#published-ports
package cis_docker_1_1_0.c5_13

import data.lib.containers
import data.lib.result

# Scope: running containers, whose ports are the effective bindings (NetworkSettings.Ports).
# The published ports are a list fact, so a container whose inspect failed is still judged
# here.
missing contains m if some m in containers.missing_list

not_applicable := containers.none_running

checked := containers.running_count

violations contains result.finding(result.container(c), msg, address(p), "a specific host address") if {
	some c in containers.running
	some p in c.ports
	is_published(p)
	binds_every_interface(p)
	msg := sprintf("container %s publishes %v/%s on %s, every host interface", [containers.name(c), p.container_port, p.protocol, address(p)])
}

is_published(p) if p.host_port != null

# 0.0.0.0, :: and an empty host IP all bind every interface.
binds_every_interface(p) if p.host_ip in {"0.0.0.0", "::", ""}

address(p) := sprintf("[%s]:%v", [p.host_ip, p.host_port]) if contains(p.host_ip, ":")

else := sprintf("%s:%v", [p.host_ip, p.host_port]) if p.host_ip != ""

else := sprintf("*:%v (empty host IP)", [p.host_port])
