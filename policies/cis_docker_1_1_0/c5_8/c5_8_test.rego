package cis_docker_1_1_0.c5_8_test

import data.cis_docker_1_1_0.c5_8

web := {"id": "w", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true,
	"ports": [{"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 8080}],
	"exposed_ports": ["443/tcp", "80/tcp"], "publish_all_ports": false}

all_ports := object.union(web, {"id": "p", "name": "/api", "publish_all_ports": true, "ports": [
	{"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 32768},
	{"container_port": 443, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 32769},
]})

stopped := object.union(web, {"id": "s", "name": "/old", "status": "exited", "running": false, "publish_all_ports": true})

test_explicit_ports_are_manual_with_evidence if {
	c5_8.manual with input.containers as [web, stopped]
	count(c5_8.reviews) == 0 with input.containers as [web, stopped]
	c5_8.evidence == {"containers": [{"name": "web", "published": ["0.0.0.0:8080->80/tcp"], "exposed": ["443/tcp", "80/tcp"], "publish_all_ports": false}]} with input.containers as [web, stopped]
	c5_8.checked == 1 with input.containers as [web, stopped]
	count(c5_8.missing) == 0 with input.containers as [web, stopped]
}

test_publish_all_is_reviewed if {
	rs := c5_8.reviews with input.containers as [web, all_ports]
	rs == [{
		"resource": {"kind": "container", "id": "p", "name": "api"},
		"message": "container api publishes every exposed port (--publish-all): 2 port(s) published",
		"actual": ["0.0.0.0:32768->80/tcp", "0.0.0.0:32769->443/tcp"],
		"expected": "explicit -p mappings of the needed ports only",
	}]
}

test_uninspected_running_container_is_missing if {
	c := object.union(web, {"inspected": false})
	c5_8.missing == ["container web publish_all_ports (GET /containers/{id}/json failed)"] with input.containers as [c]
}

test_no_running_container_is_not_applicable if {
	c5_8.not_applicable == "no container is running" with input.containers as [stopped]
}

test_uncollected_containers_are_missing if {
	c5_8.missing == ["containers (the container list could not be collected)"] with input.containers as null
	not c5_8.not_applicable with input.containers as null
}
