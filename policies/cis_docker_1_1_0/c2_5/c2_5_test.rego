package cis_docker_1_1_0.c2_5_test

import data.cis_docker_1_1_0.c2_5

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2"}}

test_overlay2_passes if {
	d := clean
	r := c2_5 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_effective_aufs_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "driver": "aufs"}})
	c2_5.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd uses the aufs storage driver (GET /info Driver)",
		"actual": "aufs", "expected": "not aufs (e.g. overlay2)",
	}} with input.daemon as d
}

test_effective_driver_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2"}}
	r := c2_5 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_configured_aufs_without_info_fails if {
	d := object.union(clean, {"flags": {"storage-driver": ["aufs"]}, "info": null})
	r := c2_5 with input.daemon as d
	count(r.violations) == 1
	count(r.missing) == 0
}

test_configured_overlay2_without_info_is_missing if {
	d := object.union(clean, {"flags": {"storage-driver": ["overlay2"]}, "info": null})
	r := c2_5 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
}

test_null_driver_is_missing if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "driver": null}})
	c2_5.missing == {"daemon.info.driver (GET /info reported no storage driver)"} with input.daemon as d
}
