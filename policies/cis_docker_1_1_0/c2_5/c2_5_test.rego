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
	r.evidence == {"driver": "overlay2"}
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
	r.evidence == {"driver": null}
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
