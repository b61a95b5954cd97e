package cis_docker_1_1_0.c5_13_test

import data.cis_docker_1_1_0.c5_13
import data.lib.result

specific := {"container_port": 80, "protocol": "tcp", "host_ip": "10.2.3.4", "host_port": 8080}

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "ports": [specific]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "ports": [object.union(specific, {"host_ip": "0.0.0.0"})]}

web_resource := {"kind": "container", "id": "a1", "name": "web"}

test_specific_address_passes if {
	doc := c5_13 with input.containers as [web, db]
	doc.violations == set()
	doc.missing == set()
	doc.checked == 1
	not doc.not_applicable
}

test_no_published_ports_pass if {
	c := object.union(web, {"ports": []})
	doc := c5_13 with input.containers as [c]
	doc.violations == set()
	doc.checked == 1
}

test_all_ipv4_interfaces_fail if {
	c := object.union(web, {"ports": [object.union(specific, {"host_ip": "0.0.0.0"})]})
	vs := c5_13.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web publishes 80/tcp on 0.0.0.0:8080, every host interface",
		"actual": "0.0.0.0:8080", "expected": "a specific host address",
	}}
}

test_all_ipv6_interfaces_fail if {
	r := web_resource
	c := object.union(web, {"ports": [object.union(specific, {"host_ip": "::", "protocol": "udp", "container_port": 53, "host_port": 5353})]})
	vs := c5_13.violations with input.containers as [c]
	result.brief(vs) == {{"resource": r, "message": "container web publishes 53/udp on [::]:5353, every host interface"}}
}

test_empty_host_ip_fails if {
	c := object.union(web, {"ports": [object.union(specific, {"host_ip": ""})]})
	vs := c5_13.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web publishes 80/tcp on *:8080 (empty host IP), every host interface",
		"actual": "*:8080 (empty host IP)", "expected": "a specific host address",
	}}
}

test_each_wide_binding_is_reported if {
	r := web_resource
	ports := [specific, object.union(specific, {"host_ip": "0.0.0.0"}), object.union(specific, {"host_ip": "::"})]
	vs := c5_13.violations with input.containers as [object.union(web, {"ports": ports})]
	result.brief(vs) == {
		{"resource": r, "message": "container web publishes 80/tcp on 0.0.0.0:8080, every host interface"},
		{"resource": r, "message": "container web publishes 80/tcp on [::]:8080, every host interface"},
	}
}

test_unpublished_port_is_ignored if {
	c := object.union(web, {"ports": [object.union(specific, {"host_ip": "0.0.0.0", "host_port": null})]})
	c5_13.violations == set() with input.containers as [c]
}

test_stopped_container_is_out_of_scope if {
	doc := c5_13 with input.containers as [db]
	doc.violations == set()
	doc.not_applicable == "no container is running"
}

test_no_containers_is_not_applicable if {
	c5_13.not_applicable == "no container is running" with input.containers as []
}

test_uncollected_containers_are_missing if {
	doc := c5_13 with input.containers as null
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_judged_from_its_list_ports if {
	r := web_resource
	c := object.union(web, {"inspected": false, "ports": [object.union(specific, {"host_ip": "0.0.0.0"})]})
	doc := c5_13 with input.containers as [c]
	doc.missing == set()
	result.brief(doc.violations) == {{"resource": r, "message": "container web publishes 80/tcp on 0.0.0.0:8080, every host interface"}}
}
