package cis_docker_1_1_0.c2_4_test

import data.cis_docker_1_1_0.c2_4
import data.lib.result

hub := {"name": "docker.io", "secure": true, "official": true, "mirrors": []}

info := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8", "::1/128"], "index_configs": [hub]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_builtin_loopback_only_passes if {
	d := clean
	r := c2_4 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 3
	r.evidence == {"configured": [], "insecure_registry_cidrs": ["127.0.0.0/8", "::1/128"], "index_configs": [{"name": "docker.io", "secure": true}]}
}

test_configured_registry_fails_once_with_both_sources if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8"], "index_configs": [hub, {"name": "reg.local:5000", "secure": false, "official": false, "mirrors": []}]}
	d := object.union(clean, {"flags": {"insecure-registry": ["reg.local:5000"]}, "info": i})
	c2_4.violations == {{
		"resource": daemon_resource,
		"message": "registry reg.local:5000 is reached without TLS verification; seen in: configured (--insecure-registry / insecure-registries), GET /info IndexConfigs Secure=false",
		"actual": "reg.local:5000", "expected": "no insecure registry",
	}} with input.daemon as d
}

test_effective_cidr_fails if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": ["127.0.0.0/8", "10.0.0.0/8"], "index_configs": [hub]}
	d := object.union(clean, {"info": i})
	vs := c2_4.violations with input.daemon as d
	result.brief(vs) == {{"resource": daemon_resource, "message": "registry 10.0.0.0/8 is reached without TLS verification; seen in: GET /info InsecureRegistryCIDRs"}}
}

test_daemon_json_registries_fail if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"insecure-registries": ["a:5000", "b:5000"]}}})
	vs := c2_4.violations with input.daemon as d
	result.brief(vs) == {
		{"resource": daemon_resource, "message": "registry a:5000 is reached without TLS verification; seen in: configured (--insecure-registry / insecure-registries)"},
		{"resource": daemon_resource, "message": "registry b:5000 is reached without TLS verification; seen in: configured (--insecure-registry / insecure-registries)"},
	}
}

test_insecure_index_decides_without_configuration if {
	i := {"docker_root_dir": "/var/lib/docker", "insecure_registry_cidrs": [], "index_configs": [{"name": "r:80", "secure": false, "official": false, "mirrors": []}]}
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": i}
	r := c2_4 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "registry r:80 is reached without TLS verification; seen in: GET /info IndexConfigs Secure=false"}}
	r.missing == set()
}

test_configured_registry_decides_without_info if {
	d := object.union(clean, {"flags": {"insecure-registry": ["reg.local:5000"]}, "info": null})
	r := c2_4 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "registry reg.local:5000 is reached without TLS verification; seen in: configured (--insecure-registry / insecure-registries)"}}
	r.missing == set()
	r.evidence == {"configured": ["reg.local:5000"], "insecure_registry_cidrs": null, "index_configs": []}
}

test_missing_info_is_missing if {
	d := object.union(clean, {"info": null})
	r := c2_4 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)"}
	r.violations == set()
}

test_malformed_daemon_json_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_4 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	r.violations == set()
}
