# METADATA
# title: "Ensure a separate partition for containers has been created"
# custom:
#   id: "1.1"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Give the Docker data directory a dedicated partition or logical volume mounted before the
#     daemon starts; on existing hosts migrate it onto a new LVM volume.
#   cis_v1_6_0: "1.1.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_1

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.1 is not implemented yet"
