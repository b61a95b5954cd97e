# METADATA
# title: "Ensure that /etc/default/docker file permissions are set to 644 or more restrictive"
# custom:
#   id: "3.20"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 644 (or stricter) /etc/default/docker.
#   cis_v1_6_0: "3.20"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_20

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.20 is not implemented yet"
