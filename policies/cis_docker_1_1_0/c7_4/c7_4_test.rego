package cis_docker_1_1_0.c7_4_test

import data.cis_docker_1_1_0.c7_4

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

ingress := {"id": "i1", "name": "ingress", "driver": "overlay", "scope": "swarm", "internal": false, "attachable": false,
	"ingress": true, "is_default_bridge": false, "options": {"com.docker.network.driver.overlay.vxlanid_list": "4096"}, "containers": [], "inspected": true}

app_net := object.union(ingress, {"id": "o1", "name": "app", "ingress": false, "options": {"encrypted": ""}})

bridge := object.union(ingress, {"id": "b1", "name": "bridge", "driver": "bridge", "scope": "local", "ingress": false, "is_default_bridge": true, "options": {}})

test_encrypted_overlay_passes if {
	s := manager
	c7_4.checked == 1 with input.swarm as s with input.networks as [app_net, bridge]
	count(c7_4.violations) == 0 with input.swarm as s with input.networks as [app_net, bridge]
	count(c7_4.missing) == 0 with input.swarm as s with input.networks as [app_net, bridge]
}

test_encrypted_option_with_a_value_passes if {
	s := manager
	count(c7_4.violations) == 0 with input.swarm as s with input.networks as [object.union(app_net, {"options": {"encrypted": "true"}})]
}

test_default_ingress_fails_and_says_so if {
	s := manager
	vs := c7_4.violations with input.swarm as s with input.networks as [ingress, app_net, bridge]
	vs == {{
		"resource": {"kind": "network", "id": "i1", "name": "ingress"},
		"message": "overlay network ingress is the default ingress network and is not encrypted (recreate it with --opt encrypted)",
		"actual": "not encrypted", "expected": "--opt encrypted",
	}}
}

test_unencrypted_overlay_fails if {
	s := manager
	# object.union merges nested objects in OPA but not in regopy: build the options from ingress.
	plain := object.union(ingress, {"id": "o2", "name": "app", "ingress": false})
	vs := c7_4.violations with input.swarm as s with input.networks as [plain]
	count(vs) == 1
	some v in vs
	v.message == "overlay network app is not encrypted (created without --opt encrypted)"
}

test_no_overlay_networks_is_not_applicable if {
	s := manager
	c7_4.not_applicable == "there are no overlay networks on this node" with input.swarm as s with input.networks as [bridge]
}

test_inactive_swarm_is_not_applicable if {
	s := inactive
	c7_4.not_applicable == "swarm mode is inactive on this node" with input.swarm as s with input.networks as null
	count(c7_4.missing) == 0 with input.swarm as s with input.networks as null
}

test_uncollected_networks_are_missing if {
	s := manager
	c7_4.missing == {"networks (GET /networks could not be collected)"} with input.swarm as s with input.networks as null
}

test_networks_decide_without_swarm_facts if {
	c7_4.checked == 1 with input.swarm as null with input.networks as [app_net]
	count(c7_4.missing) == 0 with input.swarm as null with input.networks as [app_net]
}

test_worker_view_is_marked_partial if {
	s := worker
	c7_4.evidence.complete_view == false with input.swarm as s with input.networks as [app_net]
}

# The whole package document evaluates (no builtin error on any rule) for every kind of node.
test_whole_package_evaluates_for_every_node_kind if {
	i := inactive
	m := manager
	w := worker
	l := locked
	d1 := c7_4 with input.swarm as i with input.networks as [] with input.host as {"listeners": []}
	d2 := c7_4 with input.swarm as m with input.networks as [] with input.host as {"listeners": []}
	d3 := c7_4 with input.swarm as w with input.networks as [] with input.host as {"listeners": []}
	d4 := c7_4 with input.swarm as l with input.networks as [] with input.host as {"listeners": []}
	d5 := c7_4 with input.swarm as null with input.networks as null with input.host as {"listeners": null}
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
