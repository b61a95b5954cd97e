# METADATA
# title: /etc/sysconfig/docker permissions are 644 or more restrictive (CIS v1.6.0 and v1.8.0 3.21)
# description: |
#   The check of the profiles' 3.21, new since v1.1.0: /etc/sysconfig/docker, the options file
#   RHEL-family init scripts and units hand to dockerd, sets no permission bit outside 0644 (and
#   no setuid, setgid or sticky bit). Not applicable where it does not exist (Debian-family hosts
#   have /etc/default/docker instead, judged by its own control).
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c3_21

import data.lib.files

role := "etc_sysconfig_docker"

targets := files.with_role(role)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := files.absent_reason(targets, "the init options file /etc/sysconfig/docker")

checked := files.count_present(targets)

violations contains files.mode_finding(f, 420) if {
	some f in targets
	files.mode_known(f)
	not files.at_most(f.mode, 420) # 0o644
}
