# METADATA
# title: "Ensure Docker's default bridge docker0 is not used"
# custom:
#   id: "5.29"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Create user-defined networks and attach containers to them instead of the default bridge.
#   cis_v1_6_0: "5.30"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/drivers/bridge/#differences-between-user-defined-bridges-and-the-default-bridge
package cis_docker_1_1_0.c5_29

import data.lib.containers
import data.lib.result
import data.lib.values

# Informational (not scored). Scope: every container, running or stopped: a stopped container
# rejoins its networks when started. A container is on the default bridge when its network
# mode is "default" or "bridge", when it is connected to the default bridge network (named
# "bridge"; found by its com.docker.network.bridge.default_bridge option), or when that
# network lists it. Network facts are list facts, so inspect failures do not matter here, and
# the container side alone decides when the networks could not be listed.
missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

default_bridges := [n | some n in values.items(input.networks); n.is_default_bridge == true]

bridge_names := {n.name | some n in default_bridges} | {"bridge"}

# bridge_members: the ids of the containers the default bridge network lists.
bridge_members := {id | some n in default_bridges; some id in n.containers}

# interface: the default bridge's Linux bridge, docker0 unless its options name another.
default interface := "docker0"

interface := default_bridges[0].options["com.docker.network.bridge.name"]

on_default_bridge(c) if c.network_mode in {"default", "bridge"}

on_default_bridge(c) if {
	some name in c.networks
	name in bridge_names
}

on_default_bridge(c) if c.id in bridge_members

reviews contains result.finding(result.container(c), msg, "default bridge", "a user-defined network") if {
	some c in containers.listed
	on_default_bridge(c)
	msg := sprintf("container %s is attached to the default bridge network (%s, status %s); use a user-defined network", [containers.name(c), interface, c.status])
}

evidence := {"networks_collected": is_array(input.networks), "default_bridge_interface": interface}
