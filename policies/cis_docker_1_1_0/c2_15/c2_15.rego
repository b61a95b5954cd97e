# METADATA
# title: "Ensure Userland Proxy is Disabled"
# custom:
#   id: "2.15"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start the daemon with --userland-proxy=false so published ports use kernel NAT (hairpin
#     NAT) instead of the proxy process.
#   cis_v1_6_0: "2.16"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_15

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.15 is not implemented yet"
