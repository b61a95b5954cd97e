package cis_docker_1_1_0.c2_16_test

import data.cis_docker_1_1_0.c2_16

base := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

builtin := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}})

test_custom_profile_passes if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=seccomp,profile=/etc/docker/seccomp.json"]}})
	r := c2_16 with input.daemon as d
	count(r.violations) == 0
	count(r.reviews) == 0
	count(r.missing) == 0
	r.checked == 1
	r.evidence.seccomp_profiles == ["/etc/docker/seccomp.json"]
}

test_builtin_profile_is_a_review if {
	d := builtin
	r := c2_16 with input.daemon as d
	count(r.violations) == 0
	r.reviews == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd uses Docker's built-in seccomp profile (profile=builtin): confirm no custom daemon-wide profile is needed",
		"actual": "builtin", "expected": "a profile chosen for this environment",
	}}
}

test_default_profile_of_older_engines_is_a_review if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=seccomp,profile=default"]}})
	{v.actual | some v in c2_16.reviews} == {"default"} with input.daemon as d
}

test_bare_seccomp_entry_of_old_engines_is_the_default_profile if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["apparmor", "seccomp"]}})
	{v.actual | some v in c2_16.reviews} == {"default"} with input.daemon as d
}

test_unconfined_fails if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=seccomp,profile=unconfined"]}})
	r := c2_16 with input.daemon as d
	{v.actual | some v in r.violations} == {"unconfined"}
	count(r.reviews) == 0
}

test_no_seccomp_entry_fails if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor"]}})
	vs := c2_16.violations with input.daemon as d
	{v.message | some v in vs} == {"dockerd applies no seccomp profile: GET /info SecurityOptions has no seccomp entry (seccomp unsupported or compiled out)"}
}

test_configured_unconfined_fails_without_info if {
	d := object.union(base, {"flags": {"seccomp-profile": ["unconfined"]}, "info": null})
	r := c2_16 with input.daemon as d
	count(r.violations) == 1
	count(r.missing) == 0
}

test_missing_info_is_missing if {
	d := object.union(base, {"flags": {"seccomp-profile": ["/etc/docker/seccomp.json"]}, "info": null})
	r := c2_16 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
}
