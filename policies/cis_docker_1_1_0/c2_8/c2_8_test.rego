package cis_docker_1_1_0.c2_8_test

import data.cis_docker_1_1_0.c2_8

info_plain := {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}

info_userns := {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=userns"]}

info_rootless := {"docker_root_dir": "/home/u/.local/share/docker", "security_options": ["name=seccomp,profile=builtin", "name=rootless", "name=cgroupns"]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info_userns}

test_active_remap_passes if {
	d := clean
	r := c2_8 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_rootless_passes if {
	d := object.union(clean, {"info": info_rootless})
	count(c2_8.violations) == 0 with input.daemon as d
}

test_no_remap_fails if {
	d := object.union(clean, {"info": info_plain})
	c2_8.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "user namespace remapping is not active: GET /info SecurityOptions is [name=apparmor, name=seccomp,profile=builtin, name=cgroupns]",
		"actual": "name=apparmor, name=seccomp,profile=builtin, name=cgroupns",
		"expected": "name=userns in SecurityOptions",
	}} with input.daemon as d
}

test_configured_but_not_applied_fails_and_says_so if {
	d := object.union(clean, {"info": info_plain, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"userns-remap": "default"}}})
	vs := c2_8.violations with input.daemon as d
	{v.message | some v in vs} == {"user namespace remapping is not active: GET /info SecurityOptions is [name=apparmor, name=seccomp,profile=builtin, name=cgroupns]; userns-remap is set to default but dockerd has not applied it (restart needed)"}
}

test_info_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": info_userns}
	r := c2_8 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_configured_remap_decides_without_info if {
	d := object.union(clean, {"flags": {"userns-remap": ["default"]}, "info": null})
	r := c2_8 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_unset_remap_without_info_fails if {
	d := object.union(clean, {"info": null})
	vs := c2_8.violations with input.daemon as d
	{v.message | some v in vs} == {"user namespace remapping is not configured (--userns-remap / \"userns-remap\")"}
}

test_empty_remap_is_unset if {
	d := object.union(clean, {"flags": {"userns-remap": [""]}, "info": null})
	count(c2_8.violations) == 1 with input.daemon as d
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_8 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"}
	count(r.violations) == 0
}
