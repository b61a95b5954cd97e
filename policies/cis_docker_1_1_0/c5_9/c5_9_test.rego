package cis_docker_1_1_0.c5_9_test

import data.cis_docker_1_1_0.c5_9
import data.lib.result

bridged := {"id": "b0b0b0b0b0b0b0b0", "name": "/web", "labels": {}, "network_mode": "bridge", "status": "running", "running": true}

custom_net := object.union(bridged, {"id": "c1c1c1c1c1c1c1c1", "name": "/api", "network_mode": "app-net"})

host_net := object.union(bridged, {"id": "h0h0h0h0h0h0h0h0", "name": "/monitor", "network_mode": "host", "status": "exited", "running": false})

sidecar_by_name := object.union(bridged, {"id": "s1s1s1s1s1s1s1s1", "name": "/sidecar", "network_mode": "container:monitor"})

sidecar_by_id := object.union(bridged, {"id": "s2s2s2s2s2s2s2s2", "name": "/sidecar2", "network_mode": "container:h0h0h0h0h0h0h0h0"})

sidecar_of_bridged := object.union(bridged, {"id": "s3s3s3s3s3s3s3s3", "name": "/sidecar3", "network_mode": "container:web"})

test_bridge_and_user_networks_pass if {
	doc := c5_9 with input.containers as [bridged, custom_net, sidecar_of_bridged]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 3
	not doc.not_applicable
}

test_host_network_fails_on_a_stopped_container if {
	vs := c5_9.violations with input.containers as [bridged, host_net]
	vs == {{
		"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"},
		"message": "container monitor shares the host's network namespace (network mode host, status exited)",
		"actual": "host", "expected": "a network mode other than host",
	}}
}

test_joining_a_host_network_container_fails if {
	vs := c5_9.violations with input.containers as [host_net, sidecar_by_name, sidecar_by_id]
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"}, "message": "container monitor shares the host's network namespace (network mode host, status exited)"},
		{"resource": {"kind": "container", "id": "s1s1s1s1s1s1s1s1", "name": "sidecar"}, "message": "container sidecar shares the host's network namespace through container monitor (network mode container:monitor, status running)"},
		{"resource": {"kind": "container", "id": "s2s2s2s2s2s2s2s2", "name": "sidecar2"}, "message": "container sidecar2 shares the host's network namespace through container monitor (network mode container:h0h0h0h0h0h0h0h0, status running)"},
	}
}

test_joining_by_a_short_id_prefix_fails if {
	c := object.union(sidecar_by_id, {"network_mode": "container:h0h0h0h0h0h0"})
	vs := c5_9.violations with input.containers as [host_net, c]
	vs == {
		{
			"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"},
			"message": "container monitor shares the host's network namespace (network mode host, status exited)",
			"actual": "host", "expected": "a network mode other than host",
		},
		{
			"resource": {"kind": "container", "id": "s2s2s2s2s2s2s2s2", "name": "sidecar2"},
			"message": "container sidecar2 shares the host's network namespace through container monitor (network mode container:h0h0h0h0h0h0, status running)",
			"actual": "container:h0h0h0h0h0h0", "expected": "a network mode other than host",
		},
	}
}

test_an_id_prefix_under_12_characters_is_no_reference if {
	c := object.union(sidecar_by_id, {"network_mode": "container:h0h0h0"})
	vs := c5_9.violations with input.containers as [host_net, c]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"}, "message": "container monitor shares the host's network namespace (network mode host, status exited)"}}
}

test_joining_the_auditor_in_the_host_namespace_fails if {
	auditor := object.union(host_net, {"labels": {"dockerbench.auditor": "true"}})
	vs := c5_9.violations with input.containers as [auditor, sidecar_by_name]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "s1s1s1s1s1s1s1s1", "name": "sidecar"}, "message": "container sidecar shares the host's network namespace through container monitor (network mode container:monitor, status running)"}}
}

test_uninspected_container_is_still_checked if {
	c := object.union(host_net, {"inspected": false})
	doc := c5_9 with input.containers as [c]
	result.brief(doc.violations) == {{"resource": {"kind": "container", "id": "h0h0h0h0h0h0h0h0", "name": "monitor"}, "message": "container monitor shares the host's network namespace (network mode host, status exited)"}}
	doc.missing == set()
}

test_no_containers_is_not_applicable if {
	c5_9.not_applicable == "there are no containers on this host" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_9 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}
