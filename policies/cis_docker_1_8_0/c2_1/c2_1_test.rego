package cis_docker_1_8_0.c2_1_test

import data.cis_docker_1_8_0.c2_1
import data.lib.result

daemon_resource := {"kind": "daemon", "id": "unix:///var/run/docker.sock", "name": "dockerd"}

meta := {"docker_host": "unix:///var/run/docker.sock", "hostname": "h"}

info(options) := {"docker_root_dir": "/var/lib/docker", "security_options": options}

rootless_info := info(["name=seccomp,profile=builtin", "name=rootless", "name=cgroupns"])

root_info := info(["name=apparmor", "name=seccomp,profile=default"])

test_rootless_daemon_passes if {
	d := c2_1 with input.daemon.info as rootless_info with input.meta as meta
	d.reviews == set()
	d.missing == set()
	d.checked == 1
	d.evidence == {"security_options": ["name=seccomp,profile=builtin", "name=rootless", "name=cgroupns"], "rootless": true, "userns_remap": false}
}

test_root_daemon_is_for_review if {
	rs := c2_1.reviews with input.daemon.info as root_info with input.meta as meta
	rs == {{
		"resource": daemon_resource,
		"message": "dockerd runs as root (GET /info SecurityOptions has no name=rootless): confirm that the workload needs a root daemon and record why, or run the daemon in rootless mode",
		"actual": ["name=apparmor", "name=seccomp,profile=default"],
		"expected": "name=rootless in SecurityOptions",
	}}
}

test_user_namespace_remapping_is_not_rootless if {
	d := c2_1 with input.daemon.info as info(["name=seccomp,profile=builtin", "name=userns"]) with input.meta as meta
	result.brief(d.reviews) == {{"resource": daemon_resource, "message": "dockerd runs as root (GET /info SecurityOptions has no name=rootless): confirm that the workload needs a root daemon and record why, or run the daemon in rootless mode"}}
	d.evidence.userns_remap == true
}

test_a_bare_rootless_word_is_not_the_security_option if {
	d := c2_1 with input.daemon.info as info(["rootless"]) with input.meta as meta
	result.brief(d.reviews) == {{"resource": daemon_resource, "message": "dockerd runs as root (GET /info SecurityOptions has no name=rootless): confirm that the workload needs a root daemon and record why, or run the daemon in rootless mode"}}
}

test_no_security_options_is_a_root_daemon if {
	d := c2_1 with input.daemon.info as info([]) with input.meta as meta
	result.brief(d.reviews) == {{"resource": daemon_resource, "message": "dockerd runs as root (GET /info SecurityOptions has no name=rootless): confirm that the workload needs a root daemon and record why, or run the daemon in rootless mode"}}
	d.checked == 1
}

test_daemon_info_not_collected_is_missing if {
	d := c2_1 with input.daemon as {"info": null, "version": null} with input.meta as meta
	d.missing == {"daemon.info (GET /info could not be collected)"}
	d.reviews == set()
	not d.checked
	not d.evidence
}
