package cis_docker_1_1_0.c5_6_test

import data.cis_docker_1_1_0.c5_6

nginx := {"id": "n", "name": "/nginx", "labels": {}, "status": "running", "running": true, "inspected": true, "processes": [
	{"pid": 10, "user": "root", "command": "nginx", "args": "nginx: master process nginx -g daemon off;"},
	{"pid": 11, "user": "101", "command": "nginx", "args": "nginx: worker process"},
]}

ssh_box := {"id": "s", "name": "/box", "labels": {}, "status": "running", "running": true, "inspected": true, "processes": [
	{"pid": 20, "user": "root", "command": "sshd", "args": "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"},
	{"pid": 21, "user": "root", "command": "bash", "args": "/bin/bash /start.sh"},
]}

stopped_ssh := {"id": "o", "name": "/old", "labels": {}, "status": "exited", "running": false, "inspected": true, "processes": null}

test_no_ssh_passes if {
	count(c5_6.violations) == 0 with input.containers as [nginx, stopped_ssh]
	c5_6.checked == 1 with input.containers as [nginx, stopped_ssh]
	count(c5_6.missing) == 0 with input.containers as [nginx, stopped_ssh]
}

test_sshd_fails if {
	vs := c5_6.violations with input.containers as [nginx, ssh_box]
	vs == [{
		"resource": {"kind": "container", "id": "s", "name": "box"},
		"message": "container box runs an SSH server (1 process(es)): sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
		"actual": ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"],
		"expected": "no SSH server process",
	}]
}

test_ps_ef_shape_command_names_are_recognised if {
	c := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "sshd:", "args": "sshd: root@pts/0"}]})
	count(c5_6.violations) == 1 with input.containers as [c]
	d := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "/usr/sbin/dropbear", "args": "/usr/sbin/dropbear -F"}]})
	count(c5_6.violations) == 1 with input.containers as [d]
}

test_ssh_client_is_not_a_server if {
	c := object.union(ssh_box, {"processes": [{"pid": 5, "user": "root", "command": "ssh", "args": "ssh -N -L 5432:db:5432 bastion"}]})
	count(c5_6.violations) == 0 with input.containers as [c]
}

test_unknown_processes_of_a_running_container_are_missing if {
	c := object.union(nginx, {"processes": null})
	c5_6.missing == ["container nginx processes (not collected: its inspect or GET /containers/{id}/top failed)"] with input.containers as [c]
	not c5_6.not_applicable with input.containers as [c]
}

test_only_stopped_containers_is_not_applicable if {
	c5_6.not_applicable == "no container is running" with input.containers as [stopped_ssh]
}

test_no_containers_is_not_applicable if {
	c5_6.not_applicable == "no container is running" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_6.missing == ["containers (the container list could not be collected)"] with input.containers as null
	not c5_6.not_applicable with input.containers as null
}
