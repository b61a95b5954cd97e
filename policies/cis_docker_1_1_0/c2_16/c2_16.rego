# METADATA
# title: "Ensure daemon-wide custom seccomp profile is applied, if needed"
# custom:
#   id: "2.16"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Keep the built-in profile or, if the environment needs it, set a reviewed custom profile
#     daemon-wide with --seccomp-profile.
#   cis_v1_6_0: "2.17"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_16

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.16 is not implemented yet"
