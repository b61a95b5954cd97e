package cis_docker_1_1_0.c1_1_test

import data.cis_docker_1_1_0.c1_1

root_fs := {"mount_point": "/", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/", "options": ["rw"]}

var_fs := {"mount_point": "/var", "source": "/dev/sda2", "fstype": "ext4", "device": "8:2", "root": "/", "options": ["rw"]}

docker_lv := {"mount_point": "/var/lib/docker", "source": "/dev/mapper/vg0-docker", "fstype": "xfs", "device": "253:3", "root": "/", "options": ["rw"]}

srv_fs := {"mount_point": "/srv", "source": "/dev/sdb1", "fstype": "ext4", "device": "8:17", "root": "/", "options": ["rw"]}

fstab_docker := {"device": "/dev/mapper/vg0-docker", "mount_point": "/var/lib/docker", "fstype": "xfs", "options": ["defaults"]}

test_own_logical_volume_passes if {
	c1_1.checked == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv] with input.host.fstab as []
	count(c1_1.violations) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv] with input.host.fstab as []
	count(c1_1.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv] with input.host.fstab as []
	count(c1_1.missing) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv] with input.host.fstab as []
}

test_on_root_filesystem_fails if {
	vs := c1_1.violations with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs] with input.host.fstab as []
	vs == {{
		"resource": {"kind": "file", "id": "/var/lib/docker", "name": "data_root"},
		"message": "the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1)",
		"actual": "on the filesystem mounted at / (/dev/sda1)",
		"expected": "its own partition or logical volume",
	}}
}

test_on_separate_var_fails if {
	vs := c1_1.violations with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, var_fs] with input.host.fstab as []
	[v.actual | some v in vs] == ["on the filesystem mounted at /var (/dev/sda2)"]
}

test_fstab_entry_not_mounted_fails_with_a_note if {
	vs := c1_1.violations with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs] with input.host.fstab as [fstab_docker]
	[v.message | some v in vs] == ["the Docker root directory /var/lib/docker is not a separate partition: it sits on the filesystem mounted at / (/dev/sda1); /etc/fstab lists it but it is not mounted now"]
}

test_bind_mount_of_root_filesystem_fails if {
	bind := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/docker-data", "options": ["rw"]}
	vs := c1_1.violations with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, bind] with input.host.fstab as []
	[v.actual | some v in vs] == ["bind mount of /dev/sda1 (ext4, device 8:1)"]
}

test_btrfs_subvolume_of_the_same_device_fails if {
	root_btrfs := {"mount_point": "/", "source": "/dev/sda2", "fstype": "btrfs", "device": "0:27", "root": "/@", "options": ["rw"]}
	subvol := {"mount_point": "/var/lib/docker", "source": "/dev/sda2", "fstype": "btrfs", "device": "0:31", "root": "/@docker", "options": ["rw"]}
	count(c1_1.violations) == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_btrfs, subvol] with input.host.fstab as []
}

test_bind_mount_from_a_dedicated_disk_passes if {
	bind := {"mount_point": "/var/lib/docker", "source": "/dev/sdb1", "fstype": "ext4", "device": "8:17", "root": "/docker", "options": ["rw"]}
	count(c1_1.violations) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, srv_fs, bind] with input.host.fstab as []
	c1_1.checked == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, srv_fs, bind] with input.host.fstab as []
}

test_custom_root_on_other_filesystem_is_for_review if {
	moved := {"docker_root_dir": "/srv/docker"}
	rs := c1_1.reviews with input.daemon.info as moved with input.host.mounts as [root_fs, var_fs, srv_fs] with input.host.fstab as []
	[r.resource.id | some r in rs] == ["/srv/docker"]
	count(c1_1.violations) == 0 with input.daemon.info as moved with input.host.mounts as [root_fs, var_fs, srv_fs] with input.host.fstab as []
}

