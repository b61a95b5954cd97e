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

# ----------------------------------------------------------------------------- GET /info (Engine 24+)

info(version, options) := {"version": {"version": version, "api_version": "1.45"}, "info": {"docker_root_dir": "/var/lib/docker", "security_options": options}}

nnp_json := {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": true}}}

not_in_effect := "the running dockerd does not enable no-new-privileges for containers: GET /info SecurityOptions does not list it"

test_info_listing_passes_even_with_an_unreadable_configuration if {
	d := object.union(object.union(unset, {"argv": null}), info("26.1.5+dfsg1", ["name=seccomp,profile=builtin", "name=no-new-privileges"]))
	r := c2_18 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.note == "decided from GET /info SecurityOptions: Engine 26.1.5+dfsg1 lists no-new-privileges there when it is on, as every engine from 24.0 does"
	r.evidence == {"no_new_privileges": true, "configured": null, "engine_version": "26.1.5+dfsg1"}
}

test_engine_24_without_the_listing_fails_with_an_unreadable_configuration if {
	d := object.union(object.union(unset, {"argv": null}), info("24.0.0", ["name=seccomp,profile=builtin"]))
	r := c2_18 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": not_in_effect}}
	r.missing == set()
}

test_configured_but_not_in_effect_says_dockerd_needs_a_restart if {
	d := object.union(object.union(unset, nnp_json), info("26.1.5+dfsg1", ["name=seccomp,profile=builtin"]))
	r := c2_18 with input.daemon as d
	msg := sprintf("%s; the configuration sets it, so dockerd has not been restarted since (restart it to apply the setting)", [not_in_effect])
	result.brief(r.violations) == {{"resource": daemon_resource, "message": msg}}
	r.evidence == {"no_new_privileges": false, "configured": true, "engine_version": "26.1.5+dfsg1"}
}

# Engine 20.10 does not list it even when it is on (tests/data/engine_api/engine-20.10-no-new-privileges.info.json).
test_engine_20_10_is_decided_by_the_configuration if {
	old := info("20.10.24+dfsg1", ["name=seccomp,profile=default"])
	on := object.union(object.union(unset, nnp_json), old)
	r := c2_18 with input.daemon as on
	r.violations == set()
	r.missing == set()
	r.note == "decided from the configuration: Engine 20.10.24+dfsg1 does not report no-new-privileges in GET /info, only engines from 24.0 do"
	off := object.union(unset, old)
	result.brief(c2_18.violations) == not_set with input.daemon as off
}

test_without_info_a_new_engine_is_decided_by_the_configuration if {
	d := object.union(object.union(unset, nnp_json), {"version": {"version": "26.1.5", "api_version": "1.45"}, "info": null})
	r := c2_18 with input.daemon as d
	r.violations == set()
	r.missing == set()
	not r.note
}

test_no_note_when_the_configuration_that_decides_is_missing if {
	d := object.union(object.union(unset, {"argv": null}), info("20.10.24+dfsg1", ["name=seccomp,profile=default"]))
	r := c2_18 with input.daemon as d
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	not r.note
}
