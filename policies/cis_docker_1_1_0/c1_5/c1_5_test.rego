package cis_docker_1_1_0.c1_5_test

import data.cis_docker_1_1_0.c1_5
import data.lib.result

dockerd := {"role": "dockerd_binary", "path": "/usr/bin/dockerd", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

no_usr_bin_dockerd := object.union(dockerd, {"exists": false, "type": null})

sbin_dockerd := object.union(dockerd, {"path": "/usr/sbin/dockerd"})

client := {"role": "docker_binary", "path": "/usr/bin/docker", "exists": true, "type": "file", "resolved_path": null, "error_kind": null, "error": null}

watch_dockerd := {"origin": "auditctl", "text": "-w /usr/bin/dockerd -p rwxa -k docker", "path": "/usr/bin/dockerd", "key": "docker"}

watch_client := {"origin": "auditctl", "text": "-w /usr/bin/docker -p rwxa -k docker", "path": "/usr/bin/docker", "key": "docker"}

test_watch_on_dockerd_passes if {
	c1_5.checked == 1 with input.files as [client, dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
	c1_5.violations == set() with input.files as [client, dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
	c1_5.missing == set() with input.files as [client, dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
}

test_syscall_exec_rule_on_dockerd_passes if {
	rule := {"origin": "auditctl", "text": "-a always,exit -S all -F path=/usr/bin/dockerd -F perm=x -F key=docker", "path": "/usr/bin/dockerd", "key": "docker"}
	c1_5.violations == set() with input.files as [dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [rule], "persistent": null}
}

# v1.1.0's literal path is the client since Docker 1.12: a watch on it does not audit the daemon.
test_watch_on_client_only_fails if {
	vs := c1_5.violations with input.files as [client, dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_client], "persistent": null}
	vs == {{
		"resource": {"kind": "file", "id": "/usr/bin/dockerd", "name": "dockerd_binary"},
		"message": "no audit rule watches /usr/bin/dockerd (loaded rules (auditctl -l))",
		"actual": "no audit rule",
		"expected": "an audit rule naming /usr/bin/dockerd, e.g. -w /usr/bin/dockerd -k docker",
	}}
}

test_running_binary_elsewhere_is_audited_too if {
	vs := c1_5.violations with input.files as [dockerd, sbin_dockerd] with input.daemon as {"pid": 1, "exe": "/usr/sbin/dockerd"}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/sbin/dockerd", "name": "dockerd_binary"},
		"message": "no audit rule watches /usr/sbin/dockerd (loaded rules (auditctl -l))",
	}}
}

test_debian_layout_with_only_sbin_dockerd if {
	rule := object.union(watch_dockerd, {"text": "-w /usr/sbin/dockerd -k docker", "path": "/usr/sbin/dockerd"})
	c1_5.checked == 1 with input.files as [no_usr_bin_dockerd, sbin_dockerd] with input.daemon as {"pid": 1, "exe": "/usr/sbin/dockerd"}
		with input.host.audit as {"loaded": [rule], "persistent": null}
	c1_5.violations == set() with input.files as [no_usr_bin_dockerd, sbin_dockerd] with input.daemon as {"pid": 1, "exe": "/usr/sbin/dockerd"}
		with input.host.audit as {"loaded": [rule], "persistent": null}
}

test_no_rules_at_all_fails if {
	vs := c1_5.violations with input.files as [dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": null, "persistent": []}
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/usr/bin/dockerd", "name": "dockerd_binary"},
		"message": "no audit rule watches /usr/bin/dockerd (persistent rule files (the loaded rules could not be read))",
	}}
}

test_no_daemon_binary_is_not_applicable if {
	c1_5.not_applicable == "the Docker daemon binary (dockerd) does not exist on this host" with input.files as [no_usr_bin_dockerd]
		with input.daemon as {"pid": null, "exe": "/usr/bin/dockerd"} with input.host.audit as {"loaded": null, "persistent": null}
	c1_5.missing == set() with input.files as [no_usr_bin_dockerd]
		with input.daemon as {"pid": null, "exe": "/usr/bin/dockerd"} with input.host.audit as {"loaded": null, "persistent": null}
}

test_unknown_exe_without_usr_bin_dockerd_is_missing if {
	c1_5.missing == {"daemon.exe (/proc/<dockerd pid>/exe could not be read and /usr/bin/dockerd does not exist)"} with input.files as [no_usr_bin_dockerd]
		with input.daemon as {"pid": null, "exe": null} with input.host.audit as {"loaded": [], "persistent": null}
}

test_unknown_exe_with_usr_bin_dockerd_is_decided if {
	c1_5.missing == set() with input.files as [dockerd] with input.daemon as {"pid": null, "exe": null}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
	c1_5.checked == 1 with input.files as [dockerd] with input.daemon as {"pid": null, "exe": null}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
}

test_unstatable_binary_is_missing if {
	f := object.union(dockerd, {"exists": null, "type": null, "error_kind": "permission", "error": "Permission denied"})
	c1_5.missing == {"file /usr/bin/dockerd (permission: Permission denied)"} with input.files as [f] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_dockerd], "persistent": null}
}

test_unreadable_rules_are_missing if {
	c1_5.missing == {"host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)"} with input.files as [dockerd]
		with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"} with input.host.audit as {"loaded": null, "persistent": null}
}

test_watch_on_usr_bin_is_for_review if {
	dir_watch := {"origin": "/etc/audit/audit.rules", "text": "-w /usr/bin -p wa -k binaries", "path": "/usr/bin", "key": "binaries"}
	rs := c1_5.reviews with input.files as [dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": null, "persistent": [dir_watch]}
	rs == {{
		"resource": {"kind": "file", "id": "/usr/bin/dockerd", "name": "dockerd_binary"},
		"message": "/usr/bin/dockerd is audited only through the recursive watch on a parent directory (-w /usr/bin -p wa -k binaries); the benchmark asks for a rule naming the file",
		"actual": {"-w /usr/bin -p wa -k binaries"},
		"expected": "an audit rule naming /usr/bin/dockerd, e.g. -w /usr/bin/dockerd -k docker",
	}}
	c1_5.violations == set() with input.files as [dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": null, "persistent": [dir_watch]}
}

test_whole_package_on_a_failing_host if {
	doc := c1_5 with input.files as [client, dockerd] with input.daemon as {"pid": 1234, "exe": "/usr/bin/dockerd"}
		with input.host.audit as {"loaded": [watch_client], "persistent": null}
	result.brief(doc.violations) == {{
		"resource": {"kind": "file", "id": "/usr/bin/dockerd", "name": "dockerd_binary"},
		"message": "no audit rule watches /usr/bin/dockerd (loaded rules (auditctl -l))",
	}}
	doc.reviews == set()
	doc.checked == 1
	doc.missing == set()
}

test_whole_package_with_nothing_collected if {
	doc := c1_5 with input.files as [] with input.host.audit as {"loaded": null, "persistent": null} with input.daemon as {}
	doc.missing == {"file facts for role dockerd_binary (not collected)", "daemon.exe (/proc/<dockerd pid>/exe could not be read and /usr/bin/dockerd does not exist)"}
}
