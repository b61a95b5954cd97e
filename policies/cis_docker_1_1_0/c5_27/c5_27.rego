# METADATA
# title: "Ensure docker commands always get the latest version of the image"
# custom:
#   id: "5.27"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Pin image versions (preferably by digest) and pull explicitly before run so the cache
#     cannot hand out an outdated image.
#   cis_v1_6_0: "5.28"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c5_27

# Not implemented yet: fails closed (status error) until its rules are written.
missing contains "policy for 5.27 is not implemented yet"
