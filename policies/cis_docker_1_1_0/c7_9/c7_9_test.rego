package cis_docker_1_1_0.c7_9_test

import data.cis_docker_1_1_0.c7_9

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

test_without_a_parameter_it_is_manual_with_the_age if {
	s := manager
	c7_9.manual == "the swarm root CA was issued 30 days ago: confirm this is within the rotation interval of your policy, or set the parameter ca_max_age_days" with input.swarm as s
	c7_9.evidence.root_ca_age_days == 30 with input.swarm as s
	c7_9.evidence.root_rotation_in_progress == false with input.swarm as s
}

test_within_the_interval_passes if {
	s := manager
	c7_9.checked == 1 with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 365}
	count(c7_9.violations) == 0 with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 365}
	not c7_9.manual with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 365}
}

test_older_than_the_interval_fails if {
	s := manager
	vs := c7_9.violations with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 10}
	vs == {{
		"resource": {"kind": "swarm", "id": "n1", "name": "swarm"},
		"message": "the swarm root CA was issued 30 days ago, longer ago than the 10 days the organisation allows (ca_max_age_days): rotate it with docker swarm ca --rotate",
		"actual": "30 days", "expected": "at most 10 days",
	}}
}

test_exactly_the_interval_passes if {
	s := manager
	count(c7_9.violations) == 0 with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 30}
}

test_worker_is_decided_from_its_copy_of_the_root_ca if {
	s := worker
	c7_9.checked == 1 with input.swarm as s with data.dockerbench.params as {"ca_max_age_days": 365}
}

test_unreadable_root_ca_is_missing if {
	s := object.union(manager, {"root_ca": null})
	c7_9.missing == {"swarm.root_ca (the age of the swarm root CA certificate could not be read)"} with input.swarm as s
	s2 := object.union(manager, {"root_ca": {"path": "/var/lib/docker/swarm/certificates/swarm-root-ca.crt", "mtime_unix": 1697408000, "age_seconds": null}})
	count(c7_9.missing) == 1 with input.swarm as s2
}

test_inactive_swarm_is_not_applicable if {
	s := inactive
	c7_9.not_applicable == "swarm mode is inactive on this node" with input.swarm as s
	count(c7_9.missing) == 0 with input.swarm as s
}

test_uncollected_swarm_is_missing if count(c7_9.missing) == 1 with input.swarm as null

# The whole package document evaluates (no builtin error on any rule) for every kind of node.
test_whole_package_evaluates_for_every_node_kind if {
	i := inactive
	m := manager
	w := worker
	l := locked
	d1 := c7_9 with input.swarm as i with input.networks as [] with input.host as {"listeners": []}
	d2 := c7_9 with input.swarm as m with input.networks as [] with input.host as {"listeners": []}
	d3 := c7_9 with input.swarm as w with input.networks as [] with input.host as {"listeners": []}
	d4 := c7_9 with input.swarm as l with input.networks as [] with input.host as {"listeners": []}
	d5 := c7_9 with input.swarm as null with input.networks as null with input.host as {"listeners": null}
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
