# METADATA
# title: "Ensure data exchanged between containers are encrypted on different nodes on the overlay network"
# custom:
#   id: "7.4"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Create (or recreate) overlay networks with --opt encrypted.
#   cis_v1_6_0: "7.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_4

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.4 is not implemented yet"
