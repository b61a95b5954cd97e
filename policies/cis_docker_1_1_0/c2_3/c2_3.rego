# METADATA
# title: "Ensure Docker is allowed to make changes to iptables"
# custom:
#   id: "2.3"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove --iptables=false / "iptables": false so the daemon manages the firewall rules for
#     container networking.
#   cis_v1_6_0: "2.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_3

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.3 is not implemented yet"
