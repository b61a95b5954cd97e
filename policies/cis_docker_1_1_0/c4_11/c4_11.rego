# METADATA
# title: "Ensure verified packages are only Installed"
# custom:
#   id: "4.11"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Install packages only from signed repositories with verified keys, or verify downloads by
#     signature/checksum during the build.
#   cis_v1_6_0: "4.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_11

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.11 is not implemented yet"
