package cis_docker_1_1_0.c1_3_test

import data.cis_docker_1_1_0.c1_3

test_without_minimum_is_manual if {
	c1_3.manual with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	not c1_3.checked with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	c1_3.evidence.engine_version == "24.0.7" with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_null_minimum_is_manual if {
	c1_3.manual with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": null} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_without_minimum_version_facts_are_not_missing if {
	count(c1_3.missing) == 0 with input.daemon as {"version": null, "info": null} with data.dockerbench.params as {} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	c1_3.manual with input.daemon as {"version": null, "info": null} with data.dockerbench.params as {} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_current_engine_passes if {
	c1_3.checked == 1 with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.7"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	count(c1_3.violations) == 0 with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.7"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	count(c1_3.missing) == 0 with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.7"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	not c1_3.manual with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.7"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_numeric_patch_comparison if {
	count(c1_3.violations) == 0 with input.daemon as {"version": {"version": "20.10.24", "api_version": "1.41"}}
		with data.dockerbench.params as {"min_engine_version": "20.10.5"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_distribution_suffix_is_ignored if {
	count(c1_3.violations) == 0 with input.daemon as {"version": {"version": "20.10.24+dfsg1", "api_version": "1.41"}}
		with data.dockerbench.params as {"min_engine_version": "20.10.24"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_old_engine_fails if {
	vs := c1_3.violations with input.daemon as {"version": {"version": "20.10.5", "api_version": "1.41"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.0"}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	vs == {{
		"resource": {"kind": "daemon", "id": "unix:///var/run/docker.sock", "name": "dockerd"},
		"message": "Docker Engine 20.10.5 is older than the minimum version 24.0.0",
		"actual": "20.10.5",
		"expected": "24.0.0 or newer",
	}}
}

test_info_server_version_used_without_version_endpoint if {
	count(c1_3.violations) == 1 with input.daemon as {"version": null, "info": {"docker_root_dir": "/var/lib/docker", "server_version": "17.06.0-ce"}}
		with data.dockerbench.params as {"min_engine_version": "18.09"}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_unknown_version_is_missing if {
	c1_3.missing == {"daemon.version (GET /version could not be collected, and GET /info gave no ServerVersion)"} with input.daemon as {"version": null, "info": null}
		with data.dockerbench.params as {"min_engine_version": "24.0.0"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	not c1_3.checked with input.daemon as {"version": null, "info": null}
		with data.dockerbench.params as {"min_engine_version": "24.0.0"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_invalid_minimum_is_missing if {
	c1_3.missing == {"params.min_engine_version (latest is not a version such as 24.0.7)"} with input.daemon as {"version": {"version": "24.0.7", "api_version": "1.43"}}
		with data.dockerbench.params as {"min_engine_version": "latest"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_dev_build_is_for_review if {
	rs := c1_3.reviews with input.daemon as {"version": {"version": "dev", "api_version": "1.44"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.0"}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
	[r.message | some r in rs] == ["Docker Engine version dev cannot be compared with the minimum version 24.0.0"]
	count(c1_3.violations) == 0 with input.daemon as {"version": {"version": "dev", "api_version": "1.44"}}
		with data.dockerbench.params as {"min_engine_version": "24.0.0"} with input.meta as {"docker_host": "unix:///var/run/docker.sock"}
}

test_whole_package_on_a_failing_host if {
	doc := c1_3 with input.daemon as {"version": {"version": "19.03.1", "api_version": "1.40", "components": []}}
		with data.dockerbench.params as {"min_engine_version": "20.10"}
	count(doc.violations) == 1
	doc.checked == 1
	doc.evidence.min_engine_version == "20.10"
}

test_whole_package_with_nothing_collected if {
	doc := c1_3 with input.daemon as {} with data.dockerbench.params as {"min_engine_version": "20.10"}
	count(doc.missing) == 1
	doc.evidence.engine_version == null
}
