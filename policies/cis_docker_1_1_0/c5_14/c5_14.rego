# METADATA
# title: "Ensure 'on-failure' container restart policy is set to '5'"
# custom:
#   id: "5.14"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Use --restart=on-failure:5 (or no restart policy) instead of always/unless-stopped.
#   cis_v1_6_0: "5.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_14

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.14 is not implemented yet"
