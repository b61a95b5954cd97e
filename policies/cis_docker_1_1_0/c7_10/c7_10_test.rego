package cis_docker_1_1_0.c7_10_test

import data.cis_docker_1_1_0.c7_10

manager := {
	"local_node_state": "active", "control_available": true, "node_id": "n1", "node_addr": "10.0.0.5",
	"node_list": [
		{"id": "n1", "hostname": "m1", "role": "manager", "addr": "10.0.0.5", "manager_addr": "10.0.0.5:2377"},
		{"id": "n2", "hostname": "w1", "role": "worker", "addr": "10.0.0.6", "manager_addr": null},
	],
}

interfaces := [
	{"name": "eth0", "addresses": ["10.0.0.5", "fe80::1"]},
	{"name": "eth1", "addresses": ["192.168.50.5"]},
	{"name": "lo", "addresses": ["127.0.0.1", "::1"]},
]

test_an_active_node_is_manual_with_its_advertise_interface if {
	c7_10.manual == "this node advertises 10.0.0.5 for swarm management (interface eth0); the Engine API does not report the data-path address: confirm management traffic (TCP 2377, 7946) and overlay data traffic (UDP 4789) use separate networks (--data-path-addr)" with input.swarm as manager with input.host.interfaces as interfaces
	c7_10.missing == set() with input.swarm as manager with input.host.interfaces as interfaces
	not c7_10.not_applicable with input.swarm as manager with input.host.interfaces as interfaces
}

test_the_evidence_holds_interfaces_and_every_node_address if {
	ev := c7_10.evidence with input.swarm as manager with input.host.interfaces as interfaces
	ev.advertise_interfaces == ["eth0"]
	ev.interfaces == interfaces
	ev.node_addresses == [
		{"hostname": "m1", "role": "manager", "addr": "10.0.0.5", "manager_addr": "10.0.0.5:2377"},
		{"hostname": "w1", "role": "worker", "addr": "10.0.0.6", "manager_addr": null},
	]
}

test_an_advertise_address_on_no_interface_says_so if {
	worker := {"local_node_state": "active", "control_available": false, "node_id": "n2", "node_addr": "203.0.113.9"}
	m := c7_10.manual with input.swarm as worker with input.host.interfaces as interfaces
	m == "this node advertises 203.0.113.9 for swarm management (interface none of this host's interfaces: the address may be NATed or on another namespace); the Engine API does not report the data-path address: confirm management traffic (TCP 2377, 7946) and overlay data traffic (UDP 4789) use separate networks (--data-path-addr)"
	c7_10.evidence.node_addresses == [] with input.swarm as worker with input.host.interfaces as interfaces
}

test_inactive_swarm_is_not_applicable if {
	c7_10 == {
		"advertise_interfaces": [],
		"interface_text": "none of this host's interfaces: the address may be NATed or on another namespace",
		"interfaces_known": true,
		"missing": set(),
		"node_addresses": [],
		"not_applicable": "swarm mode is inactive on this node",
	} with input.swarm as {"local_node_state": "inactive", "control_available": false} with input.host.interfaces as interfaces
}

test_unread_interfaces_are_missing if {
	c7_10.missing == {"host.interfaces (the host's network interfaces could not be read from /proc/net)"} with input.swarm as manager with input.host.interfaces as null
	not c7_10.manual with input.swarm as manager with input.host.interfaces as null
}

test_an_unknown_advertise_address_is_missing if {
	unknown := object.union(manager, {"node_addr": null})
	c7_10.missing == {"swarm.node_addr (GET /info reported no swarm advertise address)"} with input.swarm as unknown with input.host.interfaces as interfaces
}

test_an_uncollected_swarm_is_missing if {
	c7_10.missing == {"swarm (GET /info Swarm could not be collected)"} with input.swarm as null with input.host.interfaces as interfaces
}
