# METADATA
# title: "Ensure only trusted users are allowed to control Docker daemon"
# custom:
#   id: "1.4"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Remove every untrusted account from the docker group (membership is root-equivalent) and
#     restrict who can bind-mount sensitive host paths.
#   cis_v1_6_0: "1.1.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_4

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.4 is not implemented yet"
