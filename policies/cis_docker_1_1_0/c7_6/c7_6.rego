# METADATA
# title: "Ensure swarm manager is run in auto-lock mode"
# custom:
#   id: "7.6"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Enable auto-lock on the swarm (docker swarm update --autolock=true) and store the unlock
#     key securely.
#   cis_v1_6_0: "7.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.6 is not implemented yet"
