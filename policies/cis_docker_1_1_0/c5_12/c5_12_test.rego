package cis_docker_1_1_0.c5_12_test

import data.cis_docker_1_1_0.c5_12

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "readonly_rootfs": true}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "readonly_rootfs": true}

test_read_only_containers_pass if {
	count(c5_12.violations) == 0 with input.containers as [web, db]
	count(c5_12.missing) == 0 with input.containers as [web, db]
	c5_12.checked == 2 with input.containers as [web, db]
}

test_writable_rootfs_fails if {
	vs := c5_12.violations with input.containers as [object.union(web, {"readonly_rootfs": false})]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has a writable root filesystem (ReadonlyRootfs false)",
		"actual": false, "expected": true,
	}]
}

test_stopped_writable_container_fails if {
	vs := c5_12.violations with input.containers as [web, object.union(db, {"readonly_rootfs": false})]
	[v.resource.id | some v in vs] == ["b2"]
}

test_absent_field_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	count(c5_12.violations) == 1 with input.containers as [c]
}

test_no_containers_is_not_applicable if {
	c5_12.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_12.missing) == 1 with input.containers as null
	not c5_12.not_applicable with input.containers as null
}

test_uninspected_container_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "readonly_rootfs": false})
	count(c5_12.missing) == 1 with input.containers as [c]
	count(c5_12.violations) == 0 with input.containers as [c]
}
