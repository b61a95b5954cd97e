package cis_docker_1_1_0.c7_8_test

import data.cis_docker_1_1_0.c7_8
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

test_without_a_parameter_it_is_manual_with_the_expiry if {
	doc := c7_8 with input.swarm as manager
	doc.manual == "swarm node certificates are valid for 2160 hours (90 days): confirm this matches the rotation interval of your policy, or set the parameter node_cert_max_expiry_hours"
	doc.violations == set()
	doc.missing == set()
	doc.evidence.node_cert_expiry_hours == 2160
	doc.evidence.node_cert_max_expiry_hours == null
	doc.evidence.node_cert.not_after_unix == 1707776000
}

test_within_the_interval_passes if {
	doc := c7_8 with input.swarm as manager with data.dockerbench.params as {"node_cert_max_expiry_hours": 2160}
	doc.violations == set()
	doc.checked == 1
	not doc.manual
}

test_longer_than_the_interval_fails if {
	vs := c7_8.violations with input.swarm as manager with data.dockerbench.params as {"node_cert_max_expiry_hours": 720}
	vs == {result.finding(
		{"kind": "swarm", "id": "n1", "name": "swarm"},
		"swarm node certificates are valid for 2160 hours, longer than the 720 hours the organisation allows (node_cert_max_expiry_hours)",
		"2160h", "at most 720h",
	)}
}

test_fractional_hours if {
	s := object.union(manager, {"node_cert_expiry_ns": 5400000000000})
	vs := c7_8.violations with input.swarm as s with data.dockerbench.params as {"node_cert_max_expiry_hours": 1}
	vs == {result.finding(
		{"kind": "swarm", "id": "n1", "name": "swarm"},
		"swarm node certificates are valid for 1.5 hours, longer than the 1 hours the organisation allows (node_cert_max_expiry_hours)",
		"1.5h", "at most 1h",
	)}
}

test_a_maximum_that_is_not_a_number_leaves_it_manual if {
	doc := c7_8 with input.swarm as manager with data.dockerbench.params as {"node_cert_max_expiry_hours": "90d"}
	doc.violations == set()
	startswith(doc.manual, "swarm node certificates are valid for 2160 hours (90 days)")
	doc.evidence.node_cert_max_expiry_hours == "90d"
}

test_worker_is_not_applicable if {
	doc := c7_8 with input.swarm as worker with data.dockerbench.params as {"node_cert_max_expiry_hours": 720}
	doc.not_applicable == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager"
	doc.missing == set()
	doc.violations == set()
	doc.evidence.node_cert_expiry_hours == null
}

test_unknown_expiry_is_missing if {
	s := object.union(manager, {"node_cert_expiry_ns": null})
	doc := c7_8 with input.swarm as s
	doc.missing == {"swarm.node_cert_expiry_ns (the swarm CA configuration could not be read on this manager)"}
	not doc.manual
	not doc.checked
}

test_locked_manager_is_missing if {
	doc := c7_8 with input.swarm as locked
	doc.missing == {"swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)"}
	not doc.not_applicable
}

test_inactive_swarm_is_not_applicable if {
	doc := c7_8 with input.swarm as inactive
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	not doc.evidence
}

test_uncollected_swarm_is_missing if {
	doc := c7_8 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.checked
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_8) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_8) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "fail" if count(d.violations) > 0

else := "manual" if is_string(d.manual)

else := "pass" if is_number(d.checked)
