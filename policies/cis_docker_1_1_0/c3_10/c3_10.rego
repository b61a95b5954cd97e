# METADATA
# title: "Ensure that TLS CA certificate file permissions are set to 444 or more restrictive"
# custom:
#   id: "3.10"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 444 (or stricter) the TLS CA certificate file.
#   cis_v1_6_0: "3.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_10

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.10 is not implemented yet"
