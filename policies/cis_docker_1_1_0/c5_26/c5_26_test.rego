package cis_docker_1_1_0.c5_26_test

import data.cis_docker_1_1_0.c5_26
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "health_status": "healthy", "healthcheck": {"test": ["CMD-SHELL", "curl -f localhost"]}}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "health_status": null, "healthcheck": null}

test_healthy_running_container_passes if {
	c5_26 == {
		"checked": 1, "missing": set(), "violations": set(),
		"evidence": {"unhealthy": [], "starting": []},
	} with input.containers as [web, db]
}

test_starting_container_passes if {
	c := object.union(web, {"health_status": "starting"})
	c5_26.violations == set() with input.containers as [c]
	c5_26.evidence == {"unhealthy": [], "starting": ["web"]} with input.containers as [c]
}

test_unhealthy_is_evidence_not_a_fail if {
	c := object.union(web, {"health_status": "unhealthy"})
	c5_26.violations == set() with input.containers as [c]
	c5_26.evidence == {"unhealthy": ["web"], "starting": []} with input.containers as [c]
}

test_running_without_health_check_fails if {
	c := object.union(web, {"health_status": null, "healthcheck": null})
	vs := c5_26.violations with input.containers as [c]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web is running without a health check (no HEALTHCHECK in the image and no --health-cmd)",
		"actual": null, "expected": "a health check (State.Health present)",
	}}
}

test_disabled_health_check_fails if {
	c := object.union(web, {"health_status": null, "healthcheck": {"test": ["NONE"]}})
	vs := c5_26.violations with input.containers as [c]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web is running without a health check (disabled by --no-healthcheck or HEALTHCHECK NONE)",
	}}
}

test_stopped_container_is_not_evaluated if {
	c5_26.violations == set() with input.containers as [db]
	c5_26.not_applicable == "no container is running" with input.containers as [db]
	c5_26.checked == 0 with input.containers as [db]
}

test_no_containers_is_not_applicable if {
	c5_26.not_applicable == "no container is running" with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_26.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_26.not_applicable with input.containers as null
	c5_26.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing_not_failed if {
	c := object.union(web, {"inspected": false, "health_status": null})
	c5_26.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_26.violations == set() with input.containers as [c]
}

test_uninspected_stopped_container_is_not_missing if {
	c := object.union(db, {"inspected": false})
	c5_26.missing == set() with input.containers as [web, c]
	c5_26.checked == 1 with input.containers as [web, c]
	c5_26.missing == set() with input.containers as [c]
	c5_26.not_applicable == "no container is running" with input.containers as [c]
}
