# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /usr/bin/docker-containerd"
# custom:
#   id: "1.12"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the containerd binary used by Docker and reload auditd.
#   cis_v1_6_0: "1.1.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_12

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.12 is not implemented yet"
