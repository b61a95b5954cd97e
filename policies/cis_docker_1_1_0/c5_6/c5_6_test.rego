package cis_docker_1_1_0.c5_6_test

import data.cis_docker_1_1_0.c5_6
import data.lib.result

nginx := {"id": "n", "name": "/nginx", "labels": {}, "status": "running", "running": true, "inspected": true, "processes": [
	{"pid": 10, "user": "root", "command": "nginx", "args": "nginx: master process nginx -g daemon off;"},
	{"pid": 11, "user": "101", "command": "nginx", "args": "nginx: worker process"},
]}

ssh_box := {"id": "s", "name": "/box", "labels": {}, "status": "running", "running": true, "inspected": true, "processes": [
	{"pid": 20, "user": "root", "command": "sshd", "args": "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"},
	{"pid": 21, "user": "root", "command": "bash", "args": "/bin/bash /start.sh"},
]}

stopped_ssh := {"id": "o", "name": "/old", "labels": {}, "status": "exited", "running": false, "inspected": true, "processes": null}

box := {"kind": "container", "id": "s", "name": "box"}

test_no_ssh_passes if {
	doc := c5_6 with input.containers as [nginx, stopped_ssh]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_sshd_fails if {
	vs := c5_6.violations with input.containers as [nginx, ssh_box]
	vs == {{
		"resource": {"kind": "container", "id": "s", "name": "box"},
		"message": "container box runs an SSH server (1 process(es)): sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
		"actual": ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"],
		"expected": "no SSH server process",
	}}
}

test_ps_ef_shape_command_names_are_recognised if {
	r := box
	c := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "sshd:", "args": "sshd: root@pts/0"}]})
	vs := c5_6.violations with input.containers as [c]
	result.brief(vs) == {{"resource": r, "message": "container box runs an SSH server (1 process(es)): sshd: root@pts/0"}}
	d := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "/usr/sbin/dropbear", "args": "/usr/sbin/dropbear -F"}]})
	ws := c5_6.violations with input.containers as [d]
	result.brief(ws) == {{"resource": r, "message": "container box runs an SSH server (1 process(es)): /usr/sbin/dropbear -F"}}
}

test_openssh_session_helpers_are_counted if {
	c := object.union(ssh_box, {"processes": [
		{"pid": 5, "user": "root", "command": "/usr/sbin/sshd", "args": "sshd: /usr/sbin/sshd -D"},
		{"pid": 6, "user": "root", "command": "sshd-session", "args": "sshd-session: root [priv]"},
	]})
	vs := c5_6.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "s", "name": "box"},
		"message": "container box runs an SSH server (2 process(es)): sshd-session: root [priv]",
		"actual": ["sshd-session: root [priv]", "sshd: /usr/sbin/sshd -D"],
		"expected": "no SSH server process",
	}}
}

test_ssh_client_is_not_a_server if {
	c := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "ssh", "args": "ssh -N -L 5432:db:5432 bastion"}]})
	c5_6.violations == set() with input.containers as [c]
}

test_server_without_args_fails_closed if {
	c := object.union(ssh_box, {"processes": [{"command": "sshd"}]})
	vs := c5_6.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "s", "name": "box"},
		"message": "container box runs an SSH server (1 process(es)): ",
		"actual": [""],
		"expected": "no SSH server process",
	}}
}

test_unknown_processes_of_a_running_container_are_missing if {
	c := object.union(nginx, {"processes": null})
	doc := c5_6 with input.containers as [c]
	doc.missing == {"container nginx processes (not collected: its inspect or GET /containers/{id}/top failed)"}
	doc.violations == set()
	not doc.not_applicable
}

test_uninspected_running_container_is_missing if {
	c := object.union(ssh_box, {"inspected": false, "processes": null})
	doc := c5_6 with input.containers as [c]
	doc.missing == {"container box processes (not collected: its inspect or GET /containers/{id}/top failed)"}
	doc.violations == set()
}

test_only_stopped_containers_is_not_applicable if {
	doc := c5_6 with input.containers as [stopped_ssh]
	doc.not_applicable == "no container is running"
	doc.missing == set()
	doc.checked == 0
}

test_no_containers_is_not_applicable if {
	c5_6.not_applicable == "no container is running" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_6 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}
