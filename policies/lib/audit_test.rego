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
	audit.missing_rules == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"} with input.host.audit as {"loaded": null, "persistent": null}
}

test_no_rules_known_without_an_audit_fact if {
	not audit.rules_known with input.host as {}
	audit.rules_source == "none (neither auditctl -l nor the rule files could be read)" with input.host as {}
}

test_unknown_rules_leave_no_file_uncovered if {
	not audit.is_uncovered(etc_docker) with input.host.audit as {"loaded": null, "persistent": null}
	not audit.is_covered_by_parent(etc_docker) with input.host.audit as {"loaded": null, "persistent": null}
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

test_no_rule_finding_is_exact if {
	f := audit.no_rule_finding(etc_docker) with input.host.audit as {"loaded": [watch_daemon_json], "persistent": null}
	f == {
		"resource": {"kind": "file", "id": "/etc/docker", "name": "etc_docker"},
		"message": "no audit rule watches /etc/docker (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/docker, e.g. -w /etc/docker -k docker",
	}
}

test_no_rule_finding_names_the_persistent_source if {
	f := audit.no_rule_finding(etc_docker) with input.host.audit as {"loaded": null, "persistent": [watch_daemon_json]}
	f.message == "no audit rule watches /etc/docker (persistent rule files (the loaded rules could not be read))"
}

test_violation_mentions_persisted_but_not_loaded if {
	persisted := object.union(watch_etc_docker, {"origin": "/etc/audit/rules.d/docker.rules"})
	f := audit.no_rule_finding(etc_docker) with input.host.audit as {"loaded": [], "persistent": [persisted]}
	f == {
		"resource": {"kind": "file", "id": "/etc/docker", "name": "etc_docker"},
		"message": "no audit rule watches /etc/docker (loaded rules (auditctl -l)); /etc/docker is in /etc/audit/rules.d/docker.rules but not loaded (load it: augenrules --load)",
		"actual": "no audit rule",
		"expected": "an audit rule naming /etc/docker, e.g. -w /etc/docker -k docker",
	}
}

test_persisted_rule_files_are_listed_sorted if {
	in_b := object.union(watch_etc_docker, {"origin": "/etc/audit/rules.d/b.rules"})
	in_a := object.union(watch_etc_docker, {"origin": "/etc/audit/rules.d/a.rules"})
	f := audit.no_rule_finding(etc_docker) with input.host.audit as {"loaded": [], "persistent": [in_b, in_a]}
	f.message == "no audit rule watches /etc/docker (loaded rules (auditctl -l)); /etc/docker is in /etc/audit/rules.d/a.rules, /etc/audit/rules.d/b.rules but not loaded (load it: augenrules --load)"
}

test_missing_rules_only_when_a_file_exists if {
	absent := object.union(etc_docker, {"exists": false, "type": null})
	audit.facts_missing({"etc_docker"}) == set() with input.files as [absent]
		with input.host.audit as {"loaded": null, "persistent": null}
	audit.facts_missing({"etc_docker"}) == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"} with input.files as [etc_docker]
		with input.host.audit as {"loaded": null, "persistent": null}
}

test_role_without_fact_is_missing if {
	audit.facts_missing({"etc_docker"}) == {"file facts for role etc_docker (not collected)"} with input.files as []
		with input.host.audit as {"loaded": [], "persistent": null}
}

test_parent_review_finding_is_exact if {
	f := audit.parent_watch_finding(daemon_json) with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
	f == {
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "/etc/docker/daemon.json is audited only through the recursive watch on a parent directory (-w /etc/docker -p rwxa -k docker); the benchmark asks for a rule naming the file",
		"actual": {"-w /etc/docker -p rwxa -k docker"},
		"expected": "an audit rule naming /etc/docker/daemon.json, e.g. -w /etc/docker/daemon.json -k docker",
	}
}

test_symlink_and_its_target_are_evaluated_once if {
	link := object.union(runc_link, {"role": "runc_binary", "path": "/usr/bin/runc", "resolved_path": "/usr/sbin/runc"})
	target := object.union(link, {"path": "/usr/sbin/runc", "resolved_path": null})
	audit.present_targets({"runc_binary"}) == [target] with input.files as [link, target]
}

test_evidence_lists_every_target if {
	absent := object.union(daemon_json, {"exists": false, "type": null})
	ev := audit.evidence_of({"etc_docker", "daemon_json"}) with input.files as [etc_docker, absent]
		with input.host.audit as {"loaded": [watch_etc_docker], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [
			{"path": "/etc/docker", "role": "etc_docker", "exists": true, "resolved_path": null, "rules": {"-w /etc/docker -p rwxa -k docker"}, "parent_rules": set()},
			{"path": "/etc/docker/daemon.json", "role": "daemon_json", "exists": false},
		],
	}
}
