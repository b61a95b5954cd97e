# METADATA
# title: "Ensure insecure registries are not used"
# custom:
#   id: "2.4"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Remove insecure registry settings and serve every private registry over TLS with its CA
#     placed in /etc/docker/certs.d/<registry>/.
#   cis_v1_6_0: "2.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_4

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.4 is not implemented yet"
