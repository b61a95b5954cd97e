package cis_docker_1_1_0.c5_14_test

import data.cis_docker_1_1_0.c5_14
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "restart_policy": {"name": "on-failure", "maximum_retry_count": 5}}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "restart_policy": {"name": "", "maximum_retry_count": 0}}

always := {"restart_policy": {"name": "always", "maximum_retry_count": 0}}

unless_stopped := {"restart_policy": {"name": "unless-stopped", "maximum_retry_count": 0}}

no := {"restart_policy": {"name": "no", "maximum_retry_count": 0}}

on_failure_0 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 0}}

on_failure_1 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 1}}

on_failure_6 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 6}}

web_resource := {"kind": "container", "id": "a1", "name": "web"}

test_on_failure_5_and_no_policy_pass if {
	doc := c5_14 with input.containers as [web, db]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_no_and_on_failure_1_pass if {
	cs := [object.union(web, no), object.union(db, on_failure_1)]
	c5_14.violations == set() with input.containers as cs
}

test_always_fails if {
	vs := c5_14.violations with input.containers as [object.union(web, always)]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has restart policy always: it restarts the container without limit",
		"actual": "always", "expected": "on-failure with 1 to 5 retries, or no restart policy",
	}}
}

test_unless_stopped_fails if {
	r := web_resource
	vs := c5_14.violations with input.containers as [object.union(web, unless_stopped)]
	result.brief(vs) == {{"resource": r, "message": "container web has restart policy unless-stopped: it restarts the container without limit"}}
}

test_on_failure_without_limit_fails if {
	vs := c5_14.violations with input.containers as [object.union(web, on_failure_0)]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has restart policy on-failure:0: 0 retries means it retries without limit",
		"actual": "on-failure:0", "expected": "on-failure with 1 to 5 retries, or no restart policy",
	}}
}

test_on_failure_6_fails if {
	r := web_resource
	vs := c5_14.violations with input.containers as [object.union(web, on_failure_6)]
	result.brief(vs) == {{"resource": r, "message": "container web has restart policy on-failure:6: more than 5 retries"}}
}

test_unknown_policy_name_fails if {
	r := web_resource
	vs := c5_14.violations with input.containers as [object.union(web, {"restart_policy": {"name": "sometimes", "maximum_retry_count": 0}})]
	result.brief(vs) == {{"resource": r, "message": "container web has restart policy sometimes: not a restart policy this control accepts"}}
}

test_stopped_container_is_checked if {
	vs := c5_14.violations with input.containers as [web, object.union(db, always)]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b2", "name": "db"}, "message": "container db has restart policy always: it restarts the container without limit"}}
}

test_no_containers_is_not_applicable if {
	c5_14.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_14 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_passed if {
	c := object.union(web, {"inspected": false, "restart_policy": {"name": "", "maximum_retry_count": 0}})
	doc := c5_14 with input.containers as [c]
	doc.missing == {"container web (its inspect failed)"}
	doc.violations == set()
}

test_absent_restart_policy_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	vs := c5_14.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "c3", "name": "x"},
		"message": "container x has restart policy (unknown): not a restart policy this control accepts",
		"actual": "(unknown)", "expected": "on-failure with 1 to 5 retries, or no restart policy",
	}}
}
