package cis_docker_1_1_0.c5_16_test

import data.cis_docker_1_1_0.c5_16
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "ipc_mode": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "ipc_mode": "shareable"}

test_private_namespaces_pass if {
	c5_16 == {"checked": 2, "missing": set(), "violations": set()} with input.containers as [web, db]
}

test_host_namespace_fails if {
	vs := c5_16.violations with input.containers as [object.union(web, {"ipc_mode": "host"}), db]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web shares the host's IPC namespace (--ipc=host, status running)",
		"actual": "host", "expected": "not host",
	}}
}

test_stopped_container_is_reported if {
	vs := c5_16.violations with input.containers as [web, object.union(db, {"ipc_mode": "host"})]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db shares the host's IPC namespace (--ipc=host, status exited)",
	}}
}

test_another_containers_namespace_passes if {
	c := object.union(web, {"ipc_mode": "container:b2"})
	c5_16.violations == set() with input.containers as [c, db]
}

test_no_containers_is_not_applicable if {
	c5_16.not_applicable == "there are no containers on this host" with input.containers as []
	c5_16.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_16.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_16.not_applicable with input.containers as null
	c5_16.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing_not_judged if {
	c := object.union(web, {"inspected": false, "ipc_mode": "host"})
	c5_16.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_16.violations == set() with input.containers as [c]
}

test_auditor_container_is_excluded if {
	c := object.union(web, {"labels": {"dockerbench.auditor": "true"}, "ipc_mode": "host"})
	c5_16 == {"checked": 0, "missing": set(), "violations": set(), "not_applicable": "there are no containers on this host"} with input.containers as [c]
}
