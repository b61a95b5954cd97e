package cis_docker_1_1_0.c2_1_test

import data.cis_docker_1_1_0.c2_1
import data.lib.result

daemon_base := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

bridge_isolated := {
	"id": "b1", "name": "bridge", "driver": "bridge", "scope": "local", "is_default_bridge": true,
	"options": {"com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.enable_icc": "false"},
	"containers": [], "inspected": true,
}

bridge_open := {
	"id": "b1", "name": "bridge", "driver": "bridge", "scope": "local", "is_default_bridge": true,
	"options": {"com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.enable_icc": "true"},
	"containers": [], "inspected": true,
}

bridge_no_option := {
	"id": "b1", "name": "bridge", "driver": "bridge", "scope": "local", "is_default_bridge": true,
	"options": {"com.docker.network.bridge.default_bridge": "true"},
	"containers": [], "inspected": true,
}

user_network := {
	"id": "u1", "name": "backend", "driver": "bridge", "scope": "local", "is_default_bridge": false,
	"options": {}, "containers": [], "inspected": true,
}

bridge_resource := {"kind": "network", "id": "b1", "name": "bridge"}

open_message := "default bridge network bridge allows traffic between its containers (com.docker.network.bridge.enable_icc=true)"

test_icc_false_on_default_bridge_passes if {
	d := daemon_base
	r := c2_1 with input.daemon as d with input.networks as [bridge_isolated, user_network]
	r.violations == set()
	r.missing == set()
	r.checked == 1
	not r.not_applicable
}

test_icc_true_on_default_bridge_fails if {
	d := daemon_base
	r := c2_1 with input.daemon as d with input.networks as [bridge_open, user_network]
	r.violations == {{
		"resource": bridge_resource,
		"message": open_message,
		"actual": "true", "expected": "false",
	}}
	r.missing == set()
}

test_effective_option_wins_over_configuration if {
	d := object.union(daemon_base, {"flags": {"icc": ["false"]}})
	vs := c2_1.violations with input.daemon as d with input.networks as [bridge_open]
	result.brief(vs) == {{"resource": bridge_resource, "message": open_message}}
}

test_effective_option_is_read_in_any_case if {
	d := daemon_base
	n := object.union(bridge_open, {"options": {"com.docker.network.bridge.enable_icc": "FALSE"}})
	r := c2_1 with input.daemon as d with input.networks as [n]
	r.violations == set()
	r.checked == 1
}

test_user_defined_networks_are_not_checked if {
	d := daemon_base
	r := c2_1 with input.daemon as d with input.networks as [bridge_isolated, user_network]
	r.violations == set()
	r.checked == 1
}

test_option_absent_falls_back_to_configured_icc if {
	d := object.union(daemon_base, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"icc": false}}})
	r := c2_1 with input.daemon as d with input.networks as [bridge_no_option]
	r.violations == set()
	r.missing == set()
	r.checked == 1
}

test_option_absent_falls_back_to_the_icc_flag if {
	d := object.union(daemon_base, {"flags": {"icc": ["false"]}})
	r := c2_1 with input.daemon as d with input.networks as [bridge_no_option]
	r.violations == set()
	r.missing == set()
}

test_option_absent_and_icc_unset_fails_on_the_default if {
	d := daemon_base
	vs := c2_1.violations with input.daemon as d with input.networks as [bridge_no_option]
	vs == {{"resource": bridge_resource, "message": open_message, "actual": "true", "expected": "false"}}
}

test_option_absent_and_config_unreadable_is_missing if {
	d := object.union(daemon_base, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_1 with input.daemon as d with input.networks as [bridge_no_option]
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	r.violations == set()
}

test_option_present_needs_no_configuration if {
	d := object.union(daemon_base, {"argv": null, "config_file": null})
	r := c2_1 with input.daemon as d with input.networks as [bridge_isolated]
	r.missing == set()
	r.violations == set()
}

test_bridge_none_is_not_applicable if {
	d := object.union(daemon_base, {"flags": {"bridge": ["none"]}})
	r := c2_1 with input.daemon as d with input.networks as [user_network]
	r.not_applicable == "the default bridge is disabled (bridge: none), so there is no default bridge network"
	r.missing == set()
	r.checked == 0
}

test_bridge_none_in_daemon_json_without_networks_is_not_applicable if {
	d := object.union(daemon_base, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"bridge": "none"}}})
	r := c2_1 with input.daemon as d with input.networks as null
	r.not_applicable == "the default bridge is disabled (bridge: none), so there is no default bridge network"
	r.missing == set()
}

test_no_default_bridge_is_not_applicable if {
	d := daemon_base
	r := c2_1 with input.daemon as d with input.networks as [user_network]
	r.not_applicable == "there is no default bridge network on this host (dockerd runs without one)"
	r.missing == set()
}

test_uncollected_networks_are_missing if {
	d := daemon_base
	r := c2_1 with input.daemon as d with input.networks as null
	r.missing == {"networks (GET /networks could not be collected)"}
	not r.not_applicable
}
