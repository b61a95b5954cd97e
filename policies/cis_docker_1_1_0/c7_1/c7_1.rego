# METADATA
# title: "Ensure swarm mode is not Enabled, if not needed"
# custom:
#   id: "7.1"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     If swarm mode was enabled by mistake, leave the swarm (docker swarm leave).
#   cis_v1_6_0: "5.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_1

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.1 is not implemented yet"
