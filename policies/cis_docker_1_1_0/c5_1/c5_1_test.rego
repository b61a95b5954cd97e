package cis_docker_1_1_0.c5_1_test

import data.cis_docker_1_1_0.c5_1
import data.lib.result

confined := {"id": "a", "name": "/a", "labels": {}, "apparmor_profile": "docker-default", "privileged": false, "status": "running", "running": true, "inspected": true}

custom := object.union(confined, {"id": "b", "name": "/b", "apparmor_profile": "my-nginx", "status": "exited", "running": false})

unconfined := object.union(confined, {"id": "u", "name": "/u", "apparmor_profile": "unconfined"})

privileged := object.union(confined, {"id": "p", "name": "/p", "apparmor_profile": "unconfined", "privileged": true})

empty := object.union(confined, {"id": "e", "name": "/e", "apparmor_profile": "", "status": "created", "running": false})

test_confined_containers_pass if {
	doc := c5_1 with input.containers as [confined, custom] with input.host.apparmor_enabled as true
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_unconfined_fails if {
	vs := c5_1.violations with input.containers as [confined, unconfined] with input.host.apparmor_enabled as true
	vs == {{
		"resource": {"kind": "container", "id": "u", "name": "u"},
		"message": "container u runs without an AppArmor profile (profile unconfined, status running)",
		"actual": "unconfined", "expected": "docker-default or a custom profile",
	}}
}

test_privileged_and_empty_profiles_fail if {
	vs := c5_1.violations with input.containers as [privileged, empty] with input.host.apparmor_enabled as true
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "p", "name": "p"}, "message": "container p runs without an AppArmor profile (privileged, so unconfined, status running)"},
		{"resource": {"kind": "container", "id": "e", "name": "e"}, "message": "container e runs without an AppArmor profile (no profile, status created)"},
	}
}

test_daemon_security_option_makes_it_applicable if {
	doc := c5_1 with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as {"security_options": ["name=apparmor", "name=seccomp,profile=builtin"]}
	result.brief(doc.violations) == {{"resource": {"kind": "container", "id": "u", "name": "u"}, "message": "container u runs without an AppArmor profile (profile unconfined, status running)"}}
	doc.missing == set()
	doc.checked == 1
}

test_host_without_apparmor_is_not_applicable if {
	c5_1.not_applicable == "AppArmor is not enabled on this host (/sys/module/apparmor/parameters/enabled)" with input.containers as [unconfined] with input.host.apparmor_enabled as false with input.daemon.info as {"security_options": []}
	c5_1.missing == set() with input.containers as null with input.host.apparmor_enabled as false
}

test_daemon_without_apparmor_is_not_applicable if {
	doc := c5_1 with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as {"security_options": ["name=seccomp,profile=builtin"]}
	doc.not_applicable == "the Docker daemon does not use AppArmor (no name=apparmor in its SecurityOptions)"
	doc.missing == set()
	doc.violations == set()
	not doc.checked
}

test_unknown_apparmor_state_is_missing if {
	doc := c5_1 with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as null
	doc.missing == {"host.apparmor_enabled and daemon.info (whether AppArmor is in use is unknown)"}
	not doc.not_applicable
}

test_no_containers_is_not_applicable if {
	c5_1.not_applicable == "there are no containers on this host" with input.containers as [] with input.host.apparmor_enabled as true
}

test_uncollected_containers_are_missing if {
	doc := c5_1 with input.containers as null with input.host.apparmor_enabled as true
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_failing if {
	c := object.union(empty, {"inspected": false})
	doc := c5_1 with input.containers as [c] with input.host.apparmor_enabled as true
	doc.missing == {"container e (its inspect failed)"}
	doc.violations == set()
}

test_absent_profile_fails_closed if {
	c := object.remove(confined, ["apparmor_profile"])
	vs := c5_1.violations with input.containers as [c] with input.host.apparmor_enabled as true
	vs == {{
		"resource": {"kind": "container", "id": "a", "name": "a"},
		"message": "container a runs without an AppArmor profile (no profile, status running)",
		"actual": "", "expected": "docker-default or a custom profile",
	}}
}
