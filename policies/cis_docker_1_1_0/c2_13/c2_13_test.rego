package cis_docker_1_1_0.c2_13_test

import data.cis_docker_1_1_0.c2_13
import data.lib.result

old := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "version": {"version": "17.09.1-ce", "api_version": "1.32"}, "info": null}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

still_allows := {{"resource": daemon_resource, "message": "engine 17.09.1-ce still allows v1 (legacy) registry operations: --disable-legacy-registry is not set"}}

test_modern_engine_is_not_applicable if {
	d := object.union(old, {"version": {"version": "24.0.7", "api_version": "1.43"}})
	r := c2_13 with input.daemon as d
	r.not_applicable == "engine 24.0.7 is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable"
	r.missing == set()
	r.violations == set()
}

test_17_12_itself_is_not_applicable if {
	d := object.union(old, {"version": {"version": "17.12.0-ce", "api_version": "1.35"}})
	c2_13.not_applicable == "engine 17.12.0-ce is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable" with input.daemon as d
}

test_modern_engine_needs_no_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "version": {"version": "20.10.24+dfsg1", "api_version": "1.41"}}
	r := c2_13 with input.daemon as d
	r.missing == set()
	r.not_applicable == "engine 20.10.24+dfsg1 is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable"
}

test_old_engine_with_flag_passes if {
	d := object.union(old, {"flags": {"disable-legacy-registry": ["true"]}})
	r := c2_13 with input.daemon as d
	r.violations == set()
	r.missing == set()
	not r.not_applicable
	r.checked == 1
}

test_old_engine_with_daemon_json_key_passes if {
	d := object.union(old, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"disable-legacy-registry": true}}})
	r := c2_13 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_old_engine_without_flag_fails if {
	d := old
	c2_13.violations == {{
		"resource": daemon_resource,
		"message": "engine 17.09.1-ce still allows v1 (legacy) registry operations: --disable-legacy-registry is not set",
		"actual": null, "expected": true,
	}} with input.daemon as d
}

test_old_engine_with_explicit_false_fails if {
	d := object.union(old, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"disable-legacy-registry": false}}})
	vs := c2_13.violations with input.daemon as d
	result.brief(vs) == still_allows
	{v.actual | some v in vs} == {false}
}

test_old_engine_explicit_false_decides_with_unknown_command_line if {
	d := object.union(old, {"argv": null, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"disable-legacy-registry": false}}})
	r := c2_13 with input.daemon as d
	result.brief(r.violations) == still_allows
	r.missing == set()
}

test_old_engine_with_unknown_configuration_is_missing if {
	d := object.union(old, {"argv": null})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	r.violations == set()
}

test_version_from_info_when_version_is_missing if {
	d := object.union(old, {"version": null, "info": {"docker_root_dir": "/var/lib/docker", "server_version": "26.1.0"}})
	r := c2_13 with input.daemon as d
	r.not_applicable == "engine 26.1.0 is 17.12 or newer: v1 registry support is removed, so there are no legacy registry operations to disable"
	r.missing == set()
}

test_no_version_is_missing if {
	d := object.union(old, {"version": null})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.version (GET /version could not be collected)"}
	not r.not_applicable
	r.violations == set()
}

test_unparsable_version_is_missing if {
	d := object.union(old, {"version": {"version": "master-dockerproject-2019", "api_version": "1.40"}})
	r := c2_13 with input.daemon as d
	r.missing == {"daemon.version (the engine version master-dockerproject-2019 could not be read as a number)"}
	not r.not_applicable
	r.violations == set()
}
