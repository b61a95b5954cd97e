package cis_docker_1_1_0.c5_11_test

import data.cis_docker_1_1_0.c5_11
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "cpu_shares": 512}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "cpu_shares": 2048}

test_set_shares_pass if {
	doc := c5_11 with input.containers as [web, db]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_zero_shares_fail if {
	vs := c5_11.violations with input.containers as [object.union(web, {"cpu_shares": 0})]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no CPU priority set (CpuShares 0: the default share of 1024)",
		"actual": 0, "expected": "CPU shares other than 0 and 1024",
	}}
}

test_1024_shares_fail if {
	vs := c5_11.violations with input.containers as [object.union(web, {"cpu_shares": 1024})]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no CPU priority set (CpuShares 1024: the default share of 1024)",
		"actual": 1024, "expected": "CPU shares other than 0 and 1024",
	}}
}

test_stopped_container_is_checked if {
	vs := c5_11.violations with input.containers as [web, object.union(db, {"cpu_shares": 0})]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b2", "name": "db"}, "message": "container db has no CPU priority set (CpuShares 0: the default share of 1024)"}}
}

test_no_containers_is_not_applicable if {
	c5_11.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_11 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "cpu_shares": 0})
	doc := c5_11 with input.containers as [c]
	doc.missing == {"container web (its inspect failed)"}
	doc.violations == set()
}

test_auditor_container_is_excluded if {
	auditor := object.union(web, {"cpu_shares": 0, "labels": {"dockerbench.auditor": "true"}})
	doc := c5_11 with input.containers as [auditor]
	doc.violations == set()
	doc.checked == 0
}

test_absent_field_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	vs := c5_11.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "c3", "name": "x"},
		"message": "container x has no CPU priority set (CpuShares null: the default share of 1024)",
		"actual": null, "expected": "CPU shares other than 0 and 1024",
	}}
}
