# METADATA
# title: "Ensure auditing is configured for Docker files and directories - docker.service"
# custom:
#   id: "1.8"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the docker.service unit file at its real location and
#     reload auditd.
#   cis_v1_6_0: "1.1.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.8 is not implemented yet"
