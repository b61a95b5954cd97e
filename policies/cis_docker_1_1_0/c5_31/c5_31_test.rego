package cis_docker_1_1_0.c5_31_test

import data.cis_docker_1_1_0.c5_31
import data.lib.result

data_mount := {"type": "bind", "source": "/srv/data", "destination": "/data", "rw": true, "mode": "", "propagation": "rprivate"}

sock := {"type": "bind", "source": "/var/run/docker.sock", "destination": "/var/run/docker.sock", "rw": true, "mode": "", "propagation": "rprivate"}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "mounts": [data_mount]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "mounts": []}

custom_daemon := {"argv": ["dockerd", "-H", "unix:///srv/dockerd/api.sock"], "flags": {"host": ["unix:///srv/dockerd/api.sock"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

web_resource := {"kind": "container", "id": "a1", "name": "web"}

test_no_socket_mount_passes if {
	c5_31 == {
		"checked": 2, "missing": set(), "violations": set(), "reviews": set(),
		"evidence": {"docker_socket_paths": ["/run/docker.sock", "/var/run/docker.sock"]},
	} with input.containers as [web, db]
}

test_default_socket_fails if {
	vs := c5_31.violations with input.containers as [object.union(web, {"mounts": [data_mount, sock]})]
	vs == {{
		"resource": web_resource,
		"message": "container web mounts the Docker socket /var/run/docker.sock at /var/run/docker.sock",
		"actual": "/var/run/docker.sock", "expected": "no Docker socket mounted",
	}}
}

test_read_only_socket_still_fails if {
	m := object.union(sock, {"source": "/run/docker.sock", "destination": "/docker.sock", "rw": false})
	vs := c5_31.violations with input.containers as [object.union(db, {"mounts": [m]})]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db mounts the Docker socket /run/docker.sock at /docker.sock (read-only, which does not protect a socket)",
	}}
}

test_any_path_ending_in_docker_sock_fails if {
	m := object.union(sock, {"source": "/home/ci/.docker/run/docker.sock", "destination": "/sock"})
	vs := c5_31.violations with input.containers as [object.union(web, {"mounts": [m]})]
	result.brief(vs) == {{
		"resource": web_resource,
		"message": "container web mounts the Docker socket /home/ci/.docker/run/docker.sock at /sock",
	}}
}

test_configured_unix_socket_fails if {
	m := object.union(sock, {"source": "/srv/dockerd/api.sock", "destination": "/api.sock"})
	vs := c5_31.violations with input.containers as [object.union(web, {"mounts": [m]})] with input.daemon as custom_daemon
	vs == {{
		"resource": web_resource,
		"message": "container web mounts the Docker socket /srv/dockerd/api.sock at /api.sock",
		"actual": "/srv/dockerd/api.sock", "expected": "no Docker socket mounted",
	}}
}

test_docker_sock_role_file_fails if {
	m := object.union(sock, {"source": "/opt/engine.sock", "destination": "/e.sock"})
	f := [{"role": "docker_sock", "path": "/opt/engine.sock", "exists": true, "resolved_path": null}]
	vs := c5_31.violations with input.containers as [object.union(web, {"mounts": [m]})] with input.files as f
	result.brief(vs) == {{
		"resource": web_resource,
		"message": "container web mounts the Docker socket /opt/engine.sock at /e.sock",
	}}
}

test_directory_holding_the_socket_is_reviewed if {
	m := object.union(data_mount, {"source": "/run", "destination": "/host/run"})
	rs := c5_31.reviews with input.containers as [object.union(web, {"mounts": [m]})]
	rs == {{
		"resource": web_resource,
		"message": "container web mounts /run at /host/run, which holds the Docker socket /run/docker.sock",
		"actual": "/run", "expected": "no Docker socket mounted",
	}}
	c5_31.violations == set() with input.containers as [object.union(web, {"mounts": [m]})]
}

test_root_mount_is_reviewed_once_per_socket if {
	m := object.union(data_mount, {"source": "/", "destination": "/host"})
	rs := c5_31.reviews with input.containers as [object.union(web, {"mounts": [m]})]
	result.brief(rs) == {
		{"resource": web_resource, "message": "container web mounts / at /host, which holds the Docker socket /run/docker.sock"},
		{"resource": web_resource, "message": "container web mounts / at /host, which holds the Docker socket /var/run/docker.sock"},
	}
}

test_volume_is_not_reviewed if {
	m := {"type": "volume", "source": "/var/run", "destination": "/v", "rw": true}
	c5_31.reviews == set() with input.containers as [object.union(web, {"mounts": [m]})]
}

test_similar_directory_is_not_reviewed if {
	m := object.union(data_mount, {"source": "/var/runner", "destination": "/r"})
	c5_31.reviews == set() with input.containers as [object.union(web, {"mounts": [m]})]
}

test_evidence_lists_the_socket_paths if {
	e := c5_31.evidence with input.containers as [web] with input.daemon as custom_daemon
	e == {"docker_socket_paths": ["/run/docker.sock", "/srv/dockerd/api.sock", "/var/run/docker.sock"]}
}

test_no_containers_is_not_applicable if {
	c5_31.not_applicable == "there are no containers on this host" with input.containers as []
	c5_31.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_31.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_31.not_applicable with input.containers as null
	c5_31.checked == 0 with input.containers as null
}

test_uninspected_container_is_judged_from_its_list_mounts if {
	c := object.union(web, {"inspected": false, "mounts": [sock]})
	c5_31.missing == set() with input.containers as [c]
	vs := c5_31.violations with input.containers as [c]
	result.brief(vs) == {{
		"resource": web_resource,
		"message": "container web mounts the Docker socket /var/run/docker.sock at /var/run/docker.sock",
	}}
}

test_auditor_container_is_excluded if {
	c := object.union(web, {"labels": {"dockerbench.auditor": "true"}, "mounts": [sock]})
	c5_31.violations == set() with input.containers as [c]
	c5_31.not_applicable == "there are no containers on this host" with input.containers as [c]
}
