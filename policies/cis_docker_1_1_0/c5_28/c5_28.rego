# METADATA
# title: "Ensure PIDs cgroup limit is used"
# custom:
#   id: "5.28"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start containers with --pids-limit set to a sensible maximum process count.
#   cis_v1_6_0: "5.29"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/
package cis_docker_1_1_0.c5_28

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped. The benchmark's audit lists running containers
# only, but a stopped container starts again with the same HostConfig, so an unlimited one is
# reported now rather than when it is next started.
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

# PidsLimit null (engines >= 20.10 when unset), 0 and -1 all mean no limit; an absent field
# reads as null, so it cannot pass.
violations contains result.finding(result.container(c), msg, limit, "a PIDs limit greater than 0") if {
	some c in containers.listed
	limit := object.get(c, "pids_limit", null)
	not is_pids_limit(limit)
	not containers.is_uninspected(c)
	msg := sprintf("container %s has no PIDs limit (PidsLimit %v, status %s)", [containers.name(c), limit, c.status])
}

is_pids_limit(limit) if {
	is_number(limit)
	limit > 0
}
