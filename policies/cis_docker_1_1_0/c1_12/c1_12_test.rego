package cis_docker_1_1_0.c1_12_test

import data.cis_docker_1_1_0.c1_12
import data.lib.result

legacy := {"role": "containerd_legacy_binary", "path": "/usr/bin/docker-containerd", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

legacy_absent := object.union(legacy, {"exists": false, "type": null})

successor := {"role": "containerd_binary", "path": "/usr/bin/containerd", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

successor_absent := object.union(successor, {"exists": false, "type": null})

watch_legacy := {"origin": "auditctl", "text": "-w /usr/bin/docker-containerd -k docker", "path": "/usr/bin/docker-containerd", "key": "docker"}

watch_successor := {"origin": "auditctl", "text": "-w /usr/bin/containerd -k docker", "path": "/usr/bin/containerd", "key": "docker"}

test_legacy_binary_audited_passes if {
	c1_12.checked == 1 with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
	c1_12.violations == set() with input.files as [legacy, successor_absent] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
}

# Current engines: the legacy path is gone and the successor is evaluated, as CIS v1.6.0 1.1.14 does.
test_successor_evaluated_when_legacy_absent if {
	c1_12.checked == 1 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	c1_12.violations == set() with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	not c1_12.not_applicable with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
}

test_unaudited_successor_fails if {
	vs := c1_12.violations with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [watch_legacy], "persistent": null}
	vs == {{
		"resource": {"kind": "file", "id": "/usr/bin/containerd", "name": "containerd_binary"},
		"message": "no audit rule watches /usr/bin/containerd (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /usr/bin/containerd, e.g. -w /usr/bin/containerd -k docker",
	}}
}

test_both_installed_both_need_a_rule if {
	vs := c1_12.violations with input.files as [legacy, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/bin/docker-containerd", "name": "containerd_legacy_binary"},
		"message": "no audit rule watches /usr/bin/docker-containerd (loaded rules (auditctl -l))",
	}}
	c1_12.checked == 2 with input.files as [legacy, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
}

test_legacy_symlink_to_successor_is_covered_by_the_successor_rule if {
	link := object.union(legacy, {"resolved_path": "/usr/bin/containerd"})
	c1_12.violations == set() with input.files as [link, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
	c1_12.checked == 1 with input.files as [link, successor] with input.host.audit as {"loaded": [watch_successor], "persistent": null}
}

test_neither_binary_is_not_applicable if {
	c1_12.not_applicable == "/usr/bin/docker-containerd (or its successor /usr/bin/containerd) does not exist on this host" with input.files as [legacy_absent, successor_absent]
		with input.host.audit as {"loaded": null, "persistent": null}
	c1_12.missing == set() with input.files as [legacy_absent, successor_absent]
		with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_legacy_path_is_missing if {
	unknown := object.union(legacy, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_12.missing == {"file /usr/bin/docker-containerd (permission: Permission denied)"} with input.files as [unknown, successor_absent]
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_successor_fact_not_collected_is_missing if {
	c1_12.missing == {"file facts for role containerd_binary (not collected)"} with input.files as [legacy_absent]
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_12.missing == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"} with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": null, "persistent": null}
}

test_persistent_rules_used_when_loaded_unreadable if {
	persisted := object.union(watch_successor, {"origin": "/etc/audit/rules.d/docker.rules"})
	c1_12.violations == set() with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_12.checked == 1 with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": null, "persistent": [persisted]}
}

test_watch_on_usr_bin_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /usr/bin -p wa -k binaries", "path": "/usr/bin", "key": "binaries"}
	rs := c1_12.reviews with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	rs == {{
		"resource": {"kind": "file", "id": "/usr/bin/containerd", "name": "containerd_binary"},
		"message": "/usr/bin/containerd is audited only through the recursive watch on a parent directory (-w /usr/bin -p wa -k binaries); the benchmark asks for a rule naming the file",
		"actual": {"-w /usr/bin -p wa -k binaries"},
		"expected": "an audit rule naming /usr/bin/containerd, e.g. -w /usr/bin/containerd -k docker",
	}}
	c1_12.violations == set() with input.files as [legacy_absent, successor] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
}

test_whole_package_on_a_failing_host if {
	doc := c1_12 with input.files as [legacy, successor] with input.host.audit as {"loaded": [], "persistent": null}
	result.brief(doc.violations) == {
		{
			"resource": {"kind": "file", "id": "/usr/bin/docker-containerd", "name": "containerd_legacy_binary"},
			"message": "no audit rule watches /usr/bin/docker-containerd (loaded rules (auditctl -l))",
		},
		{
			"resource": {"kind": "file", "id": "/usr/bin/containerd", "name": "containerd_binary"},
			"message": "no audit rule watches /usr/bin/containerd (loaded rules (auditctl -l))",
		},
	}
	doc.reviews == set()
	doc.checked == 2
	doc.missing == set()
}

test_whole_package_with_nothing_collected if {
	doc := c1_12 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null}
	doc.missing == {"file facts for role containerd_legacy_binary (not collected)", "file facts for role containerd_binary (not collected)"}
	not doc.checked
}
