package cis_docker_1_1_0.c5_4_test

import data.cis_docker_1_1_0.c5_4
import data.lib.result

running := {"id": "a", "name": "/a", "labels": {}, "privileged": false, "status": "running", "running": true}

stopped := {"id": "b", "name": "/b", "labels": {}, "privileged": false, "status": "exited", "running": false}

privileged_running := object.union(running, {"privileged": true})

privileged_created := object.union(stopped, {"privileged": true, "status": "created"})

test_privileged_running_container_fails if {
	vs := c5_4.violations with input.containers as [privileged_running]
	vs == {{
		"resource": {"kind": "container", "id": "a", "name": "a"},
		"message": "container a is privileged (status running)",
		"actual": true, "expected": false,
	}}
}

test_privileged_stopped_container_is_reported if {
	vs := c5_4.violations with input.containers as [privileged_created, running]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b", "name": "b"}, "message": "container b is privileged (status created)"}}
}

test_unprivileged_containers_pass if {
	doc := c5_4 with input.containers as [running, stopped]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_uninspected_container_is_missing if {
	c := object.union(running, {"inspected": false})
	doc := c5_4 with input.containers as [c]
	doc.missing == {"container a (its inspect failed)"}
	doc.violations == set()
}

test_no_containers_is_not_applicable if {
	c5_4.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_4 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_auditor_container_is_excluded if {
	auditor := object.union(privileged_running, {"labels": {"dockerbench.auditor": "true"}})
	doc := c5_4 with input.containers as [auditor]
	doc.violations == set()
	doc.checked == 0
	doc.not_applicable == "there are no containers on this host"
}
