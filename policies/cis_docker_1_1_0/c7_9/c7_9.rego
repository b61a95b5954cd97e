# METADATA
# title: "Ensure CA certificates are rotated as appropriate"
# custom:
#   id: "7.9"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Rotate the swarm root CA on the schedule your policy sets (docker swarm ca --rotate).
#   cis_v1_6_0: "7.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/how-swarm-mode-works/pki/#rotating-the-ca-certificate
#     - https://docs.docker.com/reference/cli/docker/swarm/ca/
package cis_docker_1_1_0.c7_9

import data.lib.params
import data.lib.result
import data.lib.swarm

# Age of the swarm root CA certificate (collected_at - NotBefore of
# <DockerRootDir>/swarm/certificates/swarm-root-ca.crt), present on every node.
age_seconds := input.swarm.root_ca.age_seconds

has_age if is_number(age_seconds)

age_days := floor(age_seconds / 86400) if has_age

has_max if is_number(max_days)

expected := sprintf("at most %v days", [max_days])

max_days := m if {
	m := params.value("ca_max_age_days")
	is_number(m)
}

missing contains m if some m in swarm.missing

missing contains "swarm.root_ca (the age of the swarm root CA certificate could not be read)" if {
	swarm.is_active
	not has_age
}

not_applicable := swarm.inactive_reason

is_decided if {
	swarm.is_active
	has_age
}

violations contains result.finding(result.swarm, msg, sprintf("%v days", [age_days]), expected) if {
	is_decided
	age_seconds > max_days * 86400
	msg := sprintf("the swarm root CA was issued %v days ago, longer ago than the %v days the organisation allows (ca_max_age_days): rotate it with docker swarm ca --rotate", [age_days, max_days])
}

manual := sprintf("the swarm root CA was issued %v days ago: confirm this is within the rotation interval of your policy, or set the parameter ca_max_age_days", [age_days]) if {
	is_decided
	not has_max
}

checked := 1 if is_decided

default age_days_or_null := null

age_days_or_null := age_days

evidence := object.union(swarm.summary, {
	"root_ca_age_days": age_days_or_null,
	"ca_max_age_days": params.with_default("ca_max_age_days", null),
	"root_ca": input.swarm.root_ca,
	"root_rotation_in_progress": input.swarm.root_rotation_in_progress,
}) if swarm.is_active
