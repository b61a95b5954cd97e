# METADATA
# title: "Ensure containers are restricted from acquiring new privileges"
# custom:
#   id: "2.18"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start the daemon with --no-new-privileges ("no-new-privileges": true) so new containers
#     cannot gain privileges through setuid/setgid binaries.
#   cis_v1_6_0: "2.14"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/
package cis_docker_1_1_0.c2_18

import data.lib.daemon
import data.lib.result

# The running dockerd must enable no-new-privileges for every new container (default off).
# Engines from 24.0 list it in GET /info SecurityOptions when it is on, so there /info alone
# decides (lib.daemon.no_new_privileges), whatever the configuration files say now: a
# configuration that sets it while /info does not list it was changed after dockerd started.
# On older engines, and without /info, the configuration decides (--no-new-privileges /
# "no-new-privileges"): an explicit false fails even when the other source is unreadable,
# while "not set" and a pass need both sources known.
configured := v if v := daemon.bool_option("no-new-privileges", "no-new-privileges")

setting := v if {
	not daemon.info_decides_no_new_privileges
	v := configured
} else := null if {
	not daemon.info_decides_no_new_privileges
	count(daemon.config_missing) == 0
}

violations contains result.finding(result.daemon, msg, false, true) if {
	daemon.info_decides_no_new_privileges
	daemon.no_new_privileges == false
	msg := sprintf("the running dockerd does not enable no-new-privileges for containers: GET /info SecurityOptions does not list it%s", [restart_note])
}

default restart_note := ""

restart_note := "; the configuration sets it, so dockerd has not been restarted since (restart it to apply the setting)" if {
	configured == true
}

violations contains result.finding(result.daemon, "no-new-privileges is explicitly disabled for containers (--no-new-privileges=false / \"no-new-privileges\": false)", false, true) if {
	setting == false
}

violations contains result.finding(result.daemon, "no-new-privileges is not set daemon-wide (--no-new-privileges / \"no-new-privileges\": true); the default is false", null, true) if {
	setting == null
}

missing contains m if {
	count(violations) == 0
	not daemon.info_decides_no_new_privileges
	some m in daemon.config_missing
}

checked := 1

note := sprintf("decided from GET /info SecurityOptions: Engine %s lists no-new-privileges there when it is on, as every engine from 24.0 does", [daemon.engine_version]) if {
	daemon.info_reports_no_new_privileges
} else := "decided from GET /info SecurityOptions, which lists no-new-privileges" if {
	daemon.no_new_privileges_in_info
} else := sprintf("decided from the configuration: Engine %s does not report no-new-privileges in GET /info, only engines from 24.0 do", [daemon.engine_version]) if {
	daemon.engine_before("24.0.0")
	count(missing) == 0
}

evidence := {
	"no_new_privileges": effective_or_null,
	"configured": configured_or_null,
	"engine_version": engine_or_null,
}

default effective_or_null := null

effective_or_null := v if v := daemon.no_new_privileges

default configured_or_null := null

configured_or_null := v if v := configured

default engine_or_null := null

engine_or_null := v if v := daemon.engine_version
