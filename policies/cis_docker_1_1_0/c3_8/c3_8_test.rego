package cis_docker_1_1_0.c3_8_test

import data.cis_docker_1_1_0.c3_8
import data.lib.result

certs_d := {"role": "certs_d_dir", "path": "/etc/docker/certs.d", "exists": true, "type": "dir", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 493, "mode_octal": "0755", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

registry := object.union(certs_d, {"path": "/etc/docker/certs.d/registry.example:5000"})

ca := object.union(certs_d, {"role": "certs_d", "path": "/etc/docker/certs.d/registry.example:5000/ca.crt", "type": "file", "mode": 292, "mode_octal": "0444"})

key := object.union(ca, {"path": "/etc/docker/certs.d/registry.example:5000/client.key", "mode": 256, "mode_octal": "0400"})

absent_certs_d := object.union(certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

ca_resource := {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/ca.crt", "name": "certs_d"}

test_0444_and_0400_files_pass_and_directories_are_not_held_to_0444 if {
	d := c3_8 with input.files as [certs_d, registry, ca, key]
	d.checked == 2
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_0440_passes if c3_8.violations == set() with input.files as [certs_d, registry, object.union(ca, {"mode": 288})]

test_0644_certificate_fails if {
	vs := c3_8.violations with input.files as [certs_d, registry, object.union(ca, {"mode": 420}), key]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/ca.crt", "name": "certs_d"},
		"message": "/etc/docker/certs.d/registry.example:5000/ca.crt has mode 0644, wider than 0444",
		"actual": "0644", "expected": "0444 or more restrictive",
	}}
}

test_0600_key_fails_although_owner_only if {
	vs := c3_8.violations with input.files as [certs_d, registry, ca, object.union(key, {"mode": 384})]
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/client.key", "name": "certs_d"},
		"message": "/etc/docker/certs.d/registry.example:5000/client.key has mode 0600, wider than 0444",
	}}
}

test_0407_fails_although_smaller_as_a_number if {
	vs := c3_8.violations with input.files as [certs_d, registry, object.union(ca, {"mode": 263})]
	result.brief(vs) == {{"resource": ca_resource, "message": "/etc/docker/certs.d/registry.example:5000/ca.crt has mode 0407, wider than 0444"}}
}

test_absent_certs_d_is_not_applicable if {
	d := c3_8 with input.files as [absent_certs_d]
	d.not_applicable == "/etc/docker/certs.d does not exist on this host: no registry certificates are configured"
	d.missing == set()
}

test_certs_d_with_directories_only_is_not_applicable if {
	c3_8.not_applicable == "/etc/docker/certs.d holds no files: no registry certificates are configured" with input.files as [certs_d, registry]
	c3_8.not_applicable == "/etc/docker/certs.d holds no files: no registry certificates are configured" with input.files as [certs_d]
}

test_unlistable_registry_directory_is_missing if {
	unlistable := object.union(registry, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	d := c3_8 with input.files as [certs_d, unlistable]
	d.missing == {"file /etc/docker/certs.d/registry.example:5000 (permission: cannot list directory: Permission denied)"}
	not d.not_applicable
}

test_unreadable_certificate_is_missing if {
	unreadable := object.union(ca, {"exists": null, "mode": null, "error_kind": "permission", "error": "Permission denied"})
	d := c3_8 with input.files as [certs_d, registry, unreadable]
	d.missing == {"file /etc/docker/certs.d/registry.example:5000/ca.crt (permission: Permission denied)"}
	d.violations == set()
}

test_unrecorded_mode_is_missing_not_a_violation if {
	d := c3_8 with input.files as [certs_d, registry, object.union(ca, {"mode": null, "mode_octal": null})]
	d.missing == {"file /etc/docker/certs.d/registry.example:5000/ca.crt (mode or owner unknown)"}
	d.violations == set()
}

test_uncollected_certs_d_is_missing if {
	d := c3_8 with input.files as []
	d.missing == {"files (no certs_d_dir file fact for /etc/docker/certs.d was collected)"}
	not d.not_applicable
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_8 with input.files as [certs_d, registry, ca, key]
	d2 := c3_8 with input.files as [absent_certs_d]
	d3 := c3_8 with input.files as []
	d4 := c3_8 with input.files as [certs_d, registry]
	every d in [d1, d2, d3, d4] {
		is_number(d.checked)
	}
}

# A rootless dockerd reads registry certificates from its config dir's certs.d: judged the same.
test_a_rootless_daemons_certificates_are_checked_too if {
	users_certs_d := object.union(certs_d, {"path": "/home/alice/.config/docker/certs.d", "rootless": true})
	users_ca := object.union(ca, {"path": "/home/alice/.config/docker/certs.d/reg/ca.crt", "rootless": true, "mode": 420, "mode_octal": "0644"})
	absent_system := object.union(certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})
	d := c3_8 with input.files as [absent_system, users_certs_d, users_ca]
	result.brief(d.violations) == {{"resource": {"kind": "file", "id": "/home/alice/.config/docker/certs.d/reg/ca.crt", "name": "certs_d"}, "message": "/home/alice/.config/docker/certs.d/reg/ca.crt has mode 0644, wider than 0444"}}
	d.missing == set()
	not d.not_applicable
}
