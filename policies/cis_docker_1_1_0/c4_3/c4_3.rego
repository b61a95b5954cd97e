# METADATA
# title: "Ensure unnecessary packages are not installed in the container"
# custom:
#   id: "4.3"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Install only what the application needs and prefer minimal bases (e.g. Alpine, BusyBox,
#     distroless); remove package managers from final images where possible.
#   cis_v1_6_0: "4.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_3

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.3 is not implemented yet"
