# METADATA
# title: "Ensure Docker's secret management commands are used for managing secrets in a Swarm cluster"
# custom:
#   id: "7.5"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Store and distribute service credentials with docker secret and remove them from env vars
#     and images.
#   cis_v1_6_0: "7.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_5

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.5 is not implemented yet"
