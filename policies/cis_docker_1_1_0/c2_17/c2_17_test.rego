package cis_docker_1_1_0.c2_17_test

import data.cis_docker_1_1_0.c2_17

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "version": {"version": "24.0.7", "api_version": "1.43", "experimental": false}, "info": {"docker_root_dir": "/var/lib/docker", "experimental_build": false}}

test_not_experimental_passes if {
	d := clean
	r := c2_17 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_version_experimental_fails if {
	d := object.union(clean, {"version": {"version": "24.0.7", "api_version": "1.43", "experimental": true}})
	c2_17.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd runs with experimental features (GET /version Experimental is true)",
		"actual": true, "expected": false,
	}} with input.daemon as d
}

test_info_experimental_build_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "experimental_build": true}})
	count(c2_17.violations) == 1 with input.daemon as d
}

test_effective_state_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_17 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_one_endpoint_is_enough if {
	d := object.union(clean, {"version": null})
	r := c2_17 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_configured_experimental_fails_without_endpoints if {
	d := object.union(clean, {"version": null, "info": null, "flags": {"experimental": ["true"]}})
	vs := c2_17.violations with input.daemon as d
	{v.message | some v in vs} == {"dockerd is configured with experimental features (--experimental / \"experimental\": true)"}
}

test_configuration_decides_without_endpoints if {
	d := object.union(clean, {"version": null, "info": null})
	r := c2_17 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "version": null, "info": null}
	r := c2_17 with input.daemon as d
	count(r.missing) == 4
}
