package cis_docker_1_1_0.c1_2_test

import data.cis_docker_1_1_0.c1_2

test_always_manual if {
	startswith(c1_2.manual, "confirm the host is hardened") with input.host as {"os": {"id": "ubuntu", "version_id": "22.04"}, "listeners": []}
	not c1_2.checked with input.host as {"os": {"id": "ubuntu", "version_id": "22.04"}, "listeners": []}
	not c1_2.violations with input.host as {"os": {"id": "ubuntu", "version_id": "22.04"}, "listeners": []}
}

test_manual_even_without_any_fact if {
	c1_2.manual with input.host as {} with input.daemon as {}
	not c1_2.missing with input.host as {} with input.daemon as {}
	c1_2.evidence.os == null with input.host as {} with input.daemon as {}
	c1_2.evidence.tcp_listeners == null with input.host as {} with input.daemon as {}
}

test_evidence_lists_os_and_listeners if {
	ev := c1_2.evidence with input.host as {
		"os": {"id": "debian", "version_id": "12", "kernel_release": "6.1.0"},
		"apparmor_enabled": true,
		"listeners": [
			{"address": "0.0.0.0", "port": 22, "family": "ipv4", "process": "sshd"},
			{"address": "::", "port": 2375, "family": "ipv6", "process": null},
		],
	}
		with input.daemon as {"info": {"docker_root_dir": "/var/lib/docker", "kernel_version": "6.1.0"}}
	ev.os.id == "debian"
	ev.kernel_version == "6.1.0"
	ev.apparmor_enabled == true
	ev.tcp_listeners == ["0.0.0.0:22 (sshd)", ":::2375 (unknown process)"]
}

test_whole_package_with_nothing_collected if {
	doc := c1_2 with input.host as {} with input.daemon as {}
	startswith(doc.manual, "confirm")
}
