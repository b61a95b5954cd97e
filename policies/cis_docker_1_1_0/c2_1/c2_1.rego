# METADATA
# title: "Ensure network traffic is restricted between containers on the default bridge"
# custom:
#   id: "2.1"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run the daemon with inter-container communication disabled (--icc=false / "icc": false)
#     and place containers that must talk to each other on dedicated user-defined networks.
#   cis_v1_6_0: "2.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/drivers/bridge/
package cis_docker_1_1_0.c2_1

import data.lib.daemon
import data.lib.result
import data.lib.values

# Effective state first: the default bridge network's enable_icc option (GET /networks).
# dockerd always writes that option on the default bridge; only when it is absent does the
# configured --icc / "icc" decide (default true). --bridge=none / "bridge": "none" removes the
# default bridge, and with it the control. User-defined networks are not governed by --icc.
icc_option := "com.docker.network.bridge.enable_icc"

networks_known if is_array(input.networks)

default_bridges := [n | some n in values.items(input.networks); n.is_default_bridge == true]

is_bridge_disabled if lower(daemon.string_option("bridge", "bridge")) == "none"

has_icc_option(n) if is_string(n.options[icc_option])

missing contains "networks (GET /networks could not be collected)" if {
	not networks_known
	not is_bridge_disabled
}

missing contains m if {
	some n in default_bridges
	not has_icc_option(n)
	some m in daemon.config_missing
}

not_applicable := "the default bridge is disabled (bridge: none), so there is no default bridge network" if {
	is_bridge_disabled
	count(default_bridges) == 0
}

not_applicable := "there is no default bridge network on this host (dockerd runs without one)" if {
	networks_known
	count(default_bridges) == 0
	not is_bridge_disabled
}

checked := count(default_bridges)

# icc is the effective setting of one default bridge: its option, else the configuration.
icc(n) := lower(n.options[icc_option]) if has_icc_option(n)

else := "false" if daemon.bool_option("icc", "icc") == false

else := "true" if count(daemon.config_missing) == 0

violations contains result.finding(result.network(n), msg, value, "false") if {
	some n in default_bridges
	value := icc(n)
	value != "false"
	msg := sprintf("default bridge network %s allows traffic between its containers (%s=%s)", [n.name, icc_option, value])
}
