# METADATA
# title: "Ensure incoming container traffic is binded to a specific host interface"
# custom:
#   id: "5.13"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Publish ports with an explicit host address (-p <host-ip>:<host-port>:<container-port>) or
#     set a specific default binding address for the daemon.
#   cis_v1_6_0: "5.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_13

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.13 is not implemented yet"
