# METADATA
# title: Audit rules for /run/containerd (CIS v1.6.0 and v1.8.0 1.1.4)
# description: |
#   The check of the profiles' 1.1.4, new since v1.1.0: an audit rule must name containerd's
#   state directory, /run/containerd (its sockets, the shims' task sockets and the bundles of
#   running containers).
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c1_1_4

import data.lib.audit
import data.lib.files

# /run/containerd, containerd's state directory. Not applicable where it does not exist.
# Rule matching (whole paths, a symlink's target, loaded rules else persistent ones, parent
# watches for review) is lib.audit's.
roles := {"run_containerd"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "/run/containerd")

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
