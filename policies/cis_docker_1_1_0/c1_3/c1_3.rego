# METADATA
# title: "Ensure Docker is up to date"
# custom:
#   id: "1.3"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: medium
#   remediation: >-
#     Follow Docker/vendor release and security announcements and upgrade the engine (plus
#     containerd and runc) on a defined schedule.
#   cis_v1_6_0: "1.2.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/release-notes/
package cis_docker_1_1_0.c1_3

import data.lib.params
import data.lib.result
import data.lib.versions

# "Up to date" needs an outside reference: with the organisation's min_engine_version the engine
# version (GET /version, else GET /info ServerVersion) is compared with lib.versions (numeric
# components, distribution suffixes like +dfsg1 ignored); without it the control is manual, with
# the versions in the evidence. A version that is not dotted numbers (a dev build) is for review.

# has_minimum: the organisation gave min_engine_version, whatever the value (false too: missing).
has_minimum if params.value("min_engine_version") != null

minimum := params.value("min_engine_version")

is_version(v) if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)*`, v)
}

valid_minimum if is_version(minimum)

engine_version := input.daemon.version.version if is_string(input.daemon.version.version)

else := input.daemon.info.server_version if is_string(input.daemon.info.server_version)

missing contains "daemon.version (GET /version could not be collected, and GET /info gave no ServerVersion)" if {
	has_minimum
	not engine_version
}

missing contains sprintf("params.min_engine_version (%v is not a version such as 24.0.7)", [minimum]) if {
	has_minimum
	not valid_minimum
}

manual := "no minimum engine version was given (parameter min_engine_version): compare the engine version in the evidence with the current supported Docker release and its security fixes" if {
	not has_minimum
}

checked := 1 if {
	valid_minimum
	engine_version
}

violations contains result.finding(result.daemon, msg, engine_version, expected) if {
	valid_minimum
	is_version(engine_version)
	not versions.at_least(engine_version, minimum)
	msg := sprintf("Docker Engine %s is older than the minimum version %s", [engine_version, minimum])
	expected := sprintf("%s or newer", [minimum])
}

reviews contains result.finding(result.daemon, msg, engine_version, expected) if {
	valid_minimum
	engine_version
	not is_version(engine_version)
	msg := sprintf("Docker Engine version %s cannot be compared with the minimum version %s", [engine_version, minimum])
	expected := sprintf("%s or newer", [minimum])
}

evidence := {
	"engine_version": object.get(
		input, ["daemon", "version", "version"],
		object.get(input, ["daemon", "info", "server_version"], null),
	),
	"api_version": object.get(input, ["daemon", "version", "api_version"], null),
	"components": object.get(input, ["daemon", "version", "components"], []),
	"min_engine_version": params.with_default("min_engine_version", null),
}
