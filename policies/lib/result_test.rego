package lib.result_test

import data.lib.result

test_daemon_resource_names_the_docker_host if {
	result.daemon == {"kind": "daemon", "id": "unix:///run/docker.sock", "name": "dockerd"} with input.meta as {"docker_host": "unix:///run/docker.sock"}
}

test_daemon_resource_without_meta if {
	result.daemon == {"kind": "daemon", "id": "dockerd", "name": "dockerd"}
}

test_host_resource_with_null_hostname if {
	result.host == {"kind": "host", "id": "host", "name": "host"} with input.meta as {"hostname": null}
}

test_swarm_resource_without_node_id if {
	result.swarm.id == "swarm" with input.swarm as {"node_id": null}
}

test_image_name_prefers_tags if {
	img := {"id": "sha256:0123456789abcdef0123", "repo_tags": ["app:1"], "repo_digests": []}
	result.image(img).name == "app:1"
}

test_untagged_image_is_named_by_short_id if {
	img := {"id": "sha256:0123456789abcdef0123", "repo_tags": [], "repo_digests": []}
	result.image(img).name == "sha256:0123456789ab"
}

test_container_name_drops_the_slash if {
	result.container({"id": "c1", "name": "/web"}) == {"kind": "container", "id": "c1", "name": "web"}
}

test_brief_keeps_resource_and_message_of_each_finding if {
	r := {"kind": "host", "id": "h", "name": "h"}
	fs := [result.finding(r, "one", 1, 0), result.finding(r, "two", 2, 0), result.finding(r, "one", 3, 0)]
	result.brief(fs) == {{"resource": r, "message": "one"}, {"resource": r, "message": "two"}}
}
