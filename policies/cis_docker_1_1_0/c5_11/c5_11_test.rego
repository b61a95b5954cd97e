package cis_docker_1_1_0.c5_11_test

import data.cis_docker_1_1_0.c5_11

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "cpu_shares": 512}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "cpu_shares": 2048}

test_set_shares_pass if {
	count(c5_11.violations) == 0 with input.containers as [web, db]
	count(c5_11.missing) == 0 with input.containers as [web, db]
	c5_11.checked == 2 with input.containers as [web, db]
}

test_zero_shares_fail if {
	vs := c5_11.violations with input.containers as [object.union(web, {"cpu_shares": 0})]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has no CPU priority set (CpuShares 0: the default share of 1024)",
		"actual": 0, "expected": "CPU shares other than 0 and 1024",
	}]
}

test_1024_shares_fail if {
	vs := c5_11.violations with input.containers as [object.union(web, {"cpu_shares": 1024})]
	count(vs) == 1
	some v in vs
	v.actual == 1024
}

test_stopped_container_is_checked if {
	vs := c5_11.violations with input.containers as [web, object.union(db, {"cpu_shares": 0})]
	[v.resource.id | some v in vs] == ["b2"]
}

test_no_containers_is_not_applicable if {
	c5_11.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_11.missing) == 1 with input.containers as null
	not c5_11.not_applicable with input.containers as null
}

test_uninspected_container_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "cpu_shares": 0})
	c5_11.missing == {"container web (its inspect failed)"} with input.containers as [c]
	count(c5_11.violations) == 0 with input.containers as [c]
}

test_auditor_container_is_excluded if {
	auditor := object.union(web, {"cpu_shares": 0, "labels": {"dockerbench.auditor": "true"}})
	count(c5_11.violations) == 0 with input.containers as [auditor]
}

test_absent_field_fails if {
	c := {"id": "c3", "name": "/x", "labels": {}, "status": "created", "running": false}
	vs := c5_11.violations with input.containers as [c]
	some v in vs
	v.actual == null
}
