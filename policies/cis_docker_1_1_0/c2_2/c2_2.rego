# METADATA
# title: "Ensure the logging level is set to 'info'"
# custom:
#   id: "2.2"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Drop non-default log-level and debug settings, or set the level to info in daemon.json or
#     with --log-level=info.
#   cis_v1_6_0: "2.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.2 is not implemented yet"
