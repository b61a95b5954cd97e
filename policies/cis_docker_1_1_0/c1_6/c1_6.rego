# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /var/lib/docker"
# custom:
#   id: "1.6"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on /var/lib/docker (key "docker") and reload auditd.
#   cis_v1_6_0: "1.1.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/#daemon-data-directory
package cis_docker_1_1_0.c1_6

import data.lib.audit
import data.lib.files

# The Docker root directory actually used (GET /info DockerRootDir, /var/lib/docker by default).
# Rule matching (whole paths, loaded rules else persistent ones, recursive parent watches for
# review) is lib.audit's.
roles := {"data_root"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "the Docker root directory")

violations contains audit.no_rule_finding(f) if {
	some f in audit.present_targets(roles)
	audit.is_uncovered(f)
}

reviews contains audit.parent_watch_finding(f) if {
	some f in audit.present_targets(roles)
	audit.is_covered_by_parent(f)
}

checked := audit.examined(roles)

evidence := audit.evidence_of(roles)
