# METADATA
# title: "Ensure node certificates are rotated as appropriate"
# custom:
#   id: "7.8"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Set the node certificate expiry to the rotation interval your policy requires (docker
#     swarm update --cert-expiry <duration>).
#   cis_v1_6_0: "7.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/how-swarm-mode-works/pki/
#     - https://docs.docker.com/reference/cli/docker/swarm/update/
package cis_docker_1_1_0.c7_8

import data.lib.params
import data.lib.result
import data.lib.swarm

# Spec.CAConfig.NodeCertExpiry: how long the node certificates the swarm CA issues are valid
# (default 90 days); nodes renew them before they expire.
expiry_ns := input.swarm.node_cert_expiry_ns

has_expiry if is_number(expiry_ns)

expiry_hours := expiry_ns / 3600000000000 if has_expiry

has_max if is_number(max_hours)

expected := sprintf("at most %vh", [max_hours])

max_hours := m if {
	m := params.value("node_cert_max_expiry_hours")
	is_number(m)
}

missing contains m if some m in swarm.missing

missing contains swarm.locked_missing

missing contains "swarm.node_cert_expiry_ns (the swarm CA configuration could not be read on this manager)" if {
	swarm.is_manager
	not has_expiry
}

not_applicable := swarm.inactive_reason

not_applicable := swarm.not_manager_reason

is_decided if {
	swarm.is_manager
	has_expiry
}

violations contains result.finding(result.swarm, msg, sprintf("%vh", [expiry_hours]), expected) if {
	is_decided
	expiry_hours > max_hours
	msg := sprintf("swarm node certificates are valid for %v hours, longer than the %v hours the organisation allows (node_cert_max_expiry_hours)", [expiry_hours, max_hours])
}

manual := sprintf("swarm node certificates are valid for %v hours (%v days): confirm this matches the rotation interval of your policy, or set the parameter node_cert_max_expiry_hours", [expiry_hours, expiry_hours / 24]) if {
	is_decided
	not has_max
}

checked := 1 if is_decided

default expiry_hours_or_null := null

expiry_hours_or_null := expiry_hours

evidence := object.union(swarm.summary, {
	"node_cert_expiry_hours": expiry_hours_or_null,
	"node_cert_max_expiry_hours": params.with_default("node_cert_max_expiry_hours", null),
	"node_cert": input.swarm.node_cert,
}) if swarm.is_active
