package cis_docker_1_1_0.c5_21_test

import data.cis_docker_1_1_0.c5_21

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "privileged": false, "security_opt": []}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "privileged": false, "security_opt": ["seccomp=/etc/docker/seccomp/db.json"]}

builtin := {"info": {"security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}}

unconfined_daemon := {"info": {"security_options": ["name=seccomp,profile=unconfined"]}}

no_seccomp_daemon := {"info": {"security_options": ["name=apparmor"]}}

# Each test binds the fixture it replaces input.daemon with to a local first: regopy 1.5 reads
# `with input.daemon as <rule name>` as undefined.

test_default_and_custom_profiles_pass if {
	builtin_d := builtin
	count(c5_21.violations) == 0 with input.containers as [web, db] with input.daemon as builtin_d
	count(c5_21.missing) == 0 with input.containers as [web, db] with input.daemon as builtin_d
	c5_21.checked == 2 with input.containers as [web, db] with input.daemon as builtin_d
}

test_seccomp_equals_unconfined_fails if {
	builtin_d := builtin
	c := object.union(web, {"security_opt": ["seccomp=unconfined"]})
	vs := c5_21.violations with input.containers as [c, db] with input.daemon as builtin_d
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web runs with seccomp disabled (--security-opt seccomp=unconfined)",
		"actual": "seccomp=unconfined", "expected": "the default or a custom seccomp profile",
	}]
}

test_deprecated_colon_form_fails if {
	builtin_d := builtin
	c := object.union(db, {"security_opt": ["label=disable", "seccomp:unconfined"]})
	vs := c5_21.violations with input.containers as [web, c] with input.daemon as builtin_d
	[[v.resource.id, v.actual] | some v in vs] == [["b2", "seccomp:unconfined"]]
}

test_apparmor_unconfined_is_not_seccomp if {
	builtin_d := builtin
	c := object.union(web, {"security_opt": ["apparmor=unconfined"]})
	count(c5_21.violations) == 0 with input.containers as [c] with input.daemon as builtin_d
}

test_daemon_wide_unconfined_fails_containers_without_a_profile if {
	unconfined_daemon_d := unconfined_daemon
	vs := c5_21.violations with input.containers as [web, db] with input.daemon as unconfined_daemon_d
	[[v.resource.id, v.actual] | some v in vs] == [["a1", "daemon default: unconfined"]]
}

test_daemon_without_seccomp_fails_containers_without_a_profile if {
	no_seccomp_daemon_d := no_seccomp_daemon
	vs := c5_21.violations with input.containers as [web, db] with input.daemon as no_seccomp_daemon_d
	[[v.resource.id, v.actual] | some v in vs] == [["a1", "daemon without seccomp"]]
}

test_old_engine_bare_seccomp_entry_is_the_default if {
	d := {"info": {"security_options": ["apparmor", "seccomp"]}}
	count(c5_21.violations) == 0 with input.containers as [web] with input.daemon as d
	c5_21.evidence.daemon_seccomp == "seccomp" with input.containers as [web] with input.daemon as d
}

test_unknown_daemon_info_is_missing_only_for_defaulted_containers if {
	count(c5_21.missing) == 1 with input.containers as [web, db] with input.daemon as {"info": null}
	count(c5_21.missing) == 0 with input.containers as [db] with input.daemon as {"info": null}
}

test_privileged_containers_are_evidence if {
	builtin_d := builtin
	c := object.union(web, {"privileged": true})
	e := c5_21.evidence with input.containers as [c, db] with input.daemon as builtin_d
	e == {"daemon_seccomp": "name=seccomp,profile=builtin", "privileged_containers": ["web"]}
}

test_no_containers_is_not_applicable if {
	builtin_d := builtin
	c5_21.not_applicable == "there are no containers on this host" with input.containers as [] with input.daemon as builtin_d
}

test_uncollected_containers_are_missing if {
	builtin_d := builtin
	count(c5_21.missing) == 1 with input.containers as null with input.daemon as builtin_d
	not c5_21.not_applicable with input.containers as null with input.daemon as builtin_d
}

test_uninspected_container_is_missing if {
	builtin_d := builtin
	unconfined_daemon_d := unconfined_daemon
	c := object.union(web, {"inspected": false})
	count(c5_21.missing) == 1 with input.containers as [c] with input.daemon as builtin_d
	count(c5_21.violations) == 0 with input.containers as [c] with input.daemon as unconfined_daemon_d
}
