# METADATA
# title: "Ensure containers are restricted from acquiring new privileges"
# custom:
#   id: "2.18"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start the daemon with --no-new-privileges ("no-new-privileges": true) so new containers
#     cannot gain privileges through setuid/setgid binaries.
#   cis_v1_6_0: "2.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_18

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.18 is not implemented yet"
