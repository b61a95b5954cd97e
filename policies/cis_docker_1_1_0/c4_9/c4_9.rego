# METADATA
# title: "Ensure COPY is used instead of ADD in Dockerfile"
# custom:
#   id: "4.9"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Use COPY for local files; fetch remote content explicitly in a RUN step with verification.
#   cis_v1_6_0: "4.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_9

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.9 is not implemented yet"
