package cis_docker_1_1_0.c1_13_test

import data.cis_docker_1_1_0.c1_13
import data.lib.result

legacy := {"role": "runc_legacy_binary", "path": "/usr/bin/docker-runc", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

legacy_absent := object.union(legacy, {"exists": false, "type": null})

successor := {"role": "runc_binary", "path": "/usr/bin/runc", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

successor_absent := object.union(successor, {"exists": false, "type": null})

sbin_runc := object.union(successor, {"path": "/usr/sbin/runc"})

watch_legacy := {"origin": "auditctl", "text": "-w /usr/bin/docker-runc -k docker", "path": "/usr/bin/docker-runc", "key": "docker"}

watch_successor := {"origin": "auditctl", "text": "-w /usr/bin/runc -k docker", "path": "/usr/bin/runc", "key": "docker"}

test_legacy_binary_audited_passes if {
	c1_13.checked == 1 with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
	c1_13.violations == set() with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
}

test_successor_evaluated_when_legacy_absent if {
	c1_13.checked == 1 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	c1_13.violations == set() with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
}

test_rule_on_legacy_path_does_not_cover_successor if {
	vs := c1_13.violations with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
	vs == {{
		"resource": {"kind": "file", "id": "/usr/bin/runc", "name": "runc_binary"},
		"message": "no audit rule watches /usr/bin/runc (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /usr/bin/runc, e.g. -w /usr/bin/runc -k docker",
	}}
}

test_sbin_runc_is_evaluated_too if {
	vs := c1_13.violations with input.files as [legacy_absent, successor, sbin_runc] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/sbin/runc", "name": "runc_binary"},
		"message": "no audit rule watches /usr/sbin/runc (loaded rules (auditctl -l))",
	}}
}

test_neither_binary_is_not_applicable if {
	c1_13.not_applicable == "/usr/bin/docker-runc (or its successor runc) does not exist on this host" with input.files as [legacy_absent, successor_absent]
		with input.host.audit as {"loaded": null, "persistent": null}
	c1_13.missing == set() with input.files as [legacy_absent, successor_absent]
		with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_successor_is_missing if {
	unknown := object.union(successor, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_13.missing == {"file /usr/bin/runc (permission: Permission denied)"} with input.files as [legacy_absent, unknown]
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_13.missing == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"} with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_suppression_rule_does_not_count if {
	never := {"origin": "auditctl", "text": "-a never,exit -F path=/usr/bin/runc", "path": "/usr/bin/runc", "key": null}
	vs := c1_13.violations with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [never], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/bin/runc", "name": "runc_binary"},
		"message": "no audit rule watches /usr/bin/runc (loaded rules (auditctl -l))",
	}}
}

# /usr/bin/runc -> /usr/sbin/runc (Debian): the real binary is evaluated once, and a watch on the
# link path does not cover it (the kernel watches the link's own inode).
test_symlink_to_another_target_is_evaluated_once if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	c1_13.checked == 1 with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [], "persistent": null}
	vs := c1_13.violations with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/sbin/runc", "name": "runc_binary"},
		"message": "no audit rule watches /usr/sbin/runc (loaded rules (auditctl -l))",
	}}
}

test_rule_on_symlink_target_covers if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	rule := object.union(watch_successor, {"text": "-w /usr/sbin/runc -k docker", "path": "/usr/sbin/runc"})
	c1_13.violations == set() with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_watch_on_usr_bin_is_for_review if {
	dir_watch := {"origin": "/etc/audit/rules.d/bin.rules", "text": "-w /usr/bin -p wa -k binaries", "path": "/usr/bin", "key": "binaries"}
	rs := c1_13.reviews with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": null, "persistent": [dir_watch]}
	rs == {{
		"resource": {"kind": "file", "id": "/usr/bin/runc", "name": "runc_binary"},
		"message": "/usr/bin/runc is audited only through the recursive watch on a parent directory (-w /usr/bin -p wa -k binaries); the benchmark asks for a rule naming the file",
		"actual": {"-w /usr/bin -p wa -k binaries"},
		"expected": "an audit rule naming /usr/bin/runc, e.g. -w /usr/bin/runc -k docker",
	}}
	c1_13.violations == set() with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": null, "persistent": [dir_watch]}
}

test_whole_package_on_a_failing_host if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	doc := c1_13 with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [], "persistent": null}
	result.brief(doc.violations) == {{
		"resource": {"kind": "file", "id": "/usr/sbin/runc", "name": "runc_binary"},
		"message": "no audit rule watches /usr/sbin/runc (loaded rules (auditctl -l))",
	}}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
	doc.evidence.files == [
		{"path": "/usr/bin/docker-runc", "role": "runc_legacy_binary", "exists": false},
		{"path": "/usr/bin/runc", "role": "runc_binary", "exists": true, "resolved_path": "/usr/sbin/runc", "rules": set(), "parent_rules": set()},
		{"path": "/usr/sbin/runc", "role": "runc_binary", "exists": true, "resolved_path": null, "rules": set(), "parent_rules": set()},
	]
}

test_whole_package_with_nothing_collected if {
	doc := c1_13 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null}
	doc.missing == {"file facts for role runc_legacy_binary (not collected)", "file facts for role runc_binary (not collected)"}
	not doc.checked
}
