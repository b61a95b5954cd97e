package cis_docker_1_1_0.c2_15_test

import data.cis_docker_1_1_0.c2_15

clean := {"argv": ["dockerd", "--userland-proxy=false"], "flags": {"userland-proxy": ["false"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

unset := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

test_disabled_proxy_passes if {
	d := clean
	r := c2_15 with input.daemon as object.union(d, {"proxy_processes": 0})
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_daemon_json_false_passes if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"userland-proxy": false}}})
	count(c2_15.violations) == 0 with input.daemon as d
}

test_unset_fails if {
	d := unset
	c2_15.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "the userland proxy is enabled (--userland-proxy is not set; the default is true)",
		"actual": true, "expected": false,
	}} with input.daemon as d
}

test_explicit_true_fails if {
	d := object.union(clean, {"flags": {"userland-proxy": ["true"]}})
	vs := c2_15.violations with input.daemon as d
	{v.message | some v in vs} == {"the userland proxy is enabled (--userland-proxy is true)"}
}

test_running_proxies_fail_whatever_the_configuration if {
	d := clean
	vs := c2_15.violations with input.daemon as object.union(d, {"proxy_processes": 2})
	vs == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "2 docker-proxy processes of this dockerd are running: published ports go through the userland proxy",
		"actual": 2, "expected": 0,
	}}
}

test_unknown_configuration_is_missing if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_15 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	count(r.violations) == 0
}

test_unknown_proxy_count_does_not_block_the_decision if {
	d := clean
	r := c2_15 with input.daemon as object.union(d, {"proxy_processes": null})
	count(r.missing) == 0
	count(r.violations) == 0
}
