package cis_docker_1_1_0.c1_7_test

import data.cis_docker_1_1_0.c1_7
import data.lib.result

target := {"role": "etc_docker", "path": "/etc/docker", "exists": true, "type": "dir", "resolved_path": null, "error_kind": null, "error": null}

watch := {"origin": "auditctl", "text": "-w /etc/docker -p rwxa -k docker", "path": "/etc/docker", "key": "docker"}

resource := {"kind": "file", "id": "/etc/docker", "name": "etc_docker"}

# no_rule is the violation for the target when the loaded rules (read) do not name it.
no_rule := {"resource": resource, "message": "no audit rule watches /etc/docker (loaded rules (auditctl -l))"}

rules_missing := "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"

test_loaded_watch_passes if {
	c1_7.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_7.violations == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_7.reviews == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_7.missing == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	not c1_7.not_applicable with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_no_rule_fails if {
	vs := c1_7.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker", "name": "etc_docker"},
		"message": "no audit rule watches /etc/docker (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/docker, e.g. -w /etc/docker -k docker",
	}}
}

test_persisted_but_not_loaded_rule_fails if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := c1_7.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": [persisted]}
	result.brief(vs) == {{"resource": resource, "message": "no audit rule watches /etc/docker (loaded rules (auditctl -l)); /etc/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)"}}
}

test_persistent_rule_counts_when_loaded_rules_unreadable if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	c1_7.checked == 1 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_7.violations == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_7.missing == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
}

test_trailing_slash_in_rule_is_the_same_path if {
	slashed := object.union(watch, {"text": "-w /etc/docker/ -k docker", "path": "/etc/docker/"})
	c1_7.violations == set() with input.files as [target] with input.host.audit as {"loaded": [slashed], "persistent": null}
}

test_prefix_rule_is_not_a_whole_path_match if {
	longer := object.union(watch, {"text": "-w /etc/docker.bak -k docker", "path": "/etc/docker.bak"})
	result.brief(c1_7.violations) == {no_rule} with input.files as [target] with input.host.audit as {"loaded": [longer], "persistent": null}
}

test_absent_file_is_not_applicable if {
	absent := object.union(target, {"exists": false, "type": null})
	c1_7.not_applicable == "/etc/docker does not exist on this host" with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	c1_7.missing == set() with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_file_is_missing if {
	unknown := object.union(target, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_7.missing == {"file /etc/docker (permission: Permission denied)"} with input.files as [unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_file_fact_not_collected_is_missing if {
	c1_7.missing == {"file facts for role etc_docker (not collected)"} with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_7.missing == {rules_missing} with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
	not c1_7.checked with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
}

test_evidence_names_the_rule if {
	ev := c1_7.evidence with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [{"path": "/etc/docker", "role": "etc_docker", "exists": true, "resolved_path": null, "rules": {"-w /etc/docker -p rwxa -k docker"}, "parent_rules": set()}],
	}
}

test_rule_on_daemon_json_does_not_cover_etc_docker if {
	child := {"origin": "auditctl", "text": "-w /etc/docker/daemon.json -k docker", "path": "/etc/docker/daemon.json", "key": "docker"}
	result.brief(c1_7.violations) == {no_rule} with input.files as [target] with input.host.audit as {"loaded": [child], "persistent": null}
}

test_syscall_dir_rule_covers if {
	rule := {"origin": "auditctl", "text": "-a always,exit -S all -F dir=/etc/docker -F perm=wa -F key=docker", "path": "/etc/docker", "key": "docker"}
	c1_7.violations == set() with input.files as [target] with input.host.audit as {"loaded": [rule], "persistent": null}
	c1_7.reviews == set() with input.files as [target] with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_suppression_rule_does_not_count if {
	rule := {"origin": "auditctl", "text": "-a never,exit -F dir=/etc/docker", "path": "/etc/docker", "key": null}
	result.brief(c1_7.violations) == {no_rule} with input.files as [target] with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_watch_on_parent_directory_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /etc -p wa -k etc", "path": "/etc", "key": null}
	rs := c1_7.reviews with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	rs == {{
		"resource": resource,
		"message": "/etc/docker is audited only through the recursive watch on a parent directory (-w /etc -p wa -k etc); the benchmark asks for a rule naming the file",
		"actual": {"-w /etc -p wa -k etc"},
		"expected": "an audit rule naming /etc/docker, e.g. -w /etc/docker -k docker",
	}}
	c1_7.violations == set() with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	c1_7.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
}

# The engine evaluates the whole package: every rule must hold up, not only the one a test reads.
test_whole_package_on_a_failing_host if {
	doc := c1_7 with input.files as [target] with input.host.audit as {"loaded": [], "persistent": null}
	result.brief(doc.violations) == {no_rule}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
	doc.evidence.files == [{"path": "/etc/docker", "role": "etc_docker", "exists": true, "resolved_path": null, "rules": set(), "parent_rules": set()}]
}

test_whole_package_with_nothing_collected if {
	doc := c1_7 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	doc.missing == {"file facts for role etc_docker (not collected)"}
	doc.violations == set()
	doc.reviews == set()
	not doc.checked
}
