package cis_docker_1_1_0.c5_21_test

import data.cis_docker_1_1_0.c5_21
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "privileged": false, "security_opt": []}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "privileged": false, "security_opt": ["seccomp=/etc/docker/seccomp/db.json"]}

builtin := {"info": {"security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}}

unconfined_daemon := {"info": {"security_options": ["name=seccomp,profile=unconfined"]}}

no_seccomp_daemon := {"info": {"security_options": ["name=apparmor"]}}

web_resource := {"kind": "container", "id": "a1", "name": "web"}

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "evidence", "checked"}}

test_default_and_custom_profiles_pass if {
	doc := c5_21 with input.containers as [web, db] with input.daemon as builtin
	contract(doc) == {
		"checked": 2, "missing": set(), "violations": set(),
		"evidence": {"daemon_seccomp": "name=seccomp,profile=builtin", "privileged_containers": []},
	}
}

test_seccomp_equals_unconfined_fails if {
	c := object.union(web, {"security_opt": ["seccomp=unconfined"]})
	vs := c5_21.violations with input.containers as [c, db] with input.daemon as builtin
	vs == {{
		"resource": web_resource,
		"message": "container web runs with seccomp disabled (--security-opt seccomp=unconfined)",
		"actual": "seccomp=unconfined", "expected": "the default or a custom seccomp profile",
	}}
}

test_deprecated_colon_form_fails if {
	c := object.union(db, {"security_opt": ["label=disable", "seccomp:unconfined"]})
	vs := c5_21.violations with input.containers as [web, c] with input.daemon as builtin
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db runs with seccomp disabled (--security-opt seccomp:unconfined)",
	}}
}

test_apparmor_unconfined_is_not_seccomp if {
	c := object.union(web, {"security_opt": ["apparmor=unconfined"]})
	c5_21.violations == set() with input.containers as [c] with input.daemon as builtin
}

test_daemon_wide_unconfined_fails_containers_without_a_profile if {
	vs := c5_21.violations with input.containers as [web, db] with input.daemon as unconfined_daemon
	vs == {{
		"resource": web_resource,
		"message": "container web has no seccomp option and the daemon's default profile is unconfined (dockerd --seccomp-profile=unconfined)",
		"actual": "daemon default: unconfined", "expected": "the default or a custom seccomp profile",
	}}
}

test_daemon_without_seccomp_fails_containers_without_a_profile if {
	vs := c5_21.violations with input.containers as [web, db] with input.daemon as no_seccomp_daemon
	vs == {{
		"resource": web_resource,
		"message": "container web runs without seccomp: the daemon reports no seccomp support (no seccomp entry in SecurityOptions)",
		"actual": "daemon without seccomp", "expected": "the default or a custom seccomp profile",
	}}
}

test_own_unconfined_is_reported_once_under_an_unconfined_daemon if {
	c := object.union(web, {"security_opt": ["seccomp=unconfined"]})
	vs := c5_21.violations with input.containers as [c, db] with input.daemon as unconfined_daemon
	result.brief(vs) == {{
		"resource": web_resource,
		"message": "container web runs with seccomp disabled (--security-opt seccomp=unconfined)",
	}}
}

test_old_engine_bare_seccomp_entry_is_the_default if {
	d := {"info": {"security_options": ["apparmor", "seccomp"]}}
	c5_21.violations == set() with input.containers as [web] with input.daemon as d
	c5_21.evidence.daemon_seccomp == "seccomp" with input.containers as [web] with input.daemon as d
	c5_21.daemon_profile == "default" with input.containers as [web] with input.daemon as d
}

test_unknown_daemon_info_is_missing_only_for_defaulted_containers if {
	c5_21.missing == {"daemon.info (GET /info could not be collected)"} with input.containers as [web, db] with input.daemon as {"info": null}
	c5_21.violations == set() with input.containers as [web, db] with input.daemon as {"info": null}
	c5_21.evidence == {"daemon_seccomp": null, "privileged_containers": []} with input.containers as [web, db] with input.daemon as {"info": null}
	c5_21.missing == set() with input.containers as [db] with input.daemon as {"info": null}
}

test_privileged_containers_are_evidence if {
	c := object.union(web, {"privileged": true})
	e := c5_21.evidence with input.containers as [c, db] with input.daemon as builtin
	e == {"daemon_seccomp": "name=seccomp,profile=builtin", "privileged_containers": ["web"]}
}

test_no_containers_is_not_applicable if {
	c5_21.not_applicable == "there are no containers on this host" with input.containers as [] with input.daemon as builtin
	c5_21.checked == 0 with input.containers as [] with input.daemon as builtin
}

test_uncollected_containers_are_missing if {
	c5_21.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.daemon as builtin
	not c5_21.not_applicable with input.containers as null with input.daemon as builtin
	c5_21.checked == 0 with input.containers as null with input.daemon as builtin
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false})
	c5_21.missing == {"container web (its inspect failed)"} with input.containers as [c] with input.daemon as builtin
	c5_21.violations == set() with input.containers as [c] with input.daemon as unconfined_daemon
	own := object.union(c, {"security_opt": ["seccomp=unconfined"]})
	c5_21.violations == set() with input.containers as [own] with input.daemon as builtin
}
