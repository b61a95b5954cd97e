# METADATA
# title: "Ensure mount propagation mode is not set to shared"
# custom:
#   id: "5.19"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Mount volumes with private or slave propagation; do not use shared/rshared.
#   cis_v1_6_0: "5.20"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_19

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.19 is not implemented yet"
