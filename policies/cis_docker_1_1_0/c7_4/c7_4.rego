# METADATA
# title: "Ensure data exchanged between containers are encrypted on different nodes on the overlay network"
# custom:
#   id: "7.4"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Create (or recreate) overlay networks with --opt encrypted.
#   cis_v1_6_0: "7.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/drivers/overlay/#encrypt-traffic-on-an-overlay-network
package cis_docker_1_1_0.c7_4

import data.lib.result
import data.lib.swarm
import data.lib.values

# Overlay networks are decided from GET /networks alone, so the control also runs when the
# swarm state could not be collected; only a node known to be outside any swarm is not
# applicable.
overlays := [n | some n in values.items(input.networks); n.driver == "overlay"]

networks_known if is_array(input.networks)

# The overlay driver encrypts when the "encrypted" option is present (its value is ignored).
default is_encrypted(_) := false

is_encrypted(n) if is_string(n.options.encrypted)

default is_ingress(_) := false

is_ingress(n) if n.ingress == true

is_ingress(n) if n.name == "ingress"

missing contains "networks (GET /networks could not be collected)" if {
	not swarm.is_inactive
	not networks_known
}

not_applicable := swarm.inactive_reason

not_applicable := "there are no overlay networks on this node" if {
	not swarm.is_inactive
	networks_known
	count(overlays) == 0
}

violations contains result.finding(result.network(n), msg, "not encrypted", "--opt encrypted") if {
	not swarm.is_inactive
	some n in overlays
	not is_encrypted(n)
	is_ingress(n)
	msg := sprintf("overlay network %s is the default ingress network and is not encrypted (recreate it with --opt encrypted)", [n.name])
}

violations contains result.finding(result.network(n), msg, "not encrypted", "--opt encrypted") if {
	not swarm.is_inactive
	some n in overlays
	not is_encrypted(n)
	not is_ingress(n)
	msg := sprintf("overlay network %s is not encrypted (created without --opt encrypted)", [n.name])
}

checked := count(overlays) if {
	not swarm.is_inactive
	networks_known
}

# A worker only sees the overlay networks its tasks use; a manager sees them all.
default complete_view := false

complete_view if swarm.is_manager

evidence := {
	"overlay_networks": [overlay_evidence(n) | some n in overlays],
	"complete_view": complete_view,
} if networks_known

overlay_evidence(n) := {"name": n.name, "id": n.id, "encrypted": is_encrypted(n), "ingress": is_ingress(n)}
