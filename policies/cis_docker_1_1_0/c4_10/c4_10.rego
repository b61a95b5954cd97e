# METADATA
# title: "Ensure secrets are not stored in Dockerfiles"
# custom:
#   id: "4.10"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Keep secrets out of Dockerfiles and image layers; inject them at runtime (secrets
#     management, mounted files) and rotate anything that leaked into an image.
#   cis_v1_6_0: "4.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_10

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.10 is not implemented yet"
