package cis_docker_1_1_0.c5_7_test

import data.cis_docker_1_1_0.c5_7

high := {"container_port": 80, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 8080}

low := {"container_port": 8080, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 80}

low_v6 := {"container_port": 8443, "protocol": "tcp", "host_ip": "::", "host_port": 443}

unpublished := {"container_port": 22, "protocol": "tcp", "host_ip": "", "host_port": null}

web := {"id": "w", "name": "/web", "labels": {}, "ports": [high, unpublished], "status": "running", "running": true}

stopped := {"id": "s", "name": "/old", "labels": {}, "ports": [low], "status": "exited", "running": false}

test_high_host_ports_pass if {
	count(c5_7.violations) == 0 with input.containers as [web, stopped]
	c5_7.checked == 1 with input.containers as [web, stopped]
	count(c5_7.missing) == 0 with input.containers as [web, stopped]
}

test_low_host_port_fails if {
	c := object.union(web, {"ports": [high, low]})
	vs := c5_7.violations with input.containers as [c]
	vs == [{
		"resource": {"kind": "container", "id": "w", "name": "web"},
		"message": "container web publishes 0.0.0.0:80->8080/tcp on privileged host port 80",
		"actual": "0.0.0.0:80->8080/tcp",
		"expected": "host ports of 1024 or above",
	}]
}

test_each_low_binding_is_a_finding if {
	c := object.union(web, {"ports": [low, low_v6]})
	vs := c5_7.violations with input.containers as [c]
	[v.actual | some v in vs] == ["0.0.0.0:80->8080/tcp", "[::]:443->8443/tcp"]
}

test_low_container_port_on_high_host_port_passes if {
	c := object.union(web, {"ports": [{"container_port": 22, "protocol": "tcp", "host_ip": "127.0.0.1", "host_port": 2222}]})
	count(c5_7.violations) == 0 with input.containers as [c]
}

test_empty_host_ip_reads_as_every_interface if {
	c := object.union(web, {"ports": [{"container_port": 53, "protocol": "udp", "host_ip": "", "host_port": 53}]})
	some v in c5_7.violations with input.containers as [c]
	v.actual == "*:53->53/udp"
}

test_uninspected_running_container_is_still_checked if {
	c := object.union(web, {"ports": [low], "inspected": false})
	count(c5_7.violations) == 1 with input.containers as [c]
	count(c5_7.missing) == 0 with input.containers as [c]
}

test_no_running_container_is_not_applicable if {
	c5_7.not_applicable == "no container is running" with input.containers as [stopped]
}

test_uncollected_containers_are_missing if {
	c5_7.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_7.not_applicable with input.containers as null
}
