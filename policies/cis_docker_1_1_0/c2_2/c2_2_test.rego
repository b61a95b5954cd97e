package cis_docker_1_1_0.c2_2_test

import data.cis_docker_1_1_0.c2_2
import data.lib.result

info := {"docker_root_dir": "/var/lib/docker", "debug": false, "security_options": []}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_unset_level_and_debug_off_passes if {
	d := clean
	r := c2_2 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"configured_log_level": null, "info_debug": false}
}

test_explicit_info_level_passes if {
	d := object.union(clean, {"flags": {"log-level": ["INFO"]}})
	r := c2_2 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.evidence.configured_log_level == "info"
}

test_debug_level_fails if {
	d := object.union(clean, {"flags": {"log-level": ["debug"]}})
	c2_2.violations == {{
		"resource": daemon_resource,
		"message": "dockerd log level is debug, not info (--log-level / \"log-level\")",
		"actual": "debug", "expected": "info",
	}} with input.daemon as d
}

test_warn_level_in_daemon_json_fails if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"log-level": "warn"}}})
	vs := c2_2.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd log level is warn, not info (--log-level / \"log-level\")"}}
}

test_effective_debug_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "debug": true, "security_options": []}})
	vs := c2_2.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd runs in debug mode (GET /info Debug is true)"}}
}

test_configured_debug_fails if {
	d := object.union(clean, {"flags": {"debug": ["true"]}})
	vs := c2_2.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd is configured to run in debug mode (--debug / \"debug\": true)"}}
}

test_effective_and_configured_debug_fail_once if {
	d := object.union(clean, {"flags": {"debug": ["true"]}, "info": {"docker_root_dir": "/var/lib/docker", "debug": true}})
	vs := c2_2.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd runs in debug mode (GET /info Debug is true)"}}
}

test_debug_false_flag_passes if {
	d := object.union(clean, {"flags": {"debug": ["false"]}})
	r := c2_2 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_effective_debug_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "debug": true}}
	r := c2_2 with input.daemon as d
	r.missing == set()
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd runs in debug mode (GET /info Debug is true)"}}
}

test_unreadable_configuration_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_2 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"}
	r.violations == set()
}

test_missing_info_is_missing_when_config_is_clean if {
	d := object.union(clean, {"info": null})
	r := c2_2 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.evidence == {"configured_log_level": null, "info_debug": null}
}
