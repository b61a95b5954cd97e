# METADATA
# title: "Ensure container health is checked at runtime"
# custom:
#   id: "5.26"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Define a health check in the image (HEALTHCHECK) or at run time (--health-cmd and related
#     options).
#   cis_v1_6_0: "5.27"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
package cis_docker_1_1_0.c5_26

import data.lib.containers
import data.lib.result

# Scope: running containers (a stopped container runs no health check). Every running container
# must report a health status (State.Health): starting, healthy or unhealthy. "unhealthy" means
# the check works and found a problem: it is listed in evidence, it does not fail this control.
missing contains m if some m in containers.missing_list

# Only running containers are in scope: a stopped one whose inspect failed is not missing here.
# (The message is containers.missing_listed's, for the running containers only.)
missing contains sprintf("container %s (its inspect failed)", [containers.name(c)]) if {
	some c in containers.listed
	c.running == true
	containers.is_uninspected(c)
}

not_applicable := containers.none_running

checked := containers.running_count

violations contains result.finding(result.container(c), msg, null, "a health check (State.Health present)") if {
	some c in containers.listed
	c.running == true
	not has_health(c)
	not containers.is_uninspected(c)
	msg := sprintf("container %s is running without a health check (%s)", [containers.name(c), why(c)])
}

has_health(c) if is_string(c.health_status)

why(c) := "disabled by --no-healthcheck or HEALTHCHECK NONE" if c.healthcheck.test[0] == "NONE"

else := "no HEALTHCHECK in the image and no --health-cmd"

# One pass over the running containers for both lists.
evidence := {
	"unhealthy": sort([name | some [name, status] in flagged; status == "unhealthy"]),
	"starting": sort([name | some [name, status] in flagged; status == "starting"]),
} if {
	flagged := [[containers.name(c), status] |
		some c in containers.listed
		c.running == true
		status := c.health_status
		status in {"unhealthy", "starting"}
		not containers.is_uninspected(c)
	]
}
