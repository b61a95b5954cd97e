# METADATA
# title: "Ensure PIDs cgroup limit is used"
# custom:
#   id: "5.28"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start containers with --pids-limit set to a sensible maximum process count.
#   cis_v1_6_0: "5.29"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_28

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.28 is not implemented yet"
