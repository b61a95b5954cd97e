# METADATA
# title: "Ensure base device size is not changed until needed"
# custom:
#   id: "2.10"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove dm.basesize unless a larger base device is actually required.
#   cis_v1_6_0: "2.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_10

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.10 is not implemented yet"
