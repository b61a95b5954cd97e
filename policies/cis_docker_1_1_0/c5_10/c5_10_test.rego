package cis_docker_1_1_0.c5_10_test

import data.cis_docker_1_1_0.c5_10

limited := {"id": "l", "name": "/limited", "labels": {}, "memory": 268435456, "status": "running", "running": true, "inspected": true}

unlimited := object.union(limited, {"id": "u", "name": "/unlimited", "memory": 0, "status": "exited", "running": false})

test_limited_container_passes if {
	doc := c5_10 with input.containers as [limited]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_zero_memory_fails_on_a_stopped_container if {
	vs := c5_10.violations with input.containers as [limited, unlimited]
	vs == {{
		"resource": {"kind": "container", "id": "u", "name": "unlimited"},
		"message": "container unlimited has no memory limit (status exited)",
		"actual": 0, "expected": "a memory limit (--memory)",
	}}
}

test_absent_memory_fails_closed if {
	c := object.remove(limited, ["memory"])
	vs := c5_10.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "l", "name": "limited"},
		"message": "container limited has no memory limit (status running)",
		"actual": null, "expected": "a memory limit (--memory)",
	}}
}

test_no_containers_is_not_applicable if {
	c5_10.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_10 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_failing if {
	c := object.union(unlimited, {"inspected": false})
	doc := c5_10 with input.containers as [c]
	doc.missing == {"container unlimited (its inspect failed)"}
	doc.violations == set()
}
