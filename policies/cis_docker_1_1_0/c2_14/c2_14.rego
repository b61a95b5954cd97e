# METADATA
# title: "Ensure live restore is Enabled"
# custom:
#   id: "2.14"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Enable live restore (--live-restore / "live-restore": true) so containers survive daemon
#     restarts and upgrades.
#   cis_v1_6_0: "2.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/live-restore/
package cis_docker_1_1_0.c2_14

import data.lib.daemon
import data.lib.result

# Effective: GET /info LiveRestoreEnabled. Without /info, the configured --live-restore /
# "live-restore" decides (default false). The benchmark has no swarm exemption; the swarm
# state is in the evidence for whoever records an exception.
setting := v if {
	v := daemon.bool_option("live-restore", "live-restore")
} else := false if {
	count(daemon.config_missing) == 0
}

violations contains result.finding(result.daemon, "live restore is disabled: GET /info LiveRestoreEnabled is false, so containers stop when dockerd stops", false, true) if {
	input.daemon.info.live_restore_enabled == false
}

violations contains result.finding(result.daemon, "live restore is not enabled (--live-restore / \"live-restore\")", false, true) if {
	not daemon.info_known
	setting == false
}

is_setting_known if is_boolean(setting)

missing contains m if {
	not daemon.info_known
	not is_setting_known
	some m in daemon.missing_info | daemon.config_missing
}

checked := 1

evidence := {"live_restore_enabled": info_value, "swarm_state": swarm_state}

default info_value := null

info_value := input.daemon.info.live_restore_enabled if daemon.info_known

default swarm_state := null

swarm_state := input.swarm.local_node_state if is_string(input.swarm.local_node_state)
