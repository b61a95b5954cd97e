package cis_docker_1_1_0.c6_1_test

import data.cis_docker_1_1_0.c6_1
import data.lib.result

nginx := {"id": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "repo_tags": ["nginx:1.25"], "repo_digests": []}

redis := {"id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "repo_tags": ["redis:7"], "repo_digests": []}

dangling := {"id": "sha256:3333333333333333333333333333333333333333333333333333333333333333", "repo_tags": [], "repo_digests": []}

web := {"id": "c1", "name": "/web", "image": "nginx:1.25", "image_id": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "labels": {}, "status": "running", "running": true}

stopped_cache := {"id": "c2", "name": "/cache", "image": "redis:7", "image_id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "labels": {}, "status": "exited", "running": false}

redis_review := {
	"resource": {"kind": "image", "id": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "name": "redis:7"},
	"message": "image redis:7 (222222222222) is not used by any container, running or stopped",
}

dangling_review := {
	"resource": {"kind": "image", "id": "sha256:3333333333333333333333333333333333333333333333333333333333333333", "name": "sha256:333333333333"},
	"message": "dangling image sha256:333333333333 (333333333333) is not used by any container, running or stopped",
}

test_all_images_in_use_passes if {
	doc := c6_1 with input as {"images": [nginx, redis], "containers": [web, stopped_cache]}
	doc.reviews == set()
	doc.missing == set()
	doc.checked == 2
	not doc.not_applicable
}

test_image_of_a_stopped_container_is_in_use if {
	c6_1.reviews == set() with input as {"images": [redis], "containers": [stopped_cache]}
	c6_1.checked == 1 with input as {"images": [redis], "containers": [stopped_cache]}
}

test_unused_image_is_for_review if {
	rs := c6_1.reviews with input as {"images": [nginx, redis], "containers": [web]}
	rs == {result.finding(redis_review.resource, redis_review.message, "used by no container", "used by a container, or removed")}
}

test_dangling_image_says_so if {
	rs := c6_1.reviews with input as {"images": [dangling], "containers": []}
	result.brief(rs) == {dangling_review}
}

test_none_tag_is_dangling if {
	untagged := object.union(dangling, {"repo_tags": ["<none>:<none>"]})
	rs := c6_1.reviews with input as {"images": [untagged], "containers": []}
	result.brief(rs) == {{
		"resource": {"kind": "image", "id": "sha256:3333333333333333333333333333333333333333333333333333333333333333", "name": "<none>:<none>"},
		"message": "dangling image <none>:<none> (333333333333) is not used by any container, running or stopped",
	}}
}

test_image_id_without_prefix_matches if {
	bare := object.union(web, {"image_id": "1111111111111111111111111111111111111111111111111111111111111111"})
	c6_1.reviews == set() with input as {"images": [nginx], "containers": [bare]}
}

test_container_by_tag_does_not_hide_a_retagged_image if {
	# the container asked for nginx:1.25 but runs image 1111...; a newer nginx:1.25 (4444...) is unused
	newer := object.union(nginx, {"id": "sha256:4444444444444444444444444444444444444444444444444444444444444444"})
	old := object.union(nginx, {"repo_tags": []})
	rs := c6_1.reviews with input as {"images": [old, newer], "containers": [web]}
	result.brief(rs) == {{
		"resource": {"kind": "image", "id": "sha256:4444444444444444444444444444444444444444444444444444444444444444", "name": "nginx:1.25"},
		"message": "image nginx:1.25 (444444444444) is not used by any container, running or stopped",
	}}
}

test_no_images_is_not_applicable if {
	doc := c6_1 with input as {"images": [], "containers": null}
	doc.not_applicable == "there are no images on this host"
	doc.missing == set()
}

test_uncollected_images_are_missing if {
	c6_1.missing == {"images (the image list could not be collected)"} with input as {"images": null, "containers": [web]}
}

test_uncollected_containers_are_missing if {
	doc := c6_1 with input as {"images": [nginx], "containers": null}
	doc.missing == {"containers (the container list could not be collected, so image use is unknown)"}
	doc.reviews == set()
	not doc.checked
	not doc.evidence
}

test_evidence_counts if {
	ev := c6_1.evidence with input as {"images": [nginx, redis, dangling], "containers": [web]}
	ev == {"images": 3, "in_use": 1, "unused": 2, "dangling": 1}
}

test_whole_package_on_a_host_with_unused_images if {
	doc := c6_1 with input as {"images": [nginx, redis, dangling], "containers": [web]}
	result.brief(doc.reviews) == {redis_review, dangling_review}
	doc.missing == set()
	doc.checked == 3
	doc.evidence.unused == 2
}

test_whole_package_with_nothing_collected if {
	doc := c6_1 with input as {"images": null, "containers": null}
	doc.missing == {"images (the image list could not be collected)"}
	doc.reviews == set()
	not doc.checked
	not doc.not_applicable
	not doc.evidence
}

test_a_container_list_shorter_than_the_daemon_count_is_missing if {
	img := {"id": "sha256:aa", "repo_tags": ["app:1"], "repo_digests": []}
	c6_1.missing == {"containers (the daemon reports 3 containers in GET /info but the snapshot lists 0)"} with input.images as [img] with input.containers as [] with input.daemon.info as {"containers": 3}
}
