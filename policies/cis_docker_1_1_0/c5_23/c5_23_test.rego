package cis_docker_1_1_0.c5_23_test

import data.cis_docker_1_1_0.c5_23
import data.lib.result

plain_exec := {"id": "e1e1e1e1e1e1e1e1", "privileged": false, "user": "", "running": true}

root_exec := {"id": "e2e2e2e2e2e2e2e2", "privileged": false, "user": "root", "running": false}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "", "exec_instances": [plain_exec]}

app := {"id": "c3", "name": "/app", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "1000:1000", "exec_instances": [object.union(plain_exec, {"user": "1000:1000"})]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "user": "", "exec_instances": []}

rule := {"origin": "auditctl", "text": "-w /usr/bin/docker -p x -k docker", "path": "/usr/bin/docker", "key": "docker"}

clean_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-it", "web", "su", "-u", "x"], "time_unix": 1700000000, "uid": 1000}]}}

user_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-itu", "0", "web", "sh"], "time_unix": null}]}}

no_trail := {"audit": {"loaded": null}}

retention := "dockerd lists only the exec instances of a container that still run (a finished one leaves the container's ExecIDs), and forgets all of them when the container is removed or the daemon restarts: their absence says nothing about past docker exec runs"

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "manual", "evidence", "checked"}}

test_nothing_found_without_audit_trail_is_manual if {
	doc := c5_23 with input.containers as [web, app, db] with input.host as no_trail
	contract(doc) == {
		"missing": set(), "violations": set(), "checked": 3,
		"manual": "No docker exec with --user was found, but without an audit trail of docker client runs past ones cannot be ruled out: review the docker exec history (e.g. ausearch -k docker | grep exec | grep user) and see evidence.",
		"evidence": {
			"containers_examined": 3,
			"exec_instances_seen": 2,
			"audit_trail": "docker exec audit records were not collected (no readable /var/log/audit/audit.log)",
			"retention": retention,
		},
	}
}

test_exec_user_inherited_from_the_container_is_not_a_finding if {
	c5_23.violations == set() with input.containers as [app] with input.host as no_trail
}

test_clean_audit_trail_passes if {
	doc := c5_23 with input.containers as [web, db] with input.host as clean_trail
	contract(doc) == {
		"missing": set(), "violations": set(), "checked": 3,
		"evidence": {
			"containers_examined": 2,
			"exec_instances_seen": 1,
			"audit_trail": "1 docker exec audit records examined",
			"retention": retention,
		},
	}
}

test_remembered_root_exec_fails if {
	c := object.union(web, {"exec_instances": [plain_exec, root_exec]})
	vs := c5_23.violations with input.containers as [c, db] with input.host as no_trail
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has an exec instance e2e2e2e2e2e2 (finished) run with --user root (root)",
		"actual": "root", "expected": "docker exec without --user",
	}}
}

test_other_user_than_the_container_fails if {
	c := object.union(app, {"exec_instances": [object.union(plain_exec, {"user": "nobody"})]})
	vs := c5_23.violations with input.containers as [c] with input.host as no_trail
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "c3", "name": "app"},
		"message": "container app has an exec instance e1e1e1e1e1e1 (running) run with --user nobody",
	}}
}

test_audit_record_of_exec_user_fails if {
	vs := c5_23.violations with input.containers as [web] with input.host as user_trail with input.meta as {"hostname": "node1"}
	vs == {{
		"resource": {"kind": "host", "id": "node1", "name": "node1"},
		"message": "docker exec --user was run: docker exec -itu 0 web sh (audit record)",
		"actual": "--user", "expected": "docker exec without --user",
	}}
}

test_user_record_fails_even_without_containers if {
	vs := c5_23.violations with input.containers as [] with input.host as user_trail with input.meta as {"hostname": "node1"}
	result.brief(vs) == {{
		"resource": {"kind": "host", "id": "node1", "name": "node1"},
		"message": "docker exec --user was run: docker exec -itu 0 web sh (audit record)",
	}}
	not c5_23.not_applicable with input.containers as [] with input.host as user_trail
}

test_no_containers_is_not_applicable if {
	c5_23.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as no_trail
	c5_23.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as clean_trail
}

test_uncollected_containers_are_missing if {
	c5_23.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.host as no_trail
	not c5_23.not_applicable with input.containers as null with input.host as no_trail
	c5_23.checked == 0 with input.containers as null with input.host as no_trail
}

test_unreadable_exec_instances_are_missing if {
	c := object.union(web, {"exec_instances": null})
	c5_23.missing == {"container web exec_instances (GET /exec/{id}/json failed)"} with input.containers as [c] with input.host as no_trail
}

test_uninspected_containers_exec_instances_are_not_judged if {
	c := object.union(web, {"inspected": false, "exec_instances": [root_exec]})
	c5_23.missing == {"container web (its inspect failed)"} with input.containers as [c] with input.host as no_trail
	c5_23.violations == set() with input.containers as [c] with input.host as no_trail
}
