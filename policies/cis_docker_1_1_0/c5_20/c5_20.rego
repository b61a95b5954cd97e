# METADATA
# title: "Ensure the host's UTS namespace is not shared"
# custom:
#   id: "5.20"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Do not start containers with --uts=host.
#   cis_v1_6_0: "5.21"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_20

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.20 is not implemented yet"
