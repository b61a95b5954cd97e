# METADATA
# title: "Ensure update instructions are not use alone in the Dockerfile"
# custom:
#   id: "4.7"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Chain index update and package install in one RUN with pinned versions, or build with
#     --no-cache, so stale cached layers are not reused.
#   cis_v1_6_0: "4.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_7

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.7 is not implemented yet"
