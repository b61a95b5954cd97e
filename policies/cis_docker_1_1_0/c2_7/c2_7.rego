# METADATA
# title: "Ensure the default ulimit is configured appropriately"
# custom:
#   id: "2.7"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Set daemon-wide default ulimits sized for the host (e.g. nofile, nproc) via --default-
#     ulimit or "default-ulimits".
#   cis_v1_6_0: "2.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_7

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.7 is not implemented yet"
