package cis_docker_1_8_0.c3_23_test

import data.cis_docker_1_8_0.c3_23
import data.lib.result

sock := {"role": "containerd_sock", "path": "/run/containerd/containerd.sock", "exists": true, "type": "socket", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000, "error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket under a second path.
var_run_sock := object.union(sock, {"path": "/var/run/containerd/containerd.sock", "resolved_path": "/run/containerd/containerd.sock"})

# The socket of the containerd an older dockerd starts itself, absent when a system containerd runs.
supervised_absent := object.union(sock, {"path": "/var/run/docker/containerd/containerd.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

absent := object.union(supervised_absent, {"path": "/run/containerd/containerd.sock"})

run_sock := {"kind": "file", "id": "/run/containerd/containerd.sock", "name": "containerd_sock"}

test_root_root_passes if {
	d := c3_23 with input.files as [sock, supervised_absent]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_docker_group_fails if {
	vs := c3_23.violations with input.files as [object.union(sock, {"gid": 999, "group": "docker"})]
	vs == {{
		"resource": run_sock,
		"message": "/run/containerd/containerd.sock is owned by root:docker, not root:root",
		"actual": "root:docker", "expected": "root:root",
	}}
}

test_rootless_users_socket_fails if {
	vs := c3_23.violations with input.files as [object.union(sock, {"uid": 1001, "gid": 1001, "owner": "dev", "group": "dev"})]
	result.brief(vs) == {{"resource": run_sock, "message": "/run/containerd/containerd.sock is owned by dev:dev, not root:root"}}
}

test_symlinked_path_is_reported_once if {
	other := object.union(sock, {"gid": 999, "group": "docker"})
	d := c3_23 with input.files as [object.union(var_run_sock, {"gid": 999, "group": "docker"}), other]
	d.checked == 1
	result.brief(d.violations) == {{"resource": run_sock, "message": "/run/containerd/containerd.sock is owned by root:docker, not root:root"}}
}

test_unrecorded_owner_is_missing_not_a_violation if {
	d := c3_23 with input.files as [object.union(sock, {"gid": null, "group": null})]
	d.missing == {"file /run/containerd/containerd.sock (mode or owner unknown)"}
	d.violations == set()
}

test_the_supervised_socket_is_judged_when_it_exists if {
	supervised := object.union(sock, {"path": "/var/run/docker/containerd/containerd.sock", "uid": 1234, "owner": "alice", "mode": 511})
	d := c3_23 with input.files as [absent, supervised]
	d.checked == 1
	result.brief(d.violations) == {{"resource": object.union(run_sock, {"id": "/var/run/docker/containerd/containerd.sock"}), "message": "/var/run/docker/containerd/containerd.sock is owned by alice:root, not root:root"}}
}

test_no_socket_is_not_applicable if {
	d := c3_23 with input.files as [absent, supervised_absent]
	d.not_applicable == "no containerd socket exists on this host (looked at /run/containerd/containerd.sock, /var/run/docker/containerd/containerd.sock)"
	d.missing == set()
	d.violations == set()
}

test_unreadable_socket_is_missing if {
	unreadable := object.union(supervised_absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	d := c3_23 with input.files as [absent, unreadable]
	d.missing == {"file /var/run/docker/containerd/containerd.sock (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_sockets_are_missing if {
	d := c3_23 with input.files as []
	d.missing == {"file facts for role containerd_sock (not collected)"}
	not d.not_applicable
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_23 with input.files as [sock, var_run_sock]
	d2 := c3_23 with input.files as [absent]
	d3 := c3_23 with input.files as []
	every d in [d1, d2, d3] {
		is_number(d.checked)
	}
}

rootless_info(address) := {"docker_root_dir": "/home/dev/.local/share/docker", "security_options": ["name=rootless"], "containerd_address": address}

test_a_rootless_daemons_socket_is_missing_without_its_address if {
	d := c3_23 with input.files as [absent, supervised_absent] with input.daemon.info as rootless_info(null)
	d.missing == {"the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"}
	d.violations == set()
}

test_a_rootless_daemons_socket_is_judged_at_the_address_info_names if {
	own := object.union(sock, {"path": "/run/user/1000/docker/containerd/containerd.sock", "uid": 1000, "gid": 1000, "owner": "dev", "group": "dev"})
	d := c3_23 with input.files as [own] with input.daemon.info as rootless_info("/run/user/1000/docker/containerd/containerd.sock")
	d.missing == set()
	d.checked == 1
	result.brief(d.violations) == {{"resource": object.union(run_sock, {"id": "/run/user/1000/docker/containerd/containerd.sock"}), "message": "/run/user/1000/docker/containerd/containerd.sock is owned by dev:dev, not root:root"}}
}

# A rootless daemon whose user's XDG_RUNTIME_DIR is known: the collector looked there and marked
# its containerd's sockets as the daemon's own (the mark tells the policies it looked).
rootless_daemon := {"info": rootless_info(null), "rootless": {"enabled": true, "detected_by": ["security_options"], "user": {"uid": 1000, "gid": 1000, "name": "dev", "group": "dev", "xdg_runtime_dir": "/run/user/1000"}}}

users_sock := object.union(sock, {"path": "/run/user/1000/docker/containerd/containerd.sock", "uid": 1000, "gid": 1000, "owner": "dev", "group": "dev", "rootless": true})

users_absent := object.union(supervised_absent, {"path": "/run/user/1000/containerd/containerd.sock", "rootless": true})

test_a_rootless_daemons_own_socket_is_its_users if {
	d := c3_23 with input.files as [users_absent, users_sock] with input.daemon as rootless_daemon
	d.missing == set()
	d.checked == 1
	d.violations == set()
	d.note == "the rootless daemon's own files (/run/user/1000/docker/containerd/containerd.sock) are judged as the user's it runs as (dev), not root's"
}

test_a_rootless_daemons_socket_owned_by_another_user_fails if {
	vs := c3_23.violations with input.files as [users_absent, object.union(users_sock, {"uid": 1234, "owner": "alice"})] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": object.union(run_sock, {"id": "/run/user/1000/docker/containerd/containerd.sock"}), "message": "/run/user/1000/docker/containerd/containerd.sock is owned by alice:dev, not dev:dev (the user the rootless daemon runs as) or root:root"}}
}

test_a_rootless_daemons_socket_needs_its_user if {
	d := c3_23 with input.files as [users_absent, users_sock] with input.daemon as object.union(rootless_daemon, {"rootless": {"enabled": true, "detected_by": ["security_options"], "user": null}})
	d.missing == {"daemon.rootless.user (the user the rootless daemon runs as, who should own its files, is unknown)"}
	d.violations == set()
}
