package cis_docker_1_1_0.c3_6_test

import data.cis_docker_1_1_0.c3_6

# regopy 1.5 ignores `with input.k as r` when r is a bare rule reference: inputs are
# array/object literals or object.union(...).
fact := {"role": "etc_docker", "path": "/etc/docker", "exists": true, "type": "dir", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 493, "mode_octal": "0755", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	c3_6.not_applicable == "the Docker configuration directory /etc/docker does not exist on this host" with input.files as [absent]
	count(c3_6.missing) == 0 with input.files as [absent]
}

test_unreadable_file_is_missing if {
	c3_6.missing == {"file /etc/docker (permission: Permission denied)"} with input.files as [unreadable]
	not c3_6.not_applicable with input.files as [unreadable]
}

test_uncollected_fact_is_missing if {
	c3_6.missing == {"files (no etc_docker file fact was collected)"} with input.files as []
	not c3_6.not_applicable with input.files as []
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	count(c3_6.violations) == 0 with input.files as [fact, other]
	c3_6.checked == 1 with input.files as [fact, other]
}

test_0755_passes if {
	c3_6.checked == 1 with input.files as [fact]
	count(c3_6.violations) == 0 with input.files as [fact]
	count(c3_6.missing) == 0 with input.files as [fact]
	not c3_6.not_applicable with input.files as [fact]
}

test_stricter_0700_passes if count(c3_6.violations) == 0 with input.files as [object.union(fact, {"mode": 448})]

test_wider_0775_fails if {
	vs := c3_6.violations with input.files as [object.union(fact, {"mode": 509})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker", "name": "etc_docker"},
		"message": "/etc/docker has mode 0775, wider than 0755",
		"actual": "0775", "expected": "0755 or more restrictive",
	}}
}

test_0577_fails_although_smaller_as_a_number if count(c3_6.violations) == 1 with input.files as [object.union(fact, {"mode": 383})]

test_setuid_bit_fails if count(c3_6.violations) == 1 with input.files as [object.union(fact, {"mode": 2541})]

test_sticky_bit_on_the_directory_fails if count(c3_6.violations) == 1 with input.files as [object.union(fact, {"mode": 1005})]

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_6 with input.files as [fact] with input.daemon as dm
	d2 := c3_6 with input.files as [absent] with input.daemon as dm
	d3 := c3_6 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_6 with input.files as [] with input.daemon as dm
	d5 := c3_6 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if is_number(d.checked)
