package cis_docker_1_1_0.c3_15_test

import data.cis_docker_1_1_0.c3_15
import data.lib.result

sock := {"role": "docker_sock", "path": "/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 999, "owner": "root", "group": "docker", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket under a second path.
var_run_sock := object.union(sock, {"path": "/var/run/docker.sock", "resolved_path": "/run/docker.sock"})

root_root := object.union(sock, {"gid": 0, "group": "root"})

absent := object.union(sock, {"path": "/var/run/docker.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

with_group := {"groups_collected": true, "docker_group": {"name": "docker", "gid": 999, "members": [], "primary_members": []}}

no_group := {"groups_collected": true, "docker_group": null}

run_sock := {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"}

test_root_docker_passes if {
	d := c3_15 with input.files as [sock] with input.host as with_group
	d.checked == 1
	d.violations == set()
	d.reviews == set()
	d.missing == set()
	not d.not_applicable
}

test_root_root_is_a_deviation_for_review if {
	d := c3_15 with input.files as [root_root] with input.host as with_group
	d.reviews == {{
		"resource": run_sock,
		"message": "/run/docker.sock is owned by root:root, stricter than the root:docker the benchmark asks: members of the docker group cannot use it",
		"actual": "root:root", "expected": "root:docker",
	}}
	d.violations == set()
}

test_root_root_without_a_docker_group_is_for_review if {
	d := c3_15 with input.files as [root_root] with input.host as no_group
	result.brief(d.reviews) == {{
		"resource": run_sock,
		"message": "/run/docker.sock is owned by root:root and there is no docker group on this host: stricter than the root:docker the benchmark asks (only root can use the socket)",
	}}
	d.violations == set()
}

test_socket_owned_by_a_user_fails if {
	vs := c3_15.violations with input.files as [object.union(sock, {"uid": 1000, "owner": "alice"})] with input.host as with_group
	vs == {{
		"resource": run_sock,
		"message": "/run/docker.sock is owned by alice:docker, not root:docker",
		"actual": "alice:docker", "expected": "root:docker",
	}}
}

test_socket_with_another_group_fails if {
	vs := c3_15.violations with input.files as [object.union(sock, {"gid": 4, "group": "adm"})] with input.host as with_group
	result.brief(vs) == {{"resource": run_sock, "message": "/run/docker.sock is owned by root:adm, not root:docker"}}
}

test_other_group_without_a_docker_group_fails if {
	d := c3_15 with input.files as [object.union(sock, {"gid": 998, "group": null})] with input.host as no_group
	result.brief(d.violations) == {{"resource": run_sock, "message": "/run/docker.sock is owned by root:998, not root:docker (there is no docker group on this host)"}}
	d.reviews == set()
}

test_unknown_groups_are_missing if {
	h := {"groups_collected": false, "docker_group": null}
	c3_15.missing == {"host.docker_group (/etc/group could not be read, so the docker group is unknown)"} with input.files as [sock] with input.host as h
}

# A snapshot without host facts does not show the docker group either: missing, not a pass.
test_absent_host_facts_are_missing if {
	d := c3_15 with input.files as [sock]
	d.missing == {"host.docker_group (/etc/group could not be read, so the docker group is unknown)"}
}

test_unrecorded_owner_is_missing_not_a_violation if {
	d := c3_15 with input.files as [object.union(sock, {"gid": null, "group": null})] with input.host as with_group
	d.missing == {"file /run/docker.sock (mode or owner unknown)"}
	d.violations == set()
	d.reviews == set()
}

test_symlinked_path_is_checked_once if {
	c3_15.checked == 1 with input.files as [var_run_sock, object.union(sock, {"gid": 0})] with input.host as with_group
	rs := c3_15.reviews with input.files as [object.union(var_run_sock, {"gid": 0}), root_root] with input.host as with_group
	result.brief(rs) == {{
		"resource": run_sock,
		"message": "/run/docker.sock is owned by root:root, stricter than the root:docker the benchmark asks: members of the docker group cannot use it",
	}}
}

test_every_listed_socket_is_checked if {
	extra := object.union(sock, {"path": "/srv/docker/api.sock", "gid": 1000, "group": "ops"})
	d := c3_15 with input.files as [sock, extra] with input.host as with_group
	d.checked == 2
	result.brief(d.violations) == {{
		"resource": {"kind": "file", "id": "/srv/docker/api.sock", "name": "docker_sock"},
		"message": "/srv/docker/api.sock is owned by root:ops, not root:docker",
	}}
}

test_absent_socket_is_not_applicable if {
	d := c3_15 with input.files as [absent] with input.host as with_group
	d.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)"
	d.missing == set()
}

test_every_absent_path_is_named if {
	gone := object.union(absent, {"path": "/run/docker.sock"})
	c3_15.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock, /run/docker.sock)" with input.files as [absent, gone] with input.host as with_group
}

test_directory_in_place_of_the_socket_is_not_a_socket if {
	stale := object.union(sock, {"path": "/var/run/docker.sock", "type": "dir", "mode": 493})
	c3_15.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)" with input.files as [stale] with input.host as with_group
}

test_unreadable_socket_is_missing if {
	unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	d := c3_15 with input.files as [unreadable] with input.host as with_group
	d.missing == {"file /var/run/docker.sock (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_sockets_are_missing if {
	d := c3_15 with input.files as []
	d.missing == {"file facts for role docker_sock (not collected)"}
	not d.not_applicable
}

test_evidence_lists_the_sockets_and_the_docker_group if {
	e := c3_15.evidence with input.files as [sock, var_run_sock] with input.host as with_group
	e == {"sockets": ["/run/docker.sock"], "docker_group": with_group.docker_group}
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_15 with input.files as [sock, var_run_sock] with input.host as no_group
	d2 := c3_15 with input.files as [absent] with input.host as no_group
	d3 := c3_15 with input.files as [] with input.host as no_group
	d4 := c3_15 with input.files as [root_root] with input.host as {"groups_collected": false, "docker_group": null}
	every d in [d1, d2, d3, d4] {
		is_number(d.checked)
	}
}

# ----------------------------------------------------------------------------- rootless daemon

# alice (uid 1234, gid 4242) runs the daemon; her namespace's gid 999 (docker) is host gid 100998.
rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["process_user", "rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share",
	"uid_map": [{"inside": 0, "outside": 1234, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}],
	"gid_map": [{"inside": 0, "outside": 4242, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}],
}}}

