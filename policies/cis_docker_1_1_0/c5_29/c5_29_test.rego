package cis_docker_1_1_0.c5_29_test

import data.cis_docker_1_1_0.c5_29
import data.lib.result

bridge := {"id": "n0", "name": "bridge", "driver": "bridge", "scope": "local", "is_default_bridge": true, "options": {"com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.name": "docker0"}, "containers": []}

appnet := {"id": "n1", "name": "appnet", "driver": "bridge", "scope": "local", "is_default_bridge": false, "options": {}, "containers": ["a1"]}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "network_mode": "appnet", "networks": ["appnet"]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "network_mode": "host", "networks": ["host"]}

web_on_bridge := {{
	"resource": {"kind": "container", "id": "a1", "name": "web"},
	"message": "container web is attached to the default bridge network (docker0, status running); use a user-defined network",
}}

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "reviews", "evidence", "checked"}}

test_user_defined_networks_pass if {
	doc := c5_29 with input.containers as [web, db] with input.networks as [bridge, appnet]
	contract(doc) == {
		"checked": 2, "missing": set(), "reviews": set(),
		"evidence": {"networks_collected": true, "default_bridge_interface": "docker0"},
	}
}

test_default_network_mode_is_reviewed if {
	c := object.union(web, {"network_mode": "default", "networks": ["bridge"]})
	rs := c5_29.reviews with input.containers as [c, db] with input.networks as [bridge, appnet]
	rs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web is attached to the default bridge network (docker0, status running); use a user-defined network",
		"actual": "default bridge", "expected": "a user-defined network",
	}}
}

test_stopped_container_on_bridge_is_reviewed if {
	c := object.union(db, {"network_mode": "bridge", "networks": ["bridge"]})
	rs := c5_29.reviews with input.containers as [web, c] with input.networks as [bridge, appnet]
	result.brief(rs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db is attached to the default bridge network (docker0, status exited); use a user-defined network",
	}}
}

test_connected_later_is_reviewed if {
	c := object.union(web, {"networks": ["appnet", "bridge"]})
	rs := c5_29.reviews with input.containers as [c] with input.networks as [bridge, appnet]
	result.brief(rs) == web_on_bridge
}

test_renamed_default_bridge_is_found_by_name if {
	n := object.union(bridge, {"name": "main"})
	c := object.union(web, {"networks": ["main"]})
	rs := c5_29.reviews with input.containers as [c] with input.networks as [n]
	result.brief(rs) == web_on_bridge
}

test_listed_by_the_bridge_network_is_reviewed if {
	n := object.union(bridge, {"containers": ["a1"], "options": {"com.docker.network.bridge.name": "br-main"}})
	rs := c5_29.reviews with input.containers as [web] with input.networks as [n]
	result.brief(rs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web is attached to the default bridge network (br-main, status running); use a user-defined network",
	}}
}

test_bridge_list_matches_whole_ids_only if {
	n := object.union(bridge, {"containers": ["a1x", "xa1", "a"]})
	c5_29.reviews == set() with input.containers as [web] with input.networks as [n]
	two := object.union(bridge, {"containers": ["b2", "a1"]})
	rs := c5_29.reviews with input.containers as [web] with input.networks as [two]
	result.brief(rs) == web_on_bridge
}

test_a_user_defined_bridge_listing_the_container_is_not_the_default if {
	c5_29.reviews == set() with input.containers as [web] with input.networks as [appnet]
}

test_uncollected_networks_still_decide_from_containers if {
	c := object.union(web, {"network_mode": "bridge", "networks": ["bridge"]})
	doc := c5_29 with input.containers as [c] with input.networks as null
	result.brief(doc.reviews) == web_on_bridge
	doc.missing == set()
	doc.checked == 1
	doc.evidence == {"networks_collected": false, "default_bridge_interface": "docker0"}
}

test_no_containers_is_not_applicable if {
	c5_29.not_applicable == "there are no containers on this host" with input.containers as [] with input.networks as [bridge]
	c5_29.checked == 0 with input.containers as [] with input.networks as [bridge]
}

test_uncollected_containers_are_missing if {
	c5_29.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.networks as [bridge]
	not c5_29.not_applicable with input.containers as null with input.networks as [bridge]
	c5_29.checked == 0 with input.containers as null with input.networks as [bridge]
}

test_uninspected_container_is_judged_from_its_list_facts if {
	c := object.union(web, {"inspected": false, "network_mode": "bridge", "networks": ["bridge"]})
	c5_29.missing == set() with input.containers as [c] with input.networks as [bridge]
	rs := c5_29.reviews with input.containers as [c] with input.networks as [bridge]
	result.brief(rs) == web_on_bridge
}

test_default_interface_name_when_the_bridge_has_none if {
	nets := [{"id": "n1", "name": "bridge", "driver": "bridge", "is_default_bridge": true, "options": {}, "containers": []}]
	on_bridge := object.union(web, {"network_mode": "bridge", "networks": ["bridge"]})
	rs := c5_29.reviews with input.networks as nets with input.containers as [on_bridge]
	result.brief(rs) == web_on_bridge
	c5_29.evidence.default_bridge_interface == "docker0" with input.networks as nets with input.containers as [on_bridge]
}
