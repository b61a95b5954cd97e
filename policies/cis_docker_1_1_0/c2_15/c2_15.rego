# METADATA
# title: "Ensure Userland Proxy is Disabled"
# custom:
#   id: "2.15"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start the daemon with --userland-proxy=false so published ports use kernel NAT (hairpin
#     NAT) instead of the proxy process.
#   cis_v1_6_0: "2.16"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/
package cis_docker_1_1_0.c2_15

import data.lib.daemon
import data.lib.result

# --userland-proxy / "userland-proxy" must be explicitly false (the default is true). Running
# docker-proxy processes prove the proxy is in use whatever the configuration now says (it is
# not reloadable), so they fail on their own.
setting := v if {
	v := daemon.bool_option("userland-proxy", "userland-proxy")
} else := null if {
	count(daemon.config_missing) == 0
}

violations contains result.finding(result.daemon, msg, true, false) if {
	setting != false
	msg := sprintf("the userland proxy is enabled (--userland-proxy %s)", [setting_text])
}

setting_text := "is true" if setting == true

else := "is not set; the default is true"

violations contains result.finding(result.daemon, msg, n, 0) if {
	n := input.daemon.proxy_processes
	is_number(n)
	n > 0
	msg := sprintf("%v docker-proxy processes of this dockerd are running: published ports go through the userland proxy", [n])
}

missing contains m if {
	count(violations) == 0
	some m in daemon.config_missing
}

checked := 1

evidence := {"docker_proxy_processes": proxy_count}

default proxy_count := null

proxy_count := input.daemon.proxy_processes if is_number(input.daemon.proxy_processes)
