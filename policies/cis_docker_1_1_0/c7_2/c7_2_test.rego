package cis_docker_1_1_0.c7_2_test

import data.cis_docker_1_1_0.c7_2

# Inputs are bound to a local (s := manager) or built with object.union: regopy 1.5 ignores
# `with input.k as r` when r is a bare rule reference.
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

test_inactive_swarm_is_not_applicable if {
	s := inactive
	c7_2.not_applicable == "swarm mode is inactive on this node" with input.swarm as s
	count(c7_2.missing) == 0 with input.swarm as s
}

test_worker_is_not_applicable if {
	s := worker
	c7_2.not_applicable == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager" with input.swarm as s
}

test_locked_manager_is_missing if {
	s := locked
	c7_2.missing == {"swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)"} with input.swarm as s
}

test_uncollected_swarm_is_missing if {
	count(c7_2.missing) == 1 with input.swarm as null
	not c7_2.not_applicable with input.swarm as null
}

test_without_a_maximum_it_is_manual_with_the_count if {
	s := manager
	c7_2.manual == "the swarm has 3 managers (tolerating 1 manager failure(s)): confirm this is the minimum the intended fault tolerance needs, or set the parameter max_managers" with input.swarm as s
	c7_2.evidence.manager_count == 3 with input.swarm as s
	count(c7_2.evidence.managers) == 3 with input.swarm as s
	count(c7_2.violations) == 0 with input.swarm as s
	count(c7_2.reviews) == 0 with input.swarm as s
}

test_within_the_maximum_passes if {
	s := manager
	c7_2.checked == 1 with input.swarm as s with data.dockerbench.params as {"max_managers": 3}
	count(c7_2.violations) == 0 with input.swarm as s with data.dockerbench.params as {"max_managers": 3}
	not c7_2.manual with input.swarm as s with data.dockerbench.params as {"max_managers": 3}
}

test_above_the_maximum_fails if {
	s := manager
	vs := c7_2.violations with input.swarm as s with data.dockerbench.params as {"max_managers": 1}
	vs == {{
		"resource": {"kind": "swarm", "id": "n1", "name": "swarm"},
		"message": "the swarm has 3 managers, more than the maximum of 1 the organisation set (max_managers)",
		"actual": 3, "expected": "at most 1",
	}}
}

test_even_manager_count_is_for_review if {
	extra := {"id": "n5", "hostname": "m4", "role": "manager", "leader": false, "reachability": "reachable", "manager_addr": "10.0.0.5:2377"}
	s := object.union(manager, {"node_list": array.concat(manager.node_list, [extra])})
	rs := c7_2.reviews with input.swarm as s with data.dockerbench.params as {"max_managers": 5}
	count(rs) == 1
	some r in rs
	r.message == "the swarm has 4 managers, an even number: it tolerates 1 manager failure(s), no more than 3 manager(s) would"
	count(c7_2.violations) == 0 with input.swarm as s with data.dockerbench.params as {"max_managers": 5}
}

test_count_falls_back_to_info_managers if {
	s := object.union(manager, {"node_list": null, "managers": 5})
	c7_2.evidence.manager_count == 5 with input.swarm as s
	c7_2.checked == 1 with input.swarm as s with data.dockerbench.params as {"max_managers": 5}
}

test_no_manager_count_is_missing if {
	s := object.union(manager, {"node_list": null, "managers": null})
	c7_2.missing == {"swarm.node_list (GET /nodes and /info Swarm.Managers could not be collected on this manager)"} with input.swarm as s
}

test_empty_node_list_falls_back_to_info_managers if {
	s := object.union(manager, {"node_list": [], "managers": 2})
	c7_2.evidence.manager_count == 2 with input.swarm as s
	count(c7_2.reviews) == 1 with input.swarm as s
	s0 := object.union(manager, {"node_list": [], "managers": 0})
	count(c7_2.missing) == 1 with input.swarm as s0
}

test_single_manager_tolerates_no_failure if {
	s := object.union(manager, {"node_list": [manager.node_list[0]], "managers": 1})
	c7_2.evidence.tolerated_manager_failures == 0 with input.swarm as s
	c7_2.checked == 1 with input.swarm as s with data.dockerbench.params as {"max_managers": 3}
}

# The whole package document evaluates (no builtin error on any rule) for every kind of node.
test_whole_package_evaluates_for_every_node_kind if {
	i := inactive
	m := manager
	w := worker
	l := locked
	d1 := c7_2 with input.swarm as i with input.networks as [] with input.host as {"listeners": []}
	d2 := c7_2 with input.swarm as m with input.networks as [] with input.host as {"listeners": []}
	d3 := c7_2 with input.swarm as w with input.networks as [] with input.host as {"listeners": []}
	d4 := c7_2 with input.swarm as l with input.networks as [] with input.host as {"listeners": []}
	d5 := c7_2 with input.swarm as null with input.networks as null with input.host as {"listeners": null}
	every d in [d1, d2, d3, d4, d5] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if is_string(d.manual)

has_decision(d) if count(d.violations) > 0

has_decision(d) if count(d.reviews) > 0

has_decision(d) if is_number(d.checked)
