# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /usr/bin/docker-runc"
# custom:
#   id: "1.13"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the runc binary used by Docker and reload auditd.
#   cis_v1_6_0: "1.1.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_13

import data.lib.audit
import data.lib.files

# Docker 18.09 renamed /usr/bin/docker-runc to /usr/bin/runc. Every one that exists is evaluated
# (the successor as CIS v1.6.0 1.1.18 does, /usr/sbin/runc where a distribution installs it there,
# the legacy path while it is still installed); N/A only when none exists.
# Rule matching (whole paths, loaded rules else persistent ones, recursive parent watches for
# review) is lib.audit's.
roles := {"runc_legacy_binary", "runc_binary"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "/usr/bin/docker-runc (or its successor runc)")

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
