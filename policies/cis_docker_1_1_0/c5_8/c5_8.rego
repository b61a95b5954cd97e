# METADATA
# title: "Ensure only needed ports are open on the container"
# custom:
#   id: "5.8"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Expose and publish only the ports the service needs, using explicit -p mappings instead of
#     -P.
#   cis_v1_6_0: "5.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.8 is not implemented yet"
