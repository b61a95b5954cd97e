# METADATA
# title: "Ensure that docker.service file permissions are set to 644 or more restrictive"
# custom:
#   id: "3.2"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 644 (or stricter) on the docker.service unit file.
#   cis_v1_6_0: "3.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file
package cis_docker_1_1_0.c3_2

import data.lib.files

role := "docker.service"

targets := files.with_role(role)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := sprintf("the docker.service unit file %s does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

violations contains files.mode_finding(f, 420) if {
	some f in targets
	files.mode_known(f)
	not files.at_most(f.mode, 420) # 0o644
}
