package cis_docker_1_1_0.c2_5_test

import data.cis_docker_1_1_0.c2_5
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2"}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_overlay2_passes if {
	d := clean
	r := c2_5 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"driver": "overlay2", "containerd_image_store": false, "engine_version": null}
}

test_effective_aufs_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "driver": "aufs"}})
	c2_5.violations == {{
		"resource": daemon_resource,
		"message": "dockerd uses the aufs storage driver (GET /info Driver)",
		"actual": "aufs", "expected": "not aufs (e.g. overlay2)",
	}} with input.daemon as d
}

test_effective_driver_wins_over_configured_aufs if {
	d := object.union(clean, {"flags": {"storage-driver": ["aufs"]}})
	r := c2_5 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_effective_driver_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": {"docker_root_dir": "/var/lib/docker", "driver": "overlay2"}}
	r := c2_5 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_configured_aufs_without_info_fails if {
	d := object.union(clean, {"flags": {"storage-driver": ["aufs"]}, "info": null})
	r := c2_5 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd is configured with the aufs storage driver (--storage-driver / \"storage-driver\")"}}
	r.missing == set()
	r.evidence == {"driver": null, "containerd_image_store": false, "engine_version": null}
}

test_configured_overlay2_without_info_is_missing if {
	d := object.union(clean, {"flags": {"storage-driver": ["overlay2"]}, "info": null})
	r := c2_5 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
}

test_null_driver_is_missing if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "driver": null}})
	r := c2_5 with input.daemon as d
	r.missing == {"daemon.info.driver (GET /info reported no storage driver)"}
	r.violations == set()
}

# ----------------------------------------------------------------------------- Engine versions

versioned(version) := object.union(clean, {"version": {"version": version, "api_version": "1.45"}})

test_engine_24_and_later_have_no_aufs if {
	r := c2_5 with input.daemon as versioned("26.1.5+dfsg1")
	r.not_applicable == "Engine 26.1.5+dfsg1 has no aufs storage driver (aufs was removed in Engine 24.0); dockerd uses overlay2"
	r.missing == set()
	r.evidence == {"driver": "overlay2", "containerd_image_store": false, "engine_version": "26.1.5+dfsg1"}
}

test_engine_24_without_info_is_not_applicable_not_missing if {
	d := object.union(versioned("24.0.0"), {"info": null})
	r := c2_5 with input.daemon as d
	r.not_applicable == "Engine 24.0.0 has no aufs storage driver (aufs was removed in Engine 24.0)"
	r.missing == set()
}

test_engine_23_is_still_checked if {
	r := c2_5 with input.daemon as versioned("23.0.6")
	not r.not_applicable
	r.violations == set()
	r.checked == 1
}

# A fact beats the version: GET /info naming aufs fails whatever the engine says it is.
test_aufs_in_info_fails_on_any_version if {
	d := object.union(versioned("26.1.5"), {"info": {"docker_root_dir": "/var/lib/docker", "driver": "aufs"}})
	r := c2_5 with input.daemon as d
	not r.not_applicable
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd uses the aufs storage driver (GET /info Driver)"}}
}

containerd_store := {"docker_root_dir": "/var/lib/docker", "driver": "overlayfs", "driver_status": [["driver-type", "io.containerd.snapshotter.v1"]]}

test_containerd_image_store_says_the_driver_is_a_snapshotter if {
	d := object.union(versioned("29.0.0"), {"info": containerd_store})
	r := c2_5 with input.daemon as d
	r.not_applicable == "Engine 29.0.0 has no aufs storage driver (aufs was removed in Engine 24.0); dockerd uses the containerd image store with the overlayfs snapshotter"
	r.evidence == {"driver": "overlayfs", "containerd_image_store": true, "engine_version": "29.0.0"}
	older := object.union(versioned("23.0.6"), {"info": containerd_store})
	r23 := c2_5 with input.daemon as older
	r23.violations == set()
	r23.checked == 1
	r23.note == "dockerd uses the containerd image store: overlayfs is a containerd snapshotter, not a storage driver"
}
