package cis_docker_1_1_0.c7_1_test

import data.cis_docker_1_1_0.c7_1
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

pending := object.union(inactive, {"local_node_state": "pending"})

undeclared(state) := sprintf("swarm mode is %s on this node and the organisation has not declared it needed (parameter swarm_needed)", [state])

test_inactive_swarm_passes if {
	doc := c7_1 with input.swarm as inactive
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	doc.evidence == {"local_node_state": "inactive", "control_available": false, "node_id": null, "node_addr": null, "swarm_needed": null}
}

test_inactive_swarm_passes_when_declared_not_needed if {
	doc := c7_1 with input.swarm as inactive with data.dockerbench.params as {"swarm_needed": false}
	doc.violations == set()
	doc.checked == 1
}

test_active_swarm_fails_without_declaration if {
	vs := c7_1.violations with input.swarm as manager
	vs == {result.finding({"kind": "swarm", "id": "n1", "name": "swarm"}, undeclared("active"), "active", "inactive")}
}

test_active_swarm_passes_when_declared_needed if {
	doc := c7_1 with input.swarm as manager with data.dockerbench.params as {"swarm_needed": true}
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	doc.evidence.swarm_needed == true
}

test_active_swarm_declared_not_needed_fails if {
	vs := c7_1.violations with input.swarm as worker with data.dockerbench.params as {"swarm_needed": false}
	result.brief(vs) == {{
		"resource": {"kind": "swarm", "id": "n4", "name": "swarm"},
		"message": "swarm mode is active on this node although the organisation declared it not needed (swarm_needed is false)",
	}}
}

test_a_declaration_that_is_not_a_boolean_is_no_declaration if {
	vs := c7_1.violations with input.swarm as worker with data.dockerbench.params as {"swarm_needed": "yes"}
	result.brief(vs) == {{"resource": {"kind": "swarm", "id": "n4", "name": "swarm"}, "message": undeclared("active")}}
}

test_locked_node_is_in_swarm_mode if {
	doc := c7_1 with input.swarm as locked
	result.brief(doc.violations) == {{"resource": {"kind": "swarm", "id": "n1", "name": "swarm"}, "message": undeclared("locked")}}
	doc.checked == 1
}

test_pending_node_without_an_id_is_in_swarm_mode if {
	vs := c7_1.violations with input.swarm as pending
	vs == {result.finding({"kind": "swarm", "id": "swarm", "name": "swarm"}, undeclared("pending"), "pending", "inactive")}
}

test_uncollected_swarm_is_missing if {
	doc := c7_1 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	doc.violations == set()
	not doc.checked
	not doc.evidence
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "pass"], [manager, "fail"], [worker, "fail"], [locked, "fail"], [null, "error"]] {
		status(c7_1) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "pass"], [manager, "fail"], [worker, "fail"], [locked, "fail"], [null, "error"]] {
		status(c7_1) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "fail" if count(d.violations) > 0

else := "pass" if is_number(d.checked)
