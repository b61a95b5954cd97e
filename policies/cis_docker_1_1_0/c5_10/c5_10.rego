# METADATA
# title: "Ensure memory usage for container is limited"
# description: >-
#   Every container, running or stopped: HostConfig.Memory 0 (the default) means no limit and
#   fails. A container whose inspect failed has no known limit and is missing.
# custom:
#   id: "5.10"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start every container with a memory limit (--memory) sized for its workload.
#   cis_v1_6_0: "5.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/resource_constraints/#memory
#   scope: all containers
package cis_docker_1_1_0.c5_10

import data.lib.containers
import data.lib.result

# containers.missing_listed also names every container whose inspect failed (limit unknown).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(
	result.container(c), msg, object.get(c, "memory", null),
	"a memory limit (--memory)",
) if {
	some c in containers.inspected
	not has_limit(c)
	msg := sprintf("container %s has no memory limit (status %s)", [containers.name(c), c.status])
}

has_limit(c) if c.memory > 0
