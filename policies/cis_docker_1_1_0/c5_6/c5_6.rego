# METADATA
# title: "Ensure ssh is not run within containers"
# custom:
#   id: "5.6"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove SSH servers from images and reach containers via docker exec/attach from the host.
#   cis_v1_6_0: "5.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.6 is not implemented yet"
