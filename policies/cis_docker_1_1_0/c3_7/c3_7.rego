# METADATA
# title: "Ensure that registry certificate file ownership is set to root:root"
# custom:
#   id: "3.7"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root every file in each /etc/docker/certs.d/<registry>/ directory.
#   cis_v1_6_0: "3.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_7

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.7 is not implemented yet"
