package cis_docker_1_1_0.c1_6_test

import data.cis_docker_1_1_0.c1_6

target := {"role": "data_root", "path": "/var/lib/docker", "exists": true, "type": "dir", "resolved_path": null, "error_kind": null, "error": null}

watch := {"origin": "auditctl", "text": "-w /var/lib/docker -p rwxa -k docker", "path": "/var/lib/docker", "key": "docker"}

test_loaded_watch_passes if {
	c1_6.checked == 1 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	count(c1_6.violations) == 0 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	count(c1_6.reviews) == 0 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	count(c1_6.missing) == 0 with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	not c1_6.not_applicable with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_no_rule_fails if {
	vs := c1_6.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": {"kind": "file", "id": "/var/lib/docker", "name": "data_root"},
		"message": "no audit rule watches /var/lib/docker (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /var/lib/docker, e.g. -w /var/lib/docker -k docker",
	}}
}

test_persisted_but_not_loaded_rule_fails if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := c1_6.violations with input.files as [target] with input.host.audit as {"loaded": [], "persistent": [persisted]}
	[v.message | some v in vs] == ["no audit rule watches /var/lib/docker (loaded rules (auditctl -l)); /var/lib/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)"]
}

test_persistent_rule_counts_when_loaded_rules_unreadable if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	c1_6.checked == 1 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	count(c1_6.violations) == 0 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	count(c1_6.missing) == 0 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": [persisted]}
}

test_trailing_slash_in_rule_is_the_same_path if {
	slashed := object.union(watch, {"text": "-w /var/lib/docker/ -k docker", "path": "/var/lib/docker/"})
	count(c1_6.violations) == 0 with input.files as [target] with input.host.audit as {"loaded": [slashed], "persistent": null}
}

test_prefix_rule_is_not_a_whole_path_match if {
	longer := object.union(watch, {"text": "-w /var/lib/docker.bak -k docker", "path": "/var/lib/docker.bak"})
	count(c1_6.violations) == 1 with input.files as [target] with input.host.audit as {"loaded": [longer], "persistent": null}
}

test_absent_file_is_not_applicable if {
	absent := object.union(target, {"exists": false, "type": null})
	c1_6.not_applicable == "the Docker root directory does not exist on this host" with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	count(c1_6.missing) == 0 with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_file_is_missing if {
	unknown := object.union(target, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_6.missing == {"file /var/lib/docker (permission: Permission denied)"} with input.files as [unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_file_fact_not_collected_is_missing if {
	c1_6.missing == {"file facts for role data_root (not collected)"} with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
}

test_unreadable_rules_are_missing if {
	count(c1_6.missing) == 1 with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
	not c1_6.checked with input.files as [target] with input.host.audit as {"loaded": null, "persistent": null}
}

test_evidence_names_the_rule if {
	ev := c1_6.evidence with input.files as [target] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev.audit_rules_source == "loaded rules (auditctl -l)"
	ev.files[0].rules == {"-w /var/lib/docker -p rwxa -k docker"}
}

test_custom_docker_root_is_audited_at_its_real_path if {
	moved := object.union(target, {"path": "/data/docker"})
	rule := object.union(watch, {"text": "-w /data/docker -k docker", "path": "/data/docker"})
	c1_6.checked == 1 with input.files as [moved] with input.host.audit as {"loaded": [rule], "persistent": null}
	count(c1_6.violations) == 0 with input.files as [moved] with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_rule_on_default_path_does_not_cover_a_moved_root if {
	moved := object.union(target, {"path": "/data/docker"})
	vs := c1_6.violations with input.files as [moved] with input.host.audit as {"loaded": [watch], "persistent": null}
	[v.resource.id | some v in vs] == ["/data/docker"]
}

# The engine evaluates the whole package: every rule must hold up, not only the one a test reads.
test_whole_package_on_a_failing_host if {
	doc := c1_6 with input.files as [target] with input.host.audit as {"loaded": [], "persistent": null}
	count(doc.violations) == 1
	doc.checked == 1
	count(doc.missing) == 0
	count(doc.evidence.files) == 1
}

test_whole_package_with_nothing_collected if {
	doc := c1_6 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	count(doc.missing) == 1
	count(doc.violations) == 0
}
