# METADATA
# title: "Ensure that Docker server certificate key file permissions are set to 400"
# custom:
#   id: "3.14"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chmod 400 the TLS private key file.
#   cis_v1_6_0: "3.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_14

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.14 is not implemented yet"
