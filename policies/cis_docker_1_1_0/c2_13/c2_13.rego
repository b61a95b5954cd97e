# METADATA
# title: "Ensure operations on legacy registry (v1) are Disabled"
# custom:
#   id: "2.13"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     On engines older than 17.12 start the daemon with --disable-legacy-registry; newer engines
#     need no action.
#   cis_v1_6_0: null
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_13

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.13 is not implemented yet"
