# METADATA
# title: File facts and the checks every file control shares
# description: |
#   A file control takes the facts of its role (`with_role`), reports the ones that could not
#   be collected (`missing`, and `role_missing` when the role has none at all), is not
#   applicable when every listed path is known to be absent (`absent`), and decides on the
#   files that exist: `owner_known(f)` / `mode_known(f)` say the fact it reads was recorded,
#   `owner_finding` / `mode_finding` shape the finding.
#   Modes are compared with bit masks, never as decimal numbers: "644 or more restrictive"
#   means no permission bit outside 0o644 and no setuid/setgid/sticky bit.
package lib.files

import data.lib.result

# with_role: the facts recorded for one role, in the collector's order (a role may list
# several paths, e.g. every configured socket).
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

# absent: facts were collected for fs and every one is a path known not to exist.
absent(fs) if {
	count(fs) > 0
	not any_present(fs)
	not any_unknown(fs)
}

count_present(fs) := count([f | some f in fs; present(f)])

# owner_known / mode_known: f exists and the fact a check reads was recorded. When it was
# not, `missing` reports the file; a check decides only on what is known.
owner_known(f) if {
	present(f)
	is_number(f.uid)
	is_number(f.gid)
}

mode_known(f) if {
	present(f)
	is_number(f.mode)
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
missing(fs) := {sprintf("file %s (%s)", [f.path, error_text(f)]) |
	some f in fs
	unknown(f)
}

error_text(f) := sprintf("%s: %s", [f.error_kind, f.error]) if {
	is_string(f.error_kind)
	is_string(f.error)
} else := f.error_kind if is_string(f.error_kind)

else := "mode or owner unknown" if incomplete(f)

else := "existence unknown"

# absent_reason is the not-applicable reason when no file of fs exists.
absent_reason(fs, what) := sprintf("%s does not exist on this host", [what]) if absent(fs)

# role_missing is the `missing` entry when the snapshot holds no fact at all for a role the
# collector always records (an empty or truncated files list must not read as "absent").
role_missing(role) := {sprintf("file facts for role %s (not collected)", [role]) | count(with_role(role)) == 0}

# owner_finding: f is not owned by expected ("root:root"); f's uid and gid are known.
owner_finding(f, expected) := result.finding(
	result.file(f),
	sprintf("%s is owned by %s, not %s", [f.path, owner(f), expected]),
	owner(f),
	expected,
)

# mode_finding: f's mode sets a bit outside allowed; f's mode is known.
mode_finding(f, allowed) := result.finding(
	result.file(f),
	sprintf("%s has mode %s, wider than %s", [f.path, octal(f.mode), octal(allowed)]),
	octal(f.mode),
	sprintf("%s or more restrictive", [octal(allowed)]),
)

owner(f) := sprintf("%s:%s", [name_or_id(f.owner, f.uid), name_or_id(f.group, f.gid)])

name_or_id(name, id) := name if is_string(name)

else := sprintf("%v", [id])

# sockets: the files of fs that exist and are sockets, each socket once: one reached by two
# paths (/var/run/docker.sock is /run/docker.sock through the /var/run symlink) is listed under
# the path that sorts first.
sockets(fs) := [f | some f in fs; is_socket(f); not shadowed(f, fs)]

is_socket(f) if {
	present(f)
	f.type == "socket"
}

real_path(f) := f.resolved_path if is_string(f.resolved_path)

else := f.path

shadowed(f, fs) if {
	some g in fs
	is_socket(g)
	real_path(g) == real_path(f)
	g.path < f.path
}
