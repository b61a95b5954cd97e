# METADATA
# title: "Ensure swarm manager auto-lock key is rotated periodically"
# custom:
#   id: "7.7"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Rotate the swarm unlock key on a fixed schedule (docker swarm unlock-key --rotate) and
#     keep a rotation log.
#   cis_v1_6_0: "7.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/swarm_manager_locking/
#     - https://docs.docker.com/reference/cli/docker/swarm/unlock-key/
package cis_docker_1_1_0.c7_7

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

not_applicable := "auto-lock is off on this swarm (see the auto-lock mode control): there is no unlock key to rotate" if {
	swarm.is_manager
	input.swarm.autolock == false
}

# Nothing in the engine records when the unlock key was last rotated.
manual := "confirm from the rotation records that the swarm unlock key is rotated on the defined schedule (docker swarm unlock-key --rotate); the engine does not record when it was last rotated" if {
	swarm.is_manager_like
	is_autolocked
}

evidence := object.union(swarm.summary, {"autolock": input.swarm.autolock}) if swarm.is_active
