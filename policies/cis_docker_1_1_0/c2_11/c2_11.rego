# METADATA
# title: "Ensure that authorization for Docker client commands is enabled"
# custom:
#   id: "2.11"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Deploy an authorization plugin with a suitable policy and register it with the daemon.
#   cis_v1_6_0: "2.12"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_11

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.11 is not implemented yet"
