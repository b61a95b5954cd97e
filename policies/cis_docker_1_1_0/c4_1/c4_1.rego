# METADATA
# title: "Ensure a user for the container has been created"
# custom:
#   id: "4.1"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Create an unprivileged account in the image and switch to it with USER (or run with
#     --user), then rebuild and redeploy.
#   cis_v1_6_0: "4.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_1

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.1 is not implemented yet"
