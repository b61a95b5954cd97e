# METADATA
# title: "Ensure cgroup usage is confirmed"
# custom:
#   id: "5.24"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Avoid --cgroup-parent on docker run unless a specific, documented cgroup is required.
#   cis_v1_6_0: "5.25"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_24

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.24 is not implemented yet"
