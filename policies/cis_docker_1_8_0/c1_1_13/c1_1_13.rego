# METADATA
# title: Audit rules for /etc/sysconfig/docker (CIS v1.6.0 and v1.8.0 1.1.13)
# description: |
#   The check of the profiles' 1.1.13, new since v1.1.0: an audit rule must name
#   /etc/sysconfig/docker, the options file RHEL-family init scripts and units hand to dockerd
#   (OPTIONS=...).
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c1_1_13

import data.lib.audit
import data.lib.files

# /etc/sysconfig/docker (RHEL family); /etc/default/docker (Debian family) is the
# /etc/default/docker control's. Audited where it exists, not applicable elsewhere.
# Rule matching (whole paths, a symlink's target, loaded rules else persistent ones, parent
# watches for review) is lib.audit's.
roles := {"etc_sysconfig_docker"}

missing contains m if some m in audit.facts_missing(roles)

not_applicable := files.absent_reason(audit.targets(roles), "/etc/sysconfig/docker")

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
