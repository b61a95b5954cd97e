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
	r.evidence == {"driver": "devicemapper", "base_device_size": ["10.74GB"], "engine_version": null}
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
	r.evidence == {"driver": "overlay2", "base_device_size": [], "engine_version": null}
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
	r.evidence == {"driver": null, "base_device_size": [], "engine_version": null}
}

test_unknown_driver_with_configured_basesize_fails if {
	d := object.union(clean, {"flags": {"storage-opt": ["dm.basesize=20G"]}, "info": null})
	vs := c2_10.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)"}}
}

# ----------------------------------------------------------------------------- Engine versions, image stores

versioned(d, version) := object.union(d, {"version": {"version": version, "api_version": "1.45"}})

overlay2 := {"docker_root_dir": "/var/lib/docker", "driver": "overlay2", "driver_status": [["Backing Filesystem", "extfs"]]}

test_engine_25_and_later_have_no_devicemapper if {
	d := versioned(object.union(clean, {"info": overlay2, "flags": {"storage-opt": ["dm.basesize=20G"]}}), "26.1.5+dfsg1")
	r := c2_10 with input.daemon as d
	r.not_applicable == "Engine 26.1.5+dfsg1 has no devicemapper storage driver (devicemapper was removed in Engine 25.0), so dm.basesize does not apply"
	r.missing == set()
	r.evidence == {"driver": "overlay2", "base_device_size": [], "engine_version": "26.1.5+dfsg1"}
}

test_engine_25_needs_neither_info_nor_configuration if {
	d := versioned({"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}, "25.0.0")
	r := c2_10 with input.daemon as d
	r.not_applicable == "Engine 25.0.0 has no devicemapper storage driver (devicemapper was removed in Engine 25.0), so dm.basesize does not apply"
	r.missing == set()
}

test_devicemapper_in_info_is_checked_on_any_version if {
	d := versioned(object.union(clean, {"flags": {"storage-opt": ["dm.basesize=20G"]}}), "26.1.5")
	r := c2_10 with input.daemon as d
	not r.not_applicable
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)"}}
}

test_engine_24_is_still_checked if {
	d := versioned(object.union(clean, {"flags": {"storage-opt": ["dm.basesize=20G"]}}), "24.0.9")
	result.brief(c2_10.violations) == {{"resource": daemon_resource, "message": "dockerd changes the devicemapper base device size (--storage-opt dm.basesize=20G)"}} with input.daemon as d
}

test_containerd_image_store_has_no_devicemapper_base_device if {
	store := {"docker_root_dir": "/var/lib/docker", "driver": "overlayfs", "driver_status": [["driver-type", "io.containerd.snapshotter.v1"]]}
	d := versioned(object.union(clean, {"info": store, "config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}}), "24.0.9")
	r := c2_10 with input.daemon as d
	r.not_applicable == "dockerd uses the containerd image store (the overlayfs snapshotter), not a storage driver: there is no devicemapper base device, so dm.basesize does not apply (a devmapper snapshotter's base size is containerd's configuration, which is not checked)"
	r.missing == set()
}