test_custom_root_on_its_own_mount_passes if {
	moved := {"docker_root_dir": "/data/docker/"}
	data_fs := {"mount_point": "/data/docker", "source": "/dev/sdc1", "fstype": "xfs", "device": "8:33", "root": "/", "options": ["rw"]}
	count(c1_1.violations) == 0 with input.daemon.info as moved with input.host.mounts as [root_fs, data_fs] with input.host.fstab as []
	count(c1_1.reviews) == 0 with input.daemon.info as moved with input.host.mounts as [root_fs, data_fs] with input.host.fstab as []
	c1_1.checked == 1 with input.daemon.info as moved with input.host.mounts as [root_fs, data_fs] with input.host.fstab as []
}

test_prefix_mount_point_is_not_an_ancestor if {
	lookalike := {"mount_point": "/var/lib/dock", "source": "/dev/sdd1", "fstype": "ext4", "device": "8:49", "root": "/", "options": ["rw"]}
	count(c1_1.violations) == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, lookalike] with input.host.fstab as []
}

test_overmounted_point_uses_the_top_mount if {
	bind_root := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/x", "options": ["rw"]}
	count(c1_1.violations) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, bind_root, docker_lv] with input.host.fstab as []
	count(c1_1.violations) == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv, bind_root] with input.host.fstab as []
}

test_fstab_entry_accepted_without_mount_table if {
	c1_1.checked == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as [fstab_docker]
	count(c1_1.missing) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as [fstab_docker]
	count(c1_1.violations) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as [fstab_docker]
	c1_1.evidence.decided_from == "/etc/fstab (the live mount table could not be read)" with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as [fstab_docker]
}

test_no_mount_table_and_no_fstab_entry_is_missing if {
	c1_1.missing == {"host.mounts (the host mount table could not be read)"} with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as []
	c1_1.missing == {"host.mounts (the host mount table could not be read)"} with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as null
	not c1_1.checked with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as null with input.host.fstab as null
}

test_no_info_is_missing if {
	c1_1.missing == {"daemon.info (GET /info could not be collected)"} with input.daemon.info as null with input.host.mounts as [root_fs] with input.host.fstab as []
	count(c1_1.violations) == 0 with input.daemon.info as null with input.host.mounts as [root_fs] with input.host.fstab as []
	not c1_1.checked with input.daemon.info as null with input.host.mounts as [root_fs] with input.host.fstab as []
}

test_mount_table_without_root_entry_is_missing if {
	count(c1_1.missing) == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [srv_fs] with input.host.fstab as []
	not c1_1.checked with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [srv_fs] with input.host.fstab as []
}

test_evidence_shows_the_mount if {
	ev := c1_1.evidence with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, docker_lv] with input.host.fstab as [fstab_docker]
	ev.mount.source == "/dev/mapper/vg0-docker"
	ev.containing_mount.mount_point == "/"
	ev.fstab_entry.fstype == "xfs"
	ev.docker_root_dir == "/var/lib/docker"
}

# dockerd bind-mounts its root directory onto itself (mountinfo root = the directory itself).
test_dockerd_self_bind_mount_is_not_a_partition if {
	self_bind := {"mount_point": "/var/lib/docker", "source": "/dev/sda1", "fstype": "ext4", "device": "8:1", "root": "/var/lib/docker", "options": ["rw", "shared:1"]}
	vs := c1_1.violations with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs, self_bind] with input.host.fstab as []
	[v.message | some v in vs] == ["the Docker root directory /var/lib/docker is a mount point, but a bind mount of the filesystem at / (/dev/sda1, device 8:1), not a separate partition"]
}

test_whole_package_on_a_failing_host if {
	doc := c1_1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker"} with input.host.mounts as [root_fs] with input.host.fstab as null
	count(doc.violations) == 1
	doc.checked == 1
	count(doc.missing) == 0
	doc.evidence.mount == null
}

test_whole_package_with_nothing_collected if {
	doc := c1_1 with input.daemon as {} with input.host as {}
	doc.missing == {"daemon.info (GET /info could not be collected)"}
	not doc.checked
}
