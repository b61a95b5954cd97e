# METADATA
# title: "Ensure that Docker socket file ownership is set to root:docker"
# custom:
#   id: "3.15"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chown root:docker the Docker socket (for socket activation set SocketUser/SocketGroup in
#     docker.socket so it persists).
#   cis_v1_6_0: "3.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c3_15

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 3.15 is not implemented yet"
