# METADATA
# title: "Ensure the default ulimit is overwritten at runtime, only if needed"
# custom:
#   id: "5.18"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Rely on daemon default ulimits and override per container only when required.
#   cis_v1_6_0: "5.19"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_18

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.18 is not implemented yet"
