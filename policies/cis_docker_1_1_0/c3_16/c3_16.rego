# METADATA
# title: "Ensure that Docker socket file permissions are set to 660 or more restrictive"
# custom:
#   id: "3.16"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chmod 660 (or stricter) the Docker socket (SocketMode= in docker.socket for persistence).
#   cis_v1_6_0: "3.16"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_16

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.16 is not implemented yet"
