# METADATA
# title: "Ensure auditing is configured for Docker files and directories - /var/lib/docker"
# custom:
#   id: "1.6"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on /var/lib/docker (key "docker") and reload auditd.
#   cis_v1_6_0: "1.1.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.6 is not implemented yet"
