# METADATA
# title: File facts and the checks every file control shares
# description: |
#   Modes are compared with bit masks, never as decimal numbers: "644 or more restrictive"
#   means no permission bit outside 0o644 and no setuid/setgid/sticky bit.
package lib.files

import data.lib.result

with_role(role) := [f | some f in input.files; f.role == role]

present(f) if f.exists == true

unknown(f) if not is_boolean(f.exists)

unknown(f) if f.error_kind != null

unknown(f) if incomplete(f)

# incomplete: the file exists but its mode or owner was not recorded (null in the snapshot).
incomplete(f) if {
	present(f)
	some key in ["mode", "uid", "gid"]
	f[key] == null
}

any_present(fs) if {
	some f in fs
	present(f)
}

any_unknown(fs) if {
	some f in fs
	unknown(f)
}

# at_most holds when mode sets no bit outside allowed (4095 = 0o7777).
at_most(mode, allowed) if bits.and(mode, 4095 - allowed) == 0

octal(mode) := sprintf("%04d", [to_number(format_int(mode, 8))]) if is_number(mode)

else := "unknown"

root_owned(f) if {
	f.uid == 0
	f.gid == 0
}

# missing lists the files of fs whose facts could not be collected.
missing(fs) := {concat("", ["file ", f.path, " (", error_text(f), ")"]) |
	some f in fs
	unknown(f)
}

# error_text avoids object.get defaults in sprintf (regopy keeps such literals quoted).
error_text(f) := concat(": ", [f.error_kind, f.error]) if {
	is_string(f.error_kind)
	is_string(f.error)
} else := f.error_kind if is_string(f.error_kind)

else := "mode or owner unknown" if incomplete(f)

else := "existence unknown"

# absent_reason is the not-applicable reason when no file of fs exists. (concat, not sprintf:
# regopy keeps the quotes of a literal passed in as `what` when sprintf formats it.)
absent_reason(fs, what) := concat("", [what, " does not exist on this host"]) if {
	count(fs) > 0
	not any_present(fs)
	not any_unknown(fs)
}

# role_missing is the `missing` entry when the snapshot holds no fact at all for a role the
# collector always records (an empty or truncated files list must not read as "absent").
role_missing(role) := {concat("", ["file facts for role ", role, " (not collected)"])} if {
	count(with_role(role)) == 0
} else := set()

# mode_violations: every present file of fs with a bit outside allowed.
mode_violations(fs, allowed) := {result.finding(result.file(f), msg, octal(f.mode), sprintf("%s or more restrictive", [octal(allowed)])) |
	some f in fs
	present(f)
	is_number(f.mode) # a null mode is reported by missing
	not at_most(f.mode, allowed)
	msg := sprintf("%s has mode %s, wider than %s", [f.path, octal(f.mode), octal(allowed)])
}

# owner_violations: every present file of fs not owned by root:root.
owner_violations(fs) := {result.finding(result.file(f), msg, owner(f), "root:root") |
	some f in fs
	present(f)
	not root_owned(f)
	msg := sprintf("%s is owned by %s, not root:root", [f.path, owner(f)])
}

owner(f) := sprintf("%s:%s", [name_or_id(f.owner, f.uid), name_or_id(f.group, f.gid)])

name_or_id(name, id) := name if is_string(name)

else := sprintf("%v", [id])
