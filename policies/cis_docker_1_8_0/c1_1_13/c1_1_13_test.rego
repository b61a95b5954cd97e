package cis_docker_1_8_0.c1_1_13_test

import data.cis_docker_1_8_0.c1_1_13
import data.lib.result

fact := {"role": "etc_sysconfig_docker", "path": "/etc/sysconfig/docker", "exists": true, "type": "file", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000, "error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

watch := {"origin": "auditctl", "text": "-w /etc/sysconfig/docker -p wa -k docker", "path": "/etc/sysconfig/docker", "key": "docker"}

field_rule := {"origin": "auditctl", "text": "-a always,exit -F path=/etc/sysconfig/docker -F perm=war -k docker", "path": "/etc/sysconfig/docker", "key": "docker"}

parent_watch := {"origin": "auditctl", "text": "-w /etc/sysconfig -p wa -k parent", "path": "/etc/sysconfig", "key": "parent"}

resource := {"kind": "file", "id": "/etc/sysconfig/docker", "name": "etc_sysconfig_docker"}

test_a_watch_on_the_options_file_passes if {
	d := c1_1_13 with input.files as [fact] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.violations == set()
	d.reviews == set()
	d.missing == set()
	d.checked == 1
	not d.not_applicable
}

test_a_path_field_rule_passes if {
	d := c1_1_13 with input.files as [fact] with input.host.audit as {"loaded": [field_rule], "persistent": null}
	d.violations == set()
	d.checked == 1
}

test_no_rule_fails if {
	vs := c1_1_13.violations with input.files as [fact] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": resource,
		"message": "no audit rule watches /etc/sysconfig/docker (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/sysconfig/docker, e.g. -w /etc/sysconfig/docker -k docker",
	}}
}

test_a_rule_only_in_the_rule_files_fails_and_says_to_load_it if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := c1_1_13.violations with input.files as [fact] with input.host.audit as {"loaded": [], "persistent": [persisted]}
	result.brief(vs) == {{"resource": resource, "message": "no audit rule watches /etc/sysconfig/docker (loaded rules (auditctl -l)); /etc/sysconfig/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)"}}
}

test_the_rule_files_decide_when_the_loaded_rules_are_unreadable if {
	persisted := object.union(watch, {"origin": "/etc/audit/rules.d/docker.rules"})
	d := c1_1_13 with input.files as [fact] with input.host.audit as {"loaded": null, "persistent": [persisted]}
	d.violations == set()
	d.checked == 1
}

test_a_watch_on_a_parent_directory_is_for_review if {
	d := c1_1_13 with input.files as [fact] with input.host.audit as {"loaded": [parent_watch], "persistent": null}
	result.brief(d.reviews) == {{"resource": resource, "message": "/etc/sysconfig/docker is audited only through the recursive watch on a parent directory (-w /etc/sysconfig -p wa -k parent); the benchmark asks for a rule naming the file"}}
	d.violations == set()
}

test_a_rule_on_another_defaults_file_does_not_count if {
	other := {"origin": "auditctl", "text": "-w /etc/default/docker -k docker", "path": "/etc/default/docker", "key": "docker"}
	vs := c1_1_13.violations with input.files as [fact] with input.host.audit as {"loaded": [other], "persistent": null}
	result.brief(vs) == {{"resource": resource, "message": "no audit rule watches /etc/sysconfig/docker (loaded rules (auditctl -l))"}}
}

test_absent_options_file_is_not_applicable if {
	d := c1_1_13 with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	d.not_applicable == "/etc/sysconfig/docker does not exist on this host"
	d.missing == set()
	d.violations == set()
}

test_unreadable_fact_is_missing if {
	d := c1_1_13 with input.files as [unreadable] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.missing == {"file /etc/sysconfig/docker (permission: Permission denied)"}
	not d.not_applicable
}

test_facts_not_collected_are_missing if {
	d := c1_1_13 with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.missing == {"file facts for role etc_sysconfig_docker (not collected)"}
	not d.not_applicable
}

test_unreadable_rules_are_missing if {
	d := c1_1_13 with input.files as [fact] with input.host.audit as {"loaded": null, "persistent": null}
	d.missing == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"}
	d.violations == set()
	not d.checked
}

test_evidence_names_the_rule if {
	ev := c1_1_13.evidence with input.files as [fact] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [{"path": "/etc/sysconfig/docker", "role": "etc_sysconfig_docker", "exists": true, "resolved_path": null, "rules": {"-w /etc/sysconfig/docker -p wa -k docker"}, "parent_rules": set()}],
	}
}

test_whole_package_with_nothing_collected if {
	d := c1_1_13 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	d.missing == {"file facts for role etc_sysconfig_docker (not collected)"}
	d.violations == set()
	d.reviews == set()
	not d.checked
}
