package lib.files_test

import data.lib.files

fact := {"role": "r", "path": "/x", "exists": true, "type": "file", "resolved_path": null,
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": 420, "mode_octal": "0644", "mtime_unix": 1700000000,
	"error_kind": null, "error": null}

absent := object.union(fact, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null, "mode_octal": null})

unreadable := object.union(absent, {"exists": null, "error_kind": "permission", "error": "Permission denied"})

test_0640_is_within_0644 if files.at_most(416, 420)

test_0477_is_not_within_0644 if not files.at_most(319, 420)

test_0664_is_not_within_0644 if not files.at_most(436, 420)

test_setuid_bit_is_never_within if not files.at_most(2468, 493) # 0o4644 vs 0o755

test_octal_is_four_digits if files.octal(420) == "0644"

test_octal_of_a_null_mode_is_unknown if files.octal(null) == "unknown"

test_with_role_keeps_the_collector_order if {
	a := object.union(fact, {"path": "/a"})
	b := object.union(fact, {"path": "/b"})
	other := object.union(fact, {"role": "other"})
	files.with_role("r") == [b, a] with input.files as [b, other, a]
}

test_unknown_when_error if files.unknown({"exists": null, "error_kind": "permission"})

test_present_file_is_known if not files.unknown({"exists": true, "error_kind": null})

test_present_file_without_mode_or_owner_is_unknown if {
	every key in ["mode", "uid", "gid"] {
		files.unknown(object.union(fact, {key: null}))
	}
	files.missing([object.union(fact, {"mode": null})]) == {"file /x (mode or owner unknown)"}
}

test_absent_when_every_path_is_known_not_to_exist if {
	files.absent([absent, object.union(absent, {"path": "/y"})])
	not files.absent([])
	not files.absent([absent, fact])
	not files.absent([absent, unreadable])
}

test_absent_reason_names_what_is_absent if {
	files.absent_reason([absent], "the thing") == "the thing does not exist on this host"
	not files.absent_reason([fact], "the thing")
}

test_count_present_counts_existing_files if files.count_present([fact, absent, unreadable, fact]) == 2

test_owner_known_needs_an_existing_file_with_uid_and_gid if {
	files.owner_known(object.union(fact, {"mode": null}))
	not files.owner_known(object.union(fact, {"gid": null}))
	not files.owner_known(absent)
}

test_mode_known_needs_an_existing_file_with_a_mode if {
	files.mode_known(object.union(fact, {"uid": null}))
	not files.mode_known(object.union(fact, {"mode": null}))
	not files.mode_known(absent)
}

test_root_owned_needs_uid_and_gid_0 if {
	files.root_owned(fact)
	not files.root_owned(object.union(fact, {"gid": 999}))
	not files.root_owned(object.union(fact, {"uid": null}))
}

test_mode_finding_names_the_file_and_both_modes if {
	files.mode_finding(object.union(fact, {"mode": 436}), 420) == {
		"resource": {"kind": "file", "id": "/x", "name": "r"},
		"message": "/x has mode 0664, wider than 0644",
		"actual": "0664", "expected": "0644 or more restrictive",
	}
}

test_owner_finding_names_the_owner_and_the_expected_one if {
	files.owner_finding(object.union(fact, {"uid": 1000, "owner": "alice"}), "root:docker") == {
		"resource": {"kind": "file", "id": "/x", "name": "r"},
		"message": "/x is owned by alice:root, not root:docker",
		"actual": "alice:root", "expected": "root:docker",
	}
}

test_owner_uses_ids_without_names if {
	files.owner({"owner": null, "group": null, "uid": 1000, "gid": 50}) == "1000:50"
}

test_missing_names_the_file_and_the_error if {
	fs := [{"role": "r", "path": "/etc/docker/key.pem", "exists": null, "error_kind": "permission", "error": "Permission denied"}]
	files.missing(fs) == {"file /etc/docker/key.pem (permission: Permission denied)"}
}

test_missing_with_an_error_kind_only if {
	fs := [{"role": "r", "path": "/x", "exists": null, "error_kind": "timeout", "error": null}]
	files.missing(fs) == {"file /x (timeout)"}
}

test_missing_without_an_error_text if {
	fs := [{"role": "r", "path": "/x", "exists": null, "error_kind": null, "error": null}]
	files.missing(fs) == {"file /x (existence unknown)"}
}

test_missing_leaves_out_known_files if files.missing([fact, absent]) == set()

test_role_missing_when_no_fact_was_collected if {
	files.role_missing("r") == {"file facts for role r (not collected)"} with input.files as []
	files.role_missing("r") == set() with input.files as [absent]
}

test_sockets_lists_each_existing_socket_once_under_its_first_path if {
	sock := object.union(fact, {"path": "/run/docker.sock", "type": "socket"})
	link := object.union(sock, {"path": "/var/run/docker.sock", "resolved_path": "/run/docker.sock"})
	other := object.union(sock, {"path": "/srv/api.sock"})
	dir := object.union(fact, {"path": "/srv/dir.sock", "type": "dir"})
	gone := object.union(absent, {"path": "/gone.sock"})
	files.sockets([link, sock, other, dir, gone]) == [sock, other]
}

# ----------------------------------------------------------------------------- who owns a file

uid_map := [{"inside": 0, "outside": 1234, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}]

gid_map := [{"inside": 0, "outside": 4242, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}]

rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": uid_map, "gid_map": gid_map,
}}}

