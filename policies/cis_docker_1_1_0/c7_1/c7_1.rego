# METADATA
# title: "Ensure swarm mode is not Enabled, if not needed"
# custom:
#   id: "7.1"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     If swarm mode was enabled by mistake, leave the swarm (docker swarm leave).
#   cis_v1_6_0: "5.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/swarm-mode/
#     - https://docs.docker.com/reference/cli/docker/swarm/leave/
package cis_docker_1_1_0.c7_1

import data.lib.params
import data.lib.result
import data.lib.swarm

# swarm_needed is the organisation's word: true (swarm mode is intended here), false (it is
# not), or unset. Swarm mode on a node without a true is a violation; inactive passes.
missing contains m if some m in swarm.missing

is_needed if params.value("swarm_needed") == true

is_declared_unneeded if params.value("swarm_needed") == false

checked := 1 if swarm.collected

violations contains result.finding(result.swarm, msg, swarm.state, "inactive") if {
	swarm.is_active
	not is_needed
	not is_declared_unneeded
	msg := sprintf("swarm mode is %s on this node and the organisation has not declared it needed (parameter swarm_needed)", [swarm.state])
}

violations contains result.finding(result.swarm, msg, swarm.state, "inactive") if {
	swarm.is_active
	is_declared_unneeded
	msg := sprintf("swarm mode is %s on this node although the organisation declared it not needed (swarm_needed is false)", [swarm.state])
}

evidence := object.union(swarm.summary, {"swarm_needed": params.with_default("swarm_needed", null)}) if swarm.collected
