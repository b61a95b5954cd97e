package cis_docker_1_1_0.c1_2_test

import data.cis_docker_1_1_0.c1_2

manual := "confirm the host is hardened against a recognised baseline for its OS (e.g. the CIS benchmark for the distribution) and runs only the services it needs"

test_always_manual if {
	inp := {"host": {"os": {"id": "ubuntu", "version_id": "22.04"}, "listeners": []}}
	c1_2.manual == manual with input as inp
	c1_2.evidence.tcp_listeners == [] with input as inp
}

test_manual_even_without_any_fact if {
	c1_2.manual == manual with input as {"host": {}, "daemon": {}}
	c1_2.evidence == {
		"os": null,
		"kernel_version": null,
		"operating_system": null,
		"apparmor_enabled": null,
		"selinux_enabled": null,
		"selinux_enforcing": null,
		"tcp_listeners": null,
	} with input as {"host": {}, "daemon": {}}
}

test_evidence_lists_os_and_listeners if {
	inp := {
		"host": {
			"os": {"id": "debian", "version_id": "12", "kernel_release": "6.1.0"},
			"apparmor_enabled": true,
			"listeners": [
				{"address": "0.0.0.0", "port": 22, "family": "ipv4", "process": "sshd"},
				{"address": "::", "port": 2375, "family": "ipv6", "process": null},
			],
		},
		"daemon": {"info": {"docker_root_dir": "/var/lib/docker", "kernel_version": "6.1.0"}},
	}
	c1_2.evidence == {
		"os": {"id": "debian", "version_id": "12", "kernel_release": "6.1.0"},
		"kernel_version": "6.1.0",
		"operating_system": null,
		"apparmor_enabled": true,
		"selinux_enabled": null,
		"selinux_enforcing": null,
		"tcp_listeners": ["0.0.0.0:22 (sshd)", ":::2375 (unknown process)"],
	} with input as inp
}

test_unreadable_listeners_are_null_in_the_evidence if {
	c1_2.evidence.tcp_listeners == null with input as {"host": {"listeners": null}}
	c1_2.manual == manual with input as {"host": {"listeners": null}}
}

test_whole_package_with_nothing_collected if {
	doc := c1_2 with input as {}
	doc.manual == manual
	doc.evidence.tcp_listeners == null
}
