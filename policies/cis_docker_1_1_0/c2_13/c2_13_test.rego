package cis_docker_1_1_0.c2_13_test

import data.cis_docker_1_1_0.c2_13

old := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "version": {"version": "17.09.1-ce", "api_version": "1.32"}, "info": null}

test_modern_engine_is_not_applicable if {
	d := object.union(old, {"version": {"version": "24.0.7", "api_version": "1.43"}})
	r := c2_13 with input.daemon as d
	r.not_applicable == "engine 24.0.7 is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable"
	count(r.missing) == 0
}

test_17_12_itself_is_not_applicable if {
	d := object.union(old, {"version": {"version": "17.12.0-ce", "api_version": "1.35"}})
	c2_13.not_applicable with input.daemon as d
}

test_modern_engine_needs_no_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "version": {"version": "20.10.24+dfsg1", "api_version": "1.41"}}
	r := c2_13 with input.daemon as d
	count(r.missing) == 0
	r.not_applicable
}

test_old_engine_with_flag_passes if {
	d := object.union(old, {"flags": {"disable-legacy-registry": ["true"]}})
	r := c2_13 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	not r.not_applicable
	r.checked == 1
}

test_old_engine_without_flag_fails if {
	d := old
	c2_13.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "engine 17.09.1-ce still allows v1 (legacy) registry operations: --disable-legacy-registry is not set",
		"actual": null, "expected": true,
	}} with input.daemon as d
}

test_old_engine_with_explicit_false_fails if {
	d := object.union(old, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"disable-legacy-registry": false}}})
	vs := c2_13.violations with input.daemon as d
	{v.actual | some v in vs} == {false}
}

test_old_engine_with_unknown_configuration_is_missing if {
	d := object.union(old, {"argv": null})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	count(r.violations) == 0
}

test_version_from_info_when_version_is_missing if {
	d := object.union(old, {"version": null, "info": {"docker_root_dir": "/var/lib/docker", "server_version": "26.1.0"}})
	c2_13.not_applicable with input.daemon as d
}

test_no_version_is_missing if {
	d := object.union(old, {"version": null})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.version (GET /version could not be collected)"}
	not r.not_applicable
}

test_unparsable_version_is_missing if {
	d := object.union(old, {"version": {"version": "master-dockerproject-2019", "api_version": "1.40"}})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.version (the engine version master-dockerproject-2019 could not be read as a number)"}
}
