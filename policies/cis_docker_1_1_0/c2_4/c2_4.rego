# METADATA
# title: "Ensure insecure registries are not used"
# custom:
#   id: "2.4"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Remove insecure registry settings and serve every private registry over TLS with its CA
#     placed in /etc/docker/certs.d/<registry>/.
#   cis_v1_6_0: "2.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/#insecure-registries
package cis_docker_1_1_0.c2_4

import data.lib.daemon
import data.lib.result

# Configured: --insecure-registry (repeatable) and "insecure-registries". Effective: GET /info
# RegistryConfig.InsecureRegistryCIDRs and IndexConfigs with Secure false. The engine always
# lists loopback (127.0.0.0/8, and ::1/128 on newer engines) as insecure by itself: ignored
# there. Each registry is one finding, naming where it was seen.
builtin_loopback := {"127.0.0.0/8", "::1/128"}

configured := {r | some r in daemon.list_option("insecure-registry", "insecure-registries"); is_string(r)}

effective_cidrs := {c | some c in input.daemon.info.insecure_registry_cidrs; not c in builtin_loopback}

insecure_indexes := {i.name | some i in input.daemon.info.index_configs; i.secure == false}

insecure := (configured | effective_cidrs) | insecure_indexes

sources := [
	{"set": configured, "label": "configured (--insecure-registry / insecure-registries)"},
	{"set": effective_cidrs, "label": "GET /info InsecureRegistryCIDRs"},
	{"set": insecure_indexes, "label": "GET /info IndexConfigs Secure=false"},
]

seen_in(r) := [s.label | some s in sources; r in s.set]

violations contains result.finding(result.daemon, msg, r, "no insecure registry") if {
	some r in insecure
	msg := sprintf("registry %s is reached without TLS verification; seen in: %s", [r, concat(", ", seen_in(r))])
}

missing contains m if {
	count(violations) == 0
	some m in daemon.config_missing
}

missing contains m if {
	count(violations) == 0
	some m in daemon.missing_info
}

# Registries examined: the configured ones, every CIDR and every index the engine reports.
reported_cidrs := {c | some c in input.daemon.info.insecure_registry_cidrs}

reported_indexes := {i.name | some i in input.daemon.info.index_configs}

checked := count((configured | reported_cidrs) | reported_indexes)

evidence := {
	"configured": sort([r | some r in configured]),
	"insecure_registry_cidrs": info_list("insecure_registry_cidrs"),
	"index_configs": [{"name": i.name, "secure": i.secure} | some i in input.daemon.info.index_configs],
}

info_list(key) := input.daemon.info[key] if daemon.info_known

else := null
