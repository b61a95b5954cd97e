package cis_docker_1_1_0.c5_23_test

import data.cis_docker_1_1_0.c5_23

plain_exec := {"id": "e1e1e1e1e1e1e1e1", "privileged": false, "user": "", "running": true}

root_exec := {"id": "e2e2e2e2e2e2e2e2", "privileged": false, "user": "root", "running": false}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "", "exec_instances": [plain_exec]}

app := {"id": "c3", "name": "/app", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "1000:1000", "exec_instances": [object.union(plain_exec, {"user": "1000:1000"})]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "user": "", "exec_instances": []}

rule := {"origin": "auditctl", "text": "-w /usr/bin/docker -p x -k docker", "path": "/usr/bin/docker", "key": "docker"}

clean_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-it", "web", "su", "-u", "x"], "time_unix": 1700000000, "uid": 1000}]}}

user_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-itu", "0", "web", "sh"], "time_unix": null}]}}

no_trail := {"audit": {"loaded": null}}

# Each test binds the host fixture to a local first: regopy 1.5 reads
# `with input.host as <rule name>` as undefined.

test_nothing_found_without_audit_trail_is_manual if {
	h := no_trail
	count(c5_23.violations) == 0 with input.containers as [web, app, db] with input.host as h with input.files as []
	count(c5_23.missing) == 0 with input.containers as [web, app, db] with input.host as h with input.files as []
	c5_23.manual with input.containers as [web, app, db] with input.host as h with input.files as []
	e := c5_23.evidence with input.containers as [web, app, db] with input.host as h with input.files as []
	e.exec_instances_seen == 2
}

test_exec_user_inherited_from_the_container_is_not_a_finding if {
	h := no_trail
	count(c5_23.violations) == 0 with input.containers as [app] with input.host as h with input.files as []
}

test_clean_audit_trail_passes if {
	h := clean_trail
	count(c5_23.violations) == 0 with input.containers as [web, db] with input.host as h with input.files as []
	not c5_23.manual with input.containers as [web, db] with input.host as h with input.files as []
	c5_23.checked == 3 with input.containers as [web, db] with input.host as h with input.files as []
}

test_remembered_root_exec_fails if {
	h := no_trail
	c := object.union(web, {"exec_instances": [plain_exec, root_exec]})
	vs := c5_23.violations with input.containers as [c, db] with input.host as h with input.files as []
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has an exec instance e2e2e2e2e2e2 (finished) run with --user root (root)",
		"actual": "root", "expected": "docker exec without --user",
	}]
}

test_other_user_than_the_container_fails if {
	h := no_trail
	c := object.union(app, {"exec_instances": [object.union(plain_exec, {"user": "nobody"})]})
	vs := c5_23.violations with input.containers as [c] with input.host as h with input.files as []
	[v.message | some v in vs] == ["container app has an exec instance e1e1e1e1e1e1 (running) run with --user nobody"]
}

test_audit_record_of_exec_user_fails if {
	h := user_trail
	vs := c5_23.violations with input.containers as [web] with input.host as h with input.files as [] with input.meta as {"hostname": "node1"}
	[v.message | some v in vs] == ["docker exec --user was run: docker exec -itu 0 web sh (audit record)"]
}

test_no_containers_is_not_applicable if {
	h := no_trail
	c5_23.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as h with input.files as []
}

test_uncollected_containers_are_missing if {
	h := no_trail
	count(c5_23.missing) == 1 with input.containers as null with input.host as h with input.files as []
	not c5_23.not_applicable with input.containers as null with input.host as h with input.files as []
}

test_unreadable_exec_instances_are_missing if {
	h := no_trail
	c := object.union(web, {"exec_instances": null})
	count(c5_23.missing) == 1 with input.containers as [c] with input.host as h with input.files as []
}
