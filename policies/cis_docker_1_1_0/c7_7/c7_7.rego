# METADATA
# title: "Ensure swarm manager auto-lock key is rotated periodically"
# custom:
#   id: "7.7"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Rotate the swarm unlock key on a fixed schedule (docker swarm unlock-key --rotate) and
#     keep a rotation log.
#   cis_v1_6_0: "7.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_7

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.7 is not implemented yet"
