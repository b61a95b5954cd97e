package cis_docker_1_1_0.c7_3_test

import data.cis_docker_1_1_0.c7_3
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

specific := {"address": "10.0.0.1", "port": 2377, "family": "ipv4", "pid": 812, "process": "dockerd"}

wildcard4 := object.union(specific, {"address": "0.0.0.0"})

wildcard6 := object.union(specific, {"address": "::", "family": "ipv6"})

ssh := {"address": "0.0.0.0", "port": 22, "family": "ipv4", "pid": 501, "process": "sshd"}

# node(swarm, listeners) is a snapshot with this swarm state and these host TCP listeners.
node(s, listeners) := {"swarm": s, "host": {"listeners": listeners}}

# with_manager_addr is the manager fixture with its own node's ManagerStatus.Addr replaced.
with_manager_addr(addr) := object.union(manager, {"node_list": [object.union(manager.node_list[0], {"manager_addr": addr})]})

test_inactive_swarm_is_not_applicable if {
	doc := c7_3 with input as node(inactive, null)
	doc.not_applicable == "swarm mode is inactive on this node"
	doc.missing == set()
	not doc.checked
}

test_specific_interface_passes if {
	doc := c7_3 with input as node(manager, [specific, ssh])
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.manual
	doc.evidence.listeners == [{"address": "10.0.0.1", "port": 2377, "family": "ipv4", "process": "dockerd"}]
}

test_ipv4_wildcard_fails if {
	vs := c7_3.violations with input as node(manager, [wildcard4, ssh])
	vs == {result.finding(
		{"kind": "swarm", "id": "n1", "name": "swarm"},
		"swarm management port 2377 listens on every interface (0.0.0.0, ipv4)",
		"0.0.0.0:2377", "a specific interface address",
	)}
}

test_ipv6_wildcard_fails if {
	vs := c7_3.violations with input as node(manager, [wildcard6])
	vs == {result.finding(
		{"kind": "swarm", "id": "n1", "name": "swarm"},
		"swarm management port 2377 listens on every interface (::, ipv6)",
		":::2377", "a specific interface address",
	)}
}

test_both_wildcards_fail_each if {
	vs := c7_3.violations with input as node(manager, [wildcard4, wildcard6, specific])
	result.brief(vs) == {
		{"resource": {"kind": "swarm", "id": "n1", "name": "swarm"}, "message": "swarm management port 2377 listens on every interface (0.0.0.0, ipv4)"},
		{"resource": {"kind": "swarm", "id": "n1", "name": "swarm"}, "message": "swarm management port 2377 listens on every interface (::, ipv6)"},
	}
	c7_3.checked == 3 with input as node(manager, [wildcard4, wildcard6, specific])
}

test_custom_management_port_is_checked if {
	l := object.union(wildcard4, {"port": 4567})
	doc := c7_3 with input as node(with_manager_addr("[fd00::1]:4567"), [l])
	result.brief(doc.violations) == {{"resource": {"kind": "swarm", "id": "n1", "name": "swarm"}, "message": "swarm management port 4567 listens on every interface (0.0.0.0, ipv4)"}}
	doc.evidence.management_port == 4567
}

test_the_default_port_is_checked_beside_a_custom_one if {
	doc := c7_3 with input as node(with_manager_addr("10.0.0.1:4567"), [wildcard4])
	result.brief(doc.violations) == {{"resource": {"kind": "swarm", "id": "n1", "name": "swarm"}, "message": "swarm management port 2377 listens on every interface (0.0.0.0, ipv4)"}}
}

test_manager_address_without_a_port_means_the_default if {
	doc := c7_3 with input as node(with_manager_addr("10.0.0.1"), [ssh])
	doc.evidence.management_port == 2377
	doc.manual == "no TCP listener on the swarm management port 2377 was found in the host network namespace: confirm the manager's --listen-addr binds a specific interface"
}

test_manager_address_with_a_zero_padded_port_means_the_default if {
	doc := c7_3 with input as node(with_manager_addr("10.0.0.1:02377"), [specific])
	doc.evidence.management_port == 2377
	doc.violations == set()
	doc.checked == 1
}

test_manager_without_a_listener_is_manual if {
	doc := c7_3 with input as node(manager, [ssh])
	doc.manual == "no TCP listener on the swarm management port 2377 was found in the host network namespace: confirm the manager's --listen-addr binds a specific interface"
	doc.violations == set()
	doc.checked == 0
}

test_locked_manager_without_a_listener_is_manual if {
	doc := c7_3 with input as node(locked, [])
	startswith(doc.manual, "no TCP listener on the swarm management port 2377")
	not doc.not_applicable
}

test_worker_without_a_listener_is_not_applicable if {
	doc := c7_3 with input as node(worker, [ssh])
	doc.not_applicable == "this node is not a swarm manager (state active) and nothing listens on the swarm management port 2377"
	not doc.manual
}

test_worker_with_a_wildcard_listener_still_fails if {
	vs := c7_3.violations with input as node(worker, [wildcard4])
	result.brief(vs) == {{"resource": {"kind": "swarm", "id": "n4", "name": "swarm"}, "message": "swarm management port 2377 listens on every interface (0.0.0.0, ipv4)"}}
}

test_unknown_listeners_are_missing if {
	doc := c7_3 with input as node(manager, null)
	doc.missing == {"host.listeners (the host's TCP listeners could not be read)"}
	not doc.checked
	not doc.manual
}

test_uncollected_swarm_is_missing if {
	doc := c7_3 with input as node(null, [])
	doc.missing == {"swarm (GET /info Swarm could not be collected)"}
	not doc.not_applicable
	not doc.checked
}

# The whole package document decides every kind of node, whether the other facts (networks,
# listeners) were collected or are null: no rule fails in the engine on any of them.
test_whole_package_decides_every_node_kind if {
	every case in [[inactive, "not_applicable"], [manager, "manual"], [worker, "not_applicable"], [locked, "manual"], [null, "error"]] {
		status(c7_3) == case[1] with input as {"swarm": case[0], "networks": [], "host": {"listeners": []}}
	}
	every case in [[inactive, "not_applicable"], [manager, "error"], [worker, "error"], [locked, "error"], [null, "error"]] {
		status(c7_3) == case[1] with input as {"swarm": case[0], "networks": null, "host": {"listeners": null}}
	}
}

# status is the outcome of a package document, in the order the rules take precedence.
status(d) := "error" if count(d.missing) > 0

else := "not_applicable" if is_string(d.not_applicable)

else := "fail" if count(d.violations) > 0

else := "manual" if is_string(d.manual)

else := "pass" if is_number(d.checked)
