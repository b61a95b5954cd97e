# METADATA
# title: "Ensure only trusted users are allowed to control Docker daemon"
# custom:
#   id: "1.4"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: true
#   automated: false
#   severity: high
#   remediation: >-
#     Remove every untrusted account from the docker group (membership is root-equivalent) and
#     restrict who can bind-mount sensitive host paths.
#   cis_v1_6_0: "1.1.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#     - https://docs.docker.com/engine/install/linux-postinstall/#manage-docker-as-a-non-root-user
package cis_docker_1_1_0.c1_4

import data.lib.files
import data.lib.params
import data.lib.result
import data.lib.rootless

# Who controls the daemon through its unix sockets (docker_sock FileFacts):
#   * every member of the docker group (listed members and accounts whose primary group it is):
#     dockerd hands the socket to that group (--group, default "docker") each time it starts;
#   * the members of any other group a socket belongs to with group write permission (connecting
#     needs write), except the root group. The snapshot lists the members of the docker group
#     only, so such a group is missing: its members cannot be known, and neither a pass nor an
#     allowlist check over an incomplete list of accounts would be right;
#   * a socket's owner other than root, with owner write permission.
# A rootless daemon (lib.rootless) is controlled by the user it runs as, the owner of its socket;
# dockerd hands that socket to the docker group of its own user namespace, a subordinate gid no
# host account holds, so neither that group nor the host's docker group reaches it (the host's
# docker group still counts when a socket it owns exists, e.g. a system daemon's).
# root is always trusted. A socket writable by others lets every local user in: always a fail.
# With the organisation's trusted_users every other account must be on the list; without it the
# accounts are listed for a person to judge (manual). No account at all (no docker group, root-only
# socket) complies.

sockets := files.with_role("docker_sock")

present_sockets := [s | some s in sockets; files.present(s)]

groups_known if input.host.groups_collected == true

docker_group := input.host.docker_group if is_object(input.host.docker_group)

# has_trusted_list: the organisation gave trusted_users, whatever the value (false too: missing).
has_trusted_list if params.value("trusted_users") != null

trusted := {u | some u in params.value("trusted_users")} if is_array(params.value("trusted_users"))

# ---------------------------------------------------------------- facts

missing contains "host.docker_group (/etc/group could not be read)" if not groups_known

missing contains m if some m in files.missing(sockets)

missing contains msg if {
	groups_known
	some s in present_sockets
	grants_group(s)
	not is_docker_group(s.gid)
	msg := sprintf("members of group %s, which owns %s (not collected: the snapshot lists only the members of the docker group in /etc/group)", [files.name_or_id(s.group, s.gid), s.path])
}

missing contains "params.trusted_users (must be a list of user names)" if {
	has_trusted_list
	not trusted
}

# ---------------------------------------------------------------- who has access

group_write := 16 # 0o020

other_write := 2 # 0o002

owner_write := 128 # 0o200

# A null mode, uid or gid (not collected) grants nothing here: missing reports it.
grants_group(s) if {
	is_number(s.mode)
	bits.and(s.mode, group_write) != 0
	is_number(s.gid)
	s.gid != 0
	not is_namespace_group(s)
}

# is_namespace_group: a rootless daemon's socket in a group of that daemon's user namespace.
is_namespace_group(s) if {
	files.is_rootless_file(s)
	rootless.is_namespace_gid(s.gid)
}

docker_group_controls if not rootless.is_rootless

docker_group_controls if {
	some s in present_sockets
	is_docker_group(s.gid)
}

is_world_writable(s) if {
	is_number(s.mode)
	bits.and(s.mode, other_write) != 0
}

grants_owner(s) if {
	is_number(s.mode)
	bits.and(s.mode, owner_write) != 0
	is_number(s.uid)
	s.uid != 0
}

is_docker_group(gid) if docker_group.gid == gid

members(g) := {m | some m in object.get(g, "members", [])} | {m | some m in object.get(g, "primary_members", [])}

# access: [account, how it reaches the daemon]
access contains [user, sprintf("member of group %s", [docker_group.name])] if {
	docker_group_controls
	some user in members(docker_group)
}

access contains [user, sprintf("owner of %s", [s.path])] if {
	some s in present_sockets
	grants_owner(s)
	user := files.name_or_id(s.owner, s.uid)
}

users := {a[0] | some a in access; a[0] != "root"}

ways(user) := {a[1] | some a in access; a[0] == user}

# A user is reported on the host (the report has no "user" resource kind): id <host>/user/<name>.
user_resource(user) := {"kind": "host", "id": sprintf("%s/user/%s", [result.host.id, user]), "name": user}

# ---------------------------------------------------------------- decision

violations contains result.finding(result.file(s), msg, files.octal(s.mode), "no write permission for others (0660 or stricter)") if {
	some s in present_sockets
	is_world_writable(s)
	msg := sprintf("%s is writable by every local user (mode %s): anyone can control the Docker daemon", [s.path, files.octal(s.mode)])
}

violations contains result.finding(user_resource(user), msg, user, "a user listed in trusted_users") if {
	trusted
	some user in users
	not user in trusted
	msg := sprintf("user %s can control the Docker daemon (%s) but is not in trusted_users", [user, concat("; ", ways(user))])
}

manual := msg if {
	groups_known
	not has_trusted_list
	count(users) > 0
	msg := sprintf("%v account(s) can control the Docker daemon (%s); confirm each is trusted, or give the trusted_users parameter", [count(users), concat(", ", users)])
}

checked := count(users) + count(present_sockets) if groups_known

evidence := {
	"docker_group": object.get(input, ["host", "docker_group"], null),
	"sockets": [{"path": s.path, "owner": files.owner(s), "mode": files.octal(s.mode)} | some s in present_sockets],
	"accounts": {user: ways(user) | some user in users},
	"trusted_users": params.with_default("trusted_users", null),
}
