package cis_docker_1_1_0.c7_7_test

import data.cis_docker_1_1_0.c7_7

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

rotation_manual := "confirm from the rotation records that the swarm unlock key is rotated on the defined schedule (docker swarm unlock-key --rotate); the engine does not record when it was last rotated"

test_autolock_on_is_manual if {
	doc := c7_7 with input.swarm as manager
	doc.manual == rotation_manual
	doc.missing == set()
	not doc.not_applicable
	doc.evidence.autolock == true
}

test_locked_manager_is_manual if {
	doc := c7_7 with input.swarm as locked
	doc.manual == rotation_manual
	doc.missing == set()
}

test_autolock_off_is_not_applicable if {
	s := object.union(manager, {"autolock": false})
	doc := c7_7 with input.swarm as s
	doc.not_applicable == "auto-lock is off on this swarm (see the auto-lock mode control): there is no unlock key to rotate"
	not doc.manual
}

test_unknown_autolock_is_missing if {
	s := object.union(manager, {"autolock": null})
	doc := c7_7 with input.swarm as s
	doc.missing == {"swarm.autolock (the swarm spec could not be read on this manager)"}
	not doc.manual
}

test_worker_is_not_applicable if {
	doc := c7_7 with input.swarm as worker
	doc.not_applicable == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager"
	not doc.manual
}

test_inactive_swarm_is_not_applicable if {
	doc := c7_7 with input.swarm as inactive
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
}

test_uncollected_swarm_is_missing if {
	doc := c7_7 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.manual
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "manual"], [null, "error"]] {
		status(c7_7) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "manual"], [null, "error"]] {
		status(c7_7) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "manual" if is_string(d.manual)
