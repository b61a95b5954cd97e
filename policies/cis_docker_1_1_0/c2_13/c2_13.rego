# METADATA
# title: "Ensure operations on legacy registry (v1) are Disabled"
# custom:
#   id: "2.13"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     On engines older than 17.12 start the daemon with --disable-legacy-registry; newer engines
#     need no action.
#   cis_v1_6_0: null
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/deprecated/
package cis_docker_1_1_0.c2_13

import data.lib.daemon
import data.lib.result
import data.lib.versions

# Engines from 17.12 have no v1 registry support at all (and refuse the flag): not applicable,
# which is compliant. Older engines must run with --disable-legacy-registry /
# "disable-legacy-registry": true. Version from GET /version, else GET /info ServerVersion.
engine_version := input.daemon.version.version if is_string(input.daemon.version.version)

else := input.daemon.info.server_version if is_string(input.daemon.info.server_version)

removed_in := "17.12.0"

# (versions.rank reads a version without leading digits as 0: refuse it instead.)
is_readable if count(versions.parts(engine_version)) > 0

is_modern if {
	is_readable
	versions.rank(engine_version) >= versions.rank(removed_in)
}

is_old if {
	is_readable
	versions.rank(engine_version) < versions.rank(removed_in)
}

missing contains m if {
	not engine_version
	some m in daemon.missing_version
}

missing contains sprintf("daemon.version (the engine version %s could not be read as a number)", [engine_version]) if {
	engine_version
	not is_readable
}

missing contains m if {
	is_old
	count(violations) == 0
	some m in daemon.config_missing
}

not_applicable := sprintf("engine %s is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable", [engine_version]) if {
	is_modern
}

violations contains result.finding(result.daemon, msg, setting, true) if {
	is_old
	setting := legacy_setting
	setting != true
	msg := sprintf("engine %s still allows v1 (legacy) registry operations: --disable-legacy-registry is not set", [engine_version])
}

legacy_setting := v if {
	v := daemon.bool_option("disable-legacy-registry", "disable-legacy-registry")
} else := null if {
	count(daemon.config_missing) == 0
}

checked := 1
