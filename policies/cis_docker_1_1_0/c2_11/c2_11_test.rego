package cis_docker_1_1_0.c2_11_test

import data.cis_docker_1_1_0.c2_11
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {"authorization-plugin": ["opa-docker-authz"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "authorization_plugins": ["opa-docker-authz"]}}

bare := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "authorization_plugins": []}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

not_active := {{"resource": daemon_resource, "message": "no authorization plugin is active (GET /info Plugins.Authorization is empty)"}}

test_active_plugin_passes if {
	d := clean
	r := c2_11 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"active": ["opa-docker-authz"], "configured": ["opa-docker-authz"]}
}

test_no_active_plugin_fails if {
	d := bare
	c2_11.violations == {{
		"resource": daemon_resource,
		"message": "no authorization plugin is active (GET /info Plugins.Authorization is empty)",
		"actual": [], "expected": "at least one authorization plugin",
	}} with input.daemon as d
}

test_configured_but_inactive_fails if {
	d := object.union(bare, {"flags": {"authorization-plugin": ["authz-broker"]}})
	r := c2_11 with input.daemon as d
	result.brief(r.violations) == not_active
	r.missing == set()
}

test_nothing_configured_fails_without_info if {
	d := object.union(bare, {"info": null})
	r := c2_11 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "no authorization plugin is configured (--authorization-plugin / \"authorization-plugins\")"}}
	r.missing == set()
}

test_configured_plugin_without_info_is_missing if {
	d := object.union(clean, {"info": null})
	r := c2_11 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
	r.evidence == {"active": null, "configured": ["opa-docker-authz"]}
}

test_daemon_json_plugins_are_configured if {
	d := object.union(bare, {"info": null, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"authorization-plugins": ["authz-broker"]}}})
	r := c2_11 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
}

test_nothing_known_is_missing if {
	d := object.union(bare, {"argv": null, "info": null})
	r := c2_11 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)"}
	r.violations == set()
}

test_info_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_11 with input.daemon as d
	r.missing == set()
	r.violations == set()
}
