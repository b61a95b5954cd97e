package cis_docker_1_1_0.c3_4_test

import data.cis_docker_1_1_0.c3_4
import data.lib.result

fact := {"role": "docker.socket", "path": "/lib/systemd/system/docker.socket", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	d := c3_4 with input.files as [absent]
	d.not_applicable == "the docker.socket unit file /lib/systemd/system/docker.socket does not exist on this host"
	d.missing == set()
}

test_unreadable_file_is_missing if {
	d := c3_4 with input.files as [unreadable]
	d.missing == {"file /lib/systemd/system/docker.socket (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_4 with input.files as []
	d.missing == {"file facts for role docker.socket (not collected)"}
	not d.not_applicable
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "mode": 511})
	d := c3_4 with input.files as [fact, other]
	d.violations == set()
	d.checked == 1
}

test_0644_passes if {
	d := c3_4 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_stricter_0640_passes if c3_4.violations == set() with input.files as [object.union(fact, {"mode": 416})]

test_wider_0664_fails if {
	vs := c3_4.violations with input.files as [object.union(fact, {"mode": 436})]
	vs == {{
		"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"},
		"message": "/lib/systemd/system/docker.socket has mode 0664, wider than 0644",
		"actual": "0664", "expected": "0644 or more restrictive",
	}}
}

test_0477_fails_although_smaller_as_a_number if {
	vs := c3_4.violations with input.files as [object.union(fact, {"mode": 319})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"}, "message": "/lib/systemd/system/docker.socket has mode 0477, wider than 0644"}}
}

test_setuid_bit_fails if {
	vs := c3_4.violations with input.files as [object.union(fact, {"mode": 2468})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"}, "message": "/lib/systemd/system/docker.socket has mode 4644, wider than 0644"}}
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_4 with input.files as [object.union(fact, {"mode": null, "mode_octal": null})]
	d.missing == {"file /lib/systemd/system/docker.socket (mode or owner unknown)"}
	d.violations == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_4 with input.files as [fact] with input.daemon as dm
	d2 := c3_4 with input.files as [absent] with input.daemon as dm
	d3 := c3_4 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_4 with input.files as [] with input.daemon as dm
	d5 := c3_4 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		is_number(d.checked)
	}
}
