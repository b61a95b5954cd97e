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

targets := files.with_role("docker.service")

missing := files.missing(targets) | files.role_missing("docker.service")

not_applicable := files.absent_reason(targets, "the docker.service unit file")

checked := count([f | some f in targets; files.present(f)])

violations := files.mode_violations(targets, 420) # 0o644
