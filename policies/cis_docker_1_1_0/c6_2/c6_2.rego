# METADATA
# title: "Ensure container sprawl is avoided"
# custom:
#   id: "6.2"
#   section: "6"
#   section_title: "Docker Security Operations"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Remove stopped containers that are no longer needed (docker container prune) on a
#     schedule.
#   cis_v1_6_0: "6.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c6_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 6.2 is not implemented yet"
