# METADATA
# title: "Ensure experimental features are avoided in production"
# custom:
#   id: "2.17"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Do not run production daemons with --experimental / "experimental": true.
#   cis_v1_6_0: "2.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/
package cis_docker_1_1_0.c2_17

import data.lib.daemon
import data.lib.result

# Effective: GET /version Experimental (omitted by the engine when false) and GET /info
# ExperimentalBuild. Either true fails. When neither endpoint answered, the configured
# --experimental / "experimental" decides (it is not reloadable, so the running daemon has it).
is_effective_known if daemon.version_known

is_effective_known if daemon.info_known

violations contains result.finding(result.daemon, "dockerd runs with experimental features (GET /version Experimental is true)", true, false) if {
	input.daemon.version.experimental == true
}

violations contains result.finding(result.daemon, "dockerd runs with experimental features (GET /info ExperimentalBuild is true)", true, false) if {
	input.daemon.info.experimental_build == true
}

violations contains result.finding(result.daemon, "dockerd is configured with experimental features (--experimental / \"experimental\": true)", true, false) if {
	not is_effective_known
	daemon.bool_option("experimental", "experimental") == true
}

missing contains m if {
	not is_effective_known
	count(daemon.config_missing) > 0
	count(violations) == 0
	some m in (daemon.missing_version | daemon.missing_info) | daemon.config_missing
}

checked := 1
