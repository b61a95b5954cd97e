package cis_docker_1_1_0.c5_29_test

import data.cis_docker_1_1_0.c5_29

bridge := {"id": "n0", "name": "bridge", "driver": "bridge", "scope": "local", "is_default_bridge": true, "options": {"com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.name": "docker0"}, "containers": []}

appnet := {"id": "n1", "name": "appnet", "driver": "bridge", "scope": "local", "is_default_bridge": false, "options": {}, "containers": ["a1"]}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "network_mode": "appnet", "networks": ["appnet"]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "network_mode": "host", "networks": ["host"]}

test_user_defined_networks_pass if {
	count(c5_29.reviews) == 0 with input.containers as [web, db] with input.networks as [bridge, appnet]
	count(c5_29.missing) == 0 with input.containers as [web, db] with input.networks as [bridge, appnet]
	c5_29.checked == 2 with input.containers as [web, db] with input.networks as [bridge, appnet]
}

test_default_network_mode_is_reviewed if {
	c := object.union(web, {"network_mode": "default", "networks": ["bridge"]})
	rs := c5_29.reviews with input.containers as [c, db] with input.networks as [bridge, appnet]
	rs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web is attached to the default bridge network (docker0, status running); use a user-defined network",
		"actual": "default bridge", "expected": "a user-defined network",
	}]
}

test_stopped_container_on_bridge_is_reviewed if {
	c := object.union(db, {"network_mode": "bridge", "networks": ["bridge"]})
	rs := c5_29.reviews with input.containers as [web, c] with input.networks as [bridge, appnet]
	[r.resource.id | some r in rs] == ["b2"]
}

test_connected_later_is_reviewed if {
	c := object.union(web, {"networks": ["appnet", "bridge"]})
	count(c5_29.reviews) == 1 with input.containers as [c] with input.networks as [bridge, appnet]
}

test_listed_by_the_bridge_network_is_reviewed if {
	n := object.union(bridge, {"containers": ["a1"], "options": {"com.docker.network.bridge.name": "br-main"}})
	rs := c5_29.reviews with input.containers as [web] with input.networks as [n]
	[r.message | some r in rs] == ["container web is attached to the default bridge network (br-main, status running); use a user-defined network"]
}

test_bridge_list_matches_whole_ids_only if {
	# the bridge's container list is searched as text first: a1 must not match a1x, xa1 or a
	n := object.union(bridge, {"containers": ["a1x", "xa1", "a"]})
	count(c5_29.reviews) == 0 with input.containers as [web] with input.networks as [n]
	two := object.union(bridge, {"containers": ["b2", "a1"]})
	count(c5_29.reviews) == 1 with input.containers as [web] with input.networks as [two]
}

test_never_fails if {
	c := object.union(web, {"network_mode": "bridge"})
	not c5_29.violations with input.containers as [c] with input.networks as [bridge]
}

test_uncollected_networks_still_decide_from_containers if {
	c := object.union(web, {"network_mode": "bridge", "networks": ["bridge"]})
	count(c5_29.reviews) == 1 with input.containers as [c] with input.networks as null
	count(c5_29.missing) == 0 with input.containers as [c] with input.networks as null
	c5_29.evidence == {"networks_collected": false, "default_bridge_interface": "docker0"} with input.containers as [c] with input.networks as null
}

test_no_containers_is_not_applicable if {
	c5_29.not_applicable == "there are no containers on this host" with input.containers as [] with input.networks as [bridge]
}

test_uncollected_containers_are_missing if {
	count(c5_29.missing) == 1 with input.containers as null with input.networks as [bridge]
	not c5_29.not_applicable with input.containers as null with input.networks as [bridge]
}

test_default_interface_name_when_the_bridge_has_none if {
	nets := [{"id": "n1", "name": "bridge", "driver": "bridge", "is_default_bridge": true, "options": {}, "containers": []}]
	on_bridge := object.union(web, {"network_mode": "bridge", "networks": ["bridge"]})
	rs := c5_29.reviews with input.networks as nets with input.containers as [on_bridge]
	[r.message | some r in rs] == ["container web is attached to the default bridge network (docker0, status running); use a user-defined network"]
}
