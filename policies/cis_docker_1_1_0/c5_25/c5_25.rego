# METADATA
# title: "Ensure the container is restricted from acquiring additional privileges"
# custom:
#   id: "5.25"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run containers with --security-opt=no-new-privileges (or enable it daemon-wide).
#   cis_v1_6_0: "5.26"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_25

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.25 is not implemented yet"
