# METADATA
# title: "Ensure the minimum number of manager nodes have been created in a swarm"
# custom:
#   id: "7.2"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 1
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Keep only as many managers as the fault-tolerance target needs (odd count) and demote the
#     rest to workers.
#   cis_v1_6_0: "7.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/admin_guide/#add-manager-nodes-for-fault-tolerance
package cis_docker_1_1_0.c7_2

import data.lib.params
import data.lib.result
import data.lib.swarm
import data.lib.values

managers := [n | some n in values.items(input.swarm.node_list); n.role == "manager"]

# Managers counted from the node list (GET /nodes), else from /info Swarm.Managers. A manager
# always counts itself, so zero means the count is unknown, not that there are no managers.
manager_count := count(managers) if count(managers) > 0

else := input.swarm.managers if {
	is_number(input.swarm.managers)
	input.swarm.managers > 0
}

has_count if is_number(manager_count)

has_max if is_number(max_managers)

max_managers := m if {
	m := params.value("max_managers")
	is_number(m)
}

missing contains m if some m in swarm.missing

missing contains swarm.locked_missing

missing contains "swarm.node_list (GET /nodes and /info Swarm.Managers could not be collected on this manager)" if {
	swarm.is_manager
	not has_count
}

not_applicable := swarm.inactive_reason

not_applicable := swarm.not_manager_reason

is_decided if {
	swarm.is_manager
	has_count
}

violations contains result.finding(result.swarm, msg, manager_count, sprintf("at most %v", [max_managers])) if {
	is_decided
	manager_count > max_managers
	msg := sprintf("the swarm has %v managers, more than the maximum of %v the organisation set (max_managers)", [manager_count, max_managers])
}

# An even count adds a manager without adding fault tolerance: 2n managers survive no more
# failures than 2n-1 do, and one more manager can fail to break the quorum.
reviews contains result.finding(result.swarm, msg, manager_count, "an odd number of managers") if {
	is_decided
	manager_count % 2 == 0
	msg := sprintf("the swarm has %v managers, an even number: it tolerates %v manager failure(s), no more than %v manager(s) would", [manager_count, tolerated_failures, manager_count - 1])
}

manual := sprintf("the swarm has %v managers (tolerating %v manager failure(s)): confirm this is the minimum the intended fault tolerance needs, or set the parameter max_managers", [manager_count, tolerated_failures]) if {
	is_decided
	not has_max
}

checked := 1 if is_decided

tolerated_failures := floor((manager_count - 1) / 2)

evidence := object.union(swarm.summary, {
	"manager_count": manager_count,
	"tolerated_manager_failures": tolerated_failures,
	"max_managers": params.with_default("max_managers", null),
	"nodes": input.swarm.nodes,
	"managers": [manager_evidence(n) | some n in managers],
}) if is_decided

manager_evidence(n) := {
	"id": n.id, "hostname": n.hostname, "leader": n.leader,
	"reachability": n.reachability, "addr": n.manager_addr,
}
