# METADATA
# title: "Ensure node certificates are rotated as appropriate"
# custom:
#   id: "7.8"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Set the node certificate expiry to the rotation interval your policy requires (docker
#     swarm update --cert-expiry <duration>).
#   cis_v1_6_0: "7.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c7_8

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 7.8 is not implemented yet"
