# METADATA
# title: "Ensure Docker is allowed to make changes to iptables"
# custom:
#   id: "2.3"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove --iptables=false / "iptables": false so the daemon manages the firewall rules for
#     container networking.
#   cis_v1_6_0: "2.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/packet-filtering-firewalls/
package cis_docker_1_1_0.c2_3

import data.lib.daemon
import data.lib.result

# --iptables / "iptables" (default true). Only an explicit false fails, so it decides even
# when the other configuration source could not be read; a pass needs both known.
violations contains result.finding(result.daemon, "dockerd is not allowed to manage iptables (--iptables=false / \"iptables\": false)", false, true) if {
	daemon.bool_option("iptables", "iptables") == false
}

missing contains m if {
	count(violations) == 0
	some m in daemon.config_missing
}

checked := 1
