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

role := "docker.socket"

targets := files.with_role(role)

missing contains m if some m in files.owner_missing(targets)

missing contains m if some m in files.role_missing(role)

not_applicable := sprintf("the docker.socket unit file %s does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
