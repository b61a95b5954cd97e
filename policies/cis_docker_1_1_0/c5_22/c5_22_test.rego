package cis_docker_1_1_0.c5_22_test

import data.cis_docker_1_1_0.c5_22

plain_exec := {"id": "e1e1e1e1e1e1e1e1", "privileged": false, "user": "", "running": true}

priv_exec := {"id": "e2e2e2e2e2e2e2e2", "privileged": true, "user": "", "running": true}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "", "exec_instances": [plain_exec]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "user": "", "exec_instances": []}

rule := {"origin": "auditctl", "text": "-w /usr/bin/docker -p x -k docker", "path": "/usr/bin/docker", "key": "docker"}

clean_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-it", "web", "sh"], "time_unix": 1700000000, "uid": 1000}]}}

priv_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "--privileged", "web", "sh"], "time_unix": 1700000000, "uid": 1000}]}}

no_trail := {"audit": {"loaded": [rule]}}

# Each test binds the host fixture to a local first: regopy 1.5 reads
# `with input.host as <rule name>` as undefined.

test_nothing_found_without_audit_trail_is_manual if {
	h := no_trail
	count(c5_22.violations) == 0 with input.containers as [web, db] with input.host as h with input.files as []
	count(c5_22.missing) == 0 with input.containers as [web, db] with input.host as h with input.files as []
	c5_22.manual with input.containers as [web, db] with input.host as h with input.files as []
	e := c5_22.evidence with input.containers as [web, db] with input.host as h with input.files as []
	e.exec_instances_seen == 1
	e.containers_examined == 2
	e.audit_trail == "docker exec audit records were not collected (no readable /var/log/audit/audit.log)"
}

test_clean_audit_trail_passes if {
	h := clean_trail
	count(c5_22.violations) == 0 with input.containers as [web, db] with input.host as h with input.files as []
	not c5_22.manual with input.containers as [web, db] with input.host as h with input.files as []
	c5_22.checked == 3 with input.containers as [web, db] with input.host as h with input.files as []
}

test_remembered_privileged_exec_fails if {
	h := no_trail
	c := object.union(web, {"exec_instances": [plain_exec, priv_exec]})
	vs := c5_22.violations with input.containers as [c, db] with input.host as h with input.files as []
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has a privileged exec instance e2e2e2e2e2e2 (running)",
		"actual": true, "expected": "docker exec without --privileged",
	}]
}

test_audit_record_of_privileged_exec_fails if {
	h := priv_trail
	vs := c5_22.violations with input.containers as [web] with input.host as h with input.files as [] with input.meta as {"hostname": "node1"}
	vs == [{
		"resource": {"kind": "host", "id": "node1", "name": "node1"},
		"message": "docker exec --privileged was run: docker exec --privileged web sh (audit record at 1700000000, uid 1000)",
		"actual": "--privileged", "expected": "docker exec without --privileged",
	}]
}

test_privileged_record_fails_even_without_containers if {
	h := priv_trail
	count(c5_22.violations) == 1 with input.containers as [] with input.host as h with input.files as [] with input.meta as {"hostname": "node1"}
	not c5_22.not_applicable with input.containers as [] with input.host as h with input.files as [] with input.meta as {"hostname": "node1"}
}

test_no_containers_is_not_applicable if {
	h := no_trail
	c5_22.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as h with input.files as []
}

test_uncollected_containers_are_missing if {
	h := no_trail
	count(c5_22.missing) == 1 with input.containers as null with input.host as h with input.files as []
	not c5_22.not_applicable with input.containers as null with input.host as h with input.files as []
}

test_unreadable_exec_instances_are_missing if {
	h := no_trail
	c := object.union(web, {"exec_instances": null})
	c5_22.missing == {"container web exec_instances (GET /exec/{id}/json failed)"} with input.containers as [c] with input.host as h with input.files as []
}

test_uninspected_container_is_missing_once if {
	h := no_trail
	c := object.union(web, {"inspected": false, "exec_instances": null})
	c5_22.missing == {"container web (its inspect failed)"} with input.containers as [c] with input.host as h with input.files as []
}
