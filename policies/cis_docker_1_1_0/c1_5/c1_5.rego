# METADATA
# title: "Ensure auditing is configured for the Docker daemon"
# custom:
#   id: "1.5"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the Docker daemon binary (/usr/bin/docker, and
#     /usr/bin/dockerd on current engines), key "docker", then reload auditd.
#   cis_v1_6_0: "1.1.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_5

import data.lib.audit
import data.lib.files

# The daemon binary is what is audited: every dockerd_binary FileFact that exists (/usr/bin/dockerd and
# /proc/<pid>/exe of the running daemon). v1.1.0 names /usr/bin/docker, which since Docker 1.12 is
# the client; its audit step (`auditctl -l | grep /usr/bin/docker`) matches /usr/bin/dockerd as a
# substring, and CIS v1.6.0 (1.1.3) names /usr/bin/dockerd. A rule on /usr/bin/docker alone does
# not audit the daemon and does not pass.
# Rule matching (whole paths, loaded rules else persistent ones, recursive parent watches for
# review) is lib.audit's.
roles := {"dockerd_binary"}

missing contains m if some m in audit.facts_missing(roles)

# Without the running daemon's executable, "no dockerd at /usr/bin/dockerd" does not mean there
# is no daemon binary to audit (it may live in /usr/local/bin, /usr/sbin, ...).
missing contains "daemon.exe (/proc/<dockerd pid>/exe could not be read and /usr/bin/dockerd does not exist)" if {
	count(audit.present_targets(roles)) == 0
	not exe_known
}

# negated as a helper rule: `not is_string(x)` of an absent x differs between the engines
exe_known if is_string(input.daemon.exe)

not_applicable := files.absent_reason(audit.targets(roles), "the Docker daemon binary (dockerd)")

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
