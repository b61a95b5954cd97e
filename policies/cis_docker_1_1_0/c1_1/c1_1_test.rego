package cis_docker_1_1_0.c1_1_test

import data.cis_docker_1_1_0.c1_1
import data.lib.result

root_fs := {"mount_point": "/", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/", "options": ["rw"]}

var_fs := {"mount_point": "/var", "source": "/dev/sda2", "fstype": "ext4", "device": "8:2", "root": "/", "options": ["rw"]}

docker_lv := {"mount_point": "/var/lib/docker", "source": "/dev/mapper/vg0-docker", "fstype": "xfs", "device": "253:3", "root": "/", "options": ["rw"]}

srv_fs := {"mount_point": "/srv", "source": "/dev/sdb1", "fstype": "ext4", "device": "8:17", "root": "/", "options": ["rw"]}

fstab_docker := {"device": "/dev/mapper/vg0-docker", "mount_point": "/var/lib/docker", "fstype": "xfs", "options": ["defaults"]}

# snapshot: the Docker root directory (GET /info), the live mount table and /etc/fstab.
snapshot(root_dir, mounts, fstab) := {
	"daemon": {"info": {"docker_root_dir": root_dir}},
	"host": {"mounts": mounts, "fstab": fstab},
}

data_root(path) := {"kind": "file", "id": path, "name": "data_root"}

test_own_logical_volume_passes if {
	inp := snapshot("/var/lib/docker", [root_fs, docker_lv], [])
	c1_1.checked == 1 with input as inp
	c1_1.violations == set() with input as inp
	c1_1.reviews == set() with input as inp
	c1_1.missing == set() with input as inp
}

test_on_root_filesystem_fails if {
	inp := snapshot("/var/lib/docker", [root_fs], [])
	vs := c1_1.violations with input as inp
	vs == {{
		"resource": {"kind": "file", "id": "/var/lib/docker", "name": "data_root"},
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1)",
		"actual": "on the filesystem mounted at / (/dev/sda1)",
		"expected": "its own partition or logical volume",
	}}
}

test_on_separate_var_fails if {
	inp := snapshot("/var/lib/docker", [root_fs, var_fs], [])
	vs := c1_1.violations with input as inp
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at /var (/dev/sda2)",
	}}
}

test_fstab_entry_not_mounted_fails_with_a_note if {
	inp := snapshot("/var/lib/docker", [root_fs], [fstab_docker])
	vs := c1_1.violations with input as inp
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1); /etc/fstab lists it but it is not mounted now",
	}}
}

test_bind_mount_of_root_filesystem_fails if {
	bind := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/docker-data", "options": ["rw"]}
	inp := snapshot("/var/lib/docker", [root_fs, bind], [])
	vs := c1_1.violations with input as inp
	vs == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is a mount point, but a bind mount of the filesystem at / (/dev/sda1, device 8:1), not a separate partition",
		"actual": "bind mount of /dev/sda1 (ext4, device 8:1)",
		"expected": "its own partition or logical volume",
	}}
}

test_btrfs_subvolume_of_the_same_device_fails if {
	root_btrfs := {"mount_point": "/", "source": "/dev/sda2", "fstype": "btrfs", "device": "0:27", "root": "/@", "options": ["rw"]}
	subvol := {"mount_point": "/var/lib/docker", "source": "/dev/sda2", "fstype": "btrfs", "device": "0:31", "root": "/@docker", "options": ["rw"]}
	inp := snapshot("/var/lib/docker", [root_btrfs, subvol], [])
	vs := c1_1.violations with input as inp
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is a mount point, but a bind mount of the filesystem at / (/dev/sda2, device 0:27), not a separate partition",
	}}
}

test_bind_mount_from_a_dedicated_disk_passes if {
	bind := {"mount_point": "/var/lib/docker", "source": "/dev/sdb1", "fstype": "ext4", "device": "8:17", "root": "/docker", "options": ["rw"]}
	inp := snapshot("/var/lib/docker", [root_fs, srv_fs, bind], [])
	c1_1.violations == set() with input as inp
	c1_1.reviews == set() with input as inp
	c1_1.checked == 1 with input as inp
}

