package cis_docker_1_1_0.c2_2_test

import data.cis_docker_1_1_0.c2_2

info := {"docker_root_dir": "/var/lib/docker", "debug": false, "security_options": []}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info}

test_unset_level_and_debug_off_passes if {
	d := clean
	r := c2_2 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_explicit_info_level_passes if {
	d := object.union(clean, {"flags": {"log-level": ["INFO"]}})
	count(c2_2.violations) == 0 with input.daemon as d
}

test_debug_level_fails if {
	d := object.union(clean, {"flags": {"log-level": ["debug"]}})
	c2_2.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd log level is debug, not info (--log-level / \"log-level\")",
		"actual": "debug", "expected": "info",
	}} with input.daemon as d
}

test_warn_level_in_daemon_json_fails if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"log-level": "warn"}}})
	vs := c2_2.violations with input.daemon as d
	count(vs) == 1
	some v in vs
	v.actual == "warn"
}

test_effective_debug_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "debug": true, "security_options": []}})
	vs := c2_2.violations with input.daemon as d
	{v.message | some v in vs} == {"dockerd runs in debug mode (GET /info Debug is true)"}
}

test_configured_debug_fails if {
	d := object.union(clean, {"flags": {"debug": ["true"]}})
	vs := c2_2.violations with input.daemon as d
	{v.message | some v in vs} == {"dockerd is configured to run in debug mode (--debug / \"debug\": true)"}
}

test_debug_false_flag_passes if {
	d := object.union(clean, {"flags": {"debug": ["false"]}})
	count(c2_2.violations) == 0 with input.daemon as d
}

test_effective_debug_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "debug": true}}
	r := c2_2 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 1
}

test_unreadable_configuration_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_2 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"}
}

test_missing_info_is_missing_when_config_is_clean if {
	d := object.union(clean, {"info": null})
	r := c2_2 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
}
