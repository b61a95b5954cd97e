package cis_docker_1_1_0.c6_2_test

import data.cis_docker_1_1_0.c6_2
import data.lib.result

# host(running, paused, stopped) is a snapshot whose GET /info has these container counts.
host(running, paused, stopped) := {
	"meta": {"docker_host": "unix:///var/run/docker.sock"},
	"daemon": {"info": {
		"docker_root_dir": "/var/lib/docker",
		"containers": (running + paused) + stopped,
		"containers_running": running,
		"containers_paused": paused,
		"containers_stopped": stopped,
	}},
}

dockerd := {"kind": "daemon", "id": "unix:///var/run/docker.sock", "name": "dockerd"}

test_few_stopped_passes if {
	doc := c6_2 with input as host(10, 0, 2) with data.dockerbench.params as {}
	doc.reviews == set()
	doc.missing == set()
	doc.checked == 12
}

test_stopped_exceeding_running_by_25_is_for_review if {
	rs := c6_2.reviews with input as host(3, 0, 28) with data.dockerbench.params as {}
	rs == {result.finding(
		dockerd,
		"28 stopped containers against 3 running (25 more stopped than running; flagged from 25): remove the ones no longer needed",
		{"stopped": 28, "running": 3},
		"fewer than 25 more stopped than running containers",
	)}
}

test_24_more_stopped_is_below_the_margin if {
	c6_2.reviews == set() with input as host(3, 0, 27) with data.dockerbench.params as {}
	c6_2.checked == 30 with input as host(3, 0, 27) with data.dockerbench.params as {}
}

test_many_stopped_but_more_running_passes if {
	c6_2.reviews == set() with input as host(100, 0, 40) with data.dockerbench.params as {}
	c6_2.checked == 140 with input as host(100, 0, 40) with data.dockerbench.params as {}
}

test_paused_containers_are_not_stopped if {
	c6_2.reviews == set() with input as host(1, 20, 10) with data.dockerbench.params as {}
}

test_organisation_margin_applies if {
	rs := c6_2.reviews with input as host(1, 0, 11) with data.dockerbench.params as {"stopped_container_margin": 10}
	result.brief(rs) == {{
		"resource": dockerd,
		"message": "11 stopped containers against 1 running (10 more stopped than running; flagged from 10): remove the ones no longer needed",
	}}
}

test_null_margin_is_the_default if {
	c6_2.reviews == set() with input as host(1, 0, 11) with data.dockerbench.params as {"stopped_container_margin": null}
	c6_2.evidence.margin == 25 with input as host(1, 0, 11) with data.dockerbench.params as {"stopped_container_margin": null}
}

test_invalid_margin_is_missing if {
	doc := c6_2 with input as host(1, 0, 11) with data.dockerbench.params as {"stopped_container_margin": "many"}
	doc.missing == {"params.stopped_container_margin (many is not a positive number)"}
	doc.reviews == set()
	not doc.checked
}

test_zero_margin_is_missing if {
	c6_2.missing == {"params.stopped_container_margin (0 is not a positive number)"} with input as host(1, 0, 11) with data.dockerbench.params as {"stopped_container_margin": 0}
}

test_no_containers_is_not_applicable if {
	c6_2.not_applicable == "there are no containers on this host" with input as host(0, 0, 0) with data.dockerbench.params as {}
}

test_uncollected_info_is_missing if {
	doc := c6_2 with input as {"meta": {"docker_host": "unix:///var/run/docker.sock"}, "daemon": {"info": null}} with data.dockerbench.params as {}
	doc.missing == {"daemon.info (GET /info could not be collected)"}
	not doc.checked
	not doc.not_applicable
	not doc.evidence
}

test_evidence_has_every_count if {
	ev := c6_2.evidence with input as host(1, 20, 10) with data.dockerbench.params as {}
	ev == {"containers": 31, "running": 1, "paused": 20, "stopped": 10, "stopped_minus_running": 9, "margin": 25}
}

test_whole_package_on_a_sprawling_host if {
	doc := c6_2 with input as object.remove(host(3, 0, 28), ["meta"]) with data.dockerbench.params as {}
	result.brief(doc.reviews) == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "28 stopped containers against 3 running (25 more stopped than running; flagged from 25): remove the ones no longer needed",
	}}
	doc.missing == set()
	doc.checked == 31
	doc.evidence.stopped_minus_running == 25
}

test_whole_package_with_nothing_collected if {
	doc := c6_2 with input as {"daemon": {}} with data.dockerbench.params as {}
	doc.missing == {"daemon.info (GET /info could not be collected)"}
	doc.reviews == set()
	not doc.checked
	not doc.evidence
}

# The auditor (running) and two stopped containers: 2 stopped against 0 running once it is left out.
test_the_auditor_container_is_not_counted if {
	auditor := {"id": "a", "name": "/dockerbench", "labels": {"dockerbench.auditor": "true"}, "running": true, "status": "running"}
	stopped := {"id": "s", "name": "/old", "labels": {}, "running": false, "status": "exited"}
	snap := object.union(host(1, 0, 2), {"containers": [auditor, stopped, object.union(stopped, {"id": "t"})]})
	doc := c6_2 with input as snap with data.dockerbench.params as {"stopped_container_margin": 2}
	result.brief(doc.reviews) == {{
		"resource": dockerd,
		"message": "2 stopped containers against 0 running (2 more stopped than running; flagged from 2): remove the ones no longer needed",
	}}
	doc.evidence == {"containers": 2, "running": 0, "paused": 0, "stopped": 2, "stopped_minus_running": 2, "margin": 2}
	doc.checked == 2
}

test_only_the_auditor_is_not_applicable if {
	auditor := {"id": "a", "name": "/dockerbench", "labels": {"dockerbench.auditor": "true"}, "running": false, "status": "exited"}
	snap := object.union(host(0, 0, 1), {"containers": [auditor]})
	c6_2.not_applicable == "there are no containers on this host" with input as snap with data.dockerbench.params as {}
}
