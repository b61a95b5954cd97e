package cis_docker_1_1_0.c2_10_test

import data.cis_docker_1_1_0.c2_10

dm_info := {"docker_root_dir": "/var/lib/docker", "driver": "devicemapper", "driver_status": [["Pool Name", "docker-pool"], ["Base Device Size", "10.74GB"]]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": dm_info}

test_unset_basesize_passes if {
	d := clean
	r := c2_10 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
	r.evidence.base_device_size == ["10.74GB"]
}

test_flag_basesize_fails if {
	d := object.union(clean, {"flags": {"storage-opt": ["dm.thinpooldev=/dev/mapper/p", "dm.basesize=20G"]}})
	c2_10.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)",
		"actual": "dm.basesize=20G", "expected": "dm.basesize unset (default 10G)",
	}} with input.daemon as d
}

test_daemon_json_basesize_fails_case_insensitively if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"storage-opts": ["DM.BaseSize=50G"]}}})
	count(c2_10.violations) == 1 with input.daemon as d
}

test_other_driver_passes_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2", "driver_status": []}}
	r := c2_10 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}

test_devicemapper_with_unknown_configuration_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	c2_10.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"} with input.daemon as d
}

test_unknown_driver_uses_configuration if {
	d := object.union(clean, {"info": null})
	r := c2_10 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
}
