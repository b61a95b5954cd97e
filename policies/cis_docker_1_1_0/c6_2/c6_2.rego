# METADATA
# title: "Ensure container sprawl is avoided"
# custom:
#   id: "6.2"
#   section: "6"
#   section_title: "Docker Security Operations"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Remove stopped containers that are no longer needed (docker container prune) on a
#     schedule.
#   cis_v1_6_0: "6.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/manage-resources/pruning/#prune-containers
package cis_docker_1_1_0.c6_2

import data.lib.daemon
import data.lib.params
import data.lib.result

# From GET /info: sprawl is flagged (review) when stopped containers outnumber running ones by
# stopped_container_margin or more (default 25), as the CIS audit compares ContainersStopped
# with ContainersRunning. Paused containers are neither: they are in the evidence only.

info := input.daemon.info

margin := params.with_default("stopped_container_margin", 25)

missing contains m if some m in daemon.missing_info

missing contains sprintf("params.stopped_container_margin (%v is not a positive number)", [margin]) if {
	daemon.info_known
	not valid_margin
}

valid_margin if {
	is_number(margin)
	margin > 0
}

not_applicable := "there are no containers on this host" if {
	daemon.info_known
	info.containers == 0
}

checked := info.containers if {
	daemon.info_known
	valid_margin
}

excess := info.containers_stopped - info.containers_running

reviews contains result.finding(result.daemon, msg, actual, expected) if {
	valid_margin
	excess >= margin
	msg := sprintf("%v stopped containers against %v running (%v more stopped than running; flagged from %v): remove the ones no longer needed", [info.containers_stopped, info.containers_running, excess, margin])
	actual := {"stopped": info.containers_stopped, "running": info.containers_running}
	expected := sprintf("fewer than %v more stopped than running containers", [margin])
}

evidence := {
	"containers": info.containers,
	"running": info.containers_running,
	"paused": info.containers_paused,
	"stopped": info.containers_stopped,
	"stopped_minus_running": excess,
	"margin": margin,
} if daemon.info_known
