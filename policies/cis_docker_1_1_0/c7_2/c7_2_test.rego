package cis_docker_1_1_0.c7_2_test

import data.cis_docker_1_1_0.c7_2
import data.lib.result

inactive := {"local_node_state": "inactive", "control_available": false, "node_id": null, "node_addr": null,
	"managers": null, "nodes": null, "autolock": null, "node_cert_expiry_ns": null, "root_rotation_in_progress": null,
	"root_ca": null, "node_cert": null, "node_list": null, "secrets": null, "services": null}

manager := {"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.1",
	"managers": 3, "nodes": 5, "autolock": true, "node_cert_expiry_ns": 7776000000000000, "root_rotation_in_progress": false,
	"root_ca": {"path": "/var/lib/docker/swarm/certificates/swarm-root-ca.crt", "not_before_unix": 1697408000, "not_after_unix": 2328128000, "mtime_unix": 1697408000, "age_seconds": 2592000},
	"node_cert": {"path": "/var/lib/docker/swarm/certificates/swarm-node.crt", "not_before_unix": 1699996400, "not_after_unix": 1707776000, "mtime_unix": 1700000000, "age_seconds": 3600},
	"node_list": [
		{"id": "n1", "hostname": "m1", "role": "manager", "leader": true, "reachability": "reachable", "manager_addr": "10.0.0.1:2377", "addr": "10.0.0.1", "state": "ready", "availability": "active"},
		{"id": "n2", "hostname": "m2", "role": "manager", "leader": false, "reachability": "reachable", "manager_addr": "10.0.0.2:2377", "addr": "10.0.0.2", "state": "ready", "availability": "active"},
		{"id": "n3", "hostname": "m3", "role": "manager", "leader": false, "reachability": "unreachable", "manager_addr": "10.0.0.3:2377", "addr": "10.0.0.3", "state": "down", "availability": "active"},
		{"id": "n4", "hostname": "w1", "role": "worker", "leader": false, "reachability": null, "manager_addr": null, "addr": "10.0.0.4", "state": "ready", "availability": "active"},
	],
	"secrets": [{"id": "s1", "name": "db_password", "created_unix": 1700000000}],
	"services": [
		{"id": "v1", "name": "web", "secret_names": ["db_password"], "env": [{"name": "LOG_LEVEL", "looks_secret": false, "value": null}]},
		{"id": "v2", "name": "worker", "secret_names": [], "env": []},
	]}

worker := object.union(inactive, {"local_node_state": "active", "node_id": "n4", "node_addr": "10.0.0.4",
	"root_ca": {"path": "/var/lib/docker/swarm/certificates/swarm-root-ca.crt", "not_before_unix": 1697408000, "not_after_unix": 2328128000, "mtime_unix": 1697408000, "age_seconds": 2592000}})

locked := object.union(inactive, {"local_node_state": "locked", "node_id": "n1", "autolock": true})

n1 := {"kind": "swarm", "id": "n1", "name": "swarm"}

test_inactive_swarm_is_not_applicable if {
	doc := c7_2 with input.swarm as inactive
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	not doc.checked
}

test_worker_is_not_applicable if {
	doc := c7_2 with input.swarm as worker
	doc.not_applicable == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager"
	doc.missing == set()
	not doc.manual
}

test_locked_manager_is_missing if {
	doc := c7_2 with input.swarm as locked
	doc.missing == {"swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)"}
	not doc.not_applicable
}

test_uncollected_swarm_is_missing if {
	doc := c7_2 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.not_applicable
	not doc.checked
}

