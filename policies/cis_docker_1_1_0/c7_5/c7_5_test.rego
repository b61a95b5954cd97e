package cis_docker_1_1_0.c7_5_test

import data.cis_docker_1_1_0.c7_5

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

test_manager_is_manual_with_evidence if {
	s := manager
	c7_5.manual == "confirm that sensitive values reach services as swarm secrets, not as environment variables, configs or image content (1 secrets, 1 of 2 services use secrets)" with input.swarm as s
	c7_5.evidence.secrets == ["db_password"] with input.swarm as s
	c7_5.evidence.services_without_secrets == ["worker"] with input.swarm as s
	count(c7_5.reviews) == 0 with input.swarm as s
	count(c7_5.missing) == 0 with input.swarm as s
}

test_secret_looking_environment_variable_is_for_review if {
	svc := {"id": "v3", "name": "api", "secret_names": [], "env": [{"name": "DB_PASSWORD", "looks_secret": true, "value": null}, {"name": "PORT", "looks_secret": false, "value": null}]}
	s := object.union(manager, {"services": [svc]})
	rs := c7_5.reviews with input.swarm as s
	rs == {{
		"resource": {"kind": "swarm", "id": "v3", "name": "api"},
		"message": "service api passes the environment variable DB_PASSWORD, whose name looks like a secret: deliver it as a swarm secret",
		"actual": "DB_PASSWORD", "expected": "a swarm secret",
	}}
}

test_no_services_is_still_manual if {
	s := object.union(manager, {"services": [], "secrets": []})
	c7_5.manual == "confirm that sensitive values reach services as swarm secrets, not as environment variables, configs or image content (0 secrets, 0 of 0 services use secrets)" with input.swarm as s
}

test_inactive_swarm_is_not_applicable if {
	s := inactive
	c7_5.not_applicable == "swarm mode is inactive on this node" with input.swarm as s
}

test_worker_is_not_applicable if {
	s := worker
	startswith(c7_5.not_applicable, "this node is not a swarm manager (state active)") with input.swarm as s
}

test_locked_manager_is_missing if {
	s := locked
	count(c7_5.missing) == 1 with input.swarm as s
}

test_uncollected_lists_are_missing if {
	s := object.union(manager, {"secrets": null, "services": null})
	c7_5.missing == {"swarm.secrets (GET /secrets could not be collected on this manager)", "swarm.services (GET /services could not be collected on this manager)"} with input.swarm as s
}

test_uncollected_swarm_is_missing if count(c7_5.missing) == 1 with input.swarm as null

# The whole package document evaluates (no builtin error on any rule) for every kind of node.
test_whole_package_evaluates_for_every_node_kind if {
	i := inactive
	m := manager
	w := worker
	l := locked
	d1 := c7_5 with input.swarm as i with input.networks as [] with input.host as {"listeners": []}
	d2 := c7_5 with input.swarm as m with input.networks as [] with input.host as {"listeners": []}
	d3 := c7_5 with input.swarm as w with input.networks as [] with input.host as {"listeners": []}
	d4 := c7_5 with input.swarm as l with input.networks as [] with input.host as {"listeners": []}
	d5 := c7_5 with input.swarm as null with input.networks as null with input.host as {"listeners": null}
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
