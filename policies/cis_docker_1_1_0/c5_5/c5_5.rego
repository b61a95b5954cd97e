# METADATA
# title: "Ensure sensitive host system directories are not mounted on containers"
# custom:
#   id: "5.5"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not bind-mount sensitive host directories; if unavoidable, mount the narrowest path
#     read-only.
#   cis_v1_6_0: "5.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_5

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.5 is not implemented yet"
