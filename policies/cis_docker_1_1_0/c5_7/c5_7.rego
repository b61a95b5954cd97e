# METADATA
# title: "Ensure privileged ports are not mapped within containers"
# custom:
#   id: "5.7"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Publish container services on host ports >= 1024 (front with a load balancer/proxy if a
#     well-known port is needed).
#   cis_v1_6_0: "5.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_7

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.7 is not implemented yet"
