package cis_docker_1_1_0.c5_19_test

import data.cis_docker_1_1_0.c5_19
import data.lib.result

data_mount := {"type": "bind", "source": "/srv/data", "destination": "/data", "rw": true, "mode": "", "propagation": "rprivate"}

volume := {"type": "volume", "source": "/var/lib/docker/volumes/v/_data", "destination": "/v", "rw": true, "mode": "z", "propagation": ""}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "mounts": [data_mount, volume]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "mounts": []}

test_private_and_unset_propagation_pass if {
	c5_19 == {"checked": 2, "missing": set(), "violations": set()} with input.containers as [web, db]
}

test_slave_propagation_passes if {
	c := object.union(web, {"mounts": [object.union(data_mount, {"propagation": "rslave"}), object.union(volume, {"propagation": "slave"})]})
	c5_19.violations == set() with input.containers as [c]
}

test_shared_propagation_fails if {
	c := object.union(web, {"mounts": [object.union(data_mount, {"propagation": "shared"}), volume]})
	vs := c5_19.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web mounts /srv/data at /data with shared propagation",
		"actual": "shared", "expected": "private, rprivate, slave, rslave or unset",
	}}
}

test_rshared_on_stopped_container_fails if {
	c := object.union(db, {"mounts": [object.union(data_mount, {"propagation": "rshared"})]})
	vs := c5_19.violations with input.containers as [web, c]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db mounts /srv/data at /data with rshared propagation",
	}}
}

test_propagation_is_compared_without_case if {
	c := object.union(web, {"mounts": [object.union(data_mount, {"propagation": "RShared"})]})
	vs := c5_19.violations with input.containers as [c]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web mounts /srv/data at /data with RShared propagation",
	}}
}

test_each_shared_mount_is_a_finding if {
	shared := object.union(data_mount, {"propagation": "shared"})
	logs := object.union(data_mount, {"source": "/var/log", "destination": "/logs", "propagation": "rshared"})
	c := object.union(web, {"mounts": [shared, logs]})
	vs := c5_19.violations with input.containers as [c]
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "a1", "name": "web"}, "message": "container web mounts /srv/data at /data with shared propagation"},
		{"resource": {"kind": "container", "id": "a1", "name": "web"}, "message": "container web mounts /var/log at /logs with rshared propagation"},
	}
}

test_no_containers_is_not_applicable if {
	c5_19.not_applicable == "there are no containers on this host" with input.containers as []
	c5_19.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_19.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_19.not_applicable with input.containers as null
	c5_19.checked == 0 with input.containers as null
}

test_uninspected_container_is_judged_from_its_list_mounts if {
	c := object.union(web, {"inspected": false, "mounts": [object.union(data_mount, {"propagation": "rshared"})]})
	c5_19.missing == set() with input.containers as [c]
	vs := c5_19.violations with input.containers as [c]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web mounts /srv/data at /data with rshared propagation",
	}}
}
