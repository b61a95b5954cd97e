# METADATA
# title: "Ensure the default seccomp profile is not Disabled"
# custom:
#   id: "5.21"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not run containers with seccomp unconfined; use the default or a reviewed custom
#     profile.
#   cis_v1_6_0: "5.22"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_21

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.21 is not implemented yet"
