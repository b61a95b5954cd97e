# METADATA
# title: "Ensure that registry certificate file permissions are set to 444 or more restrictive"
# custom:
#   id: "3.8"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 444 (or stricter) every file in each /etc/docker/certs.d/<registry>/ directory.
#   cis_v1_6_0: "3.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.8 is not implemented yet"
