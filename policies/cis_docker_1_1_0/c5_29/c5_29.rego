# METADATA
# title: "Ensure Docker's default bridge docker0 is not used"
# custom:
#   id: "5.29"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Create user-defined networks and attach containers to them instead of the default bridge.
#   cis_v1_6_0: "5.30"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_29

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.29 is not implemented yet"
