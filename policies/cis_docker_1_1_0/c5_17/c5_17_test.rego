package cis_docker_1_1_0.c5_17_test

import data.cis_docker_1_1_0.c5_17
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "privileged": false, "devices": [], "device_cgroup_rules": []}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "privileged": false, "devices": [], "device_cgroup_rules": []}

fuse := {"path_on_host": "/dev/fuse", "path_in_container": "/dev/fuse", "cgroup_permissions": "rwm"}

sda_read := {"path_on_host": "/dev/sda", "path_in_container": "/dev/xvda", "cgroup_permissions": "r"}

web_resource := {"kind": "container", "id": "a1", "name": "web"}

test_no_devices_pass if {
	c5_17 == {"checked": 2, "missing": set(), "reviews": set()} with input.containers as [web, db]
}

test_device_is_reviewed_with_its_permissions if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"devices": [fuse]})]
	rs == {{
		"resource": web_resource,
		"message": "container web has host device /dev/fuse -> /dev/fuse (rwm), with write and mknod permissions",
		"actual": "/dev/fuse -> /dev/fuse (rwm)", "expected": "no host device, or only the needed device with minimal permissions",
	}}
}

test_read_only_device_is_still_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(db, {"devices": [sda_read]})]
	result.brief(rs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db has host device /dev/sda -> /dev/xvda (r)",
	}}
}

test_each_permission_is_named if {
	mknod := {"path_on_host": "/dev/loop0", "path_in_container": "/dev/loop0", "cgroup_permissions": "rm"}
	write := {"path_on_host": "/dev/tty0", "path_in_container": "/dev/tty0", "cgroup_permissions": "rw"}
	unset := {"path_on_host": "/dev/kvm", "path_in_container": "/dev/kvm", "cgroup_permissions": ""}
	rs := c5_17.reviews with input.containers as [object.union(web, {"devices": [mknod, write, unset]})]
	result.brief(rs) == {
		{"resource": web_resource, "message": "container web has host device /dev/loop0 -> /dev/loop0 (rm), with mknod permission"},
		{"resource": web_resource, "message": "container web has host device /dev/tty0 -> /dev/tty0 (rw), with write permission"},
		{"resource": web_resource, "message": "container web has host device /dev/kvm -> /dev/kvm (rwm), with write and mknod permissions"},
	}
}

test_device_is_never_a_fail if {
	c := object.union(web, {"devices": [fuse, sda_read]})
	rs := c5_17.reviews with input.containers as [c]
	result.brief(rs) == {
		{"resource": web_resource, "message": "container web has host device /dev/fuse -> /dev/fuse (rwm), with write and mknod permissions"},
		{"resource": web_resource, "message": "container web has host device /dev/sda -> /dev/xvda (r)"},
	}
	c5_17 == {"checked": 1, "missing": set(), "reviews": rs} with input.containers as [c]
}

test_device_cgroup_rule_is_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"device_cgroup_rules": ["c 189:* rmw"]})]
	rs == {{
		"resource": web_resource,
		"message": "container web has device cgroup rule \"c 189:* rmw\", which allows host devices without listing them",
		"actual": "c 189:* rmw", "expected": "no device cgroup rule",
	}}
}

test_device_cgroup_rule_is_quoted_with_escapes if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"device_cgroup_rules": ["c 1:3 \"rw\\"]})]
	result.brief(rs) == {{
		"resource": web_resource,
		"message": "container web has device cgroup rule \"c 1:3 \\\"rw\\\\\", which allows host devices without listing them",
	}}
}

test_privileged_container_is_reviewed if {
	rs := c5_17.reviews with input.containers as [object.union(web, {"privileged": true})]
	rs == {{
		"resource": web_resource,
		"message": "container web is privileged: every host device is exposed to it (see the privileged containers control)",
		"actual": "privileged", "expected": "no host device",
	}}
}

test_no_containers_is_not_applicable if {
	c5_17.not_applicable == "there are no containers on this host" with input.containers as []
	c5_17.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_17.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_17.not_applicable with input.containers as null
	c5_17.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false, "privileged": true, "devices": [fuse], "device_cgroup_rules": ["a *:* rwm"]})
	c5_17.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_17.reviews == set() with input.containers as [c]
}
