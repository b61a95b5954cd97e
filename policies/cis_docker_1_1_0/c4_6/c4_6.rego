# METADATA
# title: "Ensure HEALTHCHECK instructions have been added to the container image"
# custom:
#   id: "4.6"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a HEALTHCHECK instruction to each Dockerfile and rebuild.
#   cis_v1_6_0: "4.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.6 is not implemented yet"