test_without_a_maximum_it_is_manual_with_the_count if {
	doc := c7_2 with input.swarm as manager
	doc.manual == "the swarm has 3 managers (tolerating 1 manager failure(s)): confirm this is the minimum the intended fault tolerance needs, or set the parameter max_managers"
	doc.violations == set()
	doc.reviews == set()
	doc.missing == set()
	doc.evidence.manager_count == 3
	doc.evidence.max_managers == null
	doc.evidence.managers == [
		{"id": "n1", "hostname": "m1", "leader": true, "reachability": "reachable", "addr": "10.0.0.1:2377"},
		{"id": "n2", "hostname": "m2", "leader": false, "reachability": "reachable", "addr": "10.0.0.2:2377"},
		{"id": "n3", "hostname": "m3", "leader": false, "reachability": "unreachable", "addr": "10.0.0.3:2377"},
	]
}

test_within_the_maximum_passes if {
	doc := c7_2 with input.swarm as manager with data.dockerbench.params as {"max_managers": 3}
	doc.violations == set()
	doc.reviews == set()
	doc.checked == 1
	not doc.manual
}

test_above_the_maximum_fails if {
	vs := c7_2.violations with input.swarm as manager with data.dockerbench.params as {"max_managers": 1}
	vs == {result.finding(n1, "the swarm has 3 managers, more than the maximum of 1 the organisation set (max_managers)", 3, "at most 1")}
}

test_a_maximum_that_is_not_a_number_leaves_it_manual if {
	doc := c7_2 with input.swarm as manager with data.dockerbench.params as {"max_managers": "three"}
	doc.violations == set()
	startswith(doc.manual, "the swarm has 3 managers (tolerating 1 manager failure(s))")
	doc.evidence.max_managers == "three"
}

test_even_manager_count_is_for_review if {
	extra := {"id": "n5", "hostname": "m4", "role": "manager", "leader": false, "reachability": "reachable", "manager_addr": "10.0.0.5:2377"}
	s := object.union(manager, {"node_list": array.concat(manager.node_list, [extra])})
	doc := c7_2 with input.swarm as s with data.dockerbench.params as {"max_managers": 5}
	doc.reviews == {result.finding(n1, "the swarm has 4 managers, an even number: it tolerates 1 manager failure(s), no more than 3 manager(s) would", 4, "an odd number of managers")}
	doc.violations == set()
	doc.checked == 1
}

test_count_falls_back_to_info_managers if {
	s := object.union(manager, {"node_list": null, "managers": 5})
	doc := c7_2 with input.swarm as s with data.dockerbench.params as {"max_managers": 5}
	doc.evidence.manager_count == 5
	doc.evidence.managers == []
	doc.violations == set()
	doc.reviews == set()
	doc.checked == 1
}

test_no_manager_count_is_missing if {
	s := object.union(manager, {"node_list": null, "managers": null})
	doc := c7_2 with input.swarm as s
	doc.missing == {"swarm.node_list (GET /nodes and /info Swarm.Managers could not be collected on this manager)"}
	not doc.manual
	not doc.checked
	not doc.evidence
}

test_empty_node_list_falls_back_to_info_managers if {
	s := object.union(manager, {"node_list": [], "managers": 2})
	doc := c7_2 with input.swarm as s
	doc.evidence.manager_count == 2
	result.brief(doc.reviews) == {{"resource": n1, "message": "the swarm has 2 managers, an even number: it tolerates 0 manager failure(s), no more than 1 manager(s) would"}}
}

test_zero_managers_is_an_unknown_count if {
	s := object.union(manager, {"node_list": [], "managers": 0})
	c7_2.missing == {"swarm.node_list (GET /nodes and /info Swarm.Managers could not be collected on this manager)"} with input.swarm as s
}

test_single_manager_tolerates_no_failure if {
	s := object.union(manager, {"node_list": [manager.node_list[0]], "managers": 1})
	doc := c7_2 with input.swarm as s with data.dockerbench.params as {"max_managers": 3}
	doc.evidence.tolerated_manager_failures == 0
	doc.violations == set()
	doc.reviews == set()
	doc.checked == 1
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_2) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_2) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "fail" if count(d.violations) > 0

else := "warn" if count(d.reviews) > 0

else := "manual" if is_string(d.manual)

else := "pass" if is_number(d.checked)
