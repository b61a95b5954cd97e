# METADATA
# title: "Ensure image sprawl is avoided"
# custom:
#   id: "6.1"
#   section: "6"
#   section_title: "Docker Security Operations"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Keep only needed images, pin by digest, and prune unused/dangling images regularly.
#   cis_v1_6_0: "6.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c6_1

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 6.1 is not implemented yet"
