package cis_docker_1_1_0.c5_1_test

import data.cis_docker_1_1_0.c5_1

confined := {"id": "a", "name": "/a", "labels": {}, "apparmor_profile": "docker-default", "privileged": false, "status": "running", "running": true, "inspected": true}

custom := object.union(confined, {"id": "b", "name": "/b", "apparmor_profile": "my-nginx", "status": "exited", "running": false})

unconfined := object.union(confined, {"id": "u", "name": "/u", "apparmor_profile": "unconfined"})

privileged := object.union(confined, {"id": "p", "name": "/p", "apparmor_profile": "unconfined", "privileged": true})

empty := object.union(confined, {"id": "e", "name": "/e", "apparmor_profile": "", "status": "created", "running": false})

test_confined_containers_pass if {
	count(c5_1.violations) == 0 with input.containers as [confined, custom] with input.host.apparmor_enabled as true
	c5_1.checked == 2 with input.containers as [confined, custom] with input.host.apparmor_enabled as true
	count(c5_1.missing) == 0 with input.containers as [confined, custom] with input.host.apparmor_enabled as true
	not c5_1.not_applicable with input.containers as [confined, custom] with input.host.apparmor_enabled as true
}

test_unconfined_fails if {
	vs := c5_1.violations with input.containers as [confined, unconfined] with input.host.apparmor_enabled as true
	vs == [{
		"resource": {"kind": "container", "id": "u", "name": "u"},
		"message": "container u runs without an AppArmor profile (profile unconfined, status running)",
		"actual": "unconfined", "expected": "docker-default or a custom profile",
	}]
}

test_privileged_and_empty_profiles_fail if {
	vs := c5_1.violations with input.containers as [privileged, empty] with input.host.apparmor_enabled as true
	[v.message | some v in vs] == [
		"container p runs without an AppArmor profile (privileged, so unconfined, status running)",
		"container e runs without an AppArmor profile (no profile, status created)",
	]
}

test_daemon_security_option_makes_it_applicable if {
	vs := c5_1.violations with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as {"security_options": ["name=apparmor", "name=seccomp,profile=builtin"]}
	count(vs) == 1
}

test_host_without_apparmor_is_not_applicable if {
	c5_1.not_applicable == "AppArmor is not enabled on this host (/sys/module/apparmor/parameters/enabled)" with input.containers as [unconfined] with input.host.apparmor_enabled as false with input.daemon.info as {"security_options": []}
	count(c5_1.missing) == 0 with input.containers as null with input.host.apparmor_enabled as false
}

test_daemon_without_apparmor_is_not_applicable if {
	c5_1.not_applicable == "the Docker daemon does not use AppArmor (no name=apparmor in its SecurityOptions)" with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as {"security_options": ["name=seccomp,profile=builtin"]}
}

test_unknown_apparmor_state_is_missing if {
	c5_1.missing == {"host.apparmor_enabled and daemon.info (whether AppArmor is in use is unknown)"} with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as null
	not c5_1.not_applicable with input.containers as [unconfined] with input.host.apparmor_enabled as null with input.daemon.info as null
}

test_no_containers_is_not_applicable if {
	c5_1.not_applicable == "there are no containers on this host" with input.containers as [] with input.host.apparmor_enabled as true
}

test_uncollected_containers_are_missing if {
	c5_1.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.host.apparmor_enabled as true
}

test_uninspected_container_is_missing_not_failing if {
	c := object.union(empty, {"inspected": false})
	count(c5_1.missing) == 1 with input.containers as [c] with input.host.apparmor_enabled as true
	count(c5_1.violations) == 0 with input.containers as [c] with input.host.apparmor_enabled as true
}

test_absent_profile_fails_closed if {
	c := object.remove(confined, ["apparmor_profile"])
	count(c5_1.violations) == 1 with input.containers as [c] with input.host.apparmor_enabled as true
}
