package cis_docker_1_1_0.c5_3_test

import data.cis_docker_1_1_0.c5_3

plain := {"id": "a", "name": "/a", "labels": {}, "cap_add": [], "cap_drop": [], "privileged": false, "status": "running", "running": true, "inspected": true}

minimal := object.union(plain, {"id": "m", "name": "/m", "cap_add": ["CAP_NET_BIND_SERVICE"], "cap_drop": ["ALL"]})

sys_admin := object.union(plain, {"id": "s", "name": "/s", "cap_add": ["CAP_SYS_ADMIN", "CAP_CHOWN"], "status": "exited", "running": false})

everything := object.union(plain, {"id": "x", "name": "/x", "cap_add": ["ALL"]})

old_engine_names := object.union(plain, {"id": "o", "name": "/o", "cap_add": ["net_admin", "Cap_Sys_Ptrace", "kill"]})

test_default_set_additions_pass if {
	count(c5_3.violations) == 0 with input.containers as [plain, minimal]
	c5_3.checked == 2 with input.containers as [plain, minimal]
	count(c5_3.missing) == 0 with input.containers as [plain, minimal]
}

test_sys_admin_fails_on_a_stopped_container if {
	vs := c5_3.violations with input.containers as [plain, sys_admin]
	vs == [{
		"resource": {"kind": "container", "id": "s", "name": "s"},
		"message": "container s adds capabilities beyond the default set: SYS_ADMIN (status exited)",
		"actual": ["SYS_ADMIN"],
		"expected": "only capabilities of Docker's default set or allowed_cap_add",
	}]
}

test_all_fails if {
	some v in c5_3.violations with input.containers as [everything]
	v.actual == ["ALL"]
}

test_all_fails_even_when_allowed if {
	count(c5_3.violations) == 1 with input.containers as [everything] with data.dockerbench.params as {"allowed_cap_add": ["ALL"]}
}

test_names_are_normalised if {
	some v in c5_3.violations with input.containers as [old_engine_names]
	v.actual == ["NET_ADMIN", "SYS_PTRACE"]
}

test_parameter_allows_more if {
	count(c5_3.violations) == 0 with input.containers as [sys_admin] with data.dockerbench.params as {"allowed_cap_add": ["sys_admin"]}
	count(c5_3.violations) == 0 with input.containers as [old_engine_names] with data.dockerbench.params as {"allowed_cap_add": ["CAP_NET_ADMIN", "SYS_PTRACE"]}
}

test_evidence_lists_privileged_and_not_dropping_all if {
	priv := object.union(plain, {"id": "p", "name": "/p", "privileged": true})
	c5_3.evidence == {"privileged": ["p"], "not_dropping_all": ["a", "p"]} with input.containers as [plain, minimal, priv]
	count(c5_3.violations) == 0 with input.containers as [plain, minimal, priv]
}

test_no_containers_is_not_applicable if {
	c5_3.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_3.missing == {"containers (the container list could not be collected)"} with input.containers as null
}

test_uninspected_container_is_missing_not_passing if {
	c := object.union(sys_admin, {"inspected": false, "cap_add": []})
	count(c5_3.missing) == 1 with input.containers as [c]
}
