# METADATA
# title: "Ensure CPU priority is set appropriately on the container"
# custom:
#   id: "5.11"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Assign CPU shares (--cpu-shares) that reflect each container's relative priority.
#   cis_v1_6_0: "5.12"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/resource_constraints/#cpu
package cis_docker_1_1_0.c5_11

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped (a stopped one restarts with the same shares).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

# CpuShares 0 (not given) and 1024 (the default weight) both leave every container with the
# same relative priority: no priority was set.
violations contains result.finding(result.container(c), msg, shares, "CPU shares other than 0 and 1024") if {
	some c in containers.inspected
	not has_cpu_priority(c)
	shares := object.get(c, "cpu_shares", null)
	msg := sprintf("container %s has no CPU priority set (CpuShares %v: the default share of 1024)", [containers.name(c), shares])
}

has_cpu_priority(c) if {
	c.cpu_shares > 0
	c.cpu_shares != 1024
}
