package cis_docker_1_1_0.c6_1_test

import data.cis_docker_1_1_0.c6_1

nginx := {"id": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "repo_tags": ["nginx:1.25"], "repo_digests": []}

redis := {"id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "repo_tags": ["redis:7"], "repo_digests": []}

dangling := {"id": "sha256:3333333333333333333333333333333333333333333333333333333333333333", "repo_tags": [], "repo_digests": []}

web := {"id": "c1", "name": "/web", "image": "nginx:1.25", "image_id": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "labels": {}, "status": "running", "running": true}

stopped_cache := {"id": "c2", "name": "/cache", "image": "redis:7", "image_id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "labels": {}, "status": "exited", "running": false}

test_all_images_in_use_passes if {
	c6_1.checked == 2 with input.images as [nginx, redis] with input.containers as [web, stopped_cache]
	count(c6_1.reviews) == 0 with input.images as [nginx, redis] with input.containers as [web, stopped_cache]
	count(c6_1.missing) == 0 with input.images as [nginx, redis] with input.containers as [web, stopped_cache]
	not c6_1.not_applicable with input.images as [nginx, redis] with input.containers as [web, stopped_cache]
}

test_image_of_a_stopped_container_is_in_use if {
	count(c6_1.reviews) == 0 with input.images as [redis] with input.containers as [stopped_cache]
}

test_unused_image_is_for_review if {
	rs := c6_1.reviews with input.images as [nginx, redis] with input.containers as [web]
	rs == [{
		"resource": {"kind": "image", "id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "name": "redis:7"},
		"message": "image redis:7 (222222222222) is not used by any container, running or stopped",
		"actual": "used by no container",
		"expected": "used by a container, or removed",
	}]
}

test_dangling_image_says_so if {
	rs := c6_1.reviews with input.images as [dangling] with input.containers as []
	[r.message | some r in rs] == ["dangling image sha256:333333333333 (333333333333) is not used by any container, running or stopped"]
}

test_image_id_without_prefix_matches if {
	bare := object.union(web, {"image_id": "1111111111111111111111111111111111111111111111111111111111111111"})
	count(c6_1.reviews) == 0 with input.images as [nginx] with input.containers as [bare]
}

test_container_by_tag_does_not_hide_a_retagged_image if {
	# the container asked for nginx:1.25 but runs image 1111...; a newer nginx:1.25 (4444...) is unused
	newer := object.union(nginx, {"id": "sha256:4444444444444444444444444444444444444444444444444444444444444444"})
	old := object.union(nginx, {"repo_tags": []})
	rs := c6_1.reviews with input.images as [old, newer] with input.containers as [web]
	[r.resource.id | some r in rs] == ["sha256:4444444444444444444444444444444444444444444444444444444444444444"]
}

test_no_images_is_not_applicable if {
	c6_1.not_applicable == "there are no images on this host" with input.images as [] with input.containers as null
	count(c6_1.missing) == 0 with input.images as [] with input.containers as null
}

test_uncollected_images_are_missing if {
	c6_1.missing == {"images (the image list could not be collected)"} with input.images as null with input.containers as [web]
}

test_uncollected_containers_are_missing if {
	c6_1.missing == {"containers (the container list could not be collected, so image use is unknown)"} with input.images as [nginx] with input.containers as null
	count(c6_1.reviews) == 0 with input.images as [nginx] with input.containers as null
	not c6_1.checked with input.images as [nginx] with input.containers as null
}

test_evidence_counts if {
	ev := c6_1.evidence with input.images as [nginx, redis, dangling] with input.containers as [web]
	ev == {"images": 3, "in_use": 1, "unused": 2, "dangling": 1}
}

test_whole_package_on_a_host_with_unused_images if {
	doc := c6_1 with input.images as [nginx, redis, dangling] with input.containers as [web]
	count(doc.reviews) == 2
	doc.checked == 3
	doc.evidence.unused == 2
}

test_whole_package_with_nothing_collected if {
	doc := c6_1 with input.images as null with input.containers as null
	count(doc.missing) == 1
	not doc.checked
}
