package cis_docker_1_1_0.c4_3_test

import data.cis_docker_1_1_0.c4_3

web := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["web:1"], "repo_digests": [], "size": 1000, "history": []}

idle := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["idle:1"], "repo_digests": [], "size": 20, "history": []}

web_running := {"id": "c1", "name": "/web-1", "image_id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "labels": {}, "running": true}

web_stopped := {"id": "c2", "name": "/web-old", "image_id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "labels": {}, "running": false}

manual_text := "Review the packages installed in each image (e.g. with an SBOM tool or dpkg -l / rpm -qa / apk info) and remove those its containers do not need"

test_images_are_manual_with_inventory if {
	imgs := [web, idle]
	cs := [web_running, web_stopped]
	c4_3.manual == manual_text with input.images as imgs with input.containers as cs
	c4_3.evidence == {"images": [
		{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "web:1", "size": 1000, "running_containers": ["web-1"]},
		{"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "idle:1", "size": 20, "running_containers": []},
	]} with input.images as imgs with input.containers as cs
	c4_3.missing == set() with input.images as imgs with input.containers as cs
	c4_3.checked == 2 with input.images as imgs with input.containers as cs
}

test_running_containers_are_grouped_by_image if {
	cs := [
		object.union(web_running, {"id": "c3", "name": "/web-3"}),
		object.union(web_running, {"id": "c4", "name": "/idle-1", "image_id": "sha256:bbbb2222bbbb2222bbbb2222bbbb"}),
		web_running,
		web_stopped,
		object.union(web_running, {"id": "c5", "name": "/other", "image_id": "sha256:cccc"}),
		object.union(web_running, {"id": "c6", "name": "/web-2"}),
	]
	ev := c4_3.evidence with input.images as [idle, web] with input.containers as cs
	[[e.name, e.running_containers] | some e in ev.images] == [["idle:1", ["idle-1"]], ["web:1", ["web-1", "web-2", "web-3"]]]
}

test_unknown_size_is_null_in_the_evidence if {
	ev := c4_3.evidence with input.images as [object.union(web, {"size": null})] with input.containers as []
	ev == {"images": [{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "web:1", "size": null, "running_containers": []}]}
}

test_unknown_containers_only_thin_the_evidence if {
	c4_3.missing == set() with input.images as [web] with input.containers as null
	c4_3.manual == manual_text with input.images as [web] with input.containers as null
	c4_3.evidence == {"images": [{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "web:1", "size": 1000, "running_containers": []}]} with input.images as [web] with input.containers as null
}

test_no_images_is_not_applicable if {
	c4_3.not_applicable == "there are no images on this host" with input.images as []
	c4_3.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_3.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_3.not_applicable with input.images as null
}
