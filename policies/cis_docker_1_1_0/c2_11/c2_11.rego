# METADATA
# title: "Ensure that authorization for Docker client commands is enabled"
# custom:
#   id: "2.11"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Deploy an authorization plugin with a suitable policy and register it with the daemon.
#   cis_v1_6_0: "2.12"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/extend/plugins_authorization/
package cis_docker_1_1_0.c2_11

import data.lib.daemon
import data.lib.result

# Effective: GET /info Plugins.Authorization (the plugins dockerd actually loaded). Without
# /info, a configuration that names no plugin (--authorization-plugin / "authorization-plugins")
# still fails; one that names plugins cannot show they are active.
configured := [p | some p in daemon.list_option("authorization-plugin", "authorization-plugins"); is_string(p)]

active := input.daemon.info.authorization_plugins if daemon.info_known

violations contains result.finding(result.daemon, "no authorization plugin is active (GET /info Plugins.Authorization is empty)", [], "at least one authorization plugin") if {
	count(active) == 0
}

violations contains result.finding(result.daemon, "no authorization plugin is configured (--authorization-plugin / \"authorization-plugins\")", [], "at least one authorization plugin") if {
	not daemon.info_known
	count(daemon.config_missing) == 0
	count(configured) == 0
}

missing contains m if {
	not daemon.info_known
	count(violations) == 0
	some m in daemon.missing_info | daemon.config_missing
}

checked := 1

evidence := {"active": active_or_null, "configured": configured}

default active_or_null := null

active_or_null := v if v := active
