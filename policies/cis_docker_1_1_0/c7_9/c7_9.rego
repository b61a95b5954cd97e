# METADATA
# title: "Ensure CA certificates are rotated as appropriate"
# custom:
#   id: "7.9"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Rotate the swarm root CA on the schedule your policy sets (docker swarm ca --rotate).
#   cis_v1_6_0: "7.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_9

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.9 is not implemented yet"
