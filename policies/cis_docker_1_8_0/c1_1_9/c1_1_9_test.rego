package cis_docker_1_8_0.c1_1_9_test

import data.cis_docker_1_8_0.c1_1_9
import data.lib.result

sock := {"role": "docker_sock", "path": "/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null, "error_kind": null, "error": null}

# /var/run is a symlink to /run: the same socket by a second path.
var_run_sock := {"role": "docker_sock", "path": "/var/run/docker.sock", "exists": true, "type": "socket", "resolved_path": "/run/docker.sock", "error_kind": null, "error": null}

unit := {"role": "docker.socket", "path": "/lib/systemd/system/docker.socket", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

watch := {"origin": "auditctl", "text": "-w /run/docker.sock -k docker", "path": "/run/docker.sock", "key": "docker"}

unit_watch := {"origin": "auditctl", "text": "-w /lib/systemd/system/docker.socket -k docker", "path": "/lib/systemd/system/docker.socket", "key": "docker"}

resource := {"kind": "file", "id": "/run/docker.sock", "name": "docker_sock"}

no_rule := {"resource": resource, "message": "no audit rule watches /run/docker.sock (loaded rules (auditctl -l))"}

rules_missing := "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"

test_watch_on_the_socket_passes if {
	doc := c1_1_9 with input.files as [sock, var_run_sock] with input.host.audit as {"loaded": [watch], "persistent": null}
	doc.violations == set()
	doc.reviews == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_watch_on_the_unit_file_does_not_cover_the_socket if {
	vs := c1_1_9.violations with input.files as [sock, unit] with input.host.audit as {"loaded": [unit_watch], "persistent": null}
	vs == {{
		"resource": resource,
		"message": "no audit rule watches /run/docker.sock (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /run/docker.sock, e.g. -w /run/docker.sock -k docker",
	}}
}

test_socket_reached_through_a_symlink_is_judged_once if {
	vs := c1_1_9.violations with input.files as [var_run_sock, sock] with input.host.audit as {"loaded": [], "persistent": []}
	result.brief(vs) == {no_rule}
}

test_watch_on_the_symlink_target_covers_the_other_path if {
	doc := c1_1_9 with input.files as [var_run_sock] with input.host.audit as {"loaded": [watch], "persistent": null}
	doc.violations == set()
	doc.checked == 1
}

test_watch_on_the_run_directory_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /run -p wa -k run", "path": "/run", "key": "run"}
	rs := c1_1_9.reviews with input.files as [sock] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	result.brief(rs) == {{"resource": resource, "message": "/run/docker.sock is audited only through the recursive watch on a parent directory (-w /run -p wa -k run); the benchmark asks for a rule naming the file"}}
	c1_1_9.violations == set() with input.files as [sock] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
}

test_no_socket_is_not_applicable if {
	absent := object.union(sock, {"exists": false, "type": null})
	doc := c1_1_9 with input.files as [absent] with input.host.audit as {"loaded": null, "persistent": null}
	doc.not_applicable == "no Docker API unix socket exists on this host (looked at /run/docker.sock)"
	doc.missing == set()
	doc.violations == set()
}

test_unreadable_socket_fact_is_missing if {
	unknown := object.union(sock, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	doc := c1_1_9 with input.files as [unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
	doc.missing == {"file /run/docker.sock (permission: Permission denied)"}
	not doc.not_applicable
}

test_socket_facts_not_collected_are_missing if {
	doc := c1_1_9 with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
	doc.missing == {"file facts for role docker_sock (not collected)"}
	not doc.not_applicable
}

test_unreadable_rules_are_missing if {
	doc := c1_1_9 with input.files as [sock] with input.host.audit as {"loaded": null, "persistent": null}
	doc.missing == {rules_missing}
	not doc.checked
	doc.violations == set()
}

test_evidence_names_the_rule if {
	ev := c1_1_9.evidence with input.files as [sock] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [{"path": "/run/docker.sock", "role": "docker_sock", "exists": true, "resolved_path": null, "rules": {"-w /run/docker.sock -k docker"}, "parent_rules": set()}],
	}
}

test_whole_package_with_nothing_collected if {
	doc := c1_1_9 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	doc.missing == {"file facts for role docker_sock (not collected)"}
	doc.violations == set()
	doc.reviews == set()
	not doc.checked
}
