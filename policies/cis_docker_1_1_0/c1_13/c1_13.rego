# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /usr/bin/docker-runc"
# custom:
#   id: "1.13"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the runc binary used by Docker and reload auditd.
#   cis_v1_6_0: "1.1.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_13

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.13 is not implemented yet"
