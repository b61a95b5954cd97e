# METADATA
# title: "Ensure the default cgroup usage has been confirmed"
# custom:
#   id: "2.9"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Keep the default cgroup parent unless there is a reason; if a custom parent is needed, set
#     it deliberately and document it.
#   cis_v1_6_0: "2.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_9

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.9 is not implemented yet"
