# METADATA
# title: "Ensure a separate partition for containers has been created"
# custom:
#   id: "1.1"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Give the Docker data directory a dedicated partition or logical volume mounted before the
#     daemon starts; on existing hosts migrate it onto a new LVM volume.
#   cis_v1_6_0: "1.1.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/#daemon-data-directory
package cis_docker_1_1_0.c1_1

import data.lib.daemon
import data.lib.result
import data.lib.values

# The Docker root directory is GET /info DockerRootDir (dockerd resolves symlinks in it, so it is
# a real path like the mount points of mountinfo). Decision, live mount table first:
#   * it is a mount point whose filesystem is not the one holding its parent directory: pass;
#   * it is a mount point, but a bind mount / subvolume of the parent's filesystem: fail (dockerd
#     itself bind-mounts its root directory onto itself to set mount propagation, so on current
#     engines "is a mount point" alone proves nothing; the device is compared);
#   * it is not a mount point and sits on the filesystem mounted at / or /var: fail (an /etc/fstab
#     entry that is not mounted now does not help: the data is written to the parent filesystem);
#   * it sits on another filesystem (e.g. /srv, /data): review, that filesystem may be shared.
# Without the live mount table, an /etc/fstab entry for the directory is accepted (weaker,
# persistent evidence); no entry then leaves the mount table missing.
# With the containerd image store (the default of a fresh Engine 29 install) image layers and
# container filesystems are kept by containerd, in its own root directory. When dockerd runs its
# own containerd (GET /info Containerd.Address, API 1.46 and later, is the socket in dockerd's
# exec-root) that root is inside the Docker root directory and the decision above covers it;
# any other containerd keeps its root where its own configuration says (/var/lib/containerd by
# default), which the snapshot does not hold: that is reported for review, never failed.

root_known if is_string(input.daemon.info.docker_root_dir)

mounts_known if is_array(input.host.mounts)

clean_path(p) := p if p == "/"

else := trim_right(p, "/")

root := clean_path(input.daemon.info.docker_root_dir)

resource := result.file({"path": root, "role": "data_root"})

missing contains m if some m in daemon.missing_info

missing contains "host.mounts (the host mount table could not be read)" if {
	root_known
	not mounts_known
	not fstab_lists_root
}

missing contains "host.mounts (no mount in the host mount table contains the Docker root directory)" if {
	root_known
	mounts_known
	not own_mount
	not containing_mount
}

# ---------------------------------------------------------------- live mount table

# is_ancestor: mount point mp contains path p (p itself excluded).
is_ancestor(mp, p) if {
	mp == "/"
	p != "/"
}

is_ancestor(mp, p) if startswith(p, sprintf("%s/", [mp]))

# top(mp) is the mount on top at mp: the last of the entries for it in mountinfo order.
top(mp) := ms[count(ms) - 1] if {
	ms := [m | some m in values.items(input.host.mounts); clean_path(m.mount_point) == mp]
	count(ms) > 0
}

own_mount := top(root)

# containing_mount: the mount holding root's parent directory (longest ancestor mount point).
containing_mount := top(mp) if {
	ancestors := {p |
		some m in values.items(input.host.mounts)
		p := clean_path(m.mount_point)
		is_ancestor(p, root)
	}
	longest := max({count(a) | some a in ancestors})
	some mp in ancestors
	count(mp) == longest
}

same_filesystem(a, b) if a.device == b.device

same_filesystem(a, b) if {
	a.source == b.source
	a.fstype == b.fstype
	startswith(a.source, "/dev/")
}

system_mount_points := {"/", "/var"}

is_system_mount(m) if clean_path(m.mount_point) in system_mount_points

checked := 1 if {
	root_known
	mounts_known
	own_mount
}

checked := 1 if {
	root_known
	mounts_known
	not own_mount
	containing_mount
}

checked := 1 if {
	root_known
	not mounts_known
	fstab_lists_root
}

violations contains result.finding(resource, msg, actual, "its own partition or logical volume") if {
	root_known
	own_mount
	same_filesystem(own_mount, containing_mount)
	actual := sprintf("bind mount of %s (%s, device %s)", [own_mount.source, own_mount.fstype, own_mount.device])
	msg := sprintf("the Docker root directory %s is a mount point, but a bind mount of the filesystem at %s (%s, device %s), not a separate partition", [root, containing_mount.mount_point, containing_mount.source, containing_mount.device])
}

