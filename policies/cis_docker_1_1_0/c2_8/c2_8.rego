# METADATA
# title: "Enable user namespace support"
# custom:
#   id: "2.8"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Provide subordinate UID/GID ranges and start the daemon with --userns-remap (e.g.
#     "default"), after checking workload compatibility.
#   cis_v1_6_0: "2.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.8 is not implemented yet"
