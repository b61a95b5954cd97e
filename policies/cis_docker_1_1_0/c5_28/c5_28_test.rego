package cis_docker_1_1_0.c5_28_test

import data.cis_docker_1_1_0.c5_28
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "pids_limit": 100}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "pids_limit": 200}

test_limited_containers_pass if {
	c5_28 == {"checked": 2, "missing": set(), "violations": set()} with input.containers as [web, db]
}

test_null_limit_fails if {
	vs := c5_28.violations with input.containers as [object.union(web, {"pids_limit": null})]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no PIDs limit (PidsLimit null, status running)",
		"actual": null, "expected": "a PIDs limit greater than 0",
	}}
}

test_zero_limit_fails if {
	vs := c5_28.violations with input.containers as [object.union(web, {"pids_limit": 0})]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no PIDs limit (PidsLimit 0, status running)",
		"actual": 0, "expected": "a PIDs limit greater than 0",
	}}
}

test_minus_one_fails if {
	vs := c5_28.violations with input.containers as [object.union(web, {"pids_limit": -1})]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no PIDs limit (PidsLimit -1, status running)",
	}}
}

test_absent_limit_fails if {
	c := object.remove(web, {"pids_limit"})
	vs := c5_28.violations with input.containers as [c]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no PIDs limit (PidsLimit null, status running)",
	}}
}

test_stopped_container_is_in_scope if {
	vs := c5_28.violations with input.containers as [web, object.union(db, {"pids_limit": null})]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db has no PIDs limit (PidsLimit null, status exited)",
	}}
}

test_no_containers_is_not_applicable if {
	c5_28.not_applicable == "there are no containers on this host" with input.containers as []
	c5_28.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_28.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_28.not_applicable with input.containers as null
	c5_28.checked == 0 with input.containers as null
}

test_uninspected_null_limit_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "pids_limit": null})
	c5_28.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_28.violations == set() with input.containers as [c]
}
