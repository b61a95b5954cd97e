package cis_docker_1_1_0.c7_5_test

import data.cis_docker_1_1_0.c7_5
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

test_manager_is_manual_with_evidence if {
	doc := c7_5 with input.swarm as manager
	doc.manual == "confirm that sensitive values reach services as swarm secrets, not as environment variables, configs or image content (1 secrets, 1 of 2 services use secrets)"
	doc.reviews == set()
	doc.missing == set()
	doc.evidence.secrets == ["db_password"]
	doc.evidence.services_with_secrets == [{"service": "web", "secrets": ["db_password"]}]
	doc.evidence.services_without_secrets == ["worker"]
}

test_secret_looking_environment_variable_is_for_review if {
	svc := {"id": "v3", "name": "api", "secret_names": [], "env": [{"name": "DB_PASSWORD", "looks_secret": true, "value": null}, {"name": "PORT", "looks_secret": false, "value": null}]}
	s := object.union(manager, {"services": [svc]})
	rs := c7_5.reviews with input.swarm as s
	rs == {result.finding(
		{"kind": "swarm", "id": "v3", "name": "api"},
		"service api passes the environment variable DB_PASSWORD, whose name looks like a secret: deliver it as a swarm secret",
		"DB_PASSWORD", "a swarm secret",
	)}
}

test_each_secret_looking_variable_of_each_service_is_for_review if {
	api := {"id": "v3", "name": "api", "secret_names": ["db_password"], "env": [{"name": "API_TOKEN", "looks_secret": true, "value": null}, {"name": "AWS_SECRET_ACCESS_KEY", "looks_secret": true, "value": null}]}
	job := {"id": "v4", "name": "job", "secret_names": [], "env": [{"name": "DB_PASSWORD", "looks_secret": true, "value": null}]}
	s := object.union(manager, {"services": [api, job]})
	doc := c7_5 with input.swarm as s
	result.brief(doc.reviews) == {
		{"resource": {"kind": "swarm", "id": "v3", "name": "api"}, "message": "service api passes the environment variable API_TOKEN, whose name looks like a secret: deliver it as a swarm secret"},
		{"resource": {"kind": "swarm", "id": "v3", "name": "api"}, "message": "service api passes the environment variable AWS_SECRET_ACCESS_KEY, whose name looks like a secret: deliver it as a swarm secret"},
		{"resource": {"kind": "swarm", "id": "v4", "name": "job"}, "message": "service job passes the environment variable DB_PASSWORD, whose name looks like a secret: deliver it as a swarm secret"},
	}
	endswith(doc.manual, "(1 secrets, 1 of 2 services use secrets)")
}

test_no_services_is_still_manual if {
	s := object.union(manager, {"services": [], "secrets": []})
	doc := c7_5 with input.swarm as s
	doc.manual == "confirm that sensitive values reach services as swarm secrets, not as environment variables, configs or image content (0 secrets, 0 of 0 services use secrets)"
	doc.reviews == set()
	doc.evidence.services_with_secrets == []
}

test_inactive_swarm_is_not_applicable if {
	doc := c7_5 with input.swarm as inactive
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	not doc.manual
}

test_worker_is_not_applicable if {
	doc := c7_5 with input.swarm as worker
	doc.not_applicable == "this node is not a swarm manager (state active): the cluster facts this control needs are only visible on managers; audit it on a manager"
	doc.missing == set()
	not doc.manual
}

test_locked_manager_is_missing if {
	doc := c7_5 with input.swarm as locked
	doc.missing == {"swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)"}
	not doc.manual
}

test_uncollected_lists_are_missing if {
	s := object.union(manager, {"secrets": null, "services": null})
	doc := c7_5 with input.swarm as s
	doc.missing == {"swarm.secrets (GET /secrets could not be collected on this manager)", "swarm.services (GET /services could not be collected on this manager)"}
	doc.reviews == set()
	not doc.manual
	not doc.evidence
}

test_uncollected_swarm_is_missing if {
	doc := c7_5 with input.swarm as null
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.not_applicable
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_5) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "error"], [null, "error"]] {
		status(c7_5) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "warn" if count(d.reviews) > 0

else := "manual" if is_string(d.manual)
