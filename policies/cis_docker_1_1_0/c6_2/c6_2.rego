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

import data.lib.containers
import data.lib.daemon
import data.lib.params
import data.lib.result
import data.lib.values

# From GET /info: sprawl is flagged (review) when stopped containers outnumber running ones by
# stopped_container_margin or more (default 25), as the CIS audit compares ContainersStopped
# with ContainersRunning. Paused containers are neither: they are in the evidence only. The
# auditor's own container (label dockerbench.auditor=true, running while it audits) is left out
# of every count, as every container control leaves it out.

info := input.daemon.info

auditors := [c | some c in values.items(input.containers); containers.is_auditor(c)]

# state(c) is the GET /info count a container is in: a paused container runs but counts as paused.
state(c) := "paused" if c.status == "paused"

else := "running" if c.running == true

else := "stopped"

count_of(total, s) := max({0, total - count([c | some c in auditors; state(c) == s])})

total := max({0, info.containers - count(auditors)})

running := count_of(info.containers_running, "running")

paused := count_of(info.containers_paused, "paused")

stopped := count_of(info.containers_stopped, "stopped")

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
	total == 0
}

checked := total if {
	daemon.info_known
	valid_margin
}

excess := stopped - running

reviews contains result.finding(result.daemon, msg, actual, expected) if {
	valid_margin
	excess >= margin
	msg := sprintf("%v stopped containers against %v running (%v more stopped than running; flagged from %v): remove the ones no longer needed", [stopped, running, excess, margin])
	actual := {"stopped": stopped, "running": running}
	expected := sprintf("fewer than %v more stopped than running containers", [margin])
}

evidence := {
	"containers": total,
	"running": running,
	"paused": paused,
	"stopped": stopped,
	"stopped_minus_running": excess,
	"margin": margin,
} if daemon.info_known
