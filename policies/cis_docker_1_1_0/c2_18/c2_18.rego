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

# --no-new-privileges / "no-new-privileges" must be true (default false). GET /info does not
# report it, so the configuration decides; an explicit false fails even when the other source
# is unreadable, while "not set" and a pass need both sources known.
setting := v if {
	v := daemon.bool_option("no-new-privileges", "no-new-privileges")
} else := null if {
	count(daemon.config_missing) == 0
}

violations contains result.finding(result.daemon, "no-new-privileges is explicitly disabled for containers (--no-new-privileges=false / \"no-new-privileges\": false)", false, true) if {
	setting == false
}

violations contains result.finding(result.daemon, "no-new-privileges is not set daemon-wide (--no-new-privileges / \"no-new-privileges\": true); the default is false", null, true) if {
	setting == null
}

missing contains m if {
	count(violations) == 0
	some m in daemon.config_missing
}

checked := 1
