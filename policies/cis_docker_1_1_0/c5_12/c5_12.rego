# METADATA
# title: "Ensure the container's root filesystem is mounted as read only"
# custom:
#   id: "5.12"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run containers with --read-only and give them explicit tmpfs or volume mounts for the
#     paths they must write.
#   cis_v1_6_0: "5.13"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_12

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.12 is not implemented yet"
