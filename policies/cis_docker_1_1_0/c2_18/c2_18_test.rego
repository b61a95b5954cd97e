package cis_docker_1_1_0.c2_18_test

import data.cis_docker_1_1_0.c2_18
import data.lib.result

unset := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

disabled := {{"resource": daemon_resource, "message": "no-new-privileges is explicitly disabled for containers (--no-new-privileges=false / \"no-new-privileges\": false)"}}

not_set := {{"resource": daemon_resource, "message": "no-new-privileges is not set daemon-wide (--no-new-privileges / \"no-new-privileges\": true); the default is false"}}

test_flag_passes if {
	d := object.union(unset, {"flags": {"no-new-privileges": ["true"]}})
	r := c2_18 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
}

test_daemon_json_true_passes if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": true}}})
	r := c2_18 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_unset_fails if {
	d := unset
	c2_18.violations == {{
		"resource": daemon_resource,
		"message": "no-new-privileges is not set daemon-wide (--no-new-privileges / \"no-new-privileges\": true); the default is false",
		"actual": null, "expected": true,
	}} with input.daemon as d
}

test_explicit_false_flag_fails if {
	d := object.union(unset, {"flags": {"no-new-privileges": ["false"]}})
	vs := c2_18.violations with input.daemon as d
	result.brief(vs) == disabled
	{v.actual | some v in vs} == {false}
}

test_explicit_false_key_fails_with_unreadable_command_line if {
	d := object.union(unset, {"argv": null, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": false}}})
	r := c2_18 with input.daemon as d
	result.brief(r.violations) == disabled
	r.missing == set()
}

test_string_true_in_daemon_json_is_not_a_boolean if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": "true"}}})
	r := c2_18 with input.daemon as d
	result.brief(r.violations) == not_set
	r.missing == set()
}

test_flag_true_with_unreadable_daemon_json_is_missing if {
	d := object.union(unset, {"flags": {"no-new-privileges": ["true"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_18 with input.daemon as d
	r.violations == set()
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"}
}

test_unknown_configuration_is_missing if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_18 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"}
	r.violations == set()
}
