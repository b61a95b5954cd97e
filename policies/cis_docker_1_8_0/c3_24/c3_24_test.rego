package cis_docker_1_8_0.c3_24_test

import data.cis_docker_1_8_0.c3_24
import data.lib.result

sock := {"role": "containerd_sock", "path": "/run/containerd/containerd.sock", "exists": true, "type": "socket", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000, "error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket under a second path.
var_run_sock := object.union(sock, {"path": "/var/run/containerd/containerd.sock", "resolved_path": "/run/containerd/containerd.sock"})

# The socket of the containerd an older dockerd starts itself, absent when a system containerd runs.
supervised_absent := object.union(sock, {"path": "/var/run/docker/containerd/containerd.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

absent := object.union(supervised_absent, {"path": "/run/containerd/containerd.sock"})

run_sock := {"kind": "file", "id": "/run/containerd/containerd.sock", "name": "containerd_sock"}

test_0660_passes if {
	d := c3_24 with input.files as [sock, supervised_absent]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_0666_fails if {
	vs := c3_24.violations with input.files as [object.union(sock, {"mode": 438})]
	vs == {{
		"resource": run_sock,
		"message": "/run/containerd/containerd.sock has mode 0666, wider than 0660",
		"actual": "0666", "expected": "0660 or more restrictive",
	}}
}

test_0600_passes if c3_24.violations == set() with input.files as [object.union(sock, {"mode": 384})]

test_0770_fails if {
	vs := c3_24.violations with input.files as [object.union(sock, {"mode": 504})]
	result.brief(vs) == {{"resource": run_sock, "message": "/run/containerd/containerd.sock has mode 0770, wider than 0660"}}
}

test_symlinked_path_is_reported_once if {
	d := c3_24 with input.files as [object.union(var_run_sock, {"mode": 438}), object.union(sock, {"mode": 438})]
	d.checked == 1
	result.brief(d.violations) == {{"resource": run_sock, "message": "/run/containerd/containerd.sock has mode 0666, wider than 0660"}}
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_24 with input.files as [object.union(sock, {"mode": null, "mode_octal": null})]
	d.missing == {"file /run/containerd/containerd.sock (mode or owner unknown)"}
	d.violations == set()
}

test_the_supervised_socket_is_judged_when_it_exists if {
	supervised := object.union(sock, {"path": "/var/run/docker/containerd/containerd.sock", "uid": 1234, "owner": "alice", "mode": 511})
	d := c3_24 with input.files as [absent, supervised]
	d.checked == 1
	result.brief(d.violations) == {{"resource": object.union(run_sock, {"id": "/var/run/docker/containerd/containerd.sock"}), "message": "/var/run/docker/containerd/containerd.sock has mode 0777, wider than 0660"}}
}

test_no_socket_is_not_applicable if {
	d := c3_24 with input.files as [absent, supervised_absent]
	d.not_applicable == "no containerd socket exists on this host (looked at /run/containerd/containerd.sock, /var/run/docker/containerd/containerd.sock)"
	d.missing == set()
	d.violations == set()
}

test_unreadable_socket_is_missing if {
	unreadable := object.union(supervised_absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	d := c3_24 with input.files as [absent, unreadable]
	d.missing == {"file /var/run/docker/containerd/containerd.sock (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_sockets_are_missing if {
	d := c3_24 with input.files as []
	d.missing == {"file facts for role containerd_sock (not collected)"}
	not d.not_applicable
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_24 with input.files as [sock, var_run_sock]
	d2 := c3_24 with input.files as [absent]
	d3 := c3_24 with input.files as []
	every d in [d1, d2, d3] {
		is_number(d.checked)
	}
}

rootless_info(address) := {"docker_root_dir": "/home/dev/.local/share/docker", "security_options": ["name=rootless"], "containerd_address": address}

test_a_rootless_daemons_socket_is_missing_without_its_address if {
	d := c3_24 with input.files as [absent, supervised_absent] with input.daemon.info as rootless_info(null)
	d.missing == {"the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"}
	d.violations == set()
}

test_a_rootless_daemons_socket_is_judged_at_the_address_info_names if {
	own := object.union(sock, {"path": "/run/user/1000/docker/containerd/containerd.sock", "uid": 1000, "gid": 1000, "owner": "dev", "group": "dev"})
	d := c3_24 with input.files as [own] with input.daemon.info as rootless_info("/run/user/1000/docker/containerd/containerd.sock")
	d.missing == set()
	d.checked == 1
}

test_a_rootless_daemons_socket_found_in_its_runtime_dir_is_judged if {
	rootless := {"info": rootless_info(null), "rootless": {"enabled": true, "detected_by": ["security_options"], "user": {"uid": 1000, "gid": 1000, "xdg_runtime_dir": "/run/user/1000"}}}
	own := object.union(sock, {"path": "/run/user/1000/docker/containerd/containerd.sock", "uid": 1000, "gid": 1000, "rootless": true})
	d := c3_24 with input.files as [own] with input.daemon as rootless
	d.missing == set()
	d.checked == 1
	d.violations == set()
	result.brief(c3_24.violations) == {{"resource": {"kind": "file", "id": "/run/user/1000/docker/containerd/containerd.sock", "name": "containerd_sock"}, "message": "/run/user/1000/docker/containerd/containerd.sock has mode 0666, wider than 0660"}} with input.files as [object.union(own, {"mode": 438, "mode_octal": "0666"})] with input.daemon as rootless
}
