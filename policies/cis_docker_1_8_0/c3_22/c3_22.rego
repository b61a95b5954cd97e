# METADATA
# title: /etc/sysconfig/docker is owned by root:root (CIS v1.6.0 and v1.8.0 3.22)
# description: |
#   The check of the profiles' 3.22, new since v1.1.0: /etc/sysconfig/docker, the options file
#   RHEL-family init scripts and units hand to dockerd, is owned by uid 0 and gid 0. Not
#   applicable where it does not exist (Debian-family hosts have /etc/default/docker instead,
#   judged by its own control).
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c3_22

import data.lib.files

role := "etc_sysconfig_docker"

targets := files.with_role(role)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := files.absent_reason(targets, "the init options file /etc/sysconfig/docker")

checked := files.count_present(targets)

violations contains files.owner_finding(f, "root:root") if {
	some f in targets
	files.owner_known(f)
	not files.root_owned(f)
}
