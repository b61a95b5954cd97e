# METADATA
# title: "Ensure centralized and remote logging is configured"
# custom:
#   id: "2.12"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Configure a logging driver that forwards container logs to the central log platform and
#     make it the daemon default.
#   cis_v1_6_0: "2.13"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_12

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.12 is not implemented yet"
