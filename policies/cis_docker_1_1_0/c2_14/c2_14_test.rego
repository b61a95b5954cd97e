package cis_docker_1_1_0.c2_14_test

import data.cis_docker_1_1_0.c2_14
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"live-restore": true}}, "info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": true}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

disabled := {{"resource": daemon_resource, "message": "live restore is disabled: GET /info LiveRestoreEnabled is false, so containers stop when dockerd stops"}}

not_enabled := {{"resource": daemon_resource, "message": "live restore is not enabled (--live-restore / \"live-restore\")"}}

test_enabled_passes if {
	d := clean
	r := c2_14 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"live_restore_enabled": true, "swarm_state": null}
}

test_disabled_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": false}})
	c2_14.violations == {{
		"resource": daemon_resource,
		"message": "live restore is disabled: GET /info LiveRestoreEnabled is false, so containers stop when dockerd stops",
		"actual": false, "expected": true,
	}} with input.daemon as d
}

test_swarm_node_gets_no_exemption if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "live_restore_enabled": false}})
	s := {"local_node_state": "active", "control_available": true}
	r := c2_14 with input.daemon as d with input.swarm as s
	result.brief(r.violations) == disabled
	r.evidence == {"live_restore_enabled": false, "swarm_state": "active"}
}

test_info_decides_without_configuration if {
	d := object.union(clean, {"argv": null, "config_file": null})
	r := c2_14 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_configured_setting_decides_without_info if {
	d := object.union(clean, {"info": null})
	r := c2_14 with input.daemon as d
	r.missing == set()
	r.violations == set()
	r.evidence.live_restore_enabled == null
}

test_unset_without_info_fails if {
	d := object.union(clean, {"info": null, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}})
	r := c2_14 with input.daemon as d
	result.brief(r.violations) == not_enabled
	r.missing == set()
}

test_flag_false_without_info_fails if {
	d := object.union(clean, {"info": null, "flags": {"live-restore": ["false"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_14 with input.daemon as d
	result.brief(r.violations) == not_enabled
	r.missing == set()
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_14 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"}
	r.violations == set()
}
