# METADATA
# title: "Ensure that /etc/docker directory ownership is set to root:root"
# custom:
#   id: "3.5"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root /etc/docker.
#   cis_v1_6_0: "3.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/
package cis_docker_1_1_0.c3_5

import data.lib.files

role := "etc_docker"

targets := files.with_role(role)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := sprintf("the Docker configuration directory %s does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

violations contains files.owner_finding(f, "root:root") if {
	some f in targets
	files.owner_known(f)
	not files.root_owned(f)
}
