# METADATA
# title: "Ensure SELinux security options are set, if applicable"
# custom:
#   id: "5.2"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     On SELinux hosts enable SELinux support in the daemon and start containers with
#     appropriate label options; never use label=disable.
#   cis_v1_6_0: "5.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_2

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.2 is not implemented yet"
