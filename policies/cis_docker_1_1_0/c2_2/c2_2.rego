# METADATA
# title: "Ensure the logging level is set to 'info'"
# custom:
#   id: "2.2"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Drop non-default log-level and debug settings, or set the level to info in daemon.json or
#     with --log-level=info.
#   cis_v1_6_0: "2.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/
package cis_docker_1_1_0.c2_2

import data.lib.daemon
import data.lib.result

# Configured: --log-level / -l and "log-level" (unset means info), --debug / -D and "debug".
# Effective: GET /info Debug. Debug mode logs at debug level whatever the level says, so it
# fails too. An observed violation decides on its own; a pass needs the configuration and
# /info both known.
log_level := lower(daemon.string_option("log-level", "log-level"))

is_debug_effective if input.daemon.info.debug == true

is_debug_configured if daemon.bool_option("debug", "debug") == true

violations contains result.finding(result.daemon, "dockerd runs in debug mode (GET /info Debug is true)", "debug", "info") if {
	is_debug_effective
}

violations contains result.finding(result.daemon, "dockerd is configured to run in debug mode (--debug / \"debug\": true)", "debug", "info") if {
	is_debug_configured
	not is_debug_effective
}

violations contains result.finding(result.daemon, msg, log_level, "info") if {
	log_level != "info"
	msg := sprintf("dockerd log level is %s, not info (--log-level / \"log-level\")", [log_level])
}

missing contains m if {
	count(violations) == 0
	some m in daemon.config_missing
}

missing contains m if {
	count(violations) == 0
	some m in daemon.missing_info
}

checked := 1

evidence := {"configured_log_level": configured_level, "info_debug": info_debug}

default configured_level := null

configured_level := v if v := log_level

default info_debug := null

info_debug := input.daemon.info.debug if daemon.info_known
