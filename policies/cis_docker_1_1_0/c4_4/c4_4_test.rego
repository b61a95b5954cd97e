package cis_docker_1_1_0.c4_4_test

import data.cis_docker_1_1_0.c4_4

old := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["old:1"], "repo_digests": [], "created_unix": 1000000000, "history": []}

undated := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["undated:1"], "repo_digests": [], "created_unix": null, "history": []}

runner := {"id": "c1", "name": "/old-1", "image_id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "labels": {}, "running": true}

test_manual_with_image_ages if {
	c4_4.manual with input.images as [old, undated] with input.containers as [runner] with input.meta as {"collected_at_unix": 1000864000}
	c4_4.evidence == {"images": [
		{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "old:1", "created_unix": 1000000000, "age_days": 10, "running_containers": ["old-1"]},
		{"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "undated:1", "created_unix": null, "age_days": null, "running_containers": []},
	]} with input.images as [old, undated] with input.containers as [runner] with input.meta as {"collected_at_unix": 1000864000}
	count(c4_4.missing) == 0 with input.images as [old, undated] with input.containers as [runner] with input.meta as {"collected_at_unix": 1000864000}
	c4_4.checked == 1 with input.images as [old] with input.meta as {"collected_at_unix": 1000864000}
}

test_running_containers_are_grouped_by_image if {
	cs := [
		object.union(runner, {"id": "c3", "name": "/old-3"}),
		object.union(runner, {"id": "c4", "name": "/undated-1", "image_id": "sha256:bbbb2222bbbb2222bbbb2222bbbb"}),
		runner,
		object.union(runner, {"id": "c5", "name": "/stopped", "running": false}),
		object.union(runner, {"id": "c6", "name": "/other", "image_id": "sha256:cccc"}),
		object.union(runner, {"id": "c7", "name": "/old-2"}),
	]
	ev := c4_4.evidence with input.images as [undated, old] with input.containers as cs with input.meta as {"collected_at_unix": 1000864000}
	[[e.name, e.running_containers] | some e in ev.images] == [["undated:1", ["undated-1"]], ["old:1", ["old-1", "old-2", "old-3"]]]
}

test_partial_day_rounds_down if {
	some e in c4_4.evidence.images with input.images as [old] with input.meta as {"collected_at_unix": 1000086399}
	e.age_days == 0
}

test_no_images_is_not_applicable if {
	c4_4.not_applicable == "there are no images on this host" with input.images as []
}

test_uncollected_images_are_missing if {
	c4_4.missing == {"images (the image list could not be collected)"} with input.images as null
}
