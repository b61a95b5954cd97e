package cis_docker_1_1_0.c1_4_test

import data.cis_docker_1_1_0.c1_4

sock := {"role": "docker_sock", "path": "/var/run/docker.sock", "exists": true, "type": "socket", "resolved_path": null,
	"uid": 0, "gid": 998, "owner": "root", "group": "docker", "mode": 432, "error_kind": null, "error": null}

root_only_sock := object.union(sock, {"gid": 0, "group": "root", "mode": 432})

docker_group := {"name": "docker", "gid": 998, "members": ["alice", "bob"], "primary_members": ["ci"]}

meta := {"hostname": "h1", "docker_host": "unix:///var/run/docker.sock"}

test_members_listed_for_review_without_allowlist if {
	m := c1_4.manual with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	m == "3 account(s) can control the Docker daemon (alice, bob, ci); confirm each is trusted, or give the trusted_users parameter"
	count(c1_4.violations) == 0 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_evidence_names_how_each_account_gets_in if {
	ev := c1_4.evidence with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	ev.accounts.ci == {"member of group docker"}
	ev.sockets == [{"path": "/var/run/docker.sock", "owner": "root:docker", "mode": "0660"}]
}

test_all_members_trusted_passes if {
	c1_4.checked == 4 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice", "bob", "ci"]}
	count(c1_4.violations) == 0 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice", "bob", "ci"]}
	not c1_4.manual with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice", "bob", "ci"]}
	count(c1_4.missing) == 0 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice", "bob", "ci"]}
}

test_untrusted_member_fails if {
	vs := c1_4.violations with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice"]}
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
	g := {"name": "docker", "gid": 998, "members": ["root"], "primary_members": []}
	count(c1_4.violations) == 0 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": []}
	not c1_4.manual with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_no_docker_group_and_root_only_socket_passes if {
	c1_4.checked == 1 with input.files as [root_only_sock] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	not c1_4.manual with input.files as [root_only_sock] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	count(c1_4.violations) == 0 with input.files as [root_only_sock] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	count(c1_4.missing) == 0 with input.files as [root_only_sock] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_empty_docker_group_passes_without_allowlist if {
	g := {"name": "docker", "gid": 998, "members": [], "primary_members": []}
	c1_4.checked == 1 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	not c1_4.manual with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_world_writable_socket_fails_without_allowlist if {
	open_sock := object.union(sock, {"mode": 438})
	g := {"name": "docker", "gid": 998, "members": [], "primary_members": []}
	vs := c1_4.violations with input.files as [open_sock] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	vs == {{
		"resource": {"kind": "file", "id": "/var/run/docker.sock", "name": "docker_sock"},
		"message": "/var/run/docker.sock is writable by every local user (mode 0666): anyone can control the Docker daemon",
		"actual": "0666", "expected": "no write permission for others (0660 or stricter)",
	}}
}

test_socket_owner_other_than_root_has_access if {
	owned := object.union(sock, {"uid": 1001, "owner": "deploy"})
	g := {"name": "docker", "gid": 998, "members": [], "primary_members": []}
	vs := c1_4.violations with input.files as [owned] with input.host as {"groups_collected": true, "docker_group": g}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice"]}
	[v.message | some v in vs] == ["user deploy can control the Docker daemon (owner of /var/run/docker.sock) but is not in trusted_users"]
}

test_other_socket_group_without_members_is_missing if {
	other := object.union(sock, {"gid": 1500, "group": "devs"})
	c1_4.missing == {"members of group devs, which owns /var/run/docker.sock (not collected; proposed fact host.socket_groups)"} with input.files as [other]
		with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_other_socket_group_from_proposed_fact if {
	other := object.union(sock, {"gid": 1500, "group": "devs"})
	devs := {"name": "devs", "gid": 1500, "members": ["dave"], "primary_members": []}
	vs := c1_4.violations with input.files as [other]
		with input.host as {"groups_collected": true, "docker_group": null, "socket_groups": [devs]}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice"]}
	[v.message | some v in vs] == ["user dave can control the Docker daemon (member of group devs, which owns /var/run/docker.sock) but is not in trusted_users"]
}

test_group_without_write_bit_grants_nothing if {
	read_only_group := object.union(sock, {"gid": 1500, "group": "devs", "mode": 416})
	count(c1_4.missing) == 0 with input.files as [read_only_group] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	c1_4.checked == 1 with input.files as [read_only_group] with input.host as {"groups_collected": true, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_groups_not_collected_is_missing if {
	c1_4.missing == {"host.docker_group (/etc/group could not be read)"} with input.files as [sock]
		with input.host as {"groups_collected": false, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
	not c1_4.checked with input.files as [sock] with input.host as {"groups_collected": false, "docker_group": null}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_unstatable_socket_is_missing if {
	unknown := object.union(sock, {"exists": null, "mode": null, "error_kind": "permission", "error": "Permission denied"})
	c1_4.missing == {"file /var/run/docker.sock (permission: Permission denied)"} with input.files as [unknown]
		with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {}
}

test_trusted_users_must_be_a_list if {
	c1_4.missing == {"params.trusted_users (must be a list of user names)"} with input.files as [sock]
		with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": "alice"}
}

test_whole_package_on_a_failing_host if {
	doc := c1_4 with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": docker_group}
		with input.meta as {"hostname": "h1"} with data.dockerbench.params as {"trusted_users": ["alice"]}
	count(doc.violations) == 2
	doc.checked == 4
	count(doc.evidence.accounts) == 3
}

test_whole_package_with_nothing_collected if {
	doc := c1_4 with input.files as [] with input.host as {} with data.dockerbench.params as {}
	doc.missing == {"host.docker_group (/etc/group could not be read)"}
	not doc.checked
}

test_user_resource_without_hostname if {
	vs := c1_4.violations with input.files as [sock] with input.host as {"groups_collected": true, "docker_group": {"name": "docker", "gid": 998, "members": ["bob"], "primary_members": []}}
		with input.meta as {"hostname": null} with data.dockerbench.params as {"trusted_users": []}
	[v.resource | some v in vs] == [{"kind": "host", "id": "host/user/bob", "name": "bob"}]
}
