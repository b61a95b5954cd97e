# METADATA
# title: "Ensure the host's network namespace is not shared"
# custom:
#   id: "5.9"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not start containers with --net=host / --network host.
#   cis_v1_6_0: "5.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_9

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.9 is not implemented yet"
