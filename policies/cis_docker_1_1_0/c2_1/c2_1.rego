# METADATA
# title: "Ensure network traffic is restricted between containers on the default bridge"
# custom:
#   id: "2.1"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run the daemon with inter-container communication disabled (--icc=false / "icc": false)
#     and place containers that must talk to each other on dedicated user-defined networks.
#   cis_v1_6_0: "2.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_1

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.1 is not implemented yet"
