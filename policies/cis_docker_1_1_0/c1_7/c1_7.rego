# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /etc/docker"
# custom:
#   id: "1.7"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on /etc/docker (key "docker") and reload auditd.
#   cis_v1_6_0: "1.1.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_7

import data.lib.audit
import data.lib.files

# A rule on a file below /etc/docker (daemon.json, certs.d) does not cover the directory.
# Rule matching (whole paths, loaded rules else persistent ones, recursive parent watches for
# review) is lib.audit's.
roles := {"etc_docker"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "/etc/docker")

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
