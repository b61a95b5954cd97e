package cis_docker_1_8_0.c2_7_test

import data.cis_docker_1_8_0.c2_7
import data.lib.result

absent_config := {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": absent_config, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2"}}

with_info(info) := object.union(clean, {"info": info})

on_engine(d, version) := object.union(d, {"version": {"version": version, "api_version": "1.45"}})

devicemapper_info := {"docker_root_dir": "/var/lib/docker", "driver": "devicemapper", "driver_status": [["Pool Name", "docker-thinpool"]]}

containerd_store := {"docker_root_dir": "/var/lib/docker", "driver": "overlayfs", "driver_status": [["driver-type", "io.containerd.snapshotter.v1"]]}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_overlay2_passes if {
	r := c2_7 with input.daemon as on_engine(clean, "20.10.24")
	r.violations == set()
	r.missing == set()
	r.checked == 1
	not r.not_applicable
	r.evidence == {"driver": "overlay2", "configured_driver": null, "containerd_image_store": false, "engine_version": "20.10.24"}
}

test_effective_devicemapper_fails if {
	vs := c2_7.violations with input.daemon as on_engine(with_info(devicemapper_info), "20.10.24")
	vs == {{
		"resource": daemon_resource,
		"message": "dockerd uses the devicemapper storage driver (GET /info Driver)",
		"actual": "devicemapper", "expected": "not devicemapper (e.g. overlay2)",
	}}
}

test_devicemapper_in_info_fails_whatever_the_engine_version_says if {
	r := c2_7 with input.daemon as on_engine(with_info(devicemapper_info), "25.0.3")
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd uses the devicemapper storage driver (GET /info Driver)"}}
	not r.not_applicable
}

test_effective_driver_wins_over_configured_devicemapper if {
	r := c2_7 with input.daemon as object.union(clean, {"flags": {"storage-driver": ["devicemapper"]}})
	r.violations == set()
	r.missing == set()
	r.evidence.configured_driver == "devicemapper"
}

test_configured_devicemapper_without_info_fails if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"storage-driver": "devicemapper"}}, "info": null})
	r := c2_7 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd is configured with the devicemapper storage driver (--storage-driver / \"storage-driver\")"}}
	r.missing == set()
}

test_configured_overlay2_without_info_is_missing if {
	r := c2_7 with input.daemon as object.union(clean, {"flags": {"storage-driver": ["overlay2"]}, "info": null})
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
}

test_null_driver_is_missing if {
	r := c2_7 with input.daemon as with_info({"docker_root_dir": "/var/lib/docker", "driver": null})
	r.missing == {"daemon.info.driver (GET /info reported no storage driver)"}
	r.violations == set()
}

test_engine_25_has_no_devicemapper if {
	r := c2_7 with input.daemon as on_engine(clean, "25.0.0")
	r.not_applicable == "Engine 25.0.0 has no devicemapper storage driver (devicemapper was removed in Engine 25.0); dockerd uses overlay2"
	r.violations == set()
	r.missing == set()
}

test_engine_24_still_has_devicemapper if {
	r := c2_7 with input.daemon as on_engine(clean, "24.0.9")
	not r.not_applicable
	r.checked == 1
	r.violations == set()
}

test_engine_26_without_info_is_not_applicable if {
	r := c2_7 with input.daemon as on_engine(object.union(clean, {"info": null}), "26.1.5+dfsg1")
	r.not_applicable == "Engine 26.1.5+dfsg1 has no devicemapper storage driver (devicemapper was removed in Engine 25.0)"
	r.missing == set()
}

test_containerd_image_store_names_its_snapshotter if {
	r := c2_7 with input.daemon as on_engine(with_info(containerd_store), "29.0.1")
	r.not_applicable == "Engine 29.0.1 has no devicemapper storage driver (devicemapper was removed in Engine 25.0); dockerd uses the containerd image store with the overlayfs snapshotter"
	not r.note
}

test_containerd_image_store_on_an_older_engine_is_noted if {
	r := c2_7 with input.daemon as on_engine(with_info(containerd_store), "24.0.7")
	r.violations == set()
	r.note == "dockerd uses the containerd image store: overlayfs is a containerd snapshotter, not a storage driver"
	r.evidence.containerd_image_store == true
}

test_unknown_engine_version_decides_as_for_the_oldest_engine if {
	d := object.union(clean, {"version": {"version": "dev", "api_version": "1.45"}, "info": null})
	r := c2_7 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	not r.not_applicable
}

test_whole_package_without_daemon_facts if {
	r := c2_7 with input.daemon as {}
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
	r.checked == 1
	r.evidence == {"driver": null, "configured_driver": null, "containerd_image_store": false, "engine_version": null}
}
