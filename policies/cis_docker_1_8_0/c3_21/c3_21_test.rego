package cis_docker_1_8_0.c3_21_test

import data.cis_docker_1_8_0.c3_21
import data.lib.result

fact := {"role": "etc_sysconfig_docker", "path": "/etc/sysconfig/docker", "exists": true, "type": "file", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000, "error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

resource := {"kind": "file", "id": "/etc/sysconfig/docker", "name": "etc_sysconfig_docker"}

test_0644_passes if {
	d := c3_21 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_stricter_0600_passes if c3_21.violations == set() with input.files as [object.union(fact, {"mode": 384})]

test_group_writable_0664_fails if {
	vs := c3_21.violations with input.files as [object.union(fact, {"mode": 436})]
	vs == {{
		"resource": resource,
		"message": "/etc/sysconfig/docker has mode 0664, wider than 0644",
		"actual": "0664", "expected": "0644 or more restrictive",
	}}
}

test_0477_fails_although_smaller_as_a_number if {
	vs := c3_21.violations with input.files as [object.union(fact, {"mode": 319})]
	result.brief(vs) == {{"resource": resource, "message": "/etc/sysconfig/docker has mode 0477, wider than 0644"}}
}

test_sticky_bit_fails if {
	vs := c3_21.violations with input.files as [object.union(fact, {"mode": 932})]
	result.brief(vs) == {{"resource": resource, "message": "/etc/sysconfig/docker has mode 1644, wider than 0644"}}
}

test_the_debian_defaults_file_is_not_judged_here if {
	defaults := object.union(fact, {"role": "etc_default_docker", "path": "/etc/default/docker", "mode": 511})
	d := c3_21 with input.files as [defaults, absent]
	d.violations == set()
	d.not_applicable == "the init options file /etc/sysconfig/docker does not exist on this host"
}

test_absent_file_is_not_applicable if {
	d := c3_21 with input.files as [absent]
	d.not_applicable == "the init options file /etc/sysconfig/docker does not exist on this host"
	d.missing == set()
	d.violations == set()
}

test_unreadable_file_is_missing if {
	d := c3_21 with input.files as [unreadable]
	d.missing == {"file /etc/sysconfig/docker (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_21 with input.files as []
	d.missing == {"file facts for role etc_sysconfig_docker (not collected)"}
	not d.not_applicable
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_21 with input.files as [object.union(fact, {"mode": null, "mode_octal": null})]
	d.missing == {"file /etc/sysconfig/docker (mode or owner unknown)"}
	d.violations == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_21 with input.files as [fact]
	d2 := c3_21 with input.files as [absent]
	d3 := c3_21 with input.files as [unreadable]
	d4 := c3_21 with input.files as []
	every d in [d1, d2, d3, d4] {
		is_number(d.checked)
	}
}
