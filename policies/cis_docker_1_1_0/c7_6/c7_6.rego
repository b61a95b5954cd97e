# METADATA
# title: "Ensure swarm manager is run in auto-lock mode"
# custom:
#   id: "7.6"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Enable auto-lock on the swarm (docker swarm update --autolock=true) and store the unlock
#     key securely.
#   cis_v1_6_0: "7.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/swarm_manager_locking/
package cis_docker_1_1_0.c7_6

import data.lib.result
import data.lib.swarm

# AutoLockManagers from the swarm spec; a locked manager has auto-lock by definition.
is_autolocked if input.swarm.autolock == true

is_autolocked if swarm.is_locked

autolock_known if is_boolean(input.swarm.autolock)

missing contains m if some m in swarm.missing

missing contains "swarm.autolock (the swarm spec could not be read on this manager)" if {
	swarm.is_manager
	not autolock_known
}

not_applicable := swarm.inactive_reason

not_applicable := swarm.not_manager_reason

violations contains result.finding(result.swarm, msg, false, true) if {
	swarm.is_manager
	input.swarm.autolock == false
	msg := "auto-lock is off on this swarm: a manager's raft and TLS keys are readable from its disk after a restart (AutoLockManagers is false)"
}

checked := 1 if {
	swarm.is_manager_like
	is_autolocked
}

evidence := object.union(swarm.summary, {"autolock": input.swarm.autolock}) if swarm.is_active
