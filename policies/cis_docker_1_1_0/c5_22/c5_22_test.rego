package cis_docker_1_1_0.c5_22_test

import data.cis_docker_1_1_0.c5_22
import data.lib.result

plain_exec := {"id": "e1e1e1e1e1e1e1e1", "privileged": false, "user": "", "running": true}

priv_exec := {"id": "e2e2e2e2e2e2e2e2", "privileged": true, "user": "", "running": true}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "user": "", "exec_instances": [plain_exec]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "user": "", "exec_instances": []}

rule := {"origin": "auditctl", "text": "-w /usr/bin/docker -p x -k docker", "path": "/usr/bin/docker", "key": "docker"}

clean_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "-it", "web", "sh"], "time_unix": 1700000000, "uid": 1000}]}}

priv_trail := {"audit": {"loaded": [rule], "docker_exec_records": [{"args": ["docker", "exec", "--privileged", "web", "sh"], "time_unix": 1700000000, "uid": 1000}]}}

no_trail := {"audit": {"loaded": [rule]}}

retention := "dockerd lists only the exec instances of a container that still run (a finished one leaves the container's ExecIDs), and forgets all of them when the container is removed or the daemon restarts: their absence says nothing about past docker exec runs"

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "manual", "evidence", "checked"}}

test_nothing_found_without_audit_trail_is_manual if {
	doc := c5_22 with input.containers as [web, db] with input.host as no_trail
	contract(doc) == {
		"missing": set(), "violations": set(), "checked": 2,
		"manual": "No privileged docker exec was found, but without an audit trail of docker client runs past ones cannot be ruled out: review the docker exec history (e.g. ausearch -k docker | grep exec | grep privileged) and see evidence.",
		"evidence": {
			"containers_examined": 2,
			"exec_instances_seen": 1,
			"audit_trail": "docker exec audit records were not collected (no readable /var/log/audit/audit.log)",
			"retention": retention,
		},
	}
}

test_clean_audit_trail_passes if {
	doc := c5_22 with input.containers as [web, db] with input.host as clean_trail
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

test_remembered_privileged_exec_fails if {
	c := object.union(web, {"exec_instances": [plain_exec, priv_exec]})
	vs := c5_22.violations with input.containers as [c, db] with input.host as no_trail
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has a privileged exec instance e2e2e2e2e2e2 (running)",
		"actual": true, "expected": "docker exec without --privileged",
	}}
}

test_finished_privileged_exec_fails if {
	c := object.union(db, {"exec_instances": [object.union(priv_exec, {"running": false})]})
	vs := c5_22.violations with input.containers as [web, c] with input.host as clean_trail
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db has a privileged exec instance e2e2e2e2e2e2 (finished)",
	}}
}

test_audit_record_of_privileged_exec_fails if {
	vs := c5_22.violations with input.containers as [web] with input.host as priv_trail with input.meta as {"hostname": "node1"}
	vs == {{
		"resource": {"kind": "host", "id": "node1", "name": "node1"},
		"message": "docker exec --privileged was run: docker exec --privileged web sh (audit record at 1700000000, uid 1000)",
		"actual": "--privileged", "expected": "docker exec without --privileged",
	}}
}

test_privileged_record_fails_even_without_containers if {
	vs := c5_22.violations with input.containers as [] with input.host as priv_trail with input.meta as {"hostname": "node1"}
	result.brief(vs) == {{
		"resource": {"kind": "host", "id": "node1", "name": "node1"},
		"message": "docker exec --privileged was run: docker exec --privileged web sh (audit record at 1700000000, uid 1000)",
	}}
	not c5_22.not_applicable with input.containers as [] with input.host as priv_trail with input.meta as {"hostname": "node1"}
}

test_no_containers_is_not_applicable if {
	c5_22.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as no_trail
	c5_22.not_applicable == "there are no containers on this host" with input.containers as [] with input.host as clean_trail
}

test_uncollected_containers_are_missing if {
	c5_22.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.host as no_trail
	not c5_22.not_applicable with input.containers as null with input.host as no_trail
	c5_22.checked == 0 with input.containers as null with input.host as no_trail
}

test_unreadable_exec_instances_are_missing if {
	c := object.union(web, {"exec_instances": null})
	c5_22.missing == {"container web exec_instances (GET /exec/{id}/json failed)"} with input.containers as [c] with input.host as no_trail
	c5_22.evidence.exec_instances_seen == 0 with input.containers as [c] with input.host as no_trail
}

test_uninspected_container_is_missing_once if {
	c := object.union(web, {"inspected": false, "exec_instances": null})
	c5_22.missing == {"container web (its inspect failed)"} with input.containers as [c] with input.host as no_trail
}

test_uninspected_containers_exec_instances_are_not_judged if {
	c := object.union(web, {"inspected": false, "exec_instances": [priv_exec]})
	c5_22.missing == {"container web (its inspect failed)"} with input.containers as [c] with input.host as no_trail
	c5_22.violations == set() with input.containers as [c] with input.host as no_trail
}
