# METADATA
# title: "Ensure docker exec commands are not used with user option"
# custom:
#   id: "5.23"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Do not use docker exec --user (in particular as root); restrict it with an authorization
#     plugin and audit the docker client.
#   cis_v1_6_0: "5.24"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_23

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.23 is not implemented yet"
