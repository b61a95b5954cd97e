package cis_docker_1_1_0.c3_16_test

import data.cis_docker_1_1_0.c3_16

# Inputs are literals or object.union(...): regopy 1.5 ignores `with input.k as r` when r is
# a bare rule reference.
sock := {"role": "docker_sock", "path": "/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 999, "owner": "root", "group": "docker", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

var_run_sock := object.union(sock, {"path": "/var/run/docker.sock", "resolved_path": "/run/docker.sock"})

absent := object.union(sock, {"path": "/var/run/docker.sock", "exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

test_0660_passes if {
	c3_16.checked == 1 with input.files as [sock]
	count(c3_16.violations) == 0 with input.files as [sock]
	count(c3_16.missing) == 0 with input.files as [sock]
}

test_0600_passes if count(c3_16.violations) == 0 with input.files as [object.union(sock, {"mode": 384})]

test_0666_fails if {
	vs := c3_16.violations with input.files as [object.union(sock, {"mode": 438})]
	vs == {{
		"resource": {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"},
		"message": "/run/docker.sock has mode 0666, wider than 0660",
		"actual": "0666", "expected": "0660 or more restrictive",
	}}
}

test_0770_fails if count(c3_16.violations) == 1 with input.files as [object.union(sock, {"mode": 504})]

test_symlinked_path_is_reported_once if {
	vs := c3_16.violations with input.files as [object.union(var_run_sock, {"mode": 438}), object.union(sock, {"mode": 438})]
	count(vs) == 1
	some v in vs
	v.resource.id == "/run/docker.sock"
}

test_absent_socket_is_not_applicable if {
	c3_16.not_applicable == "no Docker API unix socket exists on this host (looked at /var/run/docker.sock)" with input.files as [absent]
}

test_unreadable_socket_is_missing if {
	unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	count(c3_16.missing) == 1 with input.files as [unreadable]
	not c3_16.not_applicable with input.files as [unreadable]
}

test_uncollected_sockets_are_missing if {
	c3_16.missing == {"files (no docker_sock file fact was collected)"} with input.files as []
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	h := {"groups_collected": true, "docker_group": null}
	d1 := c3_16 with input.files as [sock, var_run_sock] with input.host as h
	d2 := c3_16 with input.files as [absent] with input.host as h
	d3 := c3_16 with input.files as [] with input.host as h
	d4 := c3_16 with input.files as [sock] with input.host as {"groups_collected": false, "docker_group": null}
	every d in [d1, d2, d3, d4] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if count(d.violations) > 0

has_decision(d) if count(d.reviews) > 0

has_decision(d) if is_number(d.checked)
