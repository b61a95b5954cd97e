# METADATA
# title: "Ensure Content trust for Docker is Enabled"
# custom:
#   id: "4.5"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Export DOCKER_CONTENT_TRUST=1 for every account that runs the Docker client (system-wide
#     profile) so only signed images are pulled and run.
#   cis_v1_6_0: "4.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_5

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.5 is not implemented yet"
