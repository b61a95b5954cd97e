# METADATA
# title: "Ensure the Docker socket is not mounted inside any containers"
# custom:
#   id: "5.31"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: critical
#   remediation: >-
#     Never mount the Docker socket into containers; use a narrowly scoped API proxy if a
#     container truly needs engine access.
#   cis_v1_6_0: "5.32"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_31

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.31 is not implemented yet"
