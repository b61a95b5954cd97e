package cis_docker_1_1_0.c5_8_test

import data.cis_docker_1_1_0.c5_8
import data.lib.result

web := {"id": "w", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true,
	"ports": [{"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 8080}],
	"exposed_ports": ["443/tcp", "80/tcp"], "publish_all_ports": false}

all_ports := object.union(web, {"id": "p", "name": "/api", "publish_all_ports": true, "ports": [
	{"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 32768},
	{"container_port": 443, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 32769},
]})

stopped := object.union(web, {"id": "s", "name": "/old", "status": "exited", "running": false, "publish_all_ports": true})

test_explicit_ports_are_manual_with_evidence if {
	doc := c5_8 with input.containers as [web, stopped]
	doc.manual == "Confirm with the application owners that every published port is needed (see the ports per container in the evidence)"
	doc.reviews == set()
	doc.evidence == {"containers": [{"name": "web", "published": ["0.0.0.0:8080->80/tcp"], "exposed": ["443/tcp", "80/tcp"], "publish_all_ports": false}]}
	doc.checked == 1
	doc.missing == set()
	not doc.not_applicable
}

test_unpublished_ports_are_not_in_the_evidence if {
	c := object.union(web, {"ports": [{"container_port": 22, "protocol": "tcp", "host_ip": "", "host_port": null}]})
	c5_8.evidence == {"containers": [{"name": "web", "published": [], "exposed": ["443/tcp", "80/tcp"], "publish_all_ports": false}]} with input.containers as [c]
}

test_publish_all_is_reviewed if {
	rs := c5_8.reviews with input.containers as [web, all_ports]
	rs == {{
		"resource": {"kind": "container", "id": "p", "name": "api"},
		"message": "container api publishes every exposed port (--publish-all): 2 port(s) published",
		"actual": ["0.0.0.0:32768->80/tcp", "0.0.0.0:32769->443/tcp"],
		"expected": "explicit -p mappings of the needed ports only",
	}}
}

test_uninspected_running_container_is_missing if {
	c := object.union(all_ports, {"inspected": false})
	doc := c5_8 with input.containers as [c]
	doc.missing == {"container api publish_all_ports (GET /containers/{id}/json failed)"}
	doc.reviews == set()
}

test_uninspected_stopped_container_is_not_missing if {
	c := object.union(stopped, {"inspected": false})
	doc := c5_8 with input.containers as [web, c]
	doc.missing == set()
	doc.checked == 1
}

test_no_running_container_is_not_applicable if {
	doc := c5_8 with input.containers as [stopped]
	doc.not_applicable == "no container is running"
	doc.reviews == set()
	doc.evidence == {"containers": []}
}

test_uncollected_containers_are_missing if {
	doc := c5_8 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}
