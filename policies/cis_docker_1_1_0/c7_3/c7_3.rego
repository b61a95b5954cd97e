# METADATA
# title: "Ensure swarm services are binded to a specific host interface"
# custom:
#   id: "7.3"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Initialise or join the swarm with --listen-addr set to a specific management interface.
#   cis_v1_6_0: "7.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_3

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.3 is not implemented yet"
