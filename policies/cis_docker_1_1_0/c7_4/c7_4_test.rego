package cis_docker_1_1_0.c7_4_test

import data.cis_docker_1_1_0.c7_4
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

ingress := {"id": "i1", "name": "ingress", "driver": "overlay", "scope": "swarm", "internal": false, "attachable": false,
	"ingress": true, "is_default_bridge": false, "options": {"com.docker.network.driver.overlay.vxlanid_list": "4096"}, "containers": [], "inspected": true}

app_net := object.union(ingress, {"id": "o1", "name": "app", "ingress": false, "options": {"encrypted": ""}})

plain_app := object.union(ingress, {"id": "o2", "name": "app", "ingress": false})

bridge := object.union(ingress, {"id": "b1", "name": "bridge", "driver": "bridge", "scope": "local", "ingress": false, "is_default_bridge": true, "options": {}})

test_encrypted_overlay_passes if {
	doc := c7_4 with input as {"swarm": manager, "networks": [app_net, bridge]}
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	doc.evidence == {"overlay_networks": [{"name": "app", "id": "o1", "encrypted": true, "ingress": false}], "complete_view": true}
}

test_encrypted_option_with_a_value_passes if {
	n := object.union(app_net, {"options": {"encrypted": "true"}})
	c7_4.violations == set() with input as {"swarm": manager, "networks": [n]}
	c7_4.checked == 1 with input as {"swarm": manager, "networks": [n]}
}

test_default_ingress_fails_and_says_so if {
	vs := c7_4.violations with input as {"swarm": manager, "networks": [ingress, app_net, bridge]}
	vs == {result.finding(
		{"kind": "network", "id": "i1", "name": "ingress"},
		"overlay network ingress is the default ingress network and is not encrypted (recreate it with --opt encrypted)",
		"not encrypted", "--opt encrypted",
	)}
}

test_ingress_is_known_by_its_name_too if {
	renamed := object.union(ingress, {"ingress": false})
	vs := c7_4.violations with input as {"swarm": manager, "networks": [renamed]}
	result.brief(vs) == {{
		"resource": {"kind": "network", "id": "i1", "name": "ingress"},
		"message": "overlay network ingress is the default ingress network and is not encrypted (recreate it with --opt encrypted)",
	}}
}

test_unencrypted_overlay_fails if {
	vs := c7_4.violations with input as {"swarm": manager, "networks": [plain_app]}
	result.brief(vs) == {{
		"resource": {"kind": "network", "id": "o2", "name": "app"},
		"message": "overlay network app is not encrypted (created without --opt encrypted)",
	}}
}

test_no_overlay_networks_is_not_applicable if {
	doc := c7_4 with input as {"swarm": manager, "networks": [bridge]}
	doc.not_applicable == "there are no overlay networks on this node"
	doc.missing == set()
}

test_inactive_swarm_is_not_applicable if {
	doc := c7_4 with input as {"swarm": inactive, "networks": null}
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	doc.violations == set()
	not doc.checked
}

test_inactive_swarm_with_a_leftover_overlay_is_not_applicable if {
	doc := c7_4 with input as {"swarm": inactive, "networks": [plain_app]}
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.violations == set()
}

test_uncollected_networks_are_missing if {
	doc := c7_4 with input as {"swarm": manager, "networks": null}
	doc.missing == {"networks (GET /networks could not be collected)"}
	not doc.checked
	not doc.evidence
}

test_networks_decide_without_swarm_facts if {
	doc := c7_4 with input as {"swarm": null, "networks": [app_net]}
	doc.missing == set()
	doc.violations == set()
	doc.checked == 1
	doc.evidence.complete_view == false
}

test_worker_view_is_marked_partial if {
	doc := c7_4 with input as {"swarm": worker, "networks": [app_net]}
	doc.evidence.complete_view == false
	doc.checked == 1
}

test_locked_manager_decides_from_its_networks if {
	vs := c7_4.violations with input as {"swarm": locked, "networks": [plain_app]}
	result.brief(vs) == {{
		"resource": {"kind": "network", "id": "o2", "name": "app"},
		"message": "overlay network app is not encrypted (created without --opt encrypted)",
	}}
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "not_applicable"], [worker, "not_applicable"], [locked, "not_applicable"], [null, "not_applicable"]] {
		status(c7_4) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "error"], [worker, "error"], [locked, "error"], [null, "error"]] {
		status(c7_4) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "fail" if count(d.violations) > 0

else := "pass" if is_number(d.checked)