users_file := object.union(fact, {"path": "/home/alice/.config/docker/daemon.json", "rootless": true,
	"uid": 1234, "gid": 4242, "owner": "alice", "group": "alice"})

test_a_system_file_is_roots if {
	files.owned_as_expected(fact) with input.daemon as rootless_daemon
	not files.owned_as_expected(object.union(fact, {"uid": 1234})) with input.daemon as rootless_daemon
	files.expected_owner(fact) == "root:root"
}

test_a_rootless_daemons_file_is_its_users_or_roots if {
	files.owned_as_expected(users_file) with input.daemon as rootless_daemon
	files.owned_as_expected(object.union(users_file, {"uid": 0, "gid": 0})) with input.daemon as rootless_daemon
	files.owned_as_expected(object.union(users_file, {"gid": 0})) with input.daemon as rootless_daemon
	not files.owned_as_expected(object.union(users_file, {"uid": 1235})) with input.daemon as rootless_daemon
	not files.owned_as_expected(object.union(users_file, {"gid": 100})) with input.daemon as rootless_daemon
	not files.owned_as_expected(object.union(users_file, {"uid": 100000})) with input.daemon as rootless_daemon
}

test_the_expected_owner_of_a_rootless_daemons_file_names_its_user if {
	files.expected_owner(users_file) == "alice:alice (the user the rootless daemon runs as) or root:root" with input.daemon as rootless_daemon
	files.expected_owner(users_file) == "the user the rootless daemon runs as" with input.daemon as {"rootless": null, "info": null}
}

test_wrong_owner_needs_a_known_owner_and_who_should_own_it if {
	files.wrong_owner(object.union(users_file, {"uid": 1235})) with input.daemon as rootless_daemon
	not files.wrong_owner(users_file) with input.daemon as rootless_daemon
	not files.wrong_owner(object.union(users_file, {"uid": null})) with input.daemon as rootless_daemon
	not files.wrong_owner(object.union(users_file, {"uid": 1235})) with input.daemon as {"rootless": null, "info": null}
	files.wrong_owner(object.union(fact, {"uid": 1235})) with input.daemon as {"rootless": null, "info": null}
}

test_owner_missing_names_the_unknown_rootless_user_once if {
	other := object.union(users_file, {"path": "/home/alice/.config/docker"})
	files.owner_missing([users_file, other, fact]) == {"daemon.rootless.user (the user the rootless daemon runs as, who should own its files, is unknown)"} with input.daemon as {"rootless": null, "info": null}
	files.owner_missing([users_file, other, fact]) == set() with input.daemon as rootless_daemon
	files.owner_missing([object.union(users_file, {"exists": false})]) == set() with input.daemon as {"rootless": null, "info": null}
}

test_ownership_note_lists_the_rootless_daemons_present_files if {
	files.ownership_note([fact, users_file]) == "the rootless daemon's own files (/home/alice/.config/docker/daemon.json) are judged as the user's it runs as (alice), not root's" with input.daemon as rootless_daemon
	not files.ownership_note([fact]) with input.daemon as rootless_daemon
}

rootless_sock := object.union(users_file, {"role": "docker_sock", "path": "/run/user/1234/docker.sock", "type": "socket", "mode": 944, "mode_octal": "1660"})

test_a_rootless_socket_is_its_users_in_its_group_or_the_namespaces_docker_group if {
	host := {"groups_collected": true, "docker_group": {"name": "docker", "gid": 999, "members": [], "primary_members": []}}
	files.socket_owned_as_expected(rootless_sock) with input.daemon as rootless_daemon with input.host as host
	files.socket_owned_as_expected(object.union(rootless_sock, {"gid": 100998})) with input.daemon as rootless_daemon with input.host as host
	not files.socket_owned_as_expected(object.union(rootless_sock, {"gid": 100999})) with input.daemon as rootless_daemon with input.host as host
	not files.socket_owned_as_expected(object.union(rootless_sock, {"gid": 999})) with input.daemon as rootless_daemon with input.host as host
	not files.socket_owned_as_expected(object.union(rootless_sock, {"uid": 0, "gid": 0})) with input.daemon as rootless_daemon with input.host as host
	files.expected_socket_owner == "alice:alice or alice:100998 (the docker group of the rootless daemon's user namespace)" with input.daemon as rootless_daemon with input.host as host
	files.expected_socket_owner == "alice:alice (the user the rootless daemon runs as)" with input.daemon as rootless_daemon with input.host as {"groups_collected": true, "docker_group": null}
}

test_mode_within_allows_the_sticky_bit_only_in_a_rootless_daemons_runtime_dir if {
	files.mode_within(rootless_sock, 432) with input.daemon as rootless_daemon
	not files.mode_within(object.union(rootless_sock, {"mode": 950}), 432) with input.daemon as rootless_daemon # 0o1666
	not files.mode_within(object.union(rootless_sock, {"path": "/srv/d.sock"}), 432) with input.daemon as rootless_daemon
	not files.mode_within(object.union(rootless_sock, {"rootless": false}), 432) with input.daemon as rootless_daemon
	not files.mode_within(object.union(rootless_sock, {"mode": 2480}), 432) with input.daemon as rootless_daemon # 0o4660
}

test_walk_tops_are_the_directories_below_no_other if {
	top := object.union(fact, {"path": "/etc/docker/certs.d"})
	reg := object.union(fact, {"path": "/etc/docker/certs.d/reg"})
	mine := object.union(fact, {"path": "/home/alice/.config/docker/certs.d"})
	files.walk_tops([top, reg, mine]) == [top, mine]
}
