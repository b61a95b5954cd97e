# METADATA
# title: "Ensure Docker is up to date"
# custom:
#   id: "1.3"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Follow Docker/vendor release and security announcements and upgrade the engine (plus
#     containerd and runc) on a defined schedule.
#   cis_v1_6_0: "1.2.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_3

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.3 is not implemented yet"
