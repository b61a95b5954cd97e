# METADATA
# title: "Ensure the default ulimit is configured appropriately"
# custom:
#   id: "2.7"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Set daemon-wide default ulimits sized for the host (e.g. nofile, nproc) via --default-
#     ulimit or "default-ulimits".
#   cis_v1_6_0: "2.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/#default-ulimit-settings
package cis_docker_1_1_0.c2_7

import data.lib.daemon
import data.lib.result

# Informational (not scored): pass when at least one daemon-wide default ulimit is set, by
# --default-ulimit name=soft[:hard] (repeatable) or daemon.json "default-ulimits"
# ({"nofile": {"Name": "nofile", "Soft": 64000, "Hard": 64000}}). None set is a review, not a
# failure; whether the values suit the workload stays a person's call (evidence lists them).
ulimit_flags := daemon.flag_values("default-ulimit")

default config_limits := {}

config_limits := daemon.config["default-ulimits"] if is_object(daemon.config["default-ulimits"])

names := {split(v, "=")[0] | some v in ulimit_flags} | {k | some k in object.keys(config_limits)}

# One configured limit is enough to decide, even when the other source is unreadable.
missing contains m if {
	count(names) == 0
	some m in daemon.config_missing
}

reviews contains result.finding(result.daemon, "no daemon-wide default ulimit is configured (--default-ulimit / \"default-ulimits\"); containers inherit dockerd's own limits", "none", "default ulimits such as nofile and nproc") if {
	count(daemon.config_missing) == 0
	count(names) == 0
}

checked := 1

evidence := {"default_ulimit_flags": ulimit_flags, "default_ulimits_daemon_json": config_limits}
