package cis_docker_1_1_0.c1_10_test

import data.cis_docker_1_1_0.c1_10
import data.lib.result

target := {"role": "etc_default_docker", "path": "/etc/default/docker", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

watch := {"origin": "auditctl", "text": "-w /etc/default/docker -p rwxa -k docker", "path": "/etc/default/docker", "key": "docker"}

resource := {"kind": "file", "id": "/etc/default/docker", "name": "etc_default_docker"}

# no_rule is the violation for the target when the loaded rules (read) do not name it.
no_rule := {"resource": resource, "message": "no audit rule watches /etc/default/docker (loaded rules (auditctl -l))"}

rules_missing := "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"

test_loaded_watch_passes if {
	c1_10.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_10.violations == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_10.reviews == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_10.missing == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	not c1_10.not_applicable with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_no_rule_fails if {
	vs := c1_10.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": {"kind": "file", "id": "/etc/default/docker", "name": "etc_default_docker"},
		"message": "no audit rule watches /etc/default/docker (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/default/docker, e.g. -w /etc/default/docker -k docker",
	}}
}

test_persisted_but_not_loaded_rule_fails if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := c1_10.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": [persisted]}
	result.brief(vs) == {{"resource": resource, "message": "no audit rule watches /etc/default/docker (loaded rules (auditctl -l)); /etc/default/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)"}}
}

test_persistent_rule_counts_when_loaded_rules_unreadable if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	c1_10.checked == 1 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_10.violations == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_10.missing == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
}

test_trailing_slash_in_rule_is_the_same_path if {
	slashed := object.union(watch, {"text": "-w /etc/default/docker/ -k docker", "path": "/etc/default/docker/"})
	c1_10.violations == set() with input.files as [target] with input.host.audit as {"loaded": [slashed], "persistent": null}
}

test_prefix_rule_is_not_a_whole_path_match if {
	longer := object.union(watch, {"text": "-w /etc/default/docker.bak -k docker", "path": "/etc/default/docker.bak"})
	result.brief(c1_10.violations) == {no_rule} with input.files as [target] with input.host.audit as {"loaded": [longer], "persistent": null}
}

test_absent_file_is_not_applicable if {
	absent := object.union(target, {"exists": false, "type": null})
	c1_10.not_applicable == "/etc/default/docker does not exist on this host" with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	c1_10.missing == set() with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_file_is_missing if {
	unknown := object.union(target, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_10.missing == {"file /etc/default/docker (permission: Permission denied)"} with input.files as [unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_file_fact_not_collected_is_missing if {
	c1_10.missing == {"file facts for role etc_default_docker (not collected)"} with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_10.missing == {rules_missing} with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
	not c1_10.checked with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
}

test_evidence_names_the_rule if {
	ev := c1_10.evidence with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [{"path": "/etc/default/docker", "role": "etc_default_docker", "exists": true, "resolved_path": null, "rules": {"-w /etc/default/docker -p rwxa -k docker"}, "parent_rules": set()}],
	}
}

test_sysconfig_docker_is_not_this_control if {
	sysconfig := {"role": "etc_sysconfig_docker", "path": "/etc/sysconfig/docker", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}
	absent := object.union(target, {"exists": false, "type": null})
	c1_10.not_applicable == "/etc/default/docker does not exist on this host" with input.files as [absent, sysconfig]
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_watch_on_parent_directory_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /etc/default -p wa -k defaults", "path": "/etc/default", "key": null}
	rs := c1_10.reviews with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	rs == {{
		"resource": resource,
		"message": "/etc/default/docker is audited only through the recursive watch on a parent directory (-w /etc/default -p wa -k defaults); the benchmark asks for a rule naming the file",
		"actual": {"-w /etc/default -p wa -k defaults"},
		"expected": "an audit rule naming /etc/default/docker, e.g. -w /etc/default/docker -k docker",
	}}
	c1_10.violations == set() with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	c1_10.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
}

# The engine evaluates the whole package: every rule must hold up, not only the one a test reads.
test_whole_package_on_a_failing_host if {
	doc := c1_10 with input.files as [target] with input.host.audit as {"loaded": [], "persistent": null}
	result.brief(doc.violations) == {no_rule}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
	doc.evidence.files == [{"path": "/etc/default/docker", "role": "etc_default_docker", "exists": true, "resolved_path": null, "rules": set(), "parent_rules": set()}]
}

test_whole_package_with_nothing_collected if {
	doc := c1_10 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	doc.missing == {"file facts for role etc_default_docker (not collected)"}
	doc.violations == set()
	doc.reviews == set()
	not doc.checked
}
