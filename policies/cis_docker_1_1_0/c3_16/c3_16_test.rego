package cis_docker_1_1_0.c3_16_test

import data.cis_docker_1_1_0.c3_16
import data.lib.result

sock := {"role": "docker_sock", "path": "/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 999, "owner": "root", "group": "docker", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket under a second path.
var_run_sock := object.union(sock, {"path": "/var/run/docker.sock", "resolved_path": "/run/docker.sock"})

absent := object.union(sock, {"path": "/var/run/docker.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

run_sock := {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"}

test_0660_passes if {
	d := c3_16 with input.files as [sock]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_0600_passes if c3_16.violations == set() with input.files as [object.union(sock, {"mode": 384})]

test_0666_fails if {
	vs := c3_16.violations with input.files as [object.union(sock, {"mode": 438})]
	vs == {{
		"resource": run_sock,
		"message": "/run/docker.sock has mode 0666, wider than 0660",
		"actual": "0666", "expected": "0660 or more restrictive",
	}}
}

test_0770_fails if {
	vs := c3_16.violations with input.files as [object.union(sock, {"mode": 504})]
	result.brief(vs) == {{"resource": run_sock, "message": "/run/docker.sock has mode 0770, wider than 0660"}}
}

test_symlinked_path_is_reported_once if {
	d := c3_16 with input.files as [object.union(var_run_sock, {"mode": 438}), object.union(sock, {"mode": 438})]
	d.checked == 1
	result.brief(d.violations) == {{"resource": run_sock, "message": "/run/docker.sock has mode 0666, wider than 0660"}}
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_16 with input.files as [object.union(sock, {"mode": null, "mode_octal": null})]
	d.missing == {"file /run/docker.sock (mode or owner unknown)"}
	d.violations == set()
}

test_absent_socket_is_not_applicable if {
	d := c3_16 with input.files as [absent]
	d.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)"
	d.missing == set()
}

test_unreadable_socket_is_missing if {
	unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	d := c3_16 with input.files as [unreadable]
	d.missing == {"file /var/run/docker.sock (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_sockets_are_missing if {
	d := c3_16 with input.files as []
	d.missing == {"file facts for role docker_sock (not collected)"}
	not d.not_applicable
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_16 with input.files as [sock, var_run_sock]
	d2 := c3_16 with input.files as [absent]
	d3 := c3_16 with input.files as []
	every d in [d1, d2, d3] {
		is_number(d.checked)
	}
}

# ----------------------------------------------------------------------------- rootless daemon

rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": [], "gid_map": [],
}}}

# dockerd sets the sticky bit on what it makes in $XDG_RUNTIME_DIR (0o1660 here).
rootless_sock := object.union(sock, {"path": "/run/user/1234/docker.sock", "rootless": true, "uid": 1234,
	"gid": 100998, "owner": "alice", "group": null, "mode": 944, "mode_octal": "1660"})

rootless_resource := {"kind": "file", "id": "/run/user/1234/docker.sock", "name": "docker_sock"}

test_rootless_socket_with_the_sticky_bit_in_its_runtime_dir_passes if {
	d := c3_16 with input.files as [rootless_sock] with input.daemon as rootless_daemon
	d.violations == set()
	d.missing == set()
	d.checked == 1
}

test_rootless_socket_wider_than_0660_fails if {
	s := object.union(rootless_sock, {"mode": 950, "mode_octal": "1666"})
	vs := c3_16.violations with input.files as [s] with input.daemon as rootless_daemon
	vs == {{
		"resource": rootless_resource,
		"message": "/run/user/1234/docker.sock has mode 1666, wider than 0660",
		"actual": "1666", "expected": "0660 or more restrictive",
	}}
}

test_sticky_bit_on_a_system_socket_still_fails if {
	s := object.union(sock, {"mode": 944, "mode_octal": "1660"})
	vs := c3_16.violations with input.files as [s] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": run_sock, "message": "/run/docker.sock has mode 1660, wider than 0660"}}
}

test_sticky_bit_on_a_rootless_socket_outside_its_runtime_dir_fails if {
	s := object.union(rootless_sock, {"path": "/srv/alice/d.sock"})
	vs := c3_16.violations with input.files as [s] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/srv/alice/d.sock", "name": "docker_sock"}, "message": "/srv/alice/d.sock has mode 1660, wider than 0660"}}
}
