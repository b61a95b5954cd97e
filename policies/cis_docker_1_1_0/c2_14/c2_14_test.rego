package cis_docker_1_1_0.c2_14_test

import data.cis_docker_1_1_0.c2_14

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"live-restore": true}}, "info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": true}}

test_enabled_passes if {
	d := clean
	r := c2_14 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
	r.evidence.live_restore_enabled == true
}

test_disabled_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": false}})
	c2_14.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "live restore is disabled: GET /info LiveRestoreEnabled is false, so containers stop when dockerd stops",
		"actual": false, "expected": true,
	}} with input.daemon as d
}

test_swarm_node_gets_no_exemption if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": false}})
	s := {"local_node_state": "active", "control_available": true}
	r := c2_14 with input.daemon as d with input.swarm as s
	count(r.violations) == 1
	r.evidence.swarm_state == "active"
}

test_info_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_14 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_configured_setting_decides_without_info if {
	d := object.union(clean, {"info": null})
	r := c2_14 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_unset_without_info_fails if {
	d := object.union(clean, {"info": null, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}})
	vs := c2_14.violations with input.daemon as d
	{v.message | some v in vs} == {"live restore is not enabled (--live-restore / \"live-restore\")"}
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_14 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"}
}