rootless_sock := object.union(sock, {"path": "/run/user/1234/docker.sock", "rootless": true, "uid": 1234, "gid": 100998,
	"owner": "alice", "group": null, "mode": 944, "mode_octal": "1660"})

rootless_resource := {"kind": "file", "id": "/run/user/1234/docker.sock", "name": "docker_sock"}

expected_rootless := "alice:alice or alice:100998 (the docker group of the rootless daemon's user namespace)"

test_rootless_socket_in_the_namespaces_docker_group_passes if {
	d := c3_15 with input.files as [rootless_sock, absent] with input.host as with_group with input.daemon as rootless_daemon
	d.checked == 1
	d.violations == set()
	d.reviews == set()
	d.missing == set()
	d.note == "the rootless daemon's own socket (/run/user/1234/docker.sock) is expected to be owned by alice:alice or alice:100998 (the docker group of the rootless daemon's user namespace), not root:docker"
}

test_rootless_socket_in_the_users_group_passes if {
	s := object.union(rootless_sock, {"gid": 4242, "group": "alice"})
	c3_15.violations == set() with input.files as [s] with input.host as with_group with input.daemon as rootless_daemon
}

test_rootless_socket_in_another_group_fails if {
	s := object.union(rootless_sock, {"gid": 100, "group": "users"})
	vs := c3_15.violations with input.files as [s] with input.host as with_group with input.daemon as rootless_daemon
	vs == {{
		"resource": rootless_resource,
		"message": sprintf("/run/user/1234/docker.sock is owned by alice:users, not %s", [expected_rootless]),
		"actual": "alice:users", "expected": expected_rootless,
	}}
}

test_rootless_socket_of_another_user_fails if {
	s := object.union(rootless_sock, {"uid": 1235, "owner": "bob"})
	vs := c3_15.violations with input.files as [s] with input.host as with_group with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": rootless_resource, "message": sprintf("/run/user/1234/docker.sock is owned by bob:100998, not %s", [expected_rootless])}}
}

test_rootless_socket_in_the_hosts_docker_group_fails if {
	s := object.union(rootless_sock, {"gid": 999, "group": "docker"})
	vs := c3_15.violations with input.files as [s] with input.host as with_group with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": rootless_resource, "message": sprintf("/run/user/1234/docker.sock is owned by alice:docker, not %s", [expected_rootless])}}
}

test_system_socket_beside_a_rootless_daemon_is_still_root_docker if {
	user_sock := object.union(sock, {"uid": 1234, "owner": "alice"})
	d := c3_15 with input.files as [user_sock, rootless_sock] with input.host as with_group with input.daemon as rootless_daemon
	result.brief(d.violations) == {{"resource": run_sock, "message": "/run/docker.sock is owned by alice:docker, not root:docker"}}
	d.checked == 2
}

test_rootless_socket_without_the_user_is_missing if {
	d := c3_15 with input.files as [rootless_sock] with input.host as with_group with input.daemon as {"info": null, "rootless": {"enabled": true, "detected_by": ["security_options"], "user": null}}
	d.missing == {"daemon.rootless.user (the user the rootless daemon runs as, who should own its files, is unknown)"}
	d.violations == set()
}
