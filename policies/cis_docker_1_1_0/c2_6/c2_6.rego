# METADATA
# title: "Ensure TLS authentication for Docker daemon is configured"
# custom:
#   id: "2.6"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: critical
#   remediation: >-
#     If the API must be reachable over TCP, enable mutual TLS (--tlsverify with CA, server cert
#     and key); otherwise listen only on the local unix socket.
#   cis_v1_6_0: "2.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c2_6

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 2.6 is not implemented yet"
