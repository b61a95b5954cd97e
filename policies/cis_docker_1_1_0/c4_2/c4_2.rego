# METADATA
# title: "Ensure that containers use trusted base images"
# custom:
#   id: "4.2"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Pull only from trusted registries (official/verified or an internal registry), enable
#     content trust, and scan and review images before use.
#   cis_v1_6_0: "4.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.2 is not implemented yet"
