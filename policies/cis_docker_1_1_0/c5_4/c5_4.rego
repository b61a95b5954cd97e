# METADATA
# title: "Ensure privileged containers are not used"
# custom:
#   id: "5.4"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: critical
#   remediation: >-
#     Do not start containers with --privileged; grant specific capabilities or devices instead.
#   cis_v1_6_0: "5.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
#   scope: all containers
package cis_docker_1_1_0.c5_4

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, true, false) if {
	some c in containers.listed
	c.privileged == true
	msg := sprintf("container %s is privileged (status %s)", [containers.name(c), c.status])
}
