package org.c5_3_test

import data.lib.result
import data.org.c5_3

vpn := {"id": "v", "name": "/vpn", "image": "registry.example.com/vpn:2", "cap_add": ["CAP_NET_ADMIN"], "running": true, "inspected": true, "labels": {}}

allow := {"custom": {"cap_allow": {"registry.example.com/vpn:2": ["CAP_NET_ADMIN"]}}}

test_an_allowed_capability_passes if {
	c5_3.violations == set() with input.containers as [vpn] with data.dockerbench.params as allow
}

test_a_capability_not_on_the_list_fails if {
	vs := c5_3.violations with input.containers as [vpn] with data.dockerbench.params as {}
	result.brief(vs) == {{"resource": {"kind": "container", "id": "v", "name": "vpn"}, "message": "container vpn adds CAP_NET_ADMIN, which image registry.example.com/vpn:2 is not allowed to add"}}
}
