# METADATA
# title: "Ensure that docker.socket file ownership is set to root:root"
# custom:
#   id: "3.3"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root on the docker.socket unit file.
#   cis_v1_6_0: "3.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/#daemon-socket-option
package cis_docker_1_1_0.c3_3

import data.lib.files

targets := files.with_role("docker.socket")

missing contains m if some m in files.missing(targets)

missing contains "files (no docker.socket file fact was collected)" if count(targets) == 0

not_applicable := sprintf("the docker.socket unit file %s does not exist on this host", [targets[0].path]) if {
	count(targets) > 0
	not files.any_present(targets)
	not files.any_unknown(targets)
}

checked := count([f | some f in targets; files.present(f)])

violations := files.owner_violations(targets)
