package cis_docker_1_1_0.c1_4_test

import data.cis_docker_1_1_0.c1_4
import data.lib.result

sock := {"role": "docker_sock", "path": "/var/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 998, "owner": "root", "group": "docker", "mode": 432, "error_kind": null, "error": null}

root_only_sock := object.union(sock, {"gid": 0, "group": "root", "mode": 432})

docker_group := {"name": "docker", "gid": 998, "members": ["alice", "bob"], "primary_members": ["ci"]}

empty_docker_group := {"name": "docker", "gid": 998, "members": [], "primary_members": []}

# snapshot: the socket facts, /etc/group read, and the docker group (null: there is none).
snapshot(socks, group) := {
	"files": socks,
	"host": {"groups_collected": true, "docker_group": group},
	"meta": {"hostname": "h1"},
}

user(name) := {"kind": "host", "id": sprintf("h1/user/%s", [name]), "name": name}

sock_resource := {"kind": "file", "id": "/var/run/docker.sock", "name": "docker_sock"}

test_members_listed_for_a_person_without_allowlist if {
	inp := snapshot([sock], docker_group)
	c1_4.manual == "3 account(s) can control the Docker daemon (alice, bob, ci); confirm each is trusted, or give the trusted_users parameter" with input as inp
		with data.dockerbench.params as {}
	c1_4.violations == set() with input as inp with data.dockerbench.params as {}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
	c1_4.checked == 4 with input as inp with data.dockerbench.params as {}
}

test_evidence_names_how_each_account_gets_in if {
	inp := snapshot([sock], docker_group)
	c1_4.evidence == {
		"docker_group": docker_group,
		"sockets": [{"path": "/var/run/docker.sock", "owner": "root:docker", "mode": "0660"}],
		"accounts": {
			"alice": {"member of group docker"},
			"bob": {"member of group docker"},
			"ci": {"member of group docker"},
		},
		"trusted_users": null,
	} with input as inp with data.dockerbench.params as {}
}

test_all_members_trusted_passes if {
	inp := snapshot([sock], docker_group)
	params := {"trusted_users": ["alice", "bob", "ci"]}
	c1_4.checked == 4 with input as inp with data.dockerbench.params as params
	c1_4.violations == set() with input as inp with data.dockerbench.params as params
	not c1_4.manual with input as inp with data.dockerbench.params as params
	c1_4.missing == set() with input as inp with data.dockerbench.params as params
}

test_untrusted_member_fails if {
	inp := snapshot([sock], docker_group)
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": ["alice"]}
	vs == {
		{
			"resource": {"kind": "host", "id": "h1/user/bob", "name": "bob"},
			"message": "user bob can control the Docker daemon (member of group docker) but is not in trusted_users",
			"actual": "bob", "expected": "a user listed in trusted_users",
		},
		{
			"resource": {"kind": "host", "id": "h1/user/ci", "name": "ci"},
			"message": "user ci can control the Docker daemon (member of group docker) but is not in trusted_users",
			"actual": "ci", "expected": "a user listed in trusted_users",
		},
	}
}

test_root_in_docker_group_is_always_trusted if {
	inp := snapshot([sock], {"name": "docker", "gid": 998, "members": ["root"], "primary_members": []})
	c1_4.violations == set() with input as inp with data.dockerbench.params as {"trusted_users": []}
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {"trusted_users": []}
	not c1_4.manual with input as inp with data.dockerbench.params as {}
}

test_no_docker_group_and_root_only_socket_passes if {
	inp := snapshot([root_only_sock], null)
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {}
	not c1_4.manual with input as inp with data.dockerbench.params as {}
	c1_4.violations == set() with input as inp with data.dockerbench.params as {}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
}

test_empty_docker_group_passes_without_allowlist if {
	inp := snapshot([sock], empty_docker_group)
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {}
	not c1_4.manual with input as inp with data.dockerbench.params as {}
	c1_4.violations == set() with input as inp with data.dockerbench.params as {}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
}

test_docker_group_without_member_lists_passes if {
	inp := snapshot([sock], {"name": "docker", "gid": 998})
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {}
	not c1_4.manual with input as inp with data.dockerbench.params as {}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
}

test_world_writable_socket_fails_without_allowlist if {
	open_sock := object.union(sock, {"mode": 438})
	inp := snapshot([open_sock], empty_docker_group)
	vs := c1_4.violations with input as inp with data.dockerbench.params as {}
	vs == {{
		"resource": sock_resource,
		"message": "/var/run/docker.sock is writable by every local user (mode 0666): anyone can control the Docker daemon",
		"actual": "0666", "expected": "no write permission for others (0660 or stricter)",
	}}
}

test_world_writable_socket_and_untrusted_member_both_fail if {
	open_sock := object.union(sock, {"mode": 438})
	inp := snapshot([open_sock], docker_group)
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": ["alice", "bob"]}
	result.brief(vs) == {
		{"resource": sock_resource, "message": "/var/run/docker.sock is writable by every local user (mode 0666): anyone can control the Docker daemon"},
		{"resource": user("ci"), "message": "user ci can control the Docker daemon (member of group docker) but is not in trusted_users"},
	}
}

test_socket_owner_other_than_root_has_access if {
	owned := object.union(sock, {"uid": 1001, "owner": "deploy"})
	inp := snapshot([owned], empty_docker_group)
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": ["alice"]}
	result.brief(vs) == {{"resource": user("deploy"), "message": "user deploy can control the Docker daemon (owner of /var/run/docker.sock) but is not in trusted_users"}}
}

test_owner_in_docker_group_has_both_ways if {
	owned := object.union(sock, {"uid": 1001, "owner": "bob"})
	inp := snapshot([owned], docker_group)
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": ["alice", "ci"]}
	result.brief(vs) == {{"resource": user("bob"), "message": "user bob can control the Docker daemon (member of group docker; owner of /var/run/docker.sock) but is not in trusted_users"}}
}

test_socket_owner_without_write_bit_has_no_access if {
	owned := object.union(sock, {"uid": 1001, "owner": "deploy", "mode": 48})
	inp := snapshot([owned], empty_docker_group)
	c1_4.violations == set() with input as inp with data.dockerbench.params as {"trusted_users": []}
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {"trusted_users": []}
}

# The snapshot lists the docker group's members only: another group on the socket is missing.
test_other_socket_group_is_missing if {
	other := object.union(sock, {"gid": 1500, "group": "devs"})
	inp := snapshot([other], docker_group)
	c1_4.missing == {"members of group devs, which owns /var/run/docker.sock (not collected: the snapshot lists only the members of the docker group in /etc/group)"} with input as inp
		with data.dockerbench.params as {}
}

test_other_socket_group_is_missing_when_every_known_member_is_trusted if {
	other := object.union(sock, {"gid": 1500, "group": "devs"})
	inp := snapshot([other], docker_group)
	params := {"trusted_users": ["alice", "bob", "ci"]}
	c1_4.missing == {"members of group devs, which owns /var/run/docker.sock (not collected: the snapshot lists only the members of the docker group in /etc/group)"} with input as inp
		with data.dockerbench.params as params
	c1_4.violations == set() with input as inp with data.dockerbench.params as params
}

test_other_socket_group_without_docker_group_is_missing if {
	other := object.union(sock, {"gid": 1500, "group": "devs"})
	inp := snapshot([other], null)
	c1_4.missing == {"members of group devs, which owns /var/run/docker.sock (not collected: the snapshot lists only the members of the docker group in /etc/group)"} with input as inp
		with data.dockerbench.params as {}
}

test_unnamed_socket_group_is_missing_by_gid if {
	other := object.union(sock, {"gid": 1500, "group": null})
	inp := snapshot([other], docker_group)
	c1_4.missing == {"members of group 1500, which owns /var/run/docker.sock (not collected: the snapshot lists only the members of the docker group in /etc/group)"} with input as inp
		with data.dockerbench.params as {}
}

test_group_without_write_bit_grants_nothing if {
	read_only_group := object.union(sock, {"gid": 1500, "group": "devs", "mode": 416})
	inp := snapshot([read_only_group], null)
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
	c1_4.checked == 1 with input as inp with data.dockerbench.params as {}
}

test_groups_not_collected_is_missing if {
	inp := {"files": [sock], "host": {"groups_collected": false, "docker_group": null}, "meta": {"hostname": "h1"}}
	c1_4.missing == {"host.docker_group (/etc/group could not be read)"} with input as inp with data.dockerbench.params as {}
	not c1_4.checked with input as inp with data.dockerbench.params as {}
}

test_unstatable_socket_is_missing if {
	unknown := object.union(sock, {"exists": null, "mode": null, "error_kind": "permission", "error": "Permission denied"})
	inp := snapshot([unknown], docker_group)
	c1_4.missing == {"file /var/run/docker.sock (permission: Permission denied)"} with input as inp with data.dockerbench.params as {}
}

# A socket whose group was not recorded is missing once, as a file fact (not as a group "null").
test_socket_with_unknown_group_is_missing_once if {
	unknown_group := object.union(sock, {"gid": null, "group": null})
	inp := snapshot([unknown_group], null)
	c1_4.missing == {"file /var/run/docker.sock (mode or owner unknown)"} with input as inp with data.dockerbench.params as {}
}

test_trusted_users_must_be_a_list if {
	inp := snapshot([sock], docker_group)
	c1_4.missing == {"params.trusted_users (must be a list of user names)"} with input as inp
		with data.dockerbench.params as {"trusted_users": "alice"}
}

# false is a value the organisation gave, not "no allowlist": it is invalid, not manual.
test_trusted_users_false_is_invalid if {
	inp := snapshot([sock], docker_group)
	c1_4.missing == {"params.trusted_users (must be a list of user names)"} with input as inp
		with data.dockerbench.params as {"trusted_users": false}
	not c1_4.manual with input as inp with data.dockerbench.params as {"trusted_users": false}
}

test_null_trusted_users_is_no_allowlist if {
	inp := snapshot([sock], docker_group)
	c1_4.manual == "3 account(s) can control the Docker daemon (alice, bob, ci); confirm each is trusted, or give the trusted_users parameter" with input as inp
		with data.dockerbench.params as {"trusted_users": null}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {"trusted_users": null}
}

test_whole_package_on_a_failing_host if {
	inp := snapshot([sock], docker_group)
	doc := c1_4 with input as inp with data.dockerbench.params as {"trusted_users": ["alice"]}
	result.brief(doc.violations) == {
		{"resource": user("bob"), "message": "user bob can control the Docker daemon (member of group docker) but is not in trusted_users"},
		{"resource": user("ci"), "message": "user ci can control the Docker daemon (member of group docker) but is not in trusted_users"},
	}
	doc.missing == set()
	doc.checked == 4
	doc.evidence.accounts == {"alice": {"member of group docker"}, "bob": {"member of group docker"}, "ci": {"member of group docker"}}
}

test_whole_package_with_nothing_collected if {
	doc := c1_4 with input as {} with data.dockerbench.params as {}
	doc.missing == {"host.docker_group (/etc/group could not be read)"}
	not doc.checked
	doc.evidence.docker_group == null
}

test_user_resource_without_hostname if {
	inp := object.union(snapshot([sock], {"name": "docker", "gid": 998, "members": ["bob"], "primary_members": []}), {"meta": {"hostname": null}})
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": []}
	result.brief(vs) == {{"resource": {"kind": "host", "id": "host/user/bob", "name": "bob"}, "message": "user bob can control the Docker daemon (member of group docker) but is not in trusted_users"}}
}

# ----------------------------------------------------------------------------- rootless daemon

# alice (uid 1234, gid 4242) runs the daemon; her namespace's docker group (gid 998 inside) is
# host gid 100997, which dockerd gives its socket.
rootless_daemon := {"info": null, "rootless": {"enabled": true, "detected_by": ["process_user", "rootlesskit"], "user": {
	"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share",
	"uid_map": [{"inside": 0, "outside": 1234, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}],
	"gid_map": [{"inside": 0, "outside": 4242, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}],
}}}

rootless_sock := object.union(sock, {"path": "/run/user/1234/docker.sock", "rootless": true, "uid": 1234, "gid": 100997,
	"owner": "alice", "group": null, "mode": 944})

absent_sock := object.union(sock, {"exists": false, "type": null, "uid": null, "gid": null, "owner": null, "group": null, "mode": null})

test_a_rootless_daemon_is_controlled_by_its_user_only if {
	inp := object.union(snapshot([absent_sock, rootless_sock], docker_group), {"daemon": rootless_daemon})
	c1_4.manual == "1 account(s) can control the Docker daemon (alice); confirm each is trusted, or give the trusted_users parameter" with input as inp
		with data.dockerbench.params as {}
	c1_4.missing == set() with input as inp with data.dockerbench.params as {}
	c1_4.violations == set() with input as inp with data.dockerbench.params as {}
}

test_a_rootless_daemons_user_not_in_trusted_users_fails if {
	inp := object.union(snapshot([absent_sock, rootless_sock], docker_group), {"daemon": rootless_daemon})
	vs := c1_4.violations with input as inp with data.dockerbench.params as {"trusted_users": ["bob"]}
	result.brief(vs) == {{"resource": user("alice"), "message": "user alice can control the Docker daemon (owner of /run/user/1234/docker.sock) but is not in trusted_users"}}
}

test_the_docker_group_counts_beside_a_rootless_daemon_when_a_socket_of_it_exists if {
	inp := object.union(snapshot([sock, rootless_sock], docker_group), {"daemon": rootless_daemon})
	c1_4.manual == "3 account(s) can control the Docker daemon (alice, bob, ci); confirm each is trusted, or give the trusted_users parameter" with input as inp
		with data.dockerbench.params as {}
}

test_a_rootless_socket_in_another_host_group_is_missing_its_members if {
	s := object.union(rootless_sock, {"gid": 100, "group": "users"})
	inp := object.union(snapshot([absent_sock, s], docker_group), {"daemon": rootless_daemon})
	c1_4.missing == {"members of group users, which owns /run/user/1234/docker.sock (not collected: the snapshot lists only the members of the docker group in /etc/group)"} with input as inp
		with data.dockerbench.params as {}
}
