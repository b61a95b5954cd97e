package cis_docker_1_1_0.c4_1_test

import data.cis_docker_1_1_0.c4_1

app := {"id": "a1", "name": "/app", "labels": {}, "user": "app", "status": "running", "running": true, "inspected": true}

stopped := object.union(app, {"id": "s1", "name": "/old", "status": "exited", "running": false})

test_named_non_root_user_passes if {
	count(c4_1.violations) == 0 with input.containers as [app]
	c4_1.checked == 1 with input.containers as [app]
	count(c4_1.missing) == 0 with input.containers as [app]
}

test_uid_with_root_group_passes if {
	count(c4_1.violations) == 0 with input.containers as [object.union(app, {"user": "1000:0"})]
}

test_empty_user_fails_as_image_default_root if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": ""})]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "app"},
		"message": "container app runs as root (no user set: the image default) (status running)",
		"actual": "", "expected": "a non-root user",
	}]
}

test_root_by_name_fails if count(c4_1.violations) == 1 with input.containers as [object.union(app, {"user": "root"})]

test_uid_zero_fails if count(c4_1.violations) == 1 with input.containers as [object.union(app, {"user": "0"})]

test_root_with_group_fails if {
	some v in c4_1.violations with input.containers as [object.union(app, {"user": "root:0"})]
	v.message == "container app runs as root (user root:0) (status running)"
}

test_uid_zero_with_group_fails if count(c4_1.violations) == 1 with input.containers as [object.union(app, {"user": "0:1000"})]

test_rootless_name_is_not_root if count(c4_1.violations) == 0 with input.containers as [object.union(app, {"user": "rooter"})]

test_stopped_container_is_checked_too if {
	vs := c4_1.violations with input.containers as [app, object.union(stopped, {"user": ""})]
	[v.resource.id | some v in vs] == ["s1"]
	c4_1.checked == 2 with input.containers as [app, object.union(stopped, {"user": ""})]
}

test_no_containers_is_not_applicable if {
	c4_1.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c4_1.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c4_1.not_applicable with input.containers as null
}

test_uninspected_container_is_missing_not_root if {
	c := object.union(app, {"user": "", "inspected": false})
	count(c4_1.missing) == 1 with input.containers as [c]
	count(c4_1.violations) == 0 with input.containers as [c]
}

test_auditor_container_is_excluded if {
	auditor := object.union(app, {"user": "", "labels": {"dockerbench.auditor": "true"}})
	count(c4_1.violations) == 0 with input.containers as [auditor]
}

test_absent_user_fails_closed if {
	c := object.remove(app, ["user"])
	count(c4_1.violations) == 1 with input.containers as [c]
}
