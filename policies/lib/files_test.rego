package lib.files_test

import data.lib.files

test_0640_is_within_0644 if files.at_most(416, 420)

test_0477_is_not_within_0644 if not files.at_most(319, 420)

test_0664_is_not_within_0644 if not files.at_most(436, 420)

test_setuid_bit_is_never_within if not files.at_most(2468, 493) # 0o4644 vs 0o755

test_octal_is_four_digits if files.octal(420) == "0644"

test_unknown_when_error if files.unknown({"exists": null, "error_kind": "permission"})

test_present_file_is_known if not files.unknown({"exists": true, "error_kind": null})

test_mode_violation_names_the_file if {
	fs := [{"role": "r", "path": "/x", "exists": true, "mode": 436, "uid": 0, "gid": 0, "owner": "root", "group": "root", "error_kind": null}]
	some v in files.mode_violations(fs, 420)
	v.resource.id == "/x"
	v.actual == "0664"
}

test_owner_uses_ids_without_names if {
	files.owner({"owner": null, "group": null, "uid": 1000, "gid": 50}) == "1000:50"
}

test_missing_names_the_file_and_the_error if {
	fs := [{"role": "r", "path": "/etc/docker/key.pem", "exists": null, "error_kind": "permission", "error": "Permission denied"}]
	files.missing(fs) == {"file /etc/docker/key.pem (permission: Permission denied)"}
}

test_missing_without_an_error_text if {
	fs := [{"role": "r", "path": "/x", "exists": null, "error_kind": null, "error": null}]
	files.missing(fs) == {"file /x (existence unknown)"}
}

test_present_file_without_mode_or_owner_is_unknown if {
	every key in ["mode", "uid", "gid"] {
		files.unknown(object.union({"exists": true, "error_kind": null, "mode": 420, "uid": 0, "gid": 0}, {key: null}))
	}
	files.missing([{"path": "/x", "exists": true, "error_kind": null, "mode": null, "uid": 0, "gid": 0}]) == {"file /x (mode or owner unknown)"}
}