violations contains result.finding(resource, msg, actual, "its own partition or logical volume") if {
	root_known
	mounts_known
	not own_mount
	is_system_mount(containing_mount)
	actual := sprintf("on the filesystem mounted at %s (%s)", [containing_mount.mount_point, containing_mount.source])
	msg := sprintf("the Docker root directory %s is not a separate partition: it sits on the filesystem mounted at %s (%s)%s", [root, containing_mount.mount_point, containing_mount.source, fstab_note])
}

reviews contains result.finding(resource, msg, actual, "its own partition or logical volume") if {
	root_known
	mounts_known
	not own_mount
	containing_mount
	not is_system_mount(containing_mount)
	actual := sprintf("on the filesystem mounted at %s (%s)", [containing_mount.mount_point, containing_mount.source])
	msg := sprintf("the Docker root directory %s is not a mount point of its own: it sits on the filesystem mounted at %s (%s); confirm that filesystem is dedicated to Docker%s", [root, containing_mount.mount_point, containing_mount.source, fstab_note])
}

# ---------------------------------------------------------------- containerd image store

default exec_root := "/var/run/docker"

exec_root := clean_path(trim_space(v)) if {
	v := daemon.string_option("exec-root", "exec-root")
	trim_space(v) != ""
}

# own_containerd_sockets: where the socket of the containerd dockerd starts itself is.
own_containerd_sockets := {sprintf("%s/containerd/containerd.sock", [r]) | some r in run_aliases(exec_root)}

# run_aliases: a path under /var/run and the same path under /run (one directory on current
# distributions).
run_aliases(p) := {p, sprintf("/run%s", [trim_prefix(p, "/var/run")])} if startswith(p, "/var/run/")

else := {p, sprintf("/var%s", [p])} if startswith(p, "/run/")

else := {p}

containerd_address := input.daemon.info.containerd_address if is_string(input.daemon.info.containerd_address)

is_own_containerd if containerd_address in own_containerd_sockets

reviews contains result.finding(result.daemon, msg, containerd_address, "containerd's root directory on a separate partition") if {
	daemon.containerd_image_store
	not is_own_containerd
	msg := sprintf("dockerd uses the containerd image store with the containerd at %s: image layers and container filesystems are in that containerd's root directory (/var/lib/containerd unless its configuration says otherwise), not under the Docker root directory, and it was not checked; confirm it is on a separate partition too", [containerd_address])
}

reviews contains result.finding(result.daemon, msg, "unknown", "containerd's root directory on a separate partition") if {
	daemon.containerd_image_store
	not containerd_address
	msg := "dockerd uses the containerd image store: image layers and container filesystems are in containerd's root directory, which is not under the Docker root directory unless dockerd runs its own containerd; GET /info names the containerd it uses only from API 1.46 (Engine 27.0), so it was not checked; confirm it is on a separate partition too"
}

default fstab_note := ""

fstab_note := "; /etc/fstab lists it but it is not mounted now" if fstab_lists_root

# ---------------------------------------------------------------- /etc/fstab

fstab_entries := [e | some e in values.items(input.host.fstab); clean_path(e.mount_point) == root]

fstab_entry := fstab_entries[0] if count(fstab_entries) > 0

fstab_lists_root if fstab_entry

evidence := {
	"docker_root_dir": object.get(input.daemon, ["info", "docker_root_dir"], null),
	"mount": mount_evidence,
	"containing_mount": containing_evidence,
	"fstab_entry": fstab_evidence,
	"decided_from": decided_from,
	"containerd_image_store": image_store,
	"containerd_address": containerd_address_or_null,
}

default image_store := false

image_store := true if daemon.containerd_image_store

default containerd_address_or_null := null

containerd_address_or_null := containerd_address

default mount_evidence := null

mount_evidence := own_mount

default containing_evidence := null

containing_evidence := containing_mount

default fstab_evidence := null

fstab_evidence := fstab_entry

decided_from := "live mount table (/proc/1/mountinfo)" if mounts_known

else := "/etc/fstab (the live mount table could not be read)" if fstab_lists_root

else := "nothing (mount table unreadable, no /etc/fstab entry)"
