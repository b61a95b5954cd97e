package cis_docker_1_1_0.c3_15_test

import data.cis_docker_1_1_0.c3_15

# Inputs are literals or object.union(...): regopy 1.5 ignores `with input.k as r` when r is
# a bare rule reference.
sock := {"role": "docker_sock", "path": "/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 999, "owner": "root", "group": "docker", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket under a second path.
var_run_sock := object.union(sock, {"path": "/var/run/docker.sock", "resolved_path": "/run/docker.sock"})

root_root := object.union(sock, {"gid": 0, "group": "root"})

absent := object.union(sock, {"path": "/var/run/docker.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

with_group := {"groups_collected": true, "docker_group": {"name": "docker", "gid": 999, "members": [], "primary_members": []}}

no_group := {"groups_collected": true, "docker_group": null}

test_root_docker_passes if {
	h := with_group
	c3_15.checked == 1 with input.files as [sock] with input.host as h
	count(c3_15.violations) == 0 with input.files as [sock] with input.host as h
	count(c3_15.reviews) == 0 with input.files as [sock] with input.host as h
	count(c3_15.missing) == 0 with input.files as [sock] with input.host as h
}

test_root_root_is_a_deviation_for_review if {
	h := with_group
	rs := c3_15.reviews with input.files as [root_root] with input.host as h
	rs == {{
		"resource": {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"},
		"message": "/run/docker.sock is owned by root:root, stricter than the root:docker the benchmark asks: members of the docker group cannot use it",
		"actual": "root:root", "expected": "root:docker",
	}}
	count(c3_15.violations) == 0 with input.files as [root_root] with input.host as h
}

test_root_root_without_a_docker_group_is_for_review if {
	h := no_group
	rs := c3_15.reviews with input.files as [root_root] with input.host as h
	count(rs) == 1
	some r in rs
	r.message == "/run/docker.sock is owned by root:root and there is no docker group on this host: stricter than the root:docker the benchmark asks (only root can use the socket)"
	count(c3_15.violations) == 0 with input.files as [root_root] with input.host as h
}

test_socket_owned_by_a_user_fails if {
	h := with_group
	vs := c3_15.violations with input.files as [object.union(sock, {"uid": 1000, "owner": "alice"})] with input.host as h
	vs == {{
		"resource": {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"},
		"message": "/run/docker.sock is owned by alice:docker, not root:docker",
		"actual": "alice:docker", "expected": "root:docker",
	}}
}

test_socket_with_another_group_fails if {
	h := with_group
	vs := c3_15.violations with input.files as [object.union(sock, {"gid": 4, "group": "adm"})] with input.host as h
	count(vs) == 1
	some v in vs
	v.actual == "root:adm"
}

test_other_group_without_a_docker_group_fails if {
	h := no_group
	vs := c3_15.violations with input.files as [object.union(sock, {"gid": 998, "group": null})] with input.host as h
	count(vs) == 1
	some v in vs
	v.message == "/run/docker.sock is owned by root:998, not root:docker (there is no docker group on this host)"
}

test_unknown_groups_are_missing if {
	h := {"groups_collected": false, "docker_group": null}
	c3_15.missing == {"host.docker_group (/etc/group could not be read, so the docker group is unknown)"} with input.files as [sock] with input.host as h
}

test_symlinked_path_is_checked_once if {
	h := with_group
	c3_15.checked == 1 with input.files as [var_run_sock, object.union(sock, {"gid": 0})] with input.host as h
	rs := c3_15.reviews with input.files as [object.union(var_run_sock, {"gid": 0}), root_root] with input.host as h
	count(rs) == 1
	some r in rs
	r.resource.id == "/run/docker.sock"
}

test_every_listed_socket_is_checked if {
	h := with_group
	extra := object.union(sock, {"path": "/srv/docker/api.sock", "gid": 1000, "group": "ops"})
	c3_15.checked == 2 with input.files as [sock, extra] with input.host as h
	vs := c3_15.violations with input.files as [sock, extra] with input.host as h
	count(vs) == 1
	some v in vs
	v.resource.id == "/srv/docker/api.sock"
}

test_absent_socket_is_not_applicable if {
	h := with_group
	c3_15.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)" with input.files as [absent] with input.host as h
	count(c3_15.missing) == 0 with input.files as [absent] with input.host as h
}

test_directory_in_place_of_the_socket_is_not_a_socket if {
	h := with_group
	stale := object.union(sock, {"path": "/var/run/docker.sock", "type": "dir", "mode": 493})
	c3_15.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)" with input.files as [stale] with input.host as h
}

test_unreadable_socket_is_missing if {
	h := with_group
	unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	c3_15.missing == {"file /var/run/docker.sock (permission: Permission denied)"} with input.files as [unreadable] with input.host as h
	not c3_15.not_applicable with input.files as [unreadable] with input.host as h
}

test_uncollected_sockets_are_missing if {
	c3_15.missing == {"files (no docker_sock file fact was collected)"} with input.files as []
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	h := {"groups_collected": true, "docker_group": null}
	d1 := c3_15 with input.files as [sock, var_run_sock] with input.host as h
	d2 := c3_15 with input.files as [absent] with input.host as h
	d3 := c3_15 with input.files as [] with input.host as h
	d4 := c3_15 with input.files as [root_root] with input.host as {"groups_collected": false, "docker_group": null}
	every d in [d1, d2, d3, d4] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if count(d.violations) > 0

has_decision(d) if count(d.reviews) > 0

has_decision(d) if is_number(d.checked)
