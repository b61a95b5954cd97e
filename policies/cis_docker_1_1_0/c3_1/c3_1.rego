# METADATA
# title: "Ensure that docker.service file ownership is set to root:root"
# custom:
#   id: "3.1"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root on the docker.service unit file.
#   cis_v1_6_0: "3.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file
package cis_docker_1_1_0.c3_1

import data.lib.files

targets := files.with_role("docker.service")

missing contains m if some m in files.missing(targets)

missing contains "files (no docker.service file fact was collected)" if count(targets) == 0

not_applicable := sprintf("the docker.service unit file %s does not exist on this host", [targets[0].path]) if {
	count(targets) > 0
	not files.any_present(targets)
	not files.any_unknown(targets)
}

checked := count([f | some f in targets; files.present(f)])

violations := files.owner_violations(targets)
