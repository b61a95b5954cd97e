package cis_docker_1_1_0.c2_10_test

import data.cis_docker_1_1_0.c2_10
import data.lib.result

dm_info := {"docker_root_dir": "/var/lib/docker", "driver": "devicemapper", "driver_status": [["Pool Name", "docker-pool"], ["Base Device Size", "10.74GB"]]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": dm_info}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_unset_basesize_passes if {
	d := clean
	r := c2_10 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"driver": "devicemapper", "base_device_size": ["10.74GB"]}
}

test_flag_basesize_fails if {
	d := object.union(clean, {"flags": {"storage-opt": ["dm.thinpooldev=/dev/mapper/p", "dm.basesize=20G"]}})
	c2_10.violations == {{
		"resource": daemon_resource,
		"message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)",
		"actual": "dm.basesize=20G", "expected": "dm.basesize unset (default 10G)",
	}} with input.daemon as d
}

test_daemon_json_basesize_fails_case_insensitively if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"storage-opts": ["DM.BaseSize=50G"]}}})
	vs := c2_10.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd changes the devicemapper base device size (--storage-opt DM.BaseSize=50G)"}}
}

test_other_driver_passes_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2", "driver_status": []}}
	r := c2_10 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_other_driver_passes_whatever_the_configuration if {
	d := object.union(clean, {"flags": {"storage-opt": ["dm.basesize=20G"]}, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2", "driver_status": []}})
	r := c2_10 with input.daemon as d
	r.violations == set()
	r.evidence == {"driver": "overlay2", "base_device_size": []}
}

test_devicemapper_with_unknown_configuration_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_10 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	r.violations == set()
}

test_unknown_driver_uses_configuration if {
	d := object.union(clean, {"info": null})
	r := c2_10 with input.daemon as d
	r.missing == set()
	r.violations == set()
	r.evidence == {"driver": null, "base_device_size": []}
}

test_unknown_driver_with_configured_basesize_fails if {
	d := object.union(clean, {"flags": {"storage-opt": ["dm.basesize=20G"]}, "info": null})
	vs := c2_10.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)"}}
}
