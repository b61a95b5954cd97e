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

# An array, not a set: regopy's sets are quadratic in their size (one entry per container).
missing := array.concat(["containers (the container list could not be collected)" | not containers.collected], uninspected)

uninspected := [sprintf("container %s publish_all_ports (GET /containers/{id}/json failed)", [containers.name(c)]) |
	some c in containers.listed
	c.running == true
	not is_inspected(c)
]

is_inspected(c) if object.get(c, "inspected", true) != false

not_applicable := containers.none_running

checked := containers.running_count

manual := "Confirm with the application owners that every published port is needed (see the ports per container in the evidence)"

evidence := {"containers": [entry(c) | some c in containers.listed; c.running == true]}

entry(c) := {
	"name": containers.name(c),
	"published": [mapping(p) | some p in c.ports; is_number(p.host_port)],
	"exposed": c.exposed_ports,
	"publish_all_ports": c.publish_all_ports,
}

# An array, not a set: regopy's sets are quadratic in their size (one finding per container).
reviews := [result.finding(result.container(c), msg, published, "explicit -p mappings of the needed ports only") |
	some c in containers.listed
	c.running == true
	is_inspected(c)
	c.publish_all_ports == true
	published := [mapping(p) | some p in c.ports; is_number(p.host_port)]
	msg := sprintf("container %s publishes every exposed port (--publish-all): %v port(s) published", [containers.name(c), count(published)])
]

mapping(p) := sprintf("%s:%v->%v/%s", [host_ip(p), p.host_port, p.container_port, p.protocol])

host_ip(p) := "*" if p.host_ip == ""

else := sprintf("[%s]", [p.host_ip]) if contains(p.host_ip, ":")

else := p.host_ip
