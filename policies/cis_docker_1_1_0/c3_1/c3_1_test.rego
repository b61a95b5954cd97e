package cis_docker_1_1_0.c3_1_test

import data.cis_docker_1_1_0.c3_1
import data.lib.result

fact := {"role": "docker.service", "path": "/lib/systemd/system/docker.service", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	d := c3_1 with input.files as [absent]
	d.not_applicable == "the docker.service unit file /lib/systemd/system/docker.service does not exist on this host"
	d.missing == set()
}

test_unreadable_file_is_missing if {
	d := c3_1 with input.files as [unreadable]
	d.missing == {"file /lib/systemd/system/docker.service (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_1 with input.files as []
	d.missing == {"file facts for role docker.service (not collected)"}
	not d.not_applicable
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	d := c3_1 with input.files as [fact, other]
	d.violations == set()
	d.checked == 1
}

test_root_root_passes if {
	d := c3_1 with input.files as [fact]
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_non_root_owner_fails if {
	vs := c3_1.violations with input.files as [object.union(fact, {"uid": 1000, "owner": "alice"})]
	vs == {{
		"resource": {"kind": "file", "id": "/lib/systemd/system/docker.service", "name": "docker.service"},
		"message": "/lib/systemd/system/docker.service is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_non_root_group_fails if {
	vs := c3_1.violations with input.files as [object.union(fact, {"gid": 999, "group": "docker"})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.service", "name": "docker.service"}, "message": "/lib/systemd/system/docker.service is owned by root:docker, not root:root"}}
}

test_unnamed_ids_are_reported_as_numbers if {
	vs := c3_1.violations with input.files as [object.union(fact, {"uid": 1000, "gid": 50, "owner": null, "group": null})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.service", "name": "docker.service"}, "message": "/lib/systemd/system/docker.service is owned by 1000:50, not root:root"}}
}

test_unrecorded_group_is_missing_not_a_violation if {
	d := c3_1 with input.files as [object.union(fact, {"gid": null, "group": null})]
	d.missing == {"file /lib/systemd/system/docker.service (mode or owner unknown)"}
	d.violations == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_1 with input.files as [fact] with input.daemon as dm
	d2 := c3_1 with input.files as [absent] with input.daemon as dm
	d3 := c3_1 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_1 with input.files as [] with input.daemon as dm
	d5 := c3_1 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		is_number(d.checked)
	}
}

# ----------------------------------------------------------------------------- rootless daemon

rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["process_user", "rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": [], "gid_map": [],
}}}

user_unit := object.union(fact, {"path": "/home/alice/.config/systemd/user/docker.service", "rootless": true,
	"uid": 1234, "gid": 4242, "owner": "alice", "group": "alice"})

user_unit_resource := {"kind": "file", "id": "/home/alice/.config/systemd/user/docker.service", "name": "docker.service"}

test_rootless_users_unit_owned_by_the_user_passes_and_the_system_unit_is_still_roots if {
	d := c3_1 with input.files as [fact, user_unit] with input.daemon as rootless_daemon
	d.violations == set()
	d.missing == set()
	d.checked == 2
	d.note == "the rootless daemon's own files (/home/alice/.config/systemd/user/docker.service) are judged as the user's it runs as (alice), not root's"
}

test_rootless_users_unit_owned_by_another_user_fails if {
	bob := object.union(user_unit, {"uid": 1235, "owner": "bob"})
	vs := c3_1.violations with input.files as [fact, bob] with input.daemon as rootless_daemon
	vs == {{
		"resource": user_unit_resource,
		"message": "/home/alice/.config/systemd/user/docker.service is owned by bob:alice, not alice:alice (the user the rootless daemon runs as) or root:root",
		"actual": "bob:alice", "expected": "alice:alice (the user the rootless daemon runs as) or root:root",
	}}
}

test_system_unit_owned_by_the_rootless_user_still_fails if {
	mine := object.union(fact, {"uid": 1234, "gid": 4242, "owner": "alice", "group": "alice"})
	vs := c3_1.violations with input.files as [mine, user_unit] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/lib/systemd/system/docker.service", "name": "docker.service"}, "message": "/lib/systemd/system/docker.service is owned by alice:alice, not root:root"}}
}

test_rootless_users_unit_without_the_user_is_missing if {
	d := c3_1 with input.files as [fact, user_unit] with input.daemon as {"info": null, "rootless": {"enabled": true, "detected_by": ["security_options"], "user": null}}
	d.missing == {"daemon.rootless.user (the user the rootless daemon runs as, who should own its files, is unknown)"}
	d.violations == set()
}
