package cis_docker_1_1_0.c5_7_test

import data.cis_docker_1_1_0.c5_7
import data.lib.result

high := {"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 8080}

low := {"container_port": 8080, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 80}

low_v6 := {"container_port": 8443, "protocol": "tcp", "host_ip": "::", "host_port": 443}

unpublished := {"container_port": 22, "protocol": "tcp", "host_ip": "", "host_port": null}

web := {"id": "w", "name": "/web", "labels": {}, "ports": [high, unpublished], "status": "running", "running": true}

stopped := {"id": "s", "name": "/old", "labels": {}, "ports": [low], "status": "exited", "running": false}

web_resource := {"kind": "container", "id": "w", "name": "web"}

test_high_host_ports_pass if {
	doc := c5_7 with input.containers as [web, stopped]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_low_host_port_fails if {
	c := object.union(web, {"ports": [high, low]})
	vs := c5_7.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "w", "name": "web"},
		"message": "container web publishes 0.0.0.0:80->8080/tcp on privileged host port 80",
		"actual": "0.0.0.0:80->8080/tcp",
		"expected": "host ports of 1024 or above",
	}}
}

test_each_low_binding_is_a_finding if {
	r := web_resource
	c := object.union(web, {"ports": [low, low_v6]})
	vs := c5_7.violations with input.containers as [c]
	result.brief(vs) == {
		{"resource": r, "message": "container web publishes 0.0.0.0:80->8080/tcp on privileged host port 80"},
		{"resource": r, "message": "container web publishes [::]:443->8443/tcp on privileged host port 443"},
	}
}

test_low_container_port_on_high_host_port_passes if {
	c := object.union(web, {"ports": [{"container_port": 22, "protocol": "tcp", "host_ip": "127.0.0.1", "host_port": 2222}]})
	c5_7.violations == set() with input.containers as [c]
}

test_host_port_zero_is_not_a_binding if {
	c := object.union(web, {"ports": [object.union(low, {"host_port": 0})]})
	c5_7.violations == set() with input.containers as [c]
}

test_empty_host_ip_reads_as_every_interface if {
	r := web_resource
	c := object.union(web, {"ports": [{"container_port": 53, "protocol": "udp", "host_ip": "", "host_port": 53}]})
	vs := c5_7.violations with input.containers as [c]
	result.brief(vs) == {{"resource": r, "message": "container web publishes *:53->53/udp on privileged host port 53"}}
}

test_uninspected_running_container_is_still_checked if {
	r := web_resource
	c := object.union(web, {"ports": [low], "inspected": false})
	doc := c5_7 with input.containers as [c]
	result.brief(doc.violations) == {{"resource": r, "message": "container web publishes 0.0.0.0:80->8080/tcp on privileged host port 80"}}
	doc.missing == set()
}

test_no_running_container_is_not_applicable if {
	doc := c5_7 with input.containers as [stopped]
	doc.not_applicable == "no container is running"
	doc.violations == set()
}

test_uncollected_containers_are_missing if {
	doc := c5_7 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}
