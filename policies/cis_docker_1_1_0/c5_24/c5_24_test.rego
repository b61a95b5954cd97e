package cis_docker_1_1_0.c5_24_test

import data.cis_docker_1_1_0.c5_24
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "cgroup_parent": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "cgroup_parent": ""}

batch := object.union(db, {"cgroup_parent": "/batch/"})

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "evidence", "checked"}}

test_default_cgroup_passes if {
	doc := c5_24 with input.containers as [web, db]
	contract(doc) == {
		"checked": 2, "missing": set(), "violations": set(),
		"evidence": {"approved_cgroup_parents": null, "custom_cgroup_parents": {}},
	}
}

test_custom_parent_without_approval_fails if {
	vs := c5_24.violations with input.containers as [web, batch]
	vs == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db runs under cgroup parent /batch/, and no approved_cgroup_parents were given",
		"actual": "/batch/", "expected": "the default cgroup, or an approved cgroup parent",
	}}
}

test_approved_parent_passes if {
	doc := c5_24 with input.containers as [web, batch] with data.dockerbench.params.approved_cgroup_parents as ["/batch"]
	contract(doc) == {
		"checked": 2, "missing": set(), "violations": set(),
		"evidence": {"approved_cgroup_parents": ["/batch"], "custom_cgroup_parents": {"db": "/batch/"}},
	}
}

test_single_string_parameter_is_accepted if {
	c5_24.violations == set() with input.containers as [batch] with data.dockerbench.params.approved_cgroup_parents as "/batch"
	c5_24.evidence.approved_cgroup_parents == ["/batch"] with input.containers as [batch] with data.dockerbench.params.approved_cgroup_parents as "/batch"
}

test_root_parent_is_compared_as_is if {
	c := object.union(web, {"cgroup_parent": "/"})
	c5_24.violations == set() with input.containers as [c] with data.dockerbench.params.approved_cgroup_parents as ["/"]
}

test_unapproved_parent_fails if {
	c := object.union(web, {"cgroup_parent": "system.slice"})
	vs := c5_24.violations with input.containers as [c, batch] with data.dockerbench.params.approved_cgroup_parents as ["/batch"]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web runs under cgroup parent system.slice, which is not in approved_cgroup_parents",
	}}
}

test_empty_approved_list_approves_nothing if {
	vs := c5_24.violations with input.containers as [batch] with data.dockerbench.params.approved_cgroup_parents as []
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db runs under cgroup parent /batch/, which is not in approved_cgroup_parents",
	}}
}

test_no_containers_is_not_applicable if {
	c5_24.not_applicable == "there are no containers on this host" with input.containers as []
	c5_24.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_24.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_24.not_applicable with input.containers as null
	c5_24.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(batch, {"inspected": false})
	c5_24.missing == {"container db (its inspect failed)"} with input.containers as [c]
	c5_24.violations == set() with input.containers as [c]
	c5_24.evidence.custom_cgroup_parents == {} with input.containers as [c]
}

test_evidence_says_when_no_list_was_given if {
	e := c5_24.evidence with input.containers as [web, batch]
	e == {"approved_cgroup_parents": null, "custom_cgroup_parents": {"db": "/batch/"}}
}
