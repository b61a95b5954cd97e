# METADATA
# title: The rootless daemon, the user it runs as and the ids of its user namespace
# description: |
#   A rootless dockerd (dockerd-rootless.sh) runs as an ordinary user under rootlesskit, in a
#   user namespace of its own: uid 0 inside is the user outside, and the user's subordinate ids
#   (/etc/subuid, /etc/subgid) are the namespace's other ids. The collector records the signs
#   (daemon.rootless: GET /info SecurityOptions name=rootless, a dockerd uid other than 0,
#   rootlesskit's environment) and, from the dockerd process, the user and its id maps.
#
#   Who should own a Docker file is decided in lib.files (owned_as_expected), from these facts.
#   Every rule here is defined (or undefined) on any schema-valid input, without an error: a
#   snapshot from before schema 1.3 has no daemon.rootless and is rootless only when GET /info
#   says so.
package lib.rootless

import data.lib.values

# is_rootless: the daemon audited runs rootless.
is_rootless if input.daemon.rootless.enabled == true

is_rootless if "name=rootless" in values.items(input.daemon.info.security_options)

# user is the account the rootless daemon runs as (undefined when not rootless or not collected).
user := u if {
	is_rootless
	u := input.daemon.rootless.user
	is_number(u.uid)
	is_number(u.gid)
}

user_known if user

# missing: the daemon is rootless, but as whom is unknown (its process could not be read).
missing contains "daemon.rootless.user (the daemon is rootless, but the user it runs as is unknown: its dockerd process could not be read)" if {
	is_rootless
	not user_known
}

user_name := user.name if is_string(user.name)

else := sprintf("%v", [user.uid]) if user_known

group_name := user.group if is_string(user.group)

else := sprintf("%v", [user.gid]) if user_known

# host_gid(g) is the host gid of gid g inside the daemon's user namespace (gid_map).
host_gid(g) := (r.outside + g) - r.inside if {
	is_number(g)
	some r in values.items(user.gid_map)
	r.inside <= g
	g < r.inside + r.count
}

# is_namespace_gid(g): host gid g is one of the daemon's namespace other than the user's own
# group, i.e. one of the user's subordinate gids. No host account holds it: only processes of
# the daemon's namespace (its containers) do.
is_namespace_gid(g) if {
	is_number(g)
	g != user.gid
	some r in values.items(user.gid_map)
	r.outside <= g
	g < r.outside + r.count
}

# in_runtime_dir(path): path is below the rootless daemon's $XDG_RUNTIME_DIR.
in_runtime_dir(path) if {
	is_string(path)
	d := user.xdg_runtime_dir
	is_string(d)
	d != ""
	startswith(path, sprintf("%s/", [trim_right(d, "/")]))
}
