package cis_docker_1_1_0.c3_3_test

import data.cis_docker_1_1_0.c3_3
import data.lib.result

fact := {"role": "docker.socket", "path": "/lib/systemd/system/docker.socket", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	d := c3_3 with input.files as [absent]
	d.not_applicable == "the docker.socket unit file /lib/systemd/system/docker.socket does not exist on this host"
	d.missing == set()
}

test_unreadable_file_is_missing if {
	d := c3_3 with input.files as [unreadable]
	d.missing == {"file /lib/systemd/system/docker.socket (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_3 with input.files as []
	d.missing == {"file facts for role docker.socket (not collected)"}
	not d.not_applicable
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	d := c3_3 with input.files as [fact, other]
	d.violations == set()
	d.checked == 1
}

test_root_root_passes if {
	d := c3_3 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_non_root_owner_fails if {
	vs := c3_3.violations with input.files as [object.union(fact, {"uid": 1000, "owner": "alice"})]
	vs == {{
		"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"},
		"message": "/lib/systemd/system/docker.socket is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_non_root_group_fails if {
	vs := c3_3.violations with input.files as [object.union(fact, {"gid": 999, "group": "docker"})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"}, "message": "/lib/systemd/system/docker.socket is owned by root:docker, not root:root"}}
}

test_unnamed_ids_are_reported_as_numbers if {
	vs := c3_3.violations with input.files as [object.union(fact, {"uid": 1000, "gid": 50, "owner": null, "group": null})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.socket", "name": "docker.socket"}, "message": "/lib/systemd/system/docker.socket is owned by 1000:50, not root:root"}}
}

test_unrecorded_group_is_missing_not_a_violation if {
	d := c3_3 with input.files as [object.union(fact, {"gid": null, "group": null})]
	d.missing == {"file /lib/systemd/system/docker.socket (mode or owner unknown)"}
	d.violations == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_3 with input.files as [fact] with input.daemon as dm
	d2 := c3_3 with input.files as [absent] with input.daemon as dm
	d3 := c3_3 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_3 with input.files as [] with input.daemon as dm
	d5 := c3_3 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		is_number(d.checked)
	}
}
