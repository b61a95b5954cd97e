# METADATA
# title: "Ensure images are scanned and rebuilt to include security patches"
# custom:
#   id: "4.4"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Re-pull patched base images, rebuild with --no-cache, and restart containers from the new
#     images; automate vulnerability scanning.
#   cis_v1_6_0: "4.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c4_4

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 4.4 is not implemented yet"
