# METADATA
# title: "Ensure that Docker server certificate file permissions are set to 444 or more restrictive"
# custom:
#   id: "3.12"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 444 (or stricter) the server certificate file.
#   cis_v1_6_0: "3.12"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_12

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.12 is not implemented yet"
