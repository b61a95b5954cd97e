package cis_docker_1_1_0.c6_2_test

import data.cis_docker_1_1_0.c6_2

test_few_stopped_passes if {
	c6_2.checked == 12 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 10, "containers_paused": 0, "containers_stopped": 2}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	count(c6_2.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 10, "containers_paused": 0, "containers_stopped": 2}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	count(c6_2.missing) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 10, "containers_paused": 0, "containers_stopped": 2}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_stopped_exceeding_running_by_25_is_for_review if {
	rs := c6_2.reviews with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 31, "containers_running": 3, "containers_paused": 0, "containers_stopped": 28}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	rs == {{
		"resource": {"kind": "daemon", "id": "unix:///var/run/docker.sock", "name": "dockerd"},
		"message": "28 stopped containers against 3 running (25 more stopped than running; flagged from 25): remove the ones no longer needed",
		"actual": {"stopped": 28, "running": 3},
		"expected": "fewer than 25 more stopped than running containers",
	}}
}

test_24_more_stopped_is_below_the_margin if {
	count(c6_2.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 30, "containers_running": 3, "containers_paused": 0, "containers_stopped": 27}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_many_stopped_but_more_running_passes if {
	count(c6_2.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 140, "containers_running": 100, "containers_paused": 0, "containers_stopped": 40}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_paused_containers_are_not_stopped if {
	count(c6_2.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 31, "containers_running": 1, "containers_paused": 20, "containers_stopped": 10}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_organisation_margin_applies if {
	count(c6_2.reviews) == 1 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 1, "containers_paused": 0, "containers_stopped": 11}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {"stopped_container_margin": 10}
	count(c6_2.reviews) == 0 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 1, "containers_paused": 0, "containers_stopped": 11}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {"stopped_container_margin": null}
}

test_invalid_margin_is_missing if {
	c6_2.missing == {"params.stopped_container_margin (many is not a positive number)"} with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 12, "containers_running": 1, "containers_paused": 0, "containers_stopped": 11}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {"stopped_container_margin": "many"}
}

test_no_containers_is_not_applicable if {
	c6_2.not_applicable == "there are no containers on this host" with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 0, "containers_running": 0, "containers_paused": 0, "containers_stopped": 0}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_uncollected_info_is_missing if {
	c6_2.missing == {"daemon.info (GET /info could not be collected)"} with input.daemon.info as null
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	not c6_2.checked with input.daemon.info as null with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	not c6_2.not_applicable with input.daemon.info as null with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
}

test_evidence_has_every_count if {
	ev := c6_2.evidence with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 31, "containers_running": 1, "containers_paused": 20, "containers_stopped": 10}
		with input.meta as {"docker_host": "unix:///var/run/docker.sock"} with data.dockerbench.params as {}
	ev == {"containers": 31, "running": 1, "paused": 20, "stopped": 10, "stopped_minus_running": 9, "margin": 25}
}

test_whole_package_on_a_sprawling_host if {
	doc := c6_2 with input.daemon.info as {"docker_root_dir": "/var/lib/docker", "containers": 31, "containers_running": 3, "containers_paused": 0, "containers_stopped": 28}
		with data.dockerbench.params as {}
	count(doc.reviews) == 1
	doc.checked == 31
	doc.evidence.stopped_minus_running == 25
}

test_whole_package_with_nothing_collected if {
	doc := c6_2 with input.daemon as {} with data.dockerbench.params as {}
	count(doc.missing) == 1
	not doc.checked
	not doc.evidence
}
