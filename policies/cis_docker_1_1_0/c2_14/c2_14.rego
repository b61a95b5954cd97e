# METADATA
# title: "Ensure live restore is Enabled"
# custom:
#   id: "2.14"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Enable live restore (--live-restore / "live-restore": true) so containers survive daemon
#     restarts and upgrades.
#   cis_v1_6_0: "2.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_14

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.14 is not implemented yet"