test_custom_root_on_other_filesystem_is_for_review if {
	inp := snapshot("/srv/docker", [root_fs, var_fs, srv_fs], [])
	rs := c1_1.reviews with input as inp
	rs == {{
		"resource": data_root("/srv/docker"),
		"message": "the Docker root directory /srv/docker is not a mount point of its own: it sits on the filesystem mounted at /srv (/dev/sdb1); confirm that filesystem is dedicated to Docker",
		"actual": "on the filesystem mounted at /srv (/dev/sdb1)",
		"expected": "its own partition or logical volume",
	}}
	c1_1.violations == set() with input as inp
	c1_1.checked == 1 with input as inp
}

test_custom_root_with_unmounted_fstab_entry_is_for_review_with_a_note if {
	fstab_srv := object.union(fstab_docker, {"mount_point": "/srv/docker"})
	inp := snapshot("/srv/docker", [root_fs, srv_fs], [fstab_srv])
	rs := c1_1.reviews with input as inp
	result.brief(rs) == {{
		"resource": data_root("/srv/docker"),
		"message": "the Docker root directory /srv/docker is not a mount point of its own: it sits on the filesystem mounted at /srv (/dev/sdb1); confirm that filesystem is dedicated to Docker; /etc/fstab lists it but it is not mounted now",
	}}
}

test_custom_root_on_its_own_mount_passes if {
	data_fs := {"mount_point": "/data/docker", "source": "/dev/sdc1", "fstype": "xfs", "device": "8:33", "root": "/", "options": ["rw"]}
	inp := snapshot("/data/docker/", [root_fs, data_fs], [])
	c1_1.violations == set() with input as inp
	c1_1.reviews == set() with input as inp
	c1_1.checked == 1 with input as inp
}

test_prefix_mount_point_is_not_an_ancestor if {
	lookalike := {"mount_point": "/var/lib/dock", "source": "/dev/sdd1", "fstype": "ext4", "device": "8:49", "root": "/", "options": ["rw"]}
	inp := snapshot("/var/lib/docker", [root_fs, lookalike], [])
	vs := c1_1.violations with input as inp
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1)",
	}}
}

test_overmounted_point_uses_the_top_mount if {
	bind_root := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/x", "options": ["rw"]}
	lv_on_top := snapshot("/var/lib/docker", [root_fs, bind_root, docker_lv], [])
	c1_1.violations == set() with input as lv_on_top
	bind_on_top := snapshot("/var/lib/docker", [root_fs, docker_lv, bind_root], [])
	vs := c1_1.violations with input as bind_on_top
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is a mount point, but a bind mount of the filesystem at / (/dev/sda1, device 8:1), not a separate partition",
	}}
}

test_fstab_entry_accepted_without_mount_table if {
	inp := snapshot("/var/lib/docker", null, [fstab_docker])
	c1_1.checked == 1 with input as inp
	c1_1.missing == set() with input as inp
	c1_1.violations == set() with input as inp
	c1_1.reviews == set() with input as inp
	c1_1.evidence.decided_from == "/etc/fstab (the live mount table could not be read)" with input as inp
}

test_no_mount_table_and_no_fstab_entry_is_missing if {
	no_entry := snapshot("/var/lib/docker", null, [])
	c1_1.missing == {"host.mounts (the host mount table could not be read)"} with input as no_entry
	no_fstab := snapshot("/var/lib/docker", null, null)
	c1_1.missing == {"host.mounts (the host mount table could not be read)"} with input as no_fstab
	not c1_1.checked with input as no_fstab
	c1_1.evidence.decided_from == "nothing (mount table unreadable, no /etc/fstab entry)" with input as no_fstab
}

test_no_info_is_missing if {
	inp := {"daemon": {"info": null}, "host": {"mounts": [root_fs], "fstab": []}}
	c1_1.missing == {"daemon.info (GET /info could not be collected)"} with input as inp
	c1_1.violations == set() with input as inp
	not c1_1.checked with input as inp
}

test_mount_table_without_root_entry_is_missing if {
	inp := snapshot("/var/lib/docker", [srv_fs], [])
	c1_1.missing == {"host.mounts (no mount in the host mount table contains the Docker root directory)"} with input as inp
	not c1_1.checked with input as inp
}

