# METADATA
# title: "Ensure mount propagation mode is not set to shared"
# custom:
#   id: "5.19"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Mount volumes with private or slave propagation; do not use shared/rshared.
#   cis_v1_6_0: "5.20"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation
package cis_docker_1_1_0.c5_19

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped. Mounts (with their propagation) are a list fact,
# so a container whose inspect failed is still judged here.
missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, m.propagation, "private, rprivate, slave, rslave or unset") if {
	some c in containers.listed
	some m in c.mounts
	lower(m.propagation) in {"shared", "rshared"}
	msg := sprintf("container %s mounts %s at %s with %s propagation", [containers.name(c), m.source, m.destination, m.propagation])
}
