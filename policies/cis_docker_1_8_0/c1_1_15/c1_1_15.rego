# METADATA
# title: Audit rules for /usr/bin/containerd-shim (CIS v1.6.0 and v1.8.0 1.1.15)
# description: |
#   The check of the profiles' 1.1.15, new since v1.1.0: an audit rule must name the v1
#   containerd shim (containerd 1.x; containerd 2.0 no longer ships it), where it is installed.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c1_1_15

import data.lib.audit
import data.lib.files

# The v1 shim, where it is installed (containerd 2.0 no longer ships it): not applicable
# where it is not.
# Rule matching (whole paths, a symlink's target, loaded rules else persistent ones, parent
# watches for review) is lib.audit's.
roles := {"containerd_shim_binary"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "/usr/bin/containerd-shim")

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
