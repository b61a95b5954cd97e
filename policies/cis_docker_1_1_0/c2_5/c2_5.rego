# METADATA
# title: "Ensure aufs storage driver is not used"
# custom:
#   id: "2.5"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Switch to a supported driver such as overlay2 (or devicemapper on older kernels) and do
#     not start the daemon with aufs.
#   cis_v1_6_0: "2.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_5

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.5 is not implemented yet"
