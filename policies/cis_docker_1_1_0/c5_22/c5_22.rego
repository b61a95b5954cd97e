# METADATA
# title: "Ensure docker exec commands are not used with privileged option"
# custom:
#   id: "5.22"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Do not use docker exec --privileged; enforce it with an authorization plugin and audit the
#     docker client.
#   cis_v1_6_0: "5.23"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_22

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.22 is not implemented yet"
