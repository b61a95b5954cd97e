package cis_docker_1_1_0.c2_4_test

import data.cis_docker_1_1_0.c2_4

hub := {"name": "docker.io", "secure": true, "official": true, "mirrors": []}

info := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8", "::1/128"], "index_configs": [hub]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info}

test_builtin_loopback_only_passes if {
	d := clean
	r := c2_4 with input.daemon as d
	count(r.violations) == 0
	count(r.missing) == 0
	r.checked == 3
}

test_configured_registry_fails_once_with_both_sources if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8"], "index_configs": [hub, {"name": "reg.local:5000", "secure": false, "official": false, "mirrors": []}]}
	d := object.union(clean, {"flags": {"insecure-registry": ["reg.local:5000"]}, "info": i})
	c2_4.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "registry reg.local:5000 is reached without TLS verification; seen in: configured (--insecure-registry / insecure-registries), GET /info IndexConfigs Secure=false",
		"actual": "reg.local:5000", "expected": "no insecure registry",
	}} with input.daemon as d
}

test_effective_cidr_fails if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8", "10.0.0.0/8"], "index_configs": [hub]}
	d := object.union(clean, {"info": i})
	vs := c2_4.violations with input.daemon as d
	{v.actual | some v in vs} == {"10.0.0.0/8"}
}

test_daemon_json_registries_fail if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"insecure-registries": ["a:5000", "b:5000"]}}})
	vs := c2_4.violations with input.daemon as d
	{v.actual | some v in vs} == {"a:5000", "b:5000"}
}

test_insecure_index_decides_without_configuration if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": [], "index_configs": [{"name": "r:80", "secure": false, "official": false, "mirrors": []}]}
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": i}
	r := c2_4 with input.daemon as d
	count(r.violations) == 1
	count(r.missing) == 0
}

test_missing_info_is_missing if {
	d := object.union(clean, {"info": null})
	r := c2_4 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	count(r.violations) == 0
}

test_malformed_daemon_json_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	c2_4.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"} with input.daemon as d
}
