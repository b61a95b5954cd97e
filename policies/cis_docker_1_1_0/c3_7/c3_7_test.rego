package cis_docker_1_1_0.c3_7_test

import data.cis_docker_1_1_0.c3_7
import data.lib.result

certs_d := {"role": "certs_d_dir", "path": "/etc/docker/certs.d", "exists": true, "type": "dir", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 493, "mode_octal": "0755", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

registry := object.union(certs_d, {"path": "/etc/docker/certs.d/registry.example:5000"})

ca := object.union(certs_d, {"role": "certs_d", "path": "/etc/docker/certs.d/registry.example:5000/ca.crt", "type": "file", "mode": 292, "mode_octal": "0444"})

key := object.union(ca, {"path": "/etc/docker/certs.d/registry.example:5000/client.key", "mode": 256, "mode_octal": "0400"})

absent_certs_d := object.union(certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

test_root_owned_certificates_pass if {
	d := c3_7 with input.files as [certs_d, registry, ca, key]
	d.checked == 4
	d.violations == set()
	d.missing == set()
	not d.not_applicable
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
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000/ca.crt", "name": "certs_d"},
		"message": "/etc/docker/certs.d/registry.example:5000/ca.crt is owned by root:docker, not root:root",
	}}
}

test_registry_directory_owned_by_a_user_fails if {
	vs := c3_7.violations with input.files as [certs_d, object.union(registry, {"uid": 1000, "owner": null}), ca, key]
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d/registry.example:5000", "name": "certs_d_dir"},
		"message": "/etc/docker/certs.d/registry.example:5000 is owned by 1000:root, not root:root",
	}}
}

test_certs_d_itself_owned_by_a_user_fails if {
	vs := c3_7.violations with input.files as [object.union(certs_d, {"uid": 1000, "owner": "alice"}), registry, ca]
	result.brief(vs) == {{
		"resource": {"kind": "file", "id": "/etc/docker/certs.d", "name": "certs_d_dir"},
		"message": "/etc/docker/certs.d is owned by alice:root, not root:root",
	}}
}

test_registry_directory_without_files_is_still_checked if {
	d := c3_7 with input.files as [certs_d, registry]
	d.checked == 2
	d.violations == set()
	not d.not_applicable
}

test_absent_certs_d_is_not_applicable if {
	d := c3_7 with input.files as [absent_certs_d]
	d.not_applicable == "/etc/docker/certs.d does not exist on this host: no registry certificates are configured"
	d.missing == set()
}

test_empty_certs_d_is_not_applicable if {
	d := c3_7 with input.files as [certs_d]
	d.not_applicable == "/etc/docker/certs.d is empty: no registry certificates are configured"
	d.missing == set()
}

test_unlistable_registry_directory_is_missing if {
	unlistable := object.union(registry, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	d := c3_7 with input.files as [certs_d, unlistable]
	d.missing == {"file /etc/docker/certs.d/registry.example:5000 (permission: cannot list directory: Permission denied)"}
	not d.not_applicable
}

test_unlistable_certs_d_is_missing_not_empty if {
	unlistable := object.union(certs_d, {"error_kind": "permission", "error": "cannot list directory: Permission denied"})
	d := c3_7 with input.files as [unlistable]
	d.missing == {"file /etc/docker/certs.d (permission: cannot list directory: Permission denied)"}
	not d.not_applicable
}

test_unrecorded_owner_is_missing_not_a_violation if {
	d := c3_7 with input.files as [certs_d, registry, object.union(ca, {"uid": null, "owner": null})]
	d.missing == {"file /etc/docker/certs.d/registry.example:5000/ca.crt (mode or owner unknown)"}
	d.violations == set()
}

test_uncollected_certs_d_is_missing if {
	d := c3_7 with input.files as []
	d.missing == {"files (no certs_d_dir file fact for /etc/docker/certs.d was collected)"}
	not d.not_applicable
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	d1 := c3_7 with input.files as [certs_d, registry, ca, key]
	d2 := c3_7 with input.files as [absent_certs_d]
	d3 := c3_7 with input.files as []
	d4 := c3_7 with input.files as [certs_d]
	every d in [d1, d2, d3, d4] {
		is_number(d.checked)
	}
}

# ----------------------------------------------------------------------------- rootless daemon

rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": [], "gid_map": [],
}}}

# A rootless dockerd reads registry certificates from its config dir's certs.d.
users_certs_d := object.union(certs_d, {"path": "/home/alice/.config/docker/certs.d", "rootless": true,
	"uid": 1234, "gid": 4242, "owner": "alice", "group": "alice"})

users_registry := object.union(users_certs_d, {"path": "/home/alice/.config/docker/certs.d/reg:5000"})

users_ca := object.union(users_certs_d, {"role": "certs_d", "path": "/home/alice/.config/docker/certs.d/reg:5000/ca.crt", "type": "file", "mode": 292, "mode_octal": "0444"})

test_rootless_certificates_owned_by_the_user_pass if {
	d := c3_7 with input.files as [absent_certs_d, users_certs_d, users_registry, users_ca] with input.daemon as rootless_daemon
	d.violations == set()
	d.missing == set()
	d.checked == 3
	not d.not_applicable
}

test_rootless_certificate_of_another_user_fails if {
	bob := object.union(users_ca, {"uid": 1235, "owner": "bob"})
	vs := c3_7.violations with input.files as [absent_certs_d, users_certs_d, users_registry, bob] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/home/alice/.config/docker/certs.d/reg:5000/ca.crt", "name": "certs_d"}, "message": "/home/alice/.config/docker/certs.d/reg:5000/ca.crt is owned by bob:alice, not alice:alice (the user the rootless daemon runs as) or root:root"}}
}

test_both_certs_d_absent_is_not_applicable if {
	gone := object.union(users_certs_d, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})
	d := c3_7 with input.files as [absent_certs_d, gone] with input.daemon as rootless_daemon
	d.not_applicable == "/etc/docker/certs.d and /home/alice/.config/docker/certs.d do not exist on this host: no registry certificates are configured"
}

test_an_empty_rootless_certs_d_beside_an_absent_system_one_is_not_applicable if {
	d := c3_7 with input.files as [absent_certs_d, users_certs_d] with input.daemon as rootless_daemon
	d.not_applicable == "/etc/docker/certs.d and /home/alice/.config/docker/certs.d are empty or absent: no registry certificates are configured"
}
