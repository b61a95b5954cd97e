# METADATA
# title: "Ensure only needed ports are open on the container"
# description: >-
#   Running containers. Whether a port is needed is the application owner's call, so the control
#   is manual, with every container's published and exposed ports as evidence. A container
#   started with --publish-all (-P), which publishes every EXPOSEd port on a random host port,
#   is reported for review.
# custom:
#   id: "5.8"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Expose and publish only the ports the service needs, using explicit -p mappings instead of
#     -P.
#   cis_v1_6_0: "5.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/#published-ports
#   scope: running containers
package cis_docker_1_1_0.c5_8

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_list

missing contains sprintf("container %s publish_all_ports (GET /containers/{id}/json failed)", [containers.name(c)]) if {
	some c in containers.running
	containers.is_uninspected(c)
}

not_applicable := containers.none_running

checked := containers.running_count

manual := "Confirm with the application owners that every published port is needed (see the ports per container in the evidence)"

evidence := {"containers": [entry(c) | some c in containers.running]}

entry(c) := {
	"name": containers.name(c),
	"published": published(c),
	"exposed": c.exposed_ports,
	"publish_all_ports": c.publish_all_ports,
}

# published: the container's ports that have a host port.
published(c) := [containers.port_mapping(p) | some p in c.ports; is_number(p.host_port)]

reviews contains result.finding(result.container(c), msg, ports, "explicit -p mappings of the needed ports only") if {
	some c in containers.running
	not containers.is_uninspected(c)
	c.publish_all_ports == true
	ports := published(c)
	msg := sprintf("container %s publishes every exposed port (--publish-all): %v port(s) published", [containers.name(c), count(ports)])
}
