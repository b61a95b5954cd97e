package cis_docker_1_1_0.c2_11_test

import data.cis_docker_1_1_0.c2_11

clean := {"argv": ["dockerd"], "flags": {"authorization-plugin": ["opa-docker-authz"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "authorization_plugins": ["opa-docker-authz"]}}

bare := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "authorization_plugins": []}}

test_active_plugin_passes if {
	d := clean
	r := c2_11 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_no_active_plugin_fails if {
	d := bare
	c2_11.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "no authorization plugin is active (GET /info Plugins.Authorization is empty)",
		"actual": [], "expected": "at least one authorization plugin",
	}} with input.daemon as d
}

test_configured_but_inactive_fails if {
	d := object.union(bare, {"flags": {"authorization-plugin": ["authz-broker"]}})
	count(c2_11.violations) == 1 with input.daemon as d
}

test_nothing_configured_fails_without_info if {
	d := object.union(bare, {"info": null})
	r := c2_11 with input.daemon as d
	{v.message | some v in r.violations} == {"no authorization plugin is configured (--authorization-plugin / \"authorization-plugins\")"}
	count(r.missing) == 0
}

test_configured_plugin_without_info_is_missing if {
	d := object.union(clean, {"info": null})
	r := c2_11 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	count(r.violations) == 0
}

test_info_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_11 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}
