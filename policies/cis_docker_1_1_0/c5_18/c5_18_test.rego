package cis_docker_1_1_0.c5_18_test

import data.cis_docker_1_1_0.c5_18
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "ulimits": []}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "ulimits": []}

overrides := [{"name": "nproc", "soft": 512, "hard": 1024}, {"name": "nofile", "soft": 1024, "hard": 2048}]

test_default_ulimits_pass if {
	c5_18 == {"checked": 2, "missing": set(), "reviews": set()} with input.containers as [web, db]
}

test_override_is_reviewed if {
	rs := c5_18.reviews with input.containers as [web, object.union(db, {"ulimits": overrides})]
	rs == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db overrides the default ulimits: nofile=1024:2048, nproc=512:1024; confirm each is needed",
		"actual": ["nofile=1024:2048", "nproc=512:1024"], "expected": "the daemon's default ulimits (no override)",
	}}
}

test_unlimited_value_is_shown_as_given if {
	c := object.union(web, {"ulimits": [{"name": "memlock", "soft": -1, "hard": -1}]})
	rs := c5_18.reviews with input.containers as [c]
	result.brief(rs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web overrides the default ulimits: memlock=-1:-1; confirm each is needed",
	}}
}

test_no_containers_is_not_applicable if {
	c5_18.not_applicable == "there are no containers on this host" with input.containers as []
	c5_18.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_18.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_18.not_applicable with input.containers as null
	c5_18.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false, "ulimits": overrides})
	c5_18.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_18.reviews == set() with input.containers as [c]
}
