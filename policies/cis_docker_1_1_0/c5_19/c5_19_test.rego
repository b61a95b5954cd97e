package cis_docker_1_1_0.c5_19_test

import data.cis_docker_1_1_0.c5_19

data_mount := {"type": "bind", "source": "/srv/data", "destination": "/data", "rw": true, "mode": "", "propagation": "rprivate"}

volume := {"type": "volume", "source": "/var/lib/docker/volumes/v/_data", "destination": "/v", "rw": true, "mode": "z", "propagation": ""}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "mounts": [data_mount, volume]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "mounts": []}

test_private_and_unset_propagation_pass if {
	count(c5_19.violations) == 0 with input.containers as [web, db]
	count(c5_19.missing) == 0 with input.containers as [web, db]
	c5_19.checked == 2 with input.containers as [web, db]
}

test_slave_propagation_passes if {
	c := object.union(web, {"mounts": [object.union(data_mount, {"propagation": "rslave"})]})
	count(c5_19.violations) == 0 with input.containers as [c]
}

test_shared_propagation_fails if {
	c := object.union(web, {"mounts": [object.union(data_mount, {"propagation": "shared"}), volume]})
	vs := c5_19.violations with input.containers as [c]
	vs == [{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web mounts /srv/data at /data with shared propagation",
		"actual": "shared", "expected": "private, rprivate, slave, rslave or unset",
	}]
}

test_rshared_on_stopped_container_fails if {
	c := object.union(db, {"mounts": [object.union(data_mount, {"propagation": "rshared"})]})
	vs := c5_19.violations with input.containers as [web, c]
	[v.resource.id | some v in vs] == ["b2"]
}

test_no_containers_is_not_applicable if {
	c5_19.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_19.missing) == 1 with input.containers as null
	not c5_19.not_applicable with input.containers as null
}

test_uninspected_container_is_judged_from_its_list_mounts if {
	c := object.union(web, {"inspected": false, "mounts": [object.union(data_mount, {"propagation": "rshared"})]})
	count(c5_19.missing) == 0 with input.containers as [c]
	count(c5_19.violations) == 1 with input.containers as [c]
}
