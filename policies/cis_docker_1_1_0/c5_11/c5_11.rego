# METADATA
# title: "Ensure CPU priority is set appropriately on the container"
# custom:
#   id: "5.11"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Assign CPU shares (--cpu-shares) that reflect each container's relative priority.
#   cis_v1_6_0: "5.12"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_11

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.11 is not implemented yet"