test_evidence_shows_the_mount if {
	inp := snapshot("/var/lib/docker", [root_fs, docker_lv], [fstab_docker])
	c1_1.evidence == {
		"docker_root_dir": "/var/lib/docker",
		"mount": docker_lv,
		"containing_mount": root_fs,
		"fstab_entry": fstab_docker,
		"decided_from": "live mount table (/proc/1/mountinfo)",
		"containerd_image_store": false,
		"containerd_address": null,
	} with input as inp
}

# dockerd bind-mounts its root directory onto itself (mountinfo root = the directory itself).
test_dockerd_self_bind_mount_is_not_a_partition if {
	self_bind := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/var/lib/docker", "options": ["rw", "shared:1"]}
	inp := snapshot("/var/lib/docker", [root_fs, self_bind], [])
	vs := c1_1.violations with input as inp
	result.brief(vs) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is a mount point, but a bind mount of the filesystem at / (/dev/sda1, device 8:1), not a separate partition",
	}}
}

test_whole_package_on_a_failing_host if {
	inp := snapshot("/var/lib/docker", [root_fs], null)
	doc := c1_1 with input as inp
	result.brief(doc.violations) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1)",
	}}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
	doc.evidence.mount == null
	doc.evidence.fstab_entry == null
}

test_whole_package_with_nothing_collected if {
	doc := c1_1 with input as {"daemon": {}, "host": {}}
	doc.missing == {"daemon.info (GET /info could not be collected)"}
	not doc.checked
	doc.evidence == {"docker_root_dir": null, "mount": null, "containing_mount": null, "fstab_entry": null, "decided_from": "nothing (mount table unreadable, no /etc/fstab entry)", "containerd_image_store": false, "containerd_address": null}
}

# ----------------------------------------------------------------------------- containerd image store

containerd_store(address) := {"docker_root_dir": "/var/lib/docker", "driver": "overlayfs", "driver_status": [["driver-type", "io.containerd.snapshotter.v1"]], "containerd_address": address}

with_store(info, daemon_extra) := object.union(snapshot("/var/lib/docker", [root_fs, docker_lv], []), {"daemon": object.union({"info": info}, daemon_extra)})

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_containerd_of_the_system_is_reviewed if {
	inp := with_store(containerd_store("/run/containerd/containerd.sock"), {})
	doc := c1_1 with input as inp
	doc.violations == set()
	result.brief(doc.reviews) == {{
		"resource": daemon_resource,
		"message": "dockerd uses the containerd image store with the containerd at /run/containerd/containerd.sock: image layers and container filesystems are in that containerd's root directory (/var/lib/containerd unless its configuration says otherwise), not under the Docker root directory, and it was not checked; confirm it is on a separate partition too",
	}}
	doc.evidence.containerd_image_store == true
	doc.evidence.containerd_address == "/run/containerd/containerd.sock"
}

test_dockerd_own_containerd_is_under_the_docker_root_directory if {
	every address in ["/var/run/docker/containerd/containerd.sock", "/run/docker/containerd/containerd.sock"] {
		c1_1.reviews == set() with input as with_store(containerd_store(address), {})
	}
	moved := with_store(containerd_store("/srv/exec/containerd/containerd.sock"), {"argv": ["dockerd"], "flags": {"exec-root": ["/srv/exec/"]}})
	c1_1.reviews == set() with input as moved
}

test_containerd_before_api_1_46_is_reviewed if {
	inp := with_store(object.remove(containerd_store(null), ["containerd_address"]), {})
	result.brief(c1_1.reviews) == {{
		"resource": daemon_resource,
		"message": "dockerd uses the containerd image store: image layers and container filesystems are in containerd's root directory, which is not under the Docker root directory unless dockerd runs its own containerd; GET /info names the containerd it uses only from API 1.46 (Engine 27.0), so it was not checked; confirm it is on a separate partition too",
	}} with input as inp
	c1_1.checked == 1 with input as inp
}

test_containerd_review_does_not_hide_a_failing_root if {
	inp := object.union(with_store(containerd_store("/run/containerd/containerd.sock"), {}), {"host": {"mounts": [root_fs], "fstab": []}})
	doc := c1_1 with input as inp
	result.brief(doc.violations) == {{
		"resource": data_root("/var/lib/docker"),
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1)",
	}}
	{f.resource | some f in doc.reviews} == {daemon_resource}
}
