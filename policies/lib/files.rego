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
#
#   Who should own a Docker file is decided here, once: root (root:root; a socket root:docker,
#   see the socket ownership control) for the system's files, and for the files of a rootless
#   daemon (marked `rootless` by the collector: its socket, daemon.json, config dir, data root,
#   TLS files, user unit) the user it runs as, with that user's group; root:root is accepted
#   there too, root being trusted whoever the daemon runs as. Ownership controls read
#   `owner_missing`, `wrong_owner` and `ownership_finding`.
package lib.files

import data.lib.result
import data.lib.rootless

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

# ----------------------------------------------------------------------------- who owns a file

# The rootless daemon's user, read by the functions below through these rules of this package:
# a function reading another package's rule through its import is undefined in regorus once a
# rule of the function's package has been read (policies/README.md, the engine subset).
daemon_user := rootless.user

daemon_user_known if rootless.user_known

daemon_user_name := rootless.user_name

daemon_group_name := rootless.group_name

# is_rootless_file: f is a file of the rootless daemon audited (the collector's mark).
is_rootless_file(f) if f.rootless == true

# owned_as_expected(f): f's owner is who should own it (see the package description).
owned_as_expected(f) if {
	not is_rootless_file(f)
	root_owned(f)
}

owned_as_expected(f) if {
	is_rootless_file(f)
	f.uid in {daemon_user.uid, 0}
	f.gid in {daemon_user.gid, 0}
}

# owner_decidable(f): who should own f is known (a rootless daemon's file needs its user).
owner_decidable(f) if not is_rootless_file(f)

owner_decidable(f) if daemon_user_known

# expected_owner(f) says who should own f, for a finding.
expected_owner(f) := "root:root" if not is_rootless_file(f)

else := sprintf("%s:%s (the user the rootless daemon runs as) or root:root", [daemon_user_name, daemon_group_name]) if daemon_user_known

else := "the user the rootless daemon runs as"

# wrong_owner(f): f exists, its owner is known, and it is not who should own f.
wrong_owner(f) if {
	owner_known(f)
	owner_decidable(f)
	not owned_as_expected(f)
}

# owner_missing lists what an ownership control over fs lacks: the files' facts, and the rootless
# daemon's user when one of its files exists.
owner_missing(fs) := missing(fs) | {m |
	some f in fs
	is_rootless_file(f)
	present(f)
	not daemon_user_known
	m := "daemon.rootless.user (the user the rootless daemon runs as, who should own its files, is unknown)"
}

ownership_finding(f) := owner_finding(f, expected_owner(f))

# ownership_note says, when fs holds a rootless daemon's existing files, that those were judged
# as its user's rather than root's.
ownership_note(fs) := sprintf("the rootless daemon's own files (%s) are judged as the user's it runs as (%s), not root's", [concat(", ", paths), daemon_user_name]) if {
	paths := sort([f.path | some f in fs; is_rootless_file(f); present(f)])
	count(paths) > 0
	daemon_user_known
}

# socket_owned_as_expected(s): a rootless daemon's socket is its user's, in the user's group or
# in the docker group as the daemon's user namespace maps it (dockerd hands its socket to the
# group "docker" of its namespace, whose /etc/group is the host's: a subordinate gid outside).
# The system daemon's socket (root:docker) is the socket ownership control's own rule.
socket_owned_as_expected(s) if {
	is_rootless_file(s)
	s.uid == daemon_user.uid
	s.gid == daemon_user.gid
}

socket_owned_as_expected(s) if {
	is_rootless_file(s)
	s.uid == daemon_user.uid
	s.gid == namespace_docker_gid
}

namespace_docker_gid := rootless.host_gid(input.host.docker_group.gid) if is_object(input.host.docker_group)

expected_socket_owner := sprintf("%s:%s or %s:%v (the docker group of the rootless daemon's user namespace)", [rootless.user_name, rootless.group_name, rootless.user_name, namespace_docker_gid]) if {
	is_number(namespace_docker_gid)
} else := sprintf("%s:%s (the user the rootless daemon runs as)", [rootless.user_name, rootless.group_name]) if rootless.user_known

# mode_within(f, allowed): at_most(f.mode, allowed), except that a rootless daemon's file in its
# $XDG_RUNTIME_DIR may also carry the sticky bit: dockerd sets it there, the XDG Base Directory
# spec's mark that keeps a file from the periodic clean-up of that directory; on a file other
# than a directory it grants nothing.
mode_within(f, allowed) if at_most(f.mode, allowed)

mode_within(f, allowed) if {
	is_rootless_file(f)
	f.type != "dir"
	rootless.in_runtime_dir(f.path)
	at_most(f.mode, bits.or(allowed, 512)) # 0o1000, the sticky bit
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

# walk_tops(dirs): the directories of dirs not below another one of them: the tops of the
# collector's certs.d walks (/etc/docker/certs.d, and a rootless daemon's in its config dir).
walk_tops(dirs) := [d | some d in dirs; not below_any(d, dirs)]

below_any(d, dirs) if {
	some e in dirs
	startswith(d.path, sprintf("%s/", [trim_right(e.path, "/")]))
}

# paths_text: "a" or "a and b", with the verb that agrees ("does"/"do").
paths_text(fs) := concat(" and ", [f.path | some f in fs])

agrees(fs, one, many) := one if count(fs) == 1

else := many

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
