# METADATA
# title: "Ensure that /etc/default/docker file ownership is set to root:root"
# custom:
#   id: "3.19"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root /etc/default/docker.
#   cis_v1_6_0: "3.19"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_19

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.19 is not implemented yet"
