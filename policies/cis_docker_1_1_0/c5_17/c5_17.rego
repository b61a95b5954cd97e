# METADATA
# title: "Ensure host devices are not directly exposed to containers"
# custom:
#   id: "5.17"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Avoid --device; when a device is unavoidable, pass only that device with the least
#     permissions needed.
#   cis_v1_6_0: "5.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_17

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.17 is not implemented yet"
