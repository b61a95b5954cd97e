package cis_docker_1_1_0.c5_4_test

import data.cis_docker_1_1_0.c5_4

running := {"id": "a", "name": "/a", "labels": {}, "privileged": false, "status": "running", "running": true}

stopped := {"id": "b", "name": "/b", "labels": {}, "privileged": false, "status": "exited", "running": false}

privileged_running := object.union(running, {"privileged": true})

privileged_created := object.union(stopped, {"privileged": true, "status": "created"})

test_privileged_running_container_fails if {
	vs := c5_4.violations with input.containers as [privileged_running]
	vs == [{
		"resource": {"kind": "container", "id": "a", "name": "a"},
		"message": "container a is privileged (status running)",
		"actual": true, "expected": false,
	}]
}

test_privileged_stopped_container_is_reported if {
	count(c5_4.violations) == 1 with input.containers as [privileged_created]
}

test_unprivileged_containers_pass if {
	count(c5_4.violations) == 0 with input.containers as [running, stopped]
	count(c5_4.missing) == 0 with input.containers as [running, stopped]
}

test_no_containers_is_not_applicable if {
	c5_4.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_4.missing) == 1 with input.containers as null
	not c5_4.not_applicable with input.containers as null
}

test_auditor_container_is_excluded if {
	auditor := object.union(privileged_running, {"labels": {"dockerbench.auditor": "true"}})
	count(c5_4.violations) == 0 with input.containers as [auditor]
}
