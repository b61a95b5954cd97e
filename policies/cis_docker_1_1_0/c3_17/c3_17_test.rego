package cis_docker_1_1_0.c3_17_test

import data.cis_docker_1_1_0.c3_17

# regopy 1.5 ignores `with input.k as r` when r is a bare rule reference: inputs are
# array/object literals or object.union(...).
fact := {"role": "daemon_json", "path": "/etc/docker/daemon.json", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	c3_17.not_applicable == "the daemon configuration file /etc/docker/daemon.json does not exist on this host" with input.files as [absent] with input.daemon as {"argv": ["dockerd"]}
	count(c3_17.missing) == 0 with input.files as [absent] with input.daemon as {"argv": ["dockerd"]}
}

test_unreadable_file_is_missing if {
	c3_17.missing == {"file /etc/docker/daemon.json (permission: Permission denied)"} with input.files as [unreadable] with input.daemon as {"argv": ["dockerd"]}
	not c3_17.not_applicable with input.files as [unreadable] with input.daemon as {"argv": ["dockerd"]}
}

test_uncollected_fact_is_missing if {
	c3_17.missing == {"files (no daemon_json file fact was collected)"} with input.files as []
	not c3_17.not_applicable with input.files as []
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	count(c3_17.violations) == 0 with input.files as [fact, other]
	c3_17.checked == 1 with input.files as [fact, other]
}

test_root_root_passes if {
	c3_17.checked == 1 with input.files as [fact]
	count(c3_17.violations) == 0 with input.files as [fact]
	count(c3_17.missing) == 0 with input.files as [fact]
	not c3_17.not_applicable with input.files as [fact]
}

test_non_root_owner_fails if {
	vs := c3_17.violations with input.files as [object.union(fact, {"uid": 1000, "owner": "alice"})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "/etc/docker/daemon.json is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_non_root_group_fails if {
	some v in c3_17.violations with input.files as [object.union(fact, {"gid": 999, "group": "docker"})]
	v.actual == "root:docker"
}

test_unnamed_ids_are_reported_as_numbers if {
	some v in c3_17.violations with input.files as [object.union(fact, {"uid": 1000, "gid": 50, "owner": null, "group": null})]
	v.actual == "1000:50"
}

test_absent_default_file_with_unknown_command_line_is_missing if {
	c3_17.missing == {"daemon.argv (the dockerd command line could not be read, so --config-file is unknown)"} with input.files as [absent] with input.daemon as {"argv": null}
	not c3_17.not_applicable with input.files as [absent] with input.daemon as {"argv": null}
}

test_present_file_is_checked_even_with_unknown_command_line if {
	c3_17.checked == 1 with input.files as [fact] with input.daemon as {"argv": null}
	count(c3_17.missing) == 0 with input.files as [fact] with input.daemon as {"argv": null}
}

test_custom_config_file_path_is_used if {
	custom := object.union(fact, {"path": "/srv/docker/daemon.json"})
	c3_17.checked == 1 with input.files as [custom] with input.daemon as {"argv": ["dockerd", "--config-file", "/srv/docker/daemon.json"]}
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_17 with input.files as [fact] with input.daemon as dm
	d2 := c3_17 with input.files as [absent] with input.daemon as dm
	d3 := c3_17 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_17 with input.files as [] with input.daemon as dm
	d5 := c3_17 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if is_number(d.checked)
