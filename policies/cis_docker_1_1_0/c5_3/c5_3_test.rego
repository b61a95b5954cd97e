package cis_docker_1_1_0.c5_3_test

import data.cis_docker_1_1_0.c5_3
import data.lib.result

plain := {"id": "a", "name": "/a", "labels": {}, "cap_add": [], "cap_drop": [], "privileged": false, "status": "running", "running": true, "inspected": true}

minimal := object.union(plain, {"id": "m", "name": "/m", "cap_add": ["CAP_NET_BIND_SERVICE"], "cap_drop": ["ALL"]})

sys_admin := object.union(plain, {"id": "s", "name": "/s", "cap_add": ["CAP_SYS_ADMIN", "CAP_CHOWN"], "status": "exited", "running": false})

everything := object.union(plain, {"id": "x", "name": "/x", "cap_add": ["ALL"]})

old_engine_names := object.union(plain, {"id": "o", "name": "/o", "cap_add": ["net_admin", "Cap_Sys_Ptrace", "kill"]})

test_default_set_additions_pass if {
	doc := c5_3 with input.containers as [plain, minimal]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_sys_admin_fails_on_a_stopped_container if {
	vs := c5_3.violations with input.containers as [plain, sys_admin]
	vs == {{
		"resource": {"kind": "container", "id": "s", "name": "s"},
		"message": "container s adds capabilities beyond the default set: SYS_ADMIN (status exited)",
		"actual": ["SYS_ADMIN"],
		"expected": "only capabilities of Docker's default set or allowed_cap_add",
	}}
}

test_all_fails if {
	vs := c5_3.violations with input.containers as [everything]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "x", "name": "x"}, "message": "container x adds capabilities beyond the default set: ALL (status running)"}}
}

test_all_fails_even_when_allowed if {
	vs := c5_3.violations with input.containers as [everything] with data.dockerbench.params as {"allowed_cap_add": ["ALL"]}
	result.brief(vs) == {{"resource": {"kind": "container", "id": "x", "name": "x"}, "message": "container x adds capabilities beyond the default set: ALL (status running)"}}
}

test_names_are_normalised if {
	vs := c5_3.violations with input.containers as [old_engine_names]
	vs == {{
		"resource": {"kind": "container", "id": "o", "name": "o"},
		"message": "container o adds capabilities beyond the default set: NET_ADMIN, SYS_PTRACE (status running)",
		"actual": ["NET_ADMIN", "SYS_PTRACE"],
		"expected": "only capabilities of Docker's default set or allowed_cap_add",
	}}
}

test_parameter_allows_more if {
	c5_3.violations == set() with input.containers as [sys_admin] with data.dockerbench.params as {"allowed_cap_add": ["sys_admin"]}
	c5_3.violations == set() with input.containers as [old_engine_names] with data.dockerbench.params as {"allowed_cap_add": ["CAP_NET_ADMIN", "SYS_PTRACE"]}
}

test_parameter_that_is_not_a_list_allows_nothing_more if {
	doc := c5_3 with input.containers as [sys_admin] with data.dockerbench.params as {"allowed_cap_add": "SYS_ADMIN"}
	result.brief(doc.violations) == {{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s adds capabilities beyond the default set: SYS_ADMIN (status exited)"}}
	doc.checked == 1
}

test_evidence_lists_privileged_and_not_dropping_all if {
	priv := object.union(plain, {"id": "p", "name": "/p", "privileged": true})
	doc := c5_3 with input.containers as [plain, minimal, priv]
	doc.evidence == {"privileged": ["p"], "not_dropping_all": ["a", "p"]}
	doc.violations == set()
}

test_no_containers_is_not_applicable if {
	c5_3.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_3 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_passing if {
	c := object.union(sys_admin, {"inspected": false, "cap_add": []})
	doc := c5_3 with input.containers as [c]
	doc.missing == {"container s (its inspect failed)"}
	doc.violations == set()
	doc.evidence == {"privileged": [], "not_dropping_all": []}
}
