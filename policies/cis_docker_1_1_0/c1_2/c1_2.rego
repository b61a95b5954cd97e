# METADATA
# title: "Ensure the container host has been Hardened"
# custom:
#   id: "1.2"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Harden the host with the applicable OS benchmark, remove unneeded services and packages,
#     and consider a hardened kernel (e.g. grsecurity/PaX).
#   cis_v1_6_0: "1.2.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.2 is not implemented yet"
