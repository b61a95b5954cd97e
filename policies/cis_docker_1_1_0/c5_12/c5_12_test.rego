package cis_docker_1_1_0.c5_12_test

import data.cis_docker_1_1_0.c5_12
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "readonly_rootfs": true}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "readonly_rootfs": true}

test_read_only_containers_pass if {
	doc := c5_12 with input.containers as [web, db]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_writable_rootfs_fails if {
	vs := c5_12.violations with input.containers as [object.union(web, {"readonly_rootfs": false})]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has a writable root filesystem (ReadonlyRootfs false)",
		"actual": false, "expected": true,
	}}
}

test_stopped_writable_container_fails if {
	vs := c5_12.violations with input.containers as [web, object.union(db, {"readonly_rootfs": false})]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b2", "name": "db"}, "message": "container db has a writable root filesystem (ReadonlyRootfs false)"}}
}

test_absent_field_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	vs := c5_12.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "c3", "name": "x"},
		"message": "container x has a writable root filesystem (ReadonlyRootfs null)",
		"actual": null, "expected": true,
	}}
}

test_no_containers_is_not_applicable if {
	c5_12.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_12 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "readonly_rootfs": false})
	doc := c5_12 with input.containers as [c]
	doc.missing == {"container web (its inspect failed)"}
	doc.violations == set()
}
