# METADATA
# title: "Ensure setuid and setgid permissions are removed in the images"
# custom:
#   id: "4.8"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Strip setuid/setgid bits at build time from every binary that does not need them.
#   cis_v1_6_0: "4.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.8 is not implemented yet"
