# METADATA
# title: "Ensure the minimum number of manager nodes have been created in a swarm"
# custom:
#   id: "7.2"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Keep only as many managers as the fault-tolerance target needs (odd count) and demote the
#     rest to workers.
#   cis_v1_6_0: "7.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.2 is not implemented yet"
