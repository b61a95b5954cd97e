package lib.audit_test

import data.lib.audit

etc_docker := {"role": "etc_docker", "path": "/etc/docker", "exists": true, "type": "dir", "resolved_path": null, "error_kind": null, "error": null}

daemon_json := {"role": "daemon_json", "path": "/etc/docker/daemon.json", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

runc_link := {"role": "runc_legacy_binary", "path": "/usr/bin/docker-runc", "exists": true, "type": "file", "resolved_path": "/usr/bin/runc", "error_kind": null, "error": null}

watch_etc_docker := {"origin": "auditctl", "text": "-w /etc/docker -p rwxa -k docker", "path": "/etc/docker", "key": "docker"}

watch_etc_docker_slash := {"origin": "auditctl", "text": "-w /etc/docker/ -p wa -k docker", "path": "/etc/docker/", "key": "docker"}

watch_daemon_json := {"origin": "auditctl", "text": "-w /etc/docker/daemon.json -p rwxa -k docker", "path": "/etc/docker/daemon.json", "key": "docker"}

syscall_path_etc_docker := {"origin": "auditctl", "text": "-a always,exit -S all -F path=/etc/docker -F perm=wa -F key=docker", "path": "/etc/docker", "key": "docker"}

never_etc_docker := {"origin": "auditctl", "text": "-a never,exit -S all -F dir=/etc/docker", "path": "/etc/docker", "key": null}

exit_never_etc_docker := {"origin": "auditctl", "text": "-a exit,never -S all -F path=/etc/docker", "path": "/etc/docker", "key": null}

test_loaded_rules_win_over_persistent if {
	rule := watch_etc_docker
	audit.rules == [rule] with input.host.audit as {"loaded": [rule], "persistent": []}
}

test_persistent_rules_when_loaded_unreadable if {
	rule := watch_daemon_json
	audit.rules == [rule] with input.host.audit as {"loaded": null, "persistent": [rule]}
}

test_no_rules_known_when_both_null if {
	not audit.rules_known with input.host.audit as {"loaded": null, "persistent": null}
	count(audit.missing_rules) == 1 with input.host.audit as {"loaded": null, "persistent": null}
}

test_empty_loaded_list_is_known if {
	audit.rules_known with input.host.audit as {"loaded": [], "persistent": null}
}

test_whole_path_match if {
	audit.is_covered(etc_docker) with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
}

test_trailing_slash_is_the_same_path if {
	audit.is_covered(etc_docker) with input.host.audit as {"loaded": [watch_etc_docker_slash], "persistent": null}
}

test_child_rule_does_not_cover_parent if {
	audit.is_uncovered(etc_docker) with input.host.audit as {"loaded": [watch_daemon_json], "persistent": null}
}

test_syscall_path_rule_covers if {
	audit.is_covered(etc_docker) with input.host.audit as {"loaded": [syscall_path_etc_docker], "persistent": null}
}

test_never_rules_do_not_cover if {
	audit.is_uncovered(etc_docker) with input.host.audit as {"loaded": [never_etc_docker, exit_never_etc_docker], "persistent": null}
}

test_parent_watch_is_only_partial_coverage if {
	audit.is_covered_by_parent(daemon_json) with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
	not audit.is_covered(daemon_json) with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
}

test_parent_syscall_path_rule_is_not_recursive if {
	audit.is_uncovered(daemon_json) with input.host.audit as {"loaded": [syscall_path_etc_docker], "persistent": null}
}

test_prefix_is_not_a_parent if {
	f := object.union(etc_docker, {"path": "/etc/dockerfoo"})
	audit.is_uncovered(f) with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
}

test_symlink_target_named_by_rule_covers if {
	rule := {"origin": "auditctl", "text": "-w /usr/bin/runc -k docker", "path": "/usr/bin/runc", "key": "docker"}
	audit.is_covered(runc_link) with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_violation_mentions_persisted_but_not_loaded if {
	persisted := object.union(watch_etc_docker, {"origin": "/etc/audit/rules.d/docker.rules"})
	vs := audit.unaudited_findings({"etc_docker"}) with input.files as [etc_docker]
		with input.host.audit as {"loaded": [], "persistent": [persisted]}
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker", "name": "etc_docker"},
		"message": "no audit rule watches /etc/docker (loaded rules (auditctl -l)); /etc/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/docker, e.g. -w /etc/docker -k docker",
	}}
}

test_missing_rules_only_when_a_file_exists if {
	absent := object.union(etc_docker, {"exists": false, "type": null})
	count(audit.facts_missing({"etc_docker"})) == 0 with input.files as [absent]
		with input.host.audit as {"loaded": null, "persistent": null}
	count(audit.facts_missing({"etc_docker"})) == 1 with input.files as [etc_docker]
		with input.host.audit as {"loaded": null, "persistent": null}
}

test_role_without_fact_is_missing if {
	audit.facts_missing({"etc_docker"}) == {"file facts for role etc_docker (not collected)"} with input.files as []
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_parent_review_finding_is_exact if {
	rs := audit.parent_only_findings({"daemon_json"}) with input.files as [daemon_json]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
	rs == {{
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "/etc/docker/daemon.json is audited only through the recursive watch on a parent directory (-w /etc/docker -p rwxa -k docker); the benchmark asks for a rule naming the file",
		"actual": {"-w /etc/docker -p rwxa -k docker"},
		"expected": "an audit rule naming /etc/docker/daemon.json, e.g. -w /etc/docker/daemon.json -k docker",
	}}
}

test_rules_of_a_disabled_audit_system_fail if {
	vs := audit.unaudited_findings({"etc_docker"}) with input.files as [etc_docker]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null, "enabled": 0}
	[v.message | some v in vs] == ["auditing is disabled in the kernel (auditctl -s: enabled 0), so the rule for /etc/docker records nothing"]
}

test_parent_watch_of_a_disabled_audit_system_fails if {
	count(audit.unaudited_findings({"daemon_json"})) == 1 with input.files as [daemon_json]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null, "enabled": 0}
	count(audit.parent_only_findings({"daemon_json"})) == 0 with input.files as [daemon_json]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null, "enabled": 0}
}

test_enabled_or_unknown_state_changes_nothing if {
	count(audit.unaudited_findings({"etc_docker"})) == 0 with input.files as [etc_docker]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null, "enabled": 1}
	count(audit.unaudited_findings({"etc_docker"})) == 0 with input.files as [etc_docker]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null, "enabled": null}
	count(audit.unaudited_findings({"etc_docker"})) == 0 with input.files as [etc_docker]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
}
