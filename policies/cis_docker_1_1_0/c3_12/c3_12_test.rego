package cis_docker_1_1_0.c3_12_test

import data.cis_docker_1_1_0.c3_12

# regopy 1.5 ignores `with input.k as r` when r is a bare rule reference: inputs are
# array/object literals or object.union(...).
fact := {"role": "tls_cert", "path": "/etc/docker/tls/cert.pem", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 292, "mode_octal": "0444", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	c3_12.not_applicable == "the TLS server certificate file /etc/docker/tls/cert.pem configured for dockerd does not exist on this host" with input.files as [absent]
	count(c3_12.missing) == 0 with input.files as [absent]
}

test_unreadable_file_is_missing if {
	c3_12.missing == {"file /etc/docker/tls/cert.pem (permission: Permission denied)"} with input.files as [unreadable]
	not c3_12.not_applicable with input.files as [unreadable]
}


test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	count(c3_12.violations) == 0 with input.files as [fact, other]
	c3_12.checked == 1 with input.files as [fact, other]
}

test_0444_passes if {
	c3_12.checked == 1 with input.files as [fact]
	count(c3_12.violations) == 0 with input.files as [fact]
	count(c3_12.missing) == 0 with input.files as [fact]
	not c3_12.not_applicable with input.files as [fact]
}

test_stricter_0440_passes if count(c3_12.violations) == 0 with input.files as [object.union(fact, {"mode": 288})]

test_wider_0644_fails if {
	vs := c3_12.violations with input.files as [object.union(fact, {"mode": 420})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/tls/cert.pem", "name": "tls_cert"},
		"message": "/etc/docker/tls/cert.pem has mode 0644, wider than 0444",
		"actual": "0644", "expected": "0444 or more restrictive",
	}}
}

test_0377_fails_although_smaller_as_a_number if count(c3_12.violations) == 1 with input.files as [object.union(fact, {"mode": 255})]

test_setuid_bit_fails if count(c3_12.violations) == 1 with input.files as [object.union(fact, {"mode": 2340})]

test_tls_not_configured_is_not_applicable if {
	startswith(c3_12.not_applicable, "TLS is not configured for dockerd") with input.files as [] with input.daemon as {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	count(c3_12.missing) == 0 with input.files as [] with input.daemon as {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
}

test_unknown_daemon_configuration_is_missing_not_not_applicable if {
	c3_12.missing == {"daemon.argv (the dockerd command line could not be read)"} with input.files as [] with input.daemon as {"argv": null, "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	not c3_12.not_applicable with input.files as [] with input.daemon as {"argv": null, "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
}

test_malformed_daemon_json_is_missing_without_tls_files if {
	c3_12.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"} with input.files as [] with input.daemon as {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}}
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_12 with input.files as [fact] with input.daemon as dm
	d2 := c3_12 with input.files as [absent] with input.daemon as dm
	d3 := c3_12 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_12 with input.files as [] with input.daemon as dm
	d5 := c3_12 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if is_number(d.checked)
