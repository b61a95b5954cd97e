package cis_docker_1_1_0.c2_16_test

import data.cis_docker_1_1_0.c2_16
import data.lib.result

base := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

builtin := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}})

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

builtin_review(p) := {{"resource": daemon_resource, "message": sprintf("dockerd uses Docker's built-in seccomp profile (profile=%s): confirm no custom daemon-wide profile is needed", [p])}}

with_options(opts) := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": opts}})

test_custom_profile_passes if {
	d := with_options(["name=seccomp,profile=/etc/docker/seccomp.json"])
	r := c2_16 with input.daemon as d
	r.violations == set()
	r.reviews == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"seccomp_profiles": ["/etc/docker/seccomp.json"], "configured_seccomp_profile": null}
}

test_builtin_profile_is_a_review if {
	d := builtin
	r := c2_16 with input.daemon as d
	r.violations == set()
	r.reviews == {{
		"resource": daemon_resource,
		"message": "dockerd uses Docker's built-in seccomp profile (profile=builtin): confirm no custom daemon-wide profile is needed",
		"actual": "builtin", "expected": "a profile chosen for this environment",
	}}
}

test_default_profile_of_older_engines_is_a_review if {
	d := with_options(["name=seccomp,profile=default"])
	result.brief(c2_16.reviews) == builtin_review("default") with input.daemon as d
}

test_bare_seccomp_entry_of_old_engines_is_the_default_profile if {
	d := with_options(["apparmor", "seccomp"])
	r := c2_16 with input.daemon as d
	result.brief(r.reviews) == builtin_review("default")
	r.violations == set()
}

test_unconfined_fails if {
	d := with_options(["name=seccomp,profile=unconfined"])
	r := c2_16 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd's daemon-wide seccomp profile is unconfined: containers run without syscall filtering"}}
	r.reviews == set()
}

test_no_seccomp_entry_fails if {
	d := with_options(["name=apparmor"])
	r := c2_16 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd applies no seccomp profile: GET /info SecurityOptions has no seccomp entry (seccomp unsupported or compiled out)"}}
	r.reviews == set()
	r.evidence.seccomp_profiles == []
}

test_configured_unconfined_fails_without_info if {
	d := object.union(base, {"flags": {"seccomp-profile": ["unconfined"]}, "info": null})
	r := c2_16 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd is configured with --seccomp-profile unconfined: containers run without syscall filtering"}}
	r.missing == set()
	r.evidence == {"seccomp_profiles": [], "configured_seccomp_profile": "unconfined"}
}

test_info_wins_over_configured_unconfined if {
	d := object.union(builtin, {"flags": {"seccomp-profile": ["unconfined"]}})
	r := c2_16 with input.daemon as d
	r.violations == set()
	result.brief(r.reviews) == builtin_review("builtin")
}

test_missing_info_is_missing if {
	d := object.union(base, {"flags": {"seccomp-profile": ["/etc/docker/seccomp.json"]}, "info": null})
	r := c2_16 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
	r.reviews == set()
}

test_note_says_which_name_the_engine_gives_the_builtin_profile if {
	new := object.union(builtin, {"version": {"version": "26.1.5+dfsg1", "api_version": "1.45"}})
	c2_16.note == "Engine 26.1.5+dfsg1 names Docker's built-in profile \"builtin\" in GET /info: \"builtin\" from Engine 23.0, \"default\" before" with input.daemon as new
	old := object.union(with_options(["name=seccomp,profile=default"]), {"version": {"version": "20.10.24+dfsg1", "api_version": "1.41"}})
	c2_16.note == "Engine 20.10.24+dfsg1 names Docker's built-in profile \"default\" in GET /info: \"builtin\" from Engine 23.0, \"default\" before" with input.daemon as old
	custom := object.union(with_options(["name=seccomp,profile=/etc/docker/seccomp.json"]), {"version": {"version": "26.1.5", "api_version": "1.45"}})
	not c2_16.note with input.daemon as custom
}
