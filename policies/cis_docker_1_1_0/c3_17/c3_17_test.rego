package cis_docker_1_1_0.c3_17_test

import data.cis_docker_1_1_0.c3_17
import data.lib.result

fact := {"role": "daemon_json", "path": "/etc/docker/daemon.json", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_absent_file_is_not_applicable if {
	d := c3_17 with input.files as [absent] with input.daemon as {"argv": ["dockerd"]}
	d.not_applicable == "the daemon configuration file /etc/docker/daemon.json does not exist on this host"
	d.missing == set()
}

test_unreadable_file_is_missing if {
	d := c3_17 with input.files as [unreadable] with input.daemon as {"argv": ["dockerd"]}
	d.missing == {"file /etc/docker/daemon.json (permission: Permission denied)"}
	not d.not_applicable
}

test_uncollected_fact_is_missing if {
	d := c3_17 with input.files as []
	d.missing == {"file facts for role daemon_json (not collected)"}
	not d.not_applicable
}

test_other_roles_are_ignored if {
	other := object.union(fact, {"role": "something_else", "uid": 1000})
	d := c3_17 with input.files as [fact, other]
	d.violations == set()
	d.checked == 1
}

test_root_root_passes if {
	d := c3_17 with input.files as [fact] with input.daemon as {"argv": ["dockerd"]}
	d.checked == 1
	d.violations == set()
	d.missing == set()
	not d.not_applicable
}

test_non_root_owner_fails if {
	vs := c3_17.violations with input.files as [object.union(fact, {"uid": 1000, "owner": "alice"})]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"},
		"message": "/etc/docker/daemon.json is owned by alice:root, not root:root",
		"actual": "alice:root", "expected": "root:root",
	}}
}

test_non_root_group_fails if {
	vs := c3_17.violations with input.files as [object.union(fact, {"gid": 999, "group": "docker"})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"}, "message": "/etc/docker/daemon.json is owned by root:docker, not root:root"}}
}

test_unnamed_ids_are_reported_as_numbers if {
	vs := c3_17.violations with input.files as [object.union(fact, {"uid": 1000, "gid": 50, "owner": null, "group": null})]
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/etc/docker/daemon.json", "name": "daemon_json"}, "message": "/etc/docker/daemon.json is owned by 1000:50, not root:root"}}
}

test_unrecorded_group_is_missing_not_a_violation if {
	d := c3_17 with input.files as [object.union(fact, {"gid": null, "group": null})] with input.daemon as {"argv": ["dockerd"]}
	d.missing == {"file /etc/docker/daemon.json (mode or owner unknown)"}
	d.violations == set()
}

test_absent_default_file_with_unknown_command_line_is_missing if {
	d := c3_17 with input.files as [absent] with input.daemon as {"argv": null}
	d.missing == {"daemon.argv (the dockerd command line could not be read, so --config-file is unknown)"}
	not d.not_applicable
}

test_present_file_is_checked_even_with_unknown_command_line if {
	d := c3_17 with input.files as [fact] with input.daemon as {"argv": null}
	d.checked == 1
	d.missing == set()
}

test_custom_config_file_path_is_used if {
	custom := object.union(fact, {"path": "/srv/docker/daemon.json"})
	d := c3_17 with input.files as [custom] with input.daemon as {"argv": ["dockerd", "--config-file", "/srv/docker/daemon.json"]}
	d.checked == 1
	d.violations == set()
	d.missing == set()
}

# The whole package document evaluates (no builtin error in any rule) for every kind of fact.
test_whole_package_evaluates_for_every_fact_kind if {
	dm := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	d1 := c3_17 with input.files as [fact] with input.daemon as dm
	d2 := c3_17 with input.files as [absent] with input.daemon as dm
	d3 := c3_17 with input.files as [unreadable] with input.daemon as dm
	d4 := c3_17 with input.files as [] with input.daemon as dm
	d5 := c3_17 with input.files as [] with input.daemon as {"argv": null}
	every d in [d1, d2, d3, d4, d5] {
		is_number(d.checked)
	}
}

# ----------------------------------------------------------------------------- rootless daemon

rootless_daemon := {"argv": ["dockerd"], "info": null, "rootless": {"enabled": true, "detected_by": ["rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": [], "gid_map": [],
}}}

users_json := object.union(fact, {"path": "/home/alice/.config/docker/daemon.json", "rootless": true,
	"uid": 1234, "gid": 4242, "owner": "alice", "group": "alice"})

test_rootless_daemon_json_owned_by_its_user_passes if {
	d := c3_17 with input.files as [users_json] with input.daemon as rootless_daemon
	d.violations == set()
	d.missing == set()
	d.checked == 1
}

test_rootless_daemon_json_owned_by_root_passes if {
	d := c3_17 with input.files as [object.union(users_json, {"uid": 0, "gid": 0, "owner": "root", "group": "root"})] with input.daemon as rootless_daemon
	d.violations == set()
}

test_rootless_daemon_json_in_another_group_fails if {
	f := object.union(users_json, {"gid": 100, "group": "users"})
	vs := c3_17.violations with input.files as [f] with input.daemon as rootless_daemon
	result.brief(vs) == {{"resource": {"kind": "file", "id": "/home/alice/.config/docker/daemon.json", "name": "daemon_json"}, "message": "/home/alice/.config/docker/daemon.json is owned by alice:users, not alice:alice (the user the rootless daemon runs as) or root:root"}}
}

test_absent_rootless_daemon_json_is_not_applicable if {
	gone := object.union(absent, {"path": "/home/alice/.config/docker/daemon.json", "rootless": true})
	d := c3_17 with input.files as [gone] with input.daemon as rootless_daemon
	d.not_applicable == "the daemon configuration file /home/alice/.config/docker/daemon.json does not exist on this host"
	d.missing == set()
}
