# METADATA
# title: "Ensure that /etc/docker directory permissions are set to 755 or more restrictive"
# custom:
#   id: "3.6"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 755 (or stricter) /etc/docker.
#   cis_v1_6_0: "3.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.6 is not implemented yet"
