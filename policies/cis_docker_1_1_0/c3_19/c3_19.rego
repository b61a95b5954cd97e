# METADATA
# title: "Ensure that /etc/default/docker file ownership is set to root:root"
# custom:
#   id: "3.19"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root /etc/default/docker.
#   cis_v1_6_0: "3.19"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_19

import data.lib.files

targets := files.with_role("etc_default_docker")

missing contains m if some m in files.missing(targets)

missing contains "files (no etc_default_docker file fact was collected)" if count(targets) == 0

not_applicable := sprintf("the init defaults file %s does not exist on this host", [targets[0].path]) if {
	count(targets) > 0
	not files.any_present(targets)
	not files.any_unknown(targets)
}

checked := count([f | some f in targets; files.present(f)])

violations := files.owner_violations(targets)
