package cis_docker_1_1_0.c5_25_test

import data.cis_docker_1_1_0.c5_25

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "created_unix": 2000, "security_opt": ["no-new-privileges"]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "created_unix": 500, "security_opt": ["seccomp=/x.json", "no-new-privileges=true"]}

plain := {"id": "c3", "name": "/plain", "labels": {}, "status": "running", "running": true, "inspected": true, "created_unix": 2000, "security_opt": []}

no_daemon_setting := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

daemon_flag := {"argv": ["dockerd", "--no-new-privileges"], "flags": {"no-new-privileges": ["true"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "started_unix": 1000}

daemon_json := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": true}}}

# Each test binds the fixture it replaces input.daemon with to a local first: regopy 1.5 reads
# `with input.daemon as <rule name>` as undefined.

test_bare_and_true_forms_pass if {
	d := no_daemon_setting
	count(c5_25.violations) == 0 with input.containers as [web, db] with input.daemon as d
	count(c5_25.reviews) == 0 with input.containers as [web, db] with input.daemon as d
	count(c5_25.missing) == 0 with input.containers as [web, db] with input.daemon as d
	c5_25.checked == 2 with input.containers as [web, db] with input.daemon as d
}

test_colon_true_passes if {
	d := no_daemon_setting
	c := object.union(web, {"security_opt": ["no-new-privileges:true"]})
	count(c5_25.violations) == 0 with input.containers as [c] with input.daemon as d
}

test_unset_fails_without_daemon_setting if {
	d := no_daemon_setting
	vs := c5_25.violations with input.containers as [web, plain] with input.daemon as d
	vs == [{
		"resource": {"kind": "container", "id": "c3", "name": "plain"},
		"message": "container plain does not set no-new-privileges, and the daemon does not enable it either",
		"actual": "not set", "expected": "--security-opt no-new-privileges (true)",
	}]
}

test_explicit_false_fails_even_with_daemon_setting if {
	d := daemon_flag
	c := object.union(web, {"security_opt": ["no-new-privileges=false"]})
	vs := c5_25.violations with input.containers as [c] with input.daemon as d
	[[v.resource.id, v.actual] | some v in vs] == [["a1", "no-new-privileges=false"]]
}

test_last_entry_wins if {
	d := no_daemon_setting
	c := object.union(web, {"security_opt": ["no-new-privileges=false", "no-new-privileges:true"]})
	count(c5_25.violations) == 0 with input.containers as [c] with input.daemon as d
	c2 := object.union(web, {"security_opt": ["no-new-privileges", "no-new-privileges:false"]})
	count(c5_25.violations) == 1 with input.containers as [c2] with input.daemon as d
}

test_daemon_setting_accepted_for_containers_created_after_start if {
	d := daemon_flag
	count(c5_25.violations) == 0 with input.containers as [plain] with input.daemon as d
	count(c5_25.reviews) == 0 with input.containers as [plain] with input.daemon as d
	e := c5_25.evidence with input.containers as [plain] with input.daemon as d
	e == {"daemon_no_new_privileges": true, "accepted_through_daemon_setting": ["plain"]}
}

test_daemon_setting_older_container_is_reviewed if {
	d := daemon_flag
	c := object.union(plain, {"created_unix": 900})
	rs := c5_25.reviews with input.containers as [c] with input.daemon as d
	[[r.resource.id, r.actual] | some r in rs] == [["c3", "daemon-wide setting only"]]
	count(c5_25.violations) == 0 with input.containers as [c] with input.daemon as d
}

test_daemon_setting_without_start_time_is_reviewed if {
	d := daemon_json
	count(c5_25.reviews) == 1 with input.containers as [plain] with input.daemon as d
	count(c5_25.violations) == 0 with input.containers as [plain] with input.daemon as d
}

test_daemon_flag_false_does_not_count if {
	d := object.union(daemon_flag, {"flags": {"no-new-privileges": ["false"]}})
	count(c5_25.violations) == 1 with input.containers as [plain] with input.daemon as d
}

test_no_containers_is_not_applicable if {
	c5_25.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_25.missing) == 1 with input.containers as null
	not c5_25.not_applicable with input.containers as null
}

test_uninspected_container_is_missing if {
	d := no_daemon_setting
	c := object.union(plain, {"inspected": false})
	count(c5_25.missing) == 1 with input.containers as [c] with input.daemon as d
	count(c5_25.violations) == 0 with input.containers as [c] with input.daemon as d
}
