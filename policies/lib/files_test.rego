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
