# METADATA
# title: "Ensure experimental features are avoided in production"
# custom:
#   id: "2.17"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Do not run production daemons with --experimental / "experimental": true.
#   cis_v1_6_0: "2.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_17

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.17 is not implemented yet"
