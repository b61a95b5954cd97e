package cis_docker_1_1_0.c5_17_test

import data.cis_docker_1_1_0.c5_17

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "privileged": false, "devices": [], "device_cgroup_rules": []}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "privileged": false, "devices": [], "device_cgroup_rules": []}

fuse := {"path_on_host": "/dev/fuse", "path_in_container": "/dev/fuse", "cgroup_permissions": "rwm"}

sda_read := {"path_on_host": "/dev/sda", "path_in_container": "/dev/xvda", "cgroup_permissions": "r"}

test_no_devices_pass if {
	count(c5_17.reviews) == 0 with input.containers as [web, db]
	not c5_17.violations with input.containers as [web, db]
	count(c5_17.missing) == 0 with input.containers as [web, db]
	c5_17.checked == 2 with input.containers as [web, db]
}

test_device_is_reviewed_with_its_permissions if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"devices": [fuse]})]
	rs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web has host device /dev/fuse -> /dev/fuse (rwm), with write and mknod permissions",
		"actual": "/dev/fuse -> /dev/fuse (rwm)", "expected": "no host device, or only the needed device with minimal permissions",
	}]
}

test_read_only_device_is_still_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(db, {"devices": [sda_read]})]
	[r.message | some r in rs] == ["container db has host device /dev/sda -> /dev/xvda (r)"]
}

test_device_is_never_a_fail if {
	not c5_17.violations with input.containers as [object.union(web, {"devices": [fuse, sda_read]})]
	count(c5_17.reviews) == 2 with input.containers as [object.union(web, {"devices": [fuse, sda_read]})]
}

test_device_cgroup_rule_is_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"device_cgroup_rules": ["c 189:* rmw"]})]
	[r.message | some r in rs] == ["container web has device cgroup rule \"c 189:* rmw\", which allows host devices without listing them"]
}

test_privileged_container_is_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"privileged": true})]
	[r.message | some r in rs] == ["container web is privileged: every host device is exposed to it (see 5.4)"]
}

test_no_containers_is_not_applicable if {
	c5_17.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_17.missing) == 1 with input.containers as null
	not c5_17.not_applicable with input.containers as null
}

test_uninspected_container_is_missing if {
	count(c5_17.missing) == 1 with input.containers as [object.union(web, {"inspected": false})]
}
