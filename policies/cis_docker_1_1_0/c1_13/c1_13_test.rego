package cis_docker_1_1_0.c1_13_test

import data.cis_docker_1_1_0.c1_13

legacy := {"role": "runc_legacy_binary", "path": "/usr/bin/docker-runc", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

legacy_absent := object.union(legacy, {"exists": false, "type": null})

successor := {"role": "runc_binary", "path": "/usr/bin/runc", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

successor_absent := object.union(successor, {"exists": false, "type": null})

sbin_runc := object.union(successor, {"path": "/usr/sbin/runc"})

watch_legacy := {"origin": "auditctl", "text": "-w /usr/bin/docker-runc -k docker", "path": "/usr/bin/docker-runc", "key": "docker"}

watch_successor := {"origin": "auditctl", "text": "-w /usr/bin/runc -k docker", "path": "/usr/bin/runc", "key": "docker"}

test_legacy_binary_audited_passes if {
	c1_13.checked == 1 with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
	count(c1_13.violations) == 0 with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
}

test_successor_evaluated_when_legacy_absent if {
	c1_13.checked == 1 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	count(c1_13.violations) == 0 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
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
	[v.resource.id | some v in vs] == ["/usr/sbin/runc"]
}

test_neither_binary_is_not_applicable if {
	c1_13.not_applicable == "/usr/bin/docker-runc (or its successor runc) does not exist on this host" with input.files as [legacy_absent, successor_absent]
		with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_successor_is_missing if {
	unknown := object.union(successor, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_13.missing == {"file /usr/bin/runc (permission: Permission denied)"} with input.files as [legacy_absent, unknown]
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_unreadable_rules_are_missing if {
	count(c1_13.missing) == 1 with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_suppression_rule_does_not_count if {
	never := {"origin": "auditctl", "text": "-a never,exit -F path=/usr/bin/runc", "path": "/usr/bin/runc", "key": null}
	count(c1_13.violations) == 1 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [never], "persistent": null}
}

# /usr/bin/runc -> /usr/sbin/runc (Debian): the real binary is evaluated once, and a watch on the
# link path does not cover it (the kernel watches the link's own inode).
test_symlink_to_another_target_is_evaluated_once if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	c1_13.checked == 1 with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [], "persistent": null}
	vs := c1_13.violations with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	[v.resource.id | some v in vs] == ["/usr/sbin/runc"]
}

test_rule_on_symlink_target_covers if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	rule := object.union(watch_successor, {"text": "-w /usr/sbin/runc -k docker", "path": "/usr/sbin/runc"})
	count(c1_13.violations) == 0 with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_whole_package_on_a_failing_host if {
	link := object.union(successor, {"resolved_path": "/usr/sbin/runc"})
	doc := c1_13 with input.files as [legacy_absent, link, sbin_runc] with input.host.audit as {"loaded": [], "persistent": null}
	count(doc.violations) == 1
	doc.checked == 1
	count(doc.evidence.files) == 3
}

test_whole_package_with_nothing_collected if {
	doc := c1_13 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null}
	count(doc.missing) == 2
}
