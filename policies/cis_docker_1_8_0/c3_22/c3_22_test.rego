package cis_docker_1_8_0.c3_22_test

import data.cis_docker_1_8_0.c3_22
import data.lib.result

fact := {"role": "etc_sysconfig_docker", "path": "/etc/sysconfig/docker", "exists": true, "type": "file", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000, "error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

resource := {"kind": "file", "id": "/etc/sysconfig/docker", "name": "etc_sysconfig_docker"}

test_root_root_passes if {
	d := c3_22 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_other_owner_fails if {
	vs := c3_22.violations with input.files as [object.union(fact, {"uid": 1234, "owner": "alice"})]
	vs == {{
		"resource": resource,
		"message": "/etc/sysconfig/docker is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_other_group_fails_by_number_when_unnamed if {
	vs := c3_22.violations with input.files as [object.union(fact, {"gid": 4242, "group": null})]
	result.brief(vs) == {{"resource": resource, "message": "/etc/sysconfig/docker is owned by root:4242, not root:root"}}
}

test_absent_file_is_not_applicable if {
	d := c3_22 with input.files as [absent]
	d.not_applicable == "the init options file /etc/sysconfig/docker does not exist on this host"
	d.missing == set()
	d.violations == set()
}

test_unreadable_file_is_missing if {
	d := c3_22 with input.files as [unreadable]
	d.missing == {"file /etc/sysconfig/docker (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_22 with input.files as []
	d.missing == {"file facts for role etc_sysconfig_docker (not collected)"}
	not d.not_applicable
}

test_unrecorded_owner_is_missing_not_a_violation if {
	d := c3_22 with input.files as [object.union(fact, {"uid": null, "owner": null})]
	d.missing == {"file /etc/sysconfig/docker (mode or owner unknown)"}
	d.violations == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_22 with input.files as [fact]
	d2 := c3_22 with input.files as [absent]
	d3 := c3_22 with input.files as [unreadable]
	d4 := c3_22 with input.files as []
	every d in [d1, d2, d3, d4] {
		is_number(d.checked)
	}
}
