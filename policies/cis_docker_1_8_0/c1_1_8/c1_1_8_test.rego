package cis_docker_1_8_0.c1_1_8_test

import data.cis_docker_1_8_0.c1_1_8
import data.lib.result

sock := {"role": "containerd_sock", "path": "/run/containerd/containerd.sock", "exists": true, "type": "socket", "resolved_path": null, "uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 432, "mode_octal": "0660", "mtime_unix": 1700000000, "error_kind": null, "error": null}

# The socket of the containerd an older dockerd starts itself when no system containerd runs.
supervised_absent := {"role": "containerd_sock", "path": "/var/run/docker/containerd/containerd.sock", "exists": false, "type": null, "resolved_path": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null, "mtime_unix": null, "error_kind": null, "error": null}

supervised := object.union(sock, {"path": "/var/run/docker/containerd/containerd.sock", "resolved_path": "/run/docker/containerd/containerd.sock"})

absent := object.union(supervised_absent, {"path": "/run/containerd/containerd.sock"})

watch := {"origin": "auditctl", "text": "-w /run/containerd/containerd.sock -k docker", "path": "/run/containerd/containerd.sock", "key": "docker"}

resource := {"kind": "file", "id": "/run/containerd/containerd.sock", "name": "containerd_sock"}

supervised_resource := {"kind": "file", "id": "/var/run/docker/containerd/containerd.sock", "name": "containerd_sock"}

rules_missing := "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"

test_watch_on_the_socket_passes if {
	d := c1_1_8 with input.files as [sock, supervised_absent] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.violations == set()
	d.reviews == set()
	d.missing == set()
	d.checked == 1
	not d.not_applicable
}

test_socket_without_a_rule_fails if {
	vs := c1_1_8.violations with input.files as [sock, supervised_absent] with input.host.audit as {"loaded": [], "persistent": []}
	vs == {{
		"resource": resource,
		"message": "no audit rule watches /run/containerd/containerd.sock (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /run/containerd/containerd.sock, e.g. -w /run/containerd/containerd.sock -k docker",
	}}
}

test_a_rule_on_the_state_directory_is_for_review if {
	dir_watch := {"origin": "auditctl", "text": "-w /run/containerd -p wa -k containerd", "path": "/run/containerd", "key": "containerd"}
	d := c1_1_8 with input.files as [sock] with input.host.audit as {"loaded": [dir_watch], "persistent": null}
	result.brief(d.reviews) == {{"resource": resource, "message": "/run/containerd/containerd.sock is audited only through the recursive watch on a parent directory (-w /run/containerd -p wa -k containerd); the benchmark asks for a rule naming the file"}}
	d.violations == set()
}

test_the_supervised_containerd_socket_is_judged_by_its_real_path if {
	real_watch := {"origin": "auditctl", "text": "-w /run/docker/containerd/containerd.sock -k docker", "path": "/run/docker/containerd/containerd.sock", "key": "docker"}
	d := c1_1_8 with input.files as [absent, supervised] with input.host.audit as {"loaded": [real_watch], "persistent": null}
	d.violations == set()
	d.checked == 1
	vs := c1_1_8.violations with input.files as [absent, supervised] with input.host.audit as {"loaded": [watch], "persistent": null}
	result.brief(vs) == {{"resource": supervised_resource, "message": "no audit rule watches /var/run/docker/containerd/containerd.sock (loaded rules (auditctl -l))"}}
}

test_every_existing_socket_is_judged if {
	vs := c1_1_8.violations with input.files as [sock, supervised] with input.host.audit as {"loaded": [watch], "persistent": null}
	result.brief(vs) == {{"resource": supervised_resource, "message": "no audit rule watches /var/run/docker/containerd/containerd.sock (loaded rules (auditctl -l))"}}
}

test_no_socket_is_not_applicable if {
	d := c1_1_8 with input.files as [absent, supervised_absent] with input.host.audit as {"loaded": null, "persistent": null}
	d.not_applicable == "no containerd socket exists on this host (looked at /run/containerd/containerd.sock, /var/run/docker/containerd/containerd.sock)"
	d.missing == set()
	d.violations == set()
}

test_a_regular_file_at_the_socket_path_is_not_a_socket if {
	d := c1_1_8 with input.files as [object.union(sock, {"type": "file"})] with input.host.audit as {"loaded": [], "persistent": []}
	d.not_applicable == "no containerd socket exists on this host (looked at /run/containerd/containerd.sock)"
}

test_an_unreadable_candidate_is_missing if {
	unknown := object.union(supervised_absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})
	d := c1_1_8 with input.files as [absent, unknown] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.missing == {"file /var/run/docker/containerd/containerd.sock (permission: Permission denied)"}
	not d.not_applicable
}

test_socket_facts_not_collected_are_missing if {
	d := c1_1_8 with input.files as [] with input.host.audit as {"loaded": [watch], "persistent": null}
	d.missing == {"file facts for role containerd_sock (not collected)"}
	not d.not_applicable
}

test_unreadable_rules_are_missing if {
	d := c1_1_8 with input.files as [sock] with input.host.audit as {"loaded": null, "persistent": null}
	d.missing == {rules_missing}
	not d.checked
	d.violations == set()
}

test_evidence_names_the_rule if {
	ev := c1_1_8.evidence with input.files as [sock, supervised_absent] with input.host.audit as {"loaded": [watch], "persistent": null}
	ev == {
		"audit_rules_source": "loaded rules (auditctl -l)",
		"files": [
			{"path": "/run/containerd/containerd.sock", "role": "containerd_sock", "exists": true, "resolved_path": null, "rules": {"-w /run/containerd/containerd.sock -k docker"}, "parent_rules": set()},
			{"path": "/var/run/docker/containerd/containerd.sock", "role": "containerd_sock", "exists": false},
		],
	}
}

test_whole_package_with_nothing_collected if {
	d := c1_1_8 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	d.missing == {"file facts for role containerd_sock (not collected)"}
	d.violations == set()
	d.reviews == set()
	not d.checked
}

rootless_info(address) := {"docker_root_dir": "/home/dev/.local/share/docker", "security_options": ["name=rootless"], "containerd_address": address}

test_a_rootless_daemons_socket_is_missing_without_its_address if {
	d := c1_1_8 with input.files as [absent, supervised_absent] with input.host.audit as {"loaded": [], "persistent": []} with input.daemon.info as rootless_info(null)
	d.missing == {"the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"}
	d.violations == set()
}

test_a_rootless_daemons_socket_is_judged_at_the_address_info_names if {
	own := object.union(sock, {"path": "/run/user/1000/docker/containerd/containerd.sock", "uid": 1000, "gid": 1000, "owner": "dev", "group": "dev"})
	d := c1_1_8 with input.files as [own] with input.host.audit as {"loaded": [], "persistent": []} with input.daemon.info as rootless_info("/run/user/1000/docker/containerd/containerd.sock")
	d.missing == set()
	d.checked == 1
}
