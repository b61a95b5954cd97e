package cis_docker_1_1_0.c4_1_test

import data.cis_docker_1_1_0.c4_1
import data.lib.result

app := {"id": "a1", "name": "/app", "labels": {}, "user": "app", "status": "running", "running": true, "inspected": true}

stopped := object.union(app, {"id": "s1", "name": "/old", "status": "exited", "running": false})

app_resource := {"kind": "container", "id": "a1", "name": "app"}

test_named_non_root_user_passes if {
	c4_1.violations == set() with input.containers as [app]
	c4_1.checked == 1 with input.containers as [app]
	c4_1.missing == set() with input.containers as [app]
}

test_uid_with_root_group_passes if {
	c := object.union(app, {"user": "1000:0"})
	c4_1.violations == set() with input.containers as [c]
	c4_1.checked == 1 with input.containers as [c]
}

test_empty_user_fails_as_image_default_root if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": ""})]
	vs == {{
		"resource": app_resource,
		"message": "container app runs as root (no user set: the image default) (status running)",
		"actual": "", "expected": "a non-root user",
	}}
}

test_blank_user_fails_as_image_default_root if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": "  "})]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (no user set: the image default) (status running)"}}
}

test_root_by_name_fails if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": "root"})]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (user root) (status running)"}}
}

test_uid_zero_fails if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": "0"})]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (user 0) (status running)"}}
}

test_root_with_group_fails if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": "root:0"})]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (user root:0) (status running)"}}
}

test_uid_zero_with_group_fails if {
	vs := c4_1.violations with input.containers as [object.union(app, {"user": "0:1000"})]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (user 0:1000) (status running)"}}
}

test_rootless_name_is_not_root if {
	c4_1.violations == set() with input.containers as [object.union(app, {"user": "rooter"})]
}

test_stopped_container_is_checked_too if {
	cs := [app, object.union(stopped, {"user": ""})]
	vs := c4_1.violations with input.containers as cs
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "s1", "name": "old"},
		"message": "container old runs as root (no user set: the image default) (status exited)",
	}}
	c4_1.checked == 2 with input.containers as cs
}

test_no_containers_is_not_applicable if {
	c4_1.not_applicable == "there are no containers on this host" with input.containers as []
	c4_1.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c4_1.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c4_1.not_applicable with input.containers as null
	c4_1.violations == set() with input.containers as null
}

test_uninspected_container_is_missing_not_root if {
	c := object.union(app, {"user": "", "inspected": false})
	c4_1.missing == {"container app (its inspect failed)"} with input.containers as [c]
	c4_1.violations == set() with input.containers as [c]
}

test_auditor_container_is_excluded if {
	auditor := object.union(app, {"user": "", "labels": {"dockerbench.auditor": "true"}})
	c4_1.violations == set() with input.containers as [auditor]
	c4_1.checked == 0 with input.containers as [auditor]
}

test_absent_user_fails_closed if {
	c := object.remove(app, ["user"])
	vs := c4_1.violations with input.containers as [c]
	result.brief(vs) == {{"resource": app_resource, "message": "container app runs as root (no user set: the image default) (status running)"}}
}
