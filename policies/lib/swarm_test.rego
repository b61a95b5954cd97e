package lib.swarm_test

import data.lib.swarm

inactive := {"local_node_state": "inactive", "control_available": false}

manager := {"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.1"}

worker := {"local_node_state": "active", "control_available": false, "node_id": "n2", "node_addr": "10.0.0.2"}

locked := {"local_node_state": "locked", "control_available": false, "node_id": "n1", "node_addr": "10.0.0.1"}

pending := object.union(worker, {"local_node_state": "pending"})

test_uncollected_swarm_is_missing if {
	swarm.missing == {"swarm (GET /info Swarm could not be collected)"} with input.swarm as null
	not swarm.collected with input.swarm as null
	not swarm.is_active with input.swarm as null
	not swarm.inactive_reason with input.swarm as null
	not swarm.not_manager_reason with input.swarm as null
	not swarm.summary with input.swarm as null
}

test_inactive_node_is_not_in_a_swarm if {
	swarm.inactive_reason == "swarm mode is inactive on this node" with input.swarm as inactive
	not swarm.is_active with input.swarm as inactive
	swarm.missing == set() with input.swarm as inactive
}

test_manager_has_no_not_manager_reason if {
	swarm.is_manager with input.swarm as manager
	swarm.is_manager_like with input.swarm as manager
	not swarm.not_manager_reason with input.swarm as manager
	not swarm.locked_missing with input.swarm as manager
}

test_worker_reason_names_the_state if {
	swarm.not_manager_reason == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager" with input.swarm as worker
	not swarm.is_manager_like with input.swarm as worker
}

test_pending_node_is_not_a_manager if {
	swarm.is_active with input.swarm as pending
	swarm.not_manager_reason == "this node is not a swarm manager (state pending): the cluster facts this control needs are only visible on managers; audit it on a manager" with input.swarm as pending
}

test_locked_node_is_a_manager_whose_facts_are_missing if {
	not swarm.is_manager with input.swarm as locked
	swarm.is_manager_like with input.swarm as locked
	not swarm.not_manager_reason with input.swarm as locked
	swarm.locked_missing == "swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)" with input.swarm as locked
}

test_summary_of_a_manager if {
	swarm.summary == {"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.1"} with input.swarm as manager
}

test_summary_of_an_inactive_node_has_nulls if {
	swarm.summary == {"local_node_state": "inactive", "control_available": false, "node_id": null, "node_addr": null} with input.swarm as inactive
}

# regorus evaluates the whole package: it must evaluate for every kind of node.
test_whole_package_evaluates_for_every_node_kind if {
	every s in [null, inactive, manager, worker, pending, locked] {
		is_object(swarm) with input.swarm as s
	}
}
