package lib.swarm_test

import data.lib.swarm

inactive := {"local_node_state": "inactive", "control_available": false}

manager := {"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.1"}

worker := {"local_node_state": "active", "control_available": false, "node_id": "n2", "node_addr": "10.0.0.2"}

locked := {"local_node_state": "locked", "control_available": false, "node_id": "n1", "node_addr": "10.0.0.1"}

test_uncollected_swarm_is_missing if {
	swarm.missing == {"swarm (GET /info Swarm could not be collected)"} with input.swarm as null
	not swarm.is_active with input.swarm as null
	not swarm.inactive_reason with input.swarm as null
}

# regopy 1.5 ignores `with input.k as r` when r is a bare reference to a rule: bind a local first.
test_inactive_node if {
	s := inactive
	swarm.inactive_reason == "swarm mode is inactive on this node" with input.swarm as s
	not swarm.is_active with input.swarm as s
	count(swarm.missing) == 0 with input.swarm as s
}

test_manager_has_no_worker_reason if {
	s := manager
	swarm.is_manager with input.swarm as s
	not swarm.not_manager_reason with input.swarm as s
}

test_worker_reason_names_the_state if {
	s := worker
	swarm.not_manager_reason == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager" with input.swarm as s
}

test_pending_node_is_not_a_manager if {
	swarm.not_manager_reason with input.swarm as object.union(worker, {"local_node_state": "pending"})
}

test_locked_node_is_a_manager_whose_facts_are_missing if {
	s := locked
	m := manager
	not swarm.not_manager_reason with input.swarm as s
	swarm.locked_missing == "swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)" with input.swarm as s
	not swarm.locked_missing with input.swarm as m
}

test_summary if {
	s := manager
	swarm.summary == {"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.1"} with input.swarm as s
}

test_resource_falls_back_when_node_id_is_null if {
	swarm.resource == {"kind": "swarm", "id": "swarm", "name": "swarm"} with input.swarm as {"local_node_state": "pending", "node_id": null}
	s := manager
	swarm.resource.id == "n1" with input.swarm as s
}
