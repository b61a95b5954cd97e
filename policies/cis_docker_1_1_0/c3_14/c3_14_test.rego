package cis_docker_1_1_0.c3_14_test

import data.cis_docker_1_1_0.c3_14
import data.lib.result

fact := {"role": "tls_key", "path": "/etc/docker/tls/key.pem", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 256, "mode_octal": "0400", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

# dockerd with no TLS flag and no daemon.json: TLS is off.
tls_off := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

test_absent_file_is_not_applicable if {
	d := c3_14 with input.files as [absent]
	d.not_applicable == "the TLS server private key file /etc/docker/tls/key.pem configured for dockerd does not exist on this host"
	d.missing == set()
}

test_unreadable_file_is_missing if {
	d := c3_14 with input.files as [unreadable]
	d.missing == {"file /etc/docker/tls/key.pem (permission: Permission denied)"}
	not d.not_applicable
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "mode": 511})
	d := c3_14 with input.files as [fact, other]
	d.violations == set()
	d.checked == 1
}

test_0400_passes if {
	d := c3_14 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_stricter_0000_passes if c3_14.violations == set() with input.files as [object.union(fact, {"mode": 0})]

test_wider_0600_fails if {
	vs := c3_14.violations with input.files as [object.union(fact, {"mode": 384})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"},
		"message": "/etc/docker/tls/key.pem has mode 0600, wider than 0400",
		"actual": "0600", "expected": "0400 or more restrictive",
	}}
}

test_0377_fails_although_smaller_as_a_number if {
	vs := c3_14.violations with input.files as [object.union(fact, {"mode": 255})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"}, "message": "/etc/docker/tls/key.pem has mode 0377, wider than 0400"}}
}

test_setuid_bit_fails if {
	vs := c3_14.violations with input.files as [object.union(fact, {"mode": 2304})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"}, "message": "/etc/docker/tls/key.pem has mode 4400, wider than 0400"}}
}

test_group_readable_0440_fails if {
	vs := c3_14.violations with input.files as [object.union(fact, {"mode": 288})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"}, "message": "/etc/docker/tls/key.pem has mode 0440, wider than 0400"}}
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_14 with input.files as [object.union(fact, {"mode": null, "mode_octal": null})]
	d.missing == {"file /etc/docker/tls/key.pem (mode or owner unknown)"}
	d.violations == set()
}

test_tls_not_configured_is_not_applicable if {
	d := c3_14 with input.files as [] with input.daemon as tls_off
	d.not_applicable == "TLS is not configured for dockerd: no server key file is set (--tlskey / tlskey) and TLS is off"
	d.missing == set()
}

test_unknown_daemon_configuration_is_missing_not_not_applicable if {
	d := c3_14 with input.files as [] with input.daemon as object.union(tls_off, {"argv": null})
	d.missing == {"daemon.argv (the dockerd command line could not be read)"}
	not d.not_applicable
}

test_malformed_daemon_json_is_missing_without_tls_files if {
	invalid := object.union(tls_off, {"config_file": {"state": "invalid"}})
	d := c3_14 with input.files as [] with input.daemon as invalid
	d.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	not d.not_applicable
}

test_configured_file_is_checked_whatever_the_daemon_configuration if {
	d := c3_14 with input.files as [fact] with input.daemon as {"argv": null}
	d.missing == set()
	d.checked == 1
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_14 with input.files as [fact] with input.daemon as dm
	d2 := c3_14 with input.files as [absent] with input.daemon as dm
	d3 := c3_14 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_14 with input.files as [] with input.daemon as dm
	d5 := c3_14 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		is_number(d.checked)
	}
}
