package cis_docker_1_1_0.c3_7_test

import data.cis_docker_1_1_0.c3_7

# Inputs are array literals: regopy 1.5 ignores `with input.k as r` when r is a bare rule.
certs_d := {"role": "certs_d_dir", "path": "/etc/docker/certs.d", "exists": true, "type": "dir", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 493, "mode_octal": "0755", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

registry := object.union(certs_d, {"path": "/etc/docker/certs.d/registry.example:5000"})

ca := object.union(certs_d, {"role": "certs_d", "path": "/etc/docker/certs.d/registry.example:5000/ca.crt", "type": "file", "mode": 292, "mode_octal": "0444"})

key := object.union(ca, {"path": "/etc/docker/certs.d/registry.example:5000/client.key", "mode": 256, "mode_octal": "0400"})

absent_certs_d := object.union(certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

test_root_owned_certificates_pass if {
	c3_7.checked == 4 with input.files as [certs_d, registry, ca, key]
	count(c3_7.violations) == 0 with input.files as [certs_d, registry, ca, key]
	count(c3_7.missing) == 0 with input.files as [certs_d, registry, ca, key]
	not c3_7.not_applicable with input.files as [certs_d, registry, ca, key]
}

test_key_owned_by_a_user_fails if {
	vs := c3_7.violations with input.files as [certs_d, registry, ca, object.union(key, {"uid": 1000, "owner": "alice"})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/client.key", "name": "certs_d"},
		"message": "/etc/docker/certs.d/registry.example:5000/client.key is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_certificate_with_non_root_group_fails if {
	vs := c3_7.violations with input.files as [certs_d, registry, object.union(ca, {"gid": 999, "group": "docker"}), key]
	count(vs) == 1
	some v in vs
	v.resource.id == "/etc/docker/certs.d/registry.example:5000/ca.crt"
	v.actual == "root:docker"
}

test_registry_directory_owned_by_a_user_fails if {
	vs := c3_7.violations with input.files as [certs_d, object.union(registry, {"uid": 1000, "owner": null}), ca, key]
	count(vs) == 1
	some v in vs
	v.resource == {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000", "name": "certs_d_dir"}
	v.actual == "1000:root"
}

test_registry_directory_without_files_is_still_checked if {
	c3_7.checked == 2 with input.files as [certs_d, registry]
	not c3_7.not_applicable with input.files as [certs_d, registry]
}

test_absent_certs_d_is_not_applicable if {
	c3_7.not_applicable == "/etc/docker/certs.d does not exist on this host: no registry certificates are configured" with input.files as [absent_certs_d]
	count(c3_7.missing) == 0 with input.files as [absent_certs_d]
}

test_empty_certs_d_is_not_applicable if {
	c3_7.not_applicable == "/etc/docker/certs.d is empty: no registry certificates are configured" with input.files as [certs_d]
}

test_unlistable_registry_directory_is_missing if {
	unlistable := object.union(registry, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	c3_7.missing == {"file /etc/docker/certs.d/registry.example:5000 (permission: cannot list directory: Permission denied)"} with input.files as [certs_d, unlistable]
}

test_unlistable_certs_d_is_missing_not_empty if {
	unlistable := object.union(certs_d, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	count(c3_7.missing) == 1 with input.files as [unlistable]
	not c3_7.not_applicable with input.files as [unlistable]
}

test_uncollected_certs_d_is_missing if {
	c3_7.missing == {"files (no certs_d_dir file fact for /etc/docker/certs.d was collected)"} with input.files as []
	not c3_7.not_applicable with input.files as []
}

# The whole package document evaluates (no builtin error on any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	h := {"groups_collected": true, "docker_group": null}
	d1 := c3_7 with input.files as [certs_d, registry, ca, key] with input.host as h
	d2 := c3_7 with input.files as [absent_certs_d] with input.host as h
	d3 := c3_7 with input.files as [] with input.host as h
	d4 := c3_7 with input.files as [certs_d] with input.host as {"groups_collected": false, "docker_group": null}
	every d in [d1, d2, d3, d4] {
		has_decision(d)
	}
}

has_decision(d) if count(d.missing) > 0

has_decision(d) if is_string(d.not_applicable)

has_decision(d) if count(d.violations) > 0

has_decision(d) if count(d.reviews) > 0

has_decision(d) if is_number(d.checked)
