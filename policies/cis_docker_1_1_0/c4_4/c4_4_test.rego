package cis_docker_1_1_0.c4_4_test

import data.cis_docker_1_1_0.c4_4

old := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["old:1"], "repo_digests": [], "created_unix": 1000000000, "history": []}

undated := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["undated:1"], "repo_digests": [], "created_unix": null, "history": []}

runner := {"id": "c1", "name": "/old-1", "image_id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "labels": {}, "running": true}

meta := {"collected_at_unix": 1000864000}

manual_text := "Check that every image is scanned for vulnerabilities and rebuilt from patched bases (see each image's age in the evidence)"

test_manual_with_image_ages if {
	imgs := [old, undated]
	c4_4.manual == manual_text with input.images as imgs with input.containers as [runner] with input.meta as meta
	c4_4.evidence == {"images": [
		{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "old:1", "created_unix": 1000000000, "age_days": 10, "running_containers": ["old-1"]},
		{"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "undated:1", "created_unix": null, "age_days": null, "running_containers": []},
	]} with input.images as imgs with input.containers as [runner] with input.meta as meta
	c4_4.missing == set() with input.images as imgs with input.containers as [runner] with input.meta as meta
	c4_4.checked == 2 with input.images as imgs with input.containers as [runner] with input.meta as meta
	c4_4.checked == 1 with input.images as [old] with input.meta as meta
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
	ev := c4_4.evidence with input.images as [undated, old] with input.containers as cs with input.meta as meta
	[[e.name, e.running_containers] | some e in ev.images] == [["undated:1", ["undated-1"]], ["old:1", ["old-1", "old-2", "old-3"]]]
}

test_partial_day_rounds_down if {
	ev := c4_4.evidence with input.images as [old] with input.containers as [] with input.meta as {"collected_at_unix": 1000086399}
	ev == {"images": [{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "old:1", "created_unix": 1000000000, "age_days": 0, "running_containers": []}]}
}

test_image_from_the_future_has_a_negative_age if {
	ev := c4_4.evidence with input.images as [old] with input.containers as [] with input.meta as {"collected_at_unix": 999913600}
	[e.age_days | some e in ev.images] == [-1]
}

test_no_images_is_not_applicable if {
	c4_4.not_applicable == "there are no images on this host" with input.images as []
	c4_4.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_4.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_4.not_applicable with input.images as null
}
