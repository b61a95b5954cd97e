package cis_docker_1_1_0.c5_10_test

import data.cis_docker_1_1_0.c5_10

limited := {"id": "l", "name": "/limited", "labels": {}, "memory": 268435456, "status": "running", "running": true, "inspected": true}

unlimited := object.union(limited, {"id": "u", "name": "/unlimited", "memory": 0, "status": "exited", "running": false})

test_limited_container_passes if {
	count(c5_10.violations) == 0 with input.containers as [limited]
	c5_10.checked == 1 with input.containers as [limited]
	count(c5_10.missing) == 0 with input.containers as [limited]
}

test_zero_memory_fails_on_a_stopped_container if {
	vs := c5_10.violations with input.containers as [limited, unlimited]
	vs == [{
		"resource": {"kind": "container", "id": "u", "name": "unlimited"},
		"message": "container unlimited has no memory limit (status exited)",
		"actual": 0, "expected": "a memory limit (--memory)",
	}]
}

test_absent_memory_fails_closed if {
	c := object.remove(limited, ["memory"])
	count(c5_10.violations) == 1 with input.containers as [c]
}

test_no_containers_is_not_applicable if {
	c5_10.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_10.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_10.not_applicable with input.containers as null
}

test_uninspected_container_is_missing_not_failing if {
	c := object.union(unlimited, {"inspected": false})
	count(c5_10.missing) == 1 with input.containers as [c]
	count(c5_10.violations) == 0 with input.containers as [c]
}
