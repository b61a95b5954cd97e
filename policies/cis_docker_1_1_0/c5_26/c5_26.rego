# METADATA
# title: "Ensure container health is checked at runtime"
# custom:
#   id: "5.26"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Define a health check in the image (HEALTHCHECK) or at run time (--health-cmd and related
#     options).
#   cis_v1_6_0: "5.27"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_26

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.26 is not implemented yet"
