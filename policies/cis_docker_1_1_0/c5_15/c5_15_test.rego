package cis_docker_1_1_0.c5_15_test

import data.cis_docker_1_1_0.c5_15
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "pid_mode": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "pid_mode": "container:b2"}

test_private_namespaces_pass if {
	doc := c5_15 with input.containers as [web, db]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_host_namespace_fails if {
	vs := c5_15.violations with input.containers as [object.union(web, {"pid_mode": "host"}), db]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web shares the host's PID namespace (--pid=host, status running)",
		"actual": "host", "expected": "not host",
	}}
}

test_stopped_container_is_reported if {
	vs := c5_15.violations with input.containers as [web, object.union(db, {"pid_mode": "host"})]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b2", "name": "db"}, "message": "container db shares the host's PID namespace (--pid=host, status exited)"}}
}

test_no_containers_is_not_applicable if {
	c5_15.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_15 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false, "pid_mode": "host"})
	doc := c5_15 with input.containers as [c]
	doc.missing == {"container web (its inspect failed)"}
	doc.violations == set()
}
