package cis_docker_1_1_0.c5_9_test

import data.cis_docker_1_1_0.c5_9

bridged := {"id": "b0b0b0b0b0b0b0b0", "name": "/web", "labels": {}, "network_mode": "bridge", "status": "running", "running": true}

custom_net := object.union(bridged, {"id": "c1c1c1c1c1c1c1c1", "name": "/api", "network_mode": "app-net"})

host_net := object.union(bridged, {"id": "h0h0h0h0h0h0h0h0", "name": "/monitor", "network_mode": "host", "status": "exited", "running": false})

sidecar_by_name := object.union(bridged, {"id": "s1s1s1s1s1s1s1s1", "name": "/sidecar", "network_mode": "container:monitor"})

sidecar_by_id := object.union(bridged, {"id": "s2s2s2s2s2s2s2s2", "name": "/sidecar2", "network_mode": "container:h0h0h0h0h0h0h0h0"})

sidecar_of_bridged := object.union(bridged, {"id": "s3s3s3s3s3s3s3s3", "name": "/sidecar3", "network_mode": "container:web"})

test_bridge_and_user_networks_pass if {
	count(c5_9.violations) == 0 with input.containers as [bridged, custom_net, sidecar_of_bridged]
	c5_9.checked == 3 with input.containers as [bridged, custom_net, sidecar_of_bridged]
	count(c5_9.missing) == 0 with input.containers as [bridged, custom_net, sidecar_of_bridged]
}

test_host_network_fails_on_a_stopped_container if {
	vs := c5_9.violations with input.containers as [bridged, host_net]
	vs == [{
		"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"},
		"message": "container monitor shares the host's network namespace (network mode host, status exited)",
		"actual": "host", "expected": "a network mode other than host",
	}]
}

test_joining_a_host_network_container_fails if {
	vs := c5_9.violations with input.containers as [host_net, sidecar_by_name, sidecar_by_id]
	[v.message | some v in vs] == [
		"container monitor shares the host's network namespace (network mode host, status exited)",
		"container sidecar shares the host's network namespace through container monitor (network mode container:monitor, status running)",
		"container sidecar2 shares the host's network namespace through container monitor (network mode container:h0h0h0h0h0h0h0h0, status running)",
	]
}

test_uninspected_container_is_still_checked if {
	c := object.union(host_net, {"inspected": false})
	count(c5_9.violations) == 1 with input.containers as [c]
	count(c5_9.missing) == 0 with input.containers as [c]
}

test_no_containers_is_not_applicable if {
	c5_9.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_9.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_9.not_applicable with input.containers as null
}
