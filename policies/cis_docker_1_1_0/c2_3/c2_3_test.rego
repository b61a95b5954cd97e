package cis_docker_1_1_0.c2_3_test

import data.cis_docker_1_1_0.c2_3
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

not_allowed := {{
	"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
	"message": "dockerd is not allowed to manage iptables (--iptables=false / \"iptables\": false)",
}}

test_default_passes if {
	d := clean
	r := c2_3 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
}

test_explicit_true_passes if {
	d := object.union(clean, {"flags": {"iptables": ["true"]}})
	r := c2_3 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_flag_false_fails if {
	d := object.union(clean, {"flags": {"iptables": ["false"]}})
	c2_3.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd is not allowed to manage iptables (--iptables=false / \"iptables\": false)",
		"actual": false, "expected": true,
	}} with input.daemon as d
}

test_daemon_json_false_fails if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"iptables": false}}})
	result.brief(c2_3.violations) == not_allowed with input.daemon as d
}

test_flag_false_decides_with_an_unreadable_daemon_json if {
	d := object.union(clean, {"flags": {"iptables": ["false"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_3 with input.daemon as d
	result.brief(r.violations) == not_allowed
	r.missing == set()
}

test_unknown_command_line_is_missing if {
	d := object.union(clean, {"argv": null})
	r := c2_3 with input.daemon as d
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	r.violations == set()
}
