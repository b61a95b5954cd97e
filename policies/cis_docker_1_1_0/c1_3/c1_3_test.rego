package cis_docker_1_1_0.c1_3_test

import data.cis_docker_1_1_0.c1_3
import data.lib.result

meta := {"docker_host": "unix:///var/run/docker.sock"}

daemon := {"kind": "daemon", "id": "unix:///var/run/docker.sock", "name": "dockerd"}

# snapshot: GET /version's engine version (null: not collected), with the docker host.
snapshot(version) := {"daemon": {"version": {"version": version, "api_version": "1.43"}}, "meta": meta} if is_string(version)

else := {"daemon": {"version": null, "info": null}, "meta": meta}

manual := "no minimum engine version was given (parameter min_engine_version): compare the engine version in the evidence with the current supported Docker release and its security fixes"

test_without_minimum_is_manual if {
	inp := snapshot("24.0.7")
	c1_3.manual == manual with input as inp with data.dockerbench.params as {}
	not c1_3.checked with input as inp with data.dockerbench.params as {}
	c1_3.violations == set() with input as inp with data.dockerbench.params as {}
	c1_3.evidence == {"engine_version": "24.0.7", "api_version": "1.43", "components": [], "min_engine_version": null} with input as inp
		with data.dockerbench.params as {}
}

test_null_minimum_is_manual if {
	inp := snapshot("24.0.7")
	c1_3.manual == manual with input as inp with data.dockerbench.params as {"min_engine_version": null}
	c1_3.missing == set() with input as inp with data.dockerbench.params as {"min_engine_version": null}
}

test_without_minimum_version_facts_are_not_missing if {
	inp := snapshot(null)
	c1_3.missing == set() with input as inp with data.dockerbench.params as {}
	c1_3.manual == manual with input as inp with data.dockerbench.params as {}
}

test_current_engine_passes if {
	inp := snapshot("24.0.7")
	params := {"min_engine_version": "24.0.7"}
	c1_3.checked == 1 with input as inp with data.dockerbench.params as params
	c1_3.violations == set() with input as inp with data.dockerbench.params as params
	c1_3.reviews == set() with input as inp with data.dockerbench.params as params
	c1_3.missing == set() with input as inp with data.dockerbench.params as params
	not c1_3.manual with input as inp with data.dockerbench.params as params
}

test_numeric_patch_comparison if {
	inp := snapshot("20.10.24")
	c1_3.violations == set() with input as inp with data.dockerbench.params as {"min_engine_version": "20.10.5"}
	c1_3.checked == 1 with input as inp with data.dockerbench.params as {"min_engine_version": "20.10.5"}
}

test_distribution_suffix_is_ignored if {
	inp := snapshot("20.10.24+dfsg1")
	c1_3.violations == set() with input as inp with data.dockerbench.params as {"min_engine_version": "20.10.24"}
	c1_3.reviews == set() with input as inp with data.dockerbench.params as {"min_engine_version": "20.10.24"}
}

test_old_engine_fails if {
	inp := snapshot("20.10.5")
	vs := c1_3.violations with input as inp with data.dockerbench.params as {"min_engine_version": "24.0.0"}
	vs == {{
		"resource": daemon,
		"message": "Docker Engine 20.10.5 is older than the minimum version 24.0.0",
		"actual": "20.10.5",
		"expected": "24.0.0 or newer",
	}}
}

test_info_server_version_used_without_version_endpoint if {
	inp := {"daemon": {"version": null, "info": {"docker_root_dir": "/var/lib/docker", "server_version": "17.06.0-ce"}}, "meta": meta}
	vs := c1_3.violations with input as inp with data.dockerbench.params as {"min_engine_version": "18.09"}
	result.brief(vs) == {{"resource": daemon, "message": "Docker Engine 17.06.0-ce is older than the minimum version 18.09"}}
	c1_3.evidence.engine_version == "17.06.0-ce" with input as inp with data.dockerbench.params as {"min_engine_version": "18.09"}
}

test_unknown_version_is_missing if {
	inp := snapshot(null)
	c1_3.missing == {"daemon.version (GET /version could not be collected, and GET /info gave no ServerVersion)"} with input as inp
		with data.dockerbench.params as {"min_engine_version": "24.0.0"}
	not c1_3.checked with input as inp with data.dockerbench.params as {"min_engine_version": "24.0.0"}
}

test_invalid_minimum_is_missing if {
	inp := snapshot("24.0.7")
	c1_3.missing == {"params.min_engine_version (latest is not a version such as 24.0.7)"} with input as inp
		with data.dockerbench.params as {"min_engine_version": "latest"}
	not c1_3.checked with input as inp with data.dockerbench.params as {"min_engine_version": "latest"}
}

test_numeric_minimum_is_missing if {
	inp := snapshot("24.0.7")
	c1_3.missing == {"params.min_engine_version (24 is not a version such as 24.0.7)"} with input as inp
		with data.dockerbench.params as {"min_engine_version": 24}
}

# false is a value the organisation gave, not "no minimum": it is invalid, not manual.
test_false_minimum_is_missing if {
	inp := snapshot("24.0.7")
	c1_3.missing == {"params.min_engine_version (false is not a version such as 24.0.7)"} with input as inp
		with data.dockerbench.params as {"min_engine_version": false}
	not c1_3.manual with input as inp with data.dockerbench.params as {"min_engine_version": false}
}

test_dev_build_is_for_review if {
	inp := snapshot("dev")
	rs := c1_3.reviews with input as inp with data.dockerbench.params as {"min_engine_version": "24.0.0"}
	rs == {{
		"resource": daemon,
		"message": "Docker Engine version dev cannot be compared with the minimum version 24.0.0",
		"actual": "dev",
		"expected": "24.0.0 or newer",
	}}
	c1_3.violations == set() with input as inp with data.dockerbench.params as {"min_engine_version": "24.0.0"}
	c1_3.checked == 1 with input as inp with data.dockerbench.params as {"min_engine_version": "24.0.0"}
}

test_whole_package_on_a_failing_host if {
	doc := c1_3 with input as {"daemon": {"version": {"version": "19.03.1", "api_version": "1.40", "components": []}}}
		with data.dockerbench.params as {"min_engine_version": "20.10"}
	result.brief(doc.violations) == {{"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"}, "message": "Docker Engine 19.03.1 is older than the minimum version 20.10"}}
	doc.missing == set()
	doc.checked == 1
	doc.evidence.min_engine_version == "20.10"
}

test_whole_package_with_nothing_collected if {
	doc := c1_3 with input as {"daemon": {}} with data.dockerbench.params as {"min_engine_version": "20.10"}
	doc.missing == {"daemon.version (GET /version could not be collected, and GET /info gave no ServerVersion)"}
	doc.evidence.engine_version == null
	not doc.checked
}
