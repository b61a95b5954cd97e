package cis_docker_1_1_0.c5_16_test

import data.cis_docker_1_1_0.c5_16

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "ipc_mode": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "ipc_mode": "shareable"}

test_private_namespaces_pass if {
	count(c5_16.violations) == 0 with input.containers as [web, db]
	count(c5_16.missing) == 0 with input.containers as [web, db]
	c5_16.checked == 2 with input.containers as [web, db]
}

test_host_namespace_fails if {
	vs := c5_16.violations with input.containers as [object.union(web, {"ipc_mode": "host"}), db]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web shares the host's IPC namespace (--ipc=host, status running)",
		"actual": "host", "expected": "not host",
	}]
}

test_stopped_container_is_reported if {
	vs := c5_16.violations with input.containers as [web, object.union(db, {"ipc_mode": "host"})]
	[v.resource.id | some v in vs] == ["b2"]
}

test_no_containers_is_not_applicable if {
	c5_16.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_16.missing) == 1 with input.containers as null
	not c5_16.not_applicable with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false})
	count(c5_16.missing) == 1 with input.containers as [c]
	count(c5_16.violations) == 0 with input.containers as [c]
}
