# METADATA
# title: "Ensure swarm services are binded to a specific host interface"
# custom:
#   id: "7.3"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Initialise or join the swarm with --listen-addr set to a specific management interface.
#   cis_v1_6_0: "7.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/swarm/init/#listen-addr
package cis_docker_1_1_0.c7_3

import data.lib.result
import data.lib.swarm
import data.lib.values

# The management port: this node's own manager address (GET /nodes ManagerStatus.Addr,
# "10.0.0.1:2377" or "[fd00::1]:2377") when it ends in a port, and the default 2377 in any case.
own_manager_addr := n.manager_addr if {
	some n in values.items(input.swarm.node_list)
	n.id == input.swarm.node_id
	is_string(n.manager_addr)
}

default port := 2377

port := to_number(trim_prefix(suffix, ":")) if {
	some suffix in regex.find_n(`:[1-9][0-9]{0,4}$`, own_manager_addr, 1)
}

ports := {2377, port}

listeners_known if is_array(input.host.listeners)

on_port := [l | some l in values.items(input.host.listeners); l.port in ports]

is_wildcard(l) if l.address in {"0.0.0.0", "::", "::ffff:0.0.0.0", ""}

missing contains m if some m in swarm.missing

missing contains "host.listeners (the host's TCP listeners could not be read)" if {
	swarm.is_active
	not listeners_known
}

not_applicable := swarm.inactive_reason

not_applicable := sprintf("this node is not a swarm manager (state %s) and nothing listens on the swarm management port %v", [swarm.state, port]) if {
	swarm.is_active
	not swarm.is_manager_like
	listeners_known
	count(on_port) == 0
}

# Any node with a wildcard listener on the port fails: a worker that listens there too.
violations contains result.finding(result.swarm, msg, listener_text(l), "a specific interface address") if {
	swarm.is_active
	some l in on_port
	is_wildcard(l)
	msg := sprintf("swarm management port %v listens on every interface (%s, %s)", [l.port, l.address, l.family])
}

manual := sprintf("no TCP listener on the swarm management port %v was found in the host network namespace: confirm the manager's --listen-addr binds a specific interface", [port]) if {
	swarm.is_manager_like
	listeners_known
	count(on_port) == 0
}

checked := count(on_port) if {
	swarm.is_active
	listeners_known
}

evidence := object.union(swarm.summary, {
	"management_port": port,
	"listeners": [{"address": l.address, "port": l.port, "family": l.family, "process": l.process} | some l in on_port],
}) if swarm.is_active

listener_text(l) := sprintf("%s:%v", [l.address, l.port])
