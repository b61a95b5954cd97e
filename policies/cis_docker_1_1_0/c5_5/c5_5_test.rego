package cis_docker_1_1_0.c5_5_test

import data.cis_docker_1_1_0.c5_5
import data.lib.result

data_volume := {"type": "volume", "source": "/var/lib/docker/volumes/d/_data", "destination": "/data", "rw": true}

app_bind := {"type": "bind", "source": "/srv/app", "destination": "/app", "rw": true}

etc_rw := {"type": "bind", "source": "/etc", "destination": "/host/etc", "rw": true}

root_ro := {"type": "bind", "source": "/", "destination": "/rootfs", "rw": false}

localtime := {"type": "bind", "source": "/etc/localtime", "destination": "/etc/localtime", "rw": false}

usr_slash := {"type": "bind", "source": "/usr/", "destination": "/host/usr", "rw": false}

lookalike := {"type": "bind", "source": "/etcd-data", "destination": "/var/etcd", "rw": true}

web := {"id": "w", "name": "/web", "labels": {}, "mounts": [data_volume, app_bind, lookalike], "status": "running", "running": true}

web_resource := {"kind": "container", "id": "w", "name": "web"}

test_ordinary_mounts_pass if {
	doc := c5_5 with input.containers as [web]
	doc.violations == set()
	doc.reviews == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_read_write_etc_fails_as_the_severe_case if {
	c := object.union(web, {"mounts": [etc_rw]})
	vs := c5_5.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "w", "name": "web"},
		"message": "container web mounts the host directory /etc at /host/etc read-write (the more severe case) (status running)",
		"actual": {"source": "/etc", "destination": "/host/etc", "rw": true},
		"expected": "no bind mount of /, /boot, /dev, /etc, /lib, /proc, /sys or /usr",
	}}
}

test_read_only_root_fails_too if {
	r := web_resource
	c := object.union(web, {"mounts": [root_ro], "status": "exited", "running": false})
	doc := c5_5 with input.containers as [c]
	result.brief(doc.violations) == {{"resource": r, "message": "container web mounts the host directory / at /rootfs read-only (status exited)"}}
	doc.reviews == set()
}

test_trailing_slash_is_the_same_directory if {
	r := web_resource
	c := object.union(web, {"mounts": [usr_slash]})
	doc := c5_5 with input.containers as [c]
	result.brief(doc.violations) == {{"resource": r, "message": "container web mounts the host directory /usr at /host/usr read-only (status running)"}}
	doc.reviews == set()
}

test_each_sensitive_mount_is_a_finding if {
	r := web_resource
	c := object.union(web, {"mounts": [etc_rw, root_ro, app_bind]})
	vs := c5_5.violations with input.containers as [c]
	result.brief(vs) == {
		{"resource": r, "message": "container web mounts the host directory /etc at /host/etc read-write (the more severe case) (status running)"},
		{"resource": r, "message": "container web mounts the host directory / at /rootfs read-only (status running)"},
	}
}

test_path_beneath_is_reviewed_not_failed if {
	c := object.union(web, {"mounts": [localtime]})
	doc := c5_5 with input.containers as [c]
	doc.reviews == {{
		"resource": {"kind": "container", "id": "w", "name": "web"},
		"message": "container web mounts /etc/localtime (inside /etc) at /etc/localtime read-only (status running)",
		"actual": {"source": "/etc/localtime", "destination": "/etc/localtime", "rw": false},
		"expected": "no bind mount inside a sensitive host directory",
	}}
	doc.violations == set()
}

test_parent_is_the_first_path_component if {
	r := web_resource
	deep := {"type": "bind", "source": "/usr/local/bin", "destination": "/tools", "rw": false}
	proc := {"type": "bind", "source": "/proc/1/ns/", "destination": "/ns", "rw": false}
	relative := {"type": "bind", "source": "srv/etc/x", "destination": "/x", "rw": false}
	c := object.union(web, {"mounts": [deep, proc, relative]})
	rs := c5_5.reviews with input.containers as [c]
	result.brief(rs) == {
		{"resource": r, "message": "container web mounts /usr/local/bin (inside /usr) at /tools read-only (status running)"},
		{"resource": r, "message": "container web mounts /proc/1/ns (inside /proc) at /ns read-only (status running)"},
	}
}

test_volume_of_a_sensitive_path_is_not_a_bind_mount if {
	c := object.union(web, {"mounts": [object.union(etc_rw, {"type": "volume"})]})
	doc := c5_5 with input.containers as [c]
	doc.violations == set()
	doc.reviews == set()
}

test_uninspected_container_mounts_are_still_checked if {
	r := web_resource
	c := object.union(web, {"mounts": [etc_rw], "inspected": false})
	doc := c5_5 with input.containers as [c]
	result.brief(doc.violations) == {{"resource": r, "message": "container web mounts the host directory /etc at /host/etc read-write (the more severe case) (status running)"}}
	doc.missing == set()
}

test_no_containers_is_not_applicable if {
	c5_5.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_5 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}
