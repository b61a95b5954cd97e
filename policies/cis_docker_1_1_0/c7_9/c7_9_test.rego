package cis_docker_1_1_0.c7_9_test

import data.cis_docker_1_1_0.c7_9
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

test_without_a_parameter_it_is_manual_with_the_age if {
	doc := c7_9 with input.swarm as manager
	doc.manual == "the swarm root CA was issued 30 days ago: confirm this is within the rotation interval of your policy, or set the parameter ca_max_age_days"
	doc.violations == set()
	doc.missing == set()
	doc.evidence.root_ca_age_days == 30
	doc.evidence.ca_max_age_days == null
	doc.evidence.root_rotation_in_progress == false
}

test_within_the_interval_passes if {
	doc := c7_9 with input.swarm as manager with data.dockerbench.params as {"ca_max_age_days": 365}
	doc.violations == set()
	doc.checked == 1
	not doc.manual
}

test_older_than_the_interval_fails if {
	vs := c7_9.violations with input.swarm as manager with data.dockerbench.params as {"ca_max_age_days": 10}
	vs == {result.finding(
		{"kind": "swarm", "id": "n1", "name": "swarm"},
		"the swarm root CA was issued 30 days ago, longer ago than the 10 days the organisation allows (ca_max_age_days): rotate it with docker swarm ca --rotate",
		"30 days", "at most 10 days",
	)}
}

test_exactly_the_interval_passes if {
	doc := c7_9 with input.swarm as manager with data.dockerbench.params as {"ca_max_age_days": 30}
	doc.violations == set()
	doc.checked == 1
}

test_a_day_over_the_interval_fails if {
	vs := c7_9.violations with input.swarm as manager with data.dockerbench.params as {"ca_max_age_days": 29}
	result.brief(vs) == {{
		"resource": {"kind": "swarm", "id": "n1", "name": "swarm"},
		"message": "the swarm root CA was issued 30 days ago, longer ago than the 29 days the organisation allows (ca_max_age_days): rotate it with docker swarm ca --rotate",
	}}
}

test_worker_is_decided_from_its_copy_of_the_root_ca if {
	doc := c7_9 with input.swarm as worker with data.dockerbench.params as {"ca_max_age_days": 365}
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_unreadable_root_ca_is_missing if {
	s := object.union(manager, {"root_ca": null})
	doc := c7_9 with input.swarm as s
	doc.missing == {"swarm.root_ca (the age of the swarm root CA certificate could not be read)"}
	not doc.manual
	not doc.checked
}

test_unknown_root_ca_age_is_missing if {
	s := object.union(manager, {"root_ca": {"path": "/var/lib/docker/swarm/certificates/swarm-root-ca.crt", "mtime_unix": 1697408000, "age_seconds": null}})
	c7_9.missing == {"swarm.root_ca (the age of the swarm root CA certificate could not be read)"} with input.swarm as s
}

test_locked_manager_without_its_certificate_is_missing if {
	doc := c7_9 with input.swarm as locked
	doc.missing == {"swarm.root_ca (the age of the swarm root CA certificate could not be read)"}
	not doc.not_applicable
}

test_inactive_swarm_is_not_applicable if {
	doc := c7_9 with input.swarm as inactive
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	not doc.evidence
}

test_uncollected_swarm_is_missing if {
	doc := c7_9 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.checked
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "manual"], [locked, "error"], [null, "error"]] {
		status(c7_9) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "manual"], [locked, "error"], [null, "error"]] {
		status(c7_9) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "fail" if count(d.violations) > 0

else := "manual" if is_string(d.manual)

else := "pass" if is_number(d.checked)
