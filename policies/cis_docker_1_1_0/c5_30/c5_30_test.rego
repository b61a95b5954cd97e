package cis_docker_1_1_0.c5_30_test

import data.cis_docker_1_1_0.c5_30

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "userns_mode": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "userns_mode": ""}

test_private_user_namespace_passes if {
	count(c5_30.violations) == 0 with input.containers as [web, db]
	count(c5_30.missing) == 0 with input.containers as [web, db]
	c5_30.checked == 2 with input.containers as [web, db]
}

test_host_user_namespace_fails if {
	vs := c5_30.violations with input.containers as [object.union(web, {"userns_mode": "host"}), db]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web shares the host's user namespace (--userns=host, status running)",
		"actual": "host", "expected": "not host",
	}]
}

test_stopped_container_is_in_scope if {
	vs := c5_30.violations with input.containers as [web, object.union(db, {"userns_mode": "host"})]
	[v.resource.id | some v in vs] == ["b2"]
}

test_evidence_tells_whether_remapping_is_on if {
	e := c5_30.evidence with input.containers as [web] with input.daemon as {"info": {"security_options": ["name=seccomp,profile=builtin", "name=userns"]}}
	e == {"daemon_userns_remap": true}
	f := c5_30.evidence with input.containers as [web] with input.daemon as {"info": {"security_options": []}}
	f == {"daemon_userns_remap": false}
}

test_no_containers_is_not_applicable if {
	c5_30.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_30.missing) == 1 with input.containers as null
	not c5_30.not_applicable with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false})
	count(c5_30.missing) == 1 with input.containers as [c]
}
