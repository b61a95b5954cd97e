package cis_docker_1_1_0.c5_24_test

import data.cis_docker_1_1_0.c5_24

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "cgroup_parent": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "cgroup_parent": ""}

batch := object.union(db, {"cgroup_parent": "/batch/"})

test_default_cgroup_passes if {
	count(c5_24.violations) == 0 with input.containers as [web, db]
	count(c5_24.missing) == 0 with input.containers as [web, db]
	c5_24.checked == 2 with input.containers as [web, db]
}

test_custom_parent_without_approval_fails if {
	vs := c5_24.violations with input.containers as [web, batch]
	vs == [{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db runs under cgroup parent /batch/, and no approved_cgroup_parents were given",
		"actual": "/batch/", "expected": "the default cgroup, or an approved cgroup parent",
	}]
}

test_approved_parent_passes if {
	count(c5_24.violations) == 0 with input.containers as [web, batch] with data.dockerbench.params.approved_cgroup_parents as ["/batch"]
	e := c5_24.evidence with input.containers as [web, batch] with data.dockerbench.params.approved_cgroup_parents as ["/batch"]
	e == {"approved_cgroup_parents": ["/batch"], "custom_cgroup_parents": {"db": "/batch/"}}
}

test_single_string_parameter_is_accepted if {
	count(c5_24.violations) == 0 with input.containers as [batch] with data.dockerbench.params.approved_cgroup_parents as "/batch"
}

test_unapproved_parent_fails if {
	c := object.union(web, {"cgroup_parent": "system.slice"})
	vs := c5_24.violations with input.containers as [c, batch] with data.dockerbench.params.approved_cgroup_parents as ["/batch"]
	[v.message | some v in vs] == ["container web runs under cgroup parent system.slice, which is not in approved_cgroup_parents"]
}

test_no_containers_is_not_applicable if {
	c5_24.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_24.missing) == 1 with input.containers as null
	not c5_24.not_applicable with input.containers as null
}

test_uninspected_container_is_missing if {
	count(c5_24.missing) == 1 with input.containers as [object.union(web, {"inspected": false})]
}

test_evidence_says_when_no_list_was_given if {
	e := c5_24.evidence with input.containers as [web, batch]
	e == {"approved_cgroup_parents": null, "custom_cgroup_parents": {"db": "/batch/"}}
}
