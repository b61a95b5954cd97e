package cis_docker_1_1_0.c5_14_test

import data.cis_docker_1_1_0.c5_14

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "restart_policy": {"name": "on-failure", "maximum_retry_count": 5}}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "restart_policy": {"name": "", "maximum_retry_count": 0}}

always := {"restart_policy": {"name": "always", "maximum_retry_count": 0}}

unless_stopped := {"restart_policy": {"name": "unless-stopped", "maximum_retry_count": 0}}

no := {"restart_policy": {"name": "no", "maximum_retry_count": 0}}

on_failure_0 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 0}}

on_failure_1 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 1}}

on_failure_6 := {"restart_policy": {"name": "on-failure", "maximum_retry_count": 6}}

test_on_failure_5_and_no_policy_pass if {
	count(c5_14.violations) == 0 with input.containers as [web, db]
	count(c5_14.missing) == 0 with input.containers as [web, db]
	c5_14.checked == 2 with input.containers as [web, db]
}

test_no_and_on_failure_1_pass if {
	cs := [object.union(web, no), object.union(db, on_failure_1)]
	count(c5_14.violations) == 0 with input.containers as cs
}

test_always_fails if {
	vs := c5_14.violations with input.containers as [object.union(web, always)]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has restart policy always: it restarts the container without limit",
		"actual": "always", "expected": "on-failure with 1 to 5 retries, or no restart policy",
	}]
}

test_unless_stopped_fails if {
	count(c5_14.violations) == 1 with input.containers as [object.union(web, unless_stopped)]
}

test_on_failure_without_limit_fails if {
	vs := c5_14.violations with input.containers as [object.union(web, on_failure_0)]
	some v in vs
	v.actual == "on-failure:0"
	v.message == "container web has restart policy on-failure:0: 0 retries means it retries without limit"
}

test_on_failure_6_fails if {
	vs := c5_14.violations with input.containers as [object.union(web, on_failure_6)]
	some v in vs
	v.message == "container web has restart policy on-failure:6: more than 5 retries"
}

test_stopped_container_is_checked if {
	vs := c5_14.violations with input.containers as [web, object.union(db, always)]
	[v.resource.id | some v in vs] == ["b2"]
}

test_no_containers_is_not_applicable if {
	c5_14.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_14.missing) == 1 with input.containers as null
	not c5_14.not_applicable with input.containers as null
}

test_uninspected_container_is_missing_not_passed if {
	c := object.union(web, {"inspected": false, "restart_policy": {"name": "", "maximum_retry_count": 0}})
	count(c5_14.missing) == 1 with input.containers as [c]
}

test_absent_restart_policy_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	vs := c5_14.violations with input.containers as [c]
	some v in vs
	v.actual == "(unknown)"
}
