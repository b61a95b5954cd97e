package cis_docker_1_1_0.c2_15_test

import data.cis_docker_1_1_0.c2_15
import data.lib.result

clean := {"argv": ["dockerd", "--userland-proxy=false"], "flags": {"userland-proxy": ["false"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

unset := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_disabled_proxy_passes if {
	d := object.union(clean, {"proxy_processes": 0})
	r := c2_15 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"docker_proxy_processes": 0}
}

test_daemon_json_false_passes if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"userland-proxy": false}}})
	r := c2_15 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_unset_fails if {
	d := unset
	c2_15.violations == {{
		"resource": daemon_resource,
		"message": "the userland proxy is enabled (--userland-proxy is not set; the default is true)",
		"actual": true, "expected": false,
	}} with input.daemon as d
}

test_explicit_true_fails if {
	d := object.union(clean, {"flags": {"userland-proxy": ["true"]}})
	vs := c2_15.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "the userland proxy is enabled (--userland-proxy is true)"}}
}

test_running_proxies_fail_whatever_the_configuration if {
	d := object.union(clean, {"proxy_processes": 2})
	r := c2_15 with input.daemon as d
	r.violations == {{
		"resource": daemon_resource,
		"message": "2 docker-proxy processes of this dockerd are running: published ports go through the userland proxy",
		"actual": 2, "expected": 0,
	}}
	r.evidence == {"docker_proxy_processes": 2}
}

test_running_proxies_decide_with_unknown_configuration if {
	d := object.union(unset, {"argv": null, "proxy_processes": 1})
	r := c2_15 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "1 docker-proxy processes of this dockerd are running: published ports go through the userland proxy"}}
	r.missing == set()
}

test_unknown_configuration_is_missing if {
	d := object.union(unset, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_15 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	r.violations == set()
}

test_unknown_proxy_count_does_not_block_the_decision if {
	d := object.union(clean, {"proxy_processes": null})
	r := c2_15 with input.daemon as d
	r.missing == set()
	r.violations == set()
	r.evidence == {"docker_proxy_processes": null}
}
