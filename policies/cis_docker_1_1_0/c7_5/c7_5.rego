# METADATA
# title: "Ensure Docker's secret management commands are used for managing secrets in a Swarm cluster"
# custom:
#   id: "7.5"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Store and distribute service credentials with docker secret and remove them from env vars
#     and images.
#   cis_v1_6_0: "7.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/secrets/
package cis_docker_1_1_0.c7_5

import data.lib.result
import data.lib.swarm
import data.lib.values

services := input.swarm.services

secrets := input.swarm.secrets

services_known if is_array(services)

secrets_known if is_array(secrets)

is_decided if {
	swarm.is_manager
	services_known
	secrets_known
}

missing contains m if some m in swarm.missing

missing contains swarm.locked_missing

missing contains "swarm.secrets (GET /secrets could not be collected on this manager)" if {
	swarm.is_manager
	not secrets_known
}

missing contains "swarm.services (GET /services could not be collected on this manager)" if {
	swarm.is_manager
	not services_known
}

not_applicable := swarm.inactive_reason

not_applicable := swarm.not_manager_reason

# Environment variables whose names look like credentials: the value should be a secret.
reviews contains result.finding(service_resource(s), msg, e.name, "a swarm secret") if {
	is_decided
	some s in services
	some e in s.env
	e.looks_secret == true
	msg := sprintf("service %s passes the environment variable %s, whose name looks like a secret: deliver it as a swarm secret", [s.name, e.name])
}

# service_resource is the finding resource of a swarm service.
service_resource(s) := {"kind": "swarm", "id": s.id, "name": s.name}

uses_secrets(s) if count(s.secret_names) > 0

services_with_secrets := [s | some s in values.items(services); uses_secrets(s)]

services_without_secrets := [s.name | some s in values.items(services); not uses_secrets(s)]

manual := sprintf("confirm that sensitive values reach services as swarm secrets, not as environment variables, configs or image content (%v secrets, %v of %v services use secrets)", [count(secrets), count(services_with_secrets), count(services)]) if is_decided

evidence := object.union(swarm.summary, {
	"secrets": [s.name | some s in secrets],
	"services_with_secrets": [{"service": s.name, "secrets": s.secret_names} | some s in services_with_secrets],
	"services_without_secrets": services_without_secrets,
}) if is_decided
