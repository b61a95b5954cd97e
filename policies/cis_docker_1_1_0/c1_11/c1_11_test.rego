package cis_docker_1_1_0.c1_11_test

import data.cis_docker_1_1_0.c1_11
import data.lib.result

target := {"role": "daemon_json", "path": "/etc/docker/daemon.json", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

watch := {"origin": "auditctl", "text": "-w /etc/docker/daemon.json -p rwxa -k docker", "path": "/etc/docker/daemon.json", "key": "docker"}

resource := {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"}

# no_rule is the violation for the target when the loaded rules (read) do not name it.
no_rule := {"resource": resource, "message": "no audit rule watches /etc/docker/daemon.json (loaded rules (auditctl -l))"}

rules_missing := "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"

test_loaded_watch_passes if {
	c1_11.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_11.violations == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_11.reviews == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	c1_11.missing == set() with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	not c1_11.not_applicable with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_no_rule_fails if {
	vs := c1_11.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "no audit rule watches /etc/docker/daemon.json (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/docker/daemon.json, e.g. -w /etc/docker/daemon.json -k docker",
	}}
}

test_persisted_but_not_loaded_rule_fails if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := c1_11.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": [persisted]}
	result.brief(vs) == {{"resource": resource, "message": "no audit rule watches /etc/docker/daemon.json (loaded rules (auditctl -l)); /etc/docker/daemon.json is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)"}}
}

test_persistent_rule_counts_when_loaded_rules_unreadable if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	c1_11.checked == 1 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_11.violations == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	c1_11.missing == set() with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
}

test_trailing_slash_in_rule_is_the_same_path if {
	slashed := object.union(watch, {"text": "-w /etc/docker/daemon.json/ -k docker", "path": "/etc/docker/daemon.json/"})
	c1_11.violations == set() with input.files as [target] with input.host.audit as {"loaded": [slashed], "persistent": null}
}

test_prefix_rule_is_not_a_whole_path_match if {
	longer := object.union(watch, {"text": "-w /etc/docker/daemon.json.bak -k docker", "path": "/etc/docker/daemon.json.bak"})
	result.brief(c1_11.violations) == {no_rule} with input.files as [target] with input.host.audit as {"loaded": [longer], "persistent": null}
}

test_absent_file_is_not_applicable if {
	absent := object.union(target, {"exists": false, "type": null})
	c1_11.not_applicable == "the daemon configuration file does not exist on this host" with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	c1_11.missing == set() with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_file_is_missing if {
	unknown := object.union(target, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_11.missing == {"file /etc/docker/daemon.json (permission: Permission denied)"} with input.files as [unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_file_fact_not_collected_is_missing if {
	c1_11.missing == {"file facts for role daemon_json (not collected)"} with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_11.missing == {rules_missing} with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
	not c1_11.checked with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
}

test_evidence_names_the_rule if {
	ev := c1_11.evidence with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [{"path": "/etc/docker/daemon.json", "role": "daemon_json", "exists": true, "resolved_path": null, "rules": {"-w /etc/docker/daemon.json -p rwxa -k docker"}, "parent_rules": set()}],
	}
}

test_watch_on_etc_docker_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /etc/docker -k docker", "path": "/etc/docker", "key": "docker"}
	rs := c1_11.reviews with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	rs == {{
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "/etc/docker/daemon.json is audited only through the recursive watch on a parent directory (-w /etc/docker -k docker); the benchmark asks for a rule naming the file",
		"actual": {"-w /etc/docker -k docker"},
		"expected": "an audit rule naming /etc/docker/daemon.json, e.g. -w /etc/docker/daemon.json -k docker",
	}}
	c1_11.violations == set() with input.files as [target] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
}

test_config_file_elsewhere_is_the_one_audited if {
	custom := object.union(target, {"path": "/srv/docker/daemon.json"})
	vs := c1_11.violations with input.files as [custom] with input.host.audit as {"loaded": [watch], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/srv/docker/daemon.json", "name": "daemon_json"},
		"message": "no audit rule watches /srv/docker/daemon.json (loaded rules (auditctl -l))",
	}}
}

# The engine evaluates the whole package: every rule must hold up, not only the one a test reads.
test_whole_package_on_a_failing_host if {
	doc := c1_11 with input.files as [target] with input.host.audit as {"loaded": [], "persistent": null}
	result.brief(doc.violations) == {no_rule}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
	doc.evidence.files == [{"path": "/etc/docker/daemon.json", "role": "daemon_json", "exists": true, "resolved_path": null, "rules": set(), "parent_rules": set()}]
}

test_whole_package_with_nothing_collected if {
	doc := c1_11 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	doc.missing == {"file facts for role daemon_json (not collected)"}
	doc.violations == set()
	doc.reviews == set()
	not doc.checked
}
