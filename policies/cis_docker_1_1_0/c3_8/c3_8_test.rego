package cis_docker_1_1_0.c3_8_test

import data.cis_docker_1_1_0.c3_8

# Inputs are array literals: regopy 1.5 ignores `with input.k as r` when r is a bare rule.
certs_d := {"role": "certs_d_dir", "path": "/etc/docker/certs.d", "exists": true, "type": "dir", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 493, "mode_octal": "0755", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

registry := object.union(certs_d, {"path": "/etc/docker/certs.d/registry.example:5000"})

ca := object.union(certs_d, {"role": "certs_d", "path": "/etc/docker/certs.d/registry.example:5000/ca.crt", "type": "file", "mode": 292, "mode_octal": "0444"})

key := object.union(ca, {"path": "/etc/docker/certs.d/registry.example:5000/client.key", "mode": 256, "mode_octal": "0400"})

absent_certs_d := object.union(certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

test_0444_and_0400_files_pass_and_directories_are_not_held_to_0444 if {
	c3_8.checked == 2 with input.files as [certs_d, registry, ca, key]
	count(c3_8.violations) == 0 with input.files as [certs_d, registry, ca, key]
	count(c3_8.missing) == 0 with input.files as [certs_d, registry, ca, key]
	not c3_8.not_applicable with input.files as [certs_d, registry, ca, key]
}

test_0440_passes if count(c3_8.violations) == 0 with input.files as [certs_d, registry, object.union(ca, {"mode": 288})]

test_0644_certificate_fails if {
	vs := c3_8.violations with input.files as [certs_d, registry, object.union(ca, {"mode": 420}), key]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/ca.crt", "name": "certs_d"},
		"message": "/etc/docker/certs.d/registry.example:5000/ca.crt has mode 0644, wider than 0444",
		"actual": "0644", "expected": "0444 or more restrictive",
	}}
}

test_0600_key_fails_although_owner_only if count(c3_8.violations) == 1 with input.files as [certs_d, registry, ca, object.union(key, {"mode": 384})]

test_0407_fails_although_smaller_as_a_number if count(c3_8.violations) == 1 with input.files as [certs_d, registry, object.union(ca, {"mode": 263})]

test_absent_certs_d_is_not_applicable if {
	c3_8.not_applicable == "/etc/docker/certs.d does not exist on this host: no registry certificates are configured" with input.files as [absent_certs_d]
	count(c3_8.missing) == 0 with input.files as [absent_certs_d]
}

test_certs_d_with_directories_only_is_not_applicable if {
	c3_8.not_applicable == "/etc/docker/certs.d holds no files: no registry certificates are configured" with input.files as [certs_d, registry]
	c3_8.not_applicable == "/etc/docker/certs.d holds no files: no registry certificates are configured" with input.files as [certs_d]
}

test_unlistable_registry_directory_is_missing if {
	unlistable := object.union(registry, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	c3_8.missing == {"file /etc/docker/certs.d/registry.example:5000 (permission: cannot list directory: Permission denied)"} with input.files as [certs_d, unlistable]
	not c3_8.not_applicable with input.files as [certs_d, unlistable]
}

test_unreadable_certificate_is_missing if {
	unreadable := object.union(ca, {"exists": null, "mode": null, "error_kind": "permission", "error": "Permission denied"})
	count(c3_8.missing) == 1 with input.files as [certs_d, registry, unreadable]
}

test_uncollected_certs_d_is_missing if {
	c3_8.missing == {"files (no certs_d_dir file fact for /etc/docker/certs.d was collected)"} with input.files as []
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	h := {"groups_collected": true, "docker_group": null}
	d1 := c3_8 with input.files as [certs_d, registry, ca, key] with input.host as h
	d2 := c3_8 with input.files as [absent_certs_d] with input.host as h
	d3 := c3_8 with input.files as [] with input.host as h
	d4 := c3_8 with input.files as [certs_d, registry] with input.host as {"groups_collected": false, "docker_group": null}
	every d in [d1, d2, d3, d4] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if count(d.violations) > 0

has_decision(d) if count(d.reviews) > 0

has_decision(d) if is_number(d.checked)
