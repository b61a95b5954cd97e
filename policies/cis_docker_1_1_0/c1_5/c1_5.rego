# METADATA
# title: "Ensure auditing is configured for the Docker daemon"
# custom:
#   id: "1.5"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a persistent audit watch on the Docker daemon binary (/usr/bin/docker, and
#     /usr/bin/dockerd on current engines), key "docker", then reload auditd.
#   cis_v1_6_0: "1.1.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_5

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 1.5 is not implemented yet"
