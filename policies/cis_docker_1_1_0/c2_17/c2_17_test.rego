package cis_docker_1_1_0.c2_17_test

import data.cis_docker_1_1_0.c2_17
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "version": {"version": "24.0.7", "api_version": "1.43", "experimental": false}, "info": {"docker_root_dir": "/var/lib/docker", "experimental_build": false}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_not_experimental_passes if {
	d := clean
	r := c2_17 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
}

test_version_experimental_fails if {
	d := object.union(clean, {"version": {"version": "24.0.7", "api_version": "1.43", "experimental": true}})
	c2_17.violations == {{
		"resource": daemon_resource,
		"message": "dockerd runs with experimental features (GET /version Experimental is true)",
		"actual": true, "expected": false,
	}} with input.daemon as d
}

test_info_experimental_build_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "experimental_build": true}})
	result.brief(c2_17.violations) == {{"resource": daemon_resource, "message": "dockerd runs with experimental features (GET /info ExperimentalBuild is true)"}} with input.daemon as d
}

test_both_endpoints_experimental_fail_each if {
	d := object.union(clean, {"version": {"version": "24.0.7", "api_version": "1.43", "experimental": true}, "info": {"docker_root_dir": "/var/lib/docker", "experimental_build": true}})
	result.brief(c2_17.violations) == {
		{"resource": daemon_resource, "message": "dockerd runs with experimental features (GET /version Experimental is true)"},
		{"resource": daemon_resource, "message": "dockerd runs with experimental features (GET /info ExperimentalBuild is true)"},
	} with input.daemon as d
}

test_effective_state_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_17 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_one_endpoint_is_enough if {
	d := object.union(clean, {"version": null})
	r := c2_17 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_effective_state_wins_over_configured_experimental if {
	d := object.union(clean, {"flags": {"experimental": ["true"]}})
	r := c2_17 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_configured_experimental_fails_without_endpoints if {
	d := object.union(clean, {"version": null, "info": null, "flags": {"experimental": ["true"]}})
	r := c2_17 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd is configured with experimental features (--experimental / \"experimental\": true)"}}
	r.missing == set()
}

test_configuration_decides_without_endpoints if {
	d := object.union(clean, {"version": null, "info": null})
	r := c2_17 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "version": null, "info": null}
	r := c2_17 with input.daemon as d
	r.missing == {
		"daemon.version (GET /version could not be collected)",
		"daemon.info (GET /info could not be collected)",
		"daemon.argv (the dockerd command line could not be read)",
		"daemon.config_file (not collected)",
	}
	r.violations == set()
}
